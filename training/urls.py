from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("", views.home, name="home"),
    path("module/<int:module_id>/start/", views.start, name="start"),
    path("poging/<int:attempt_id>/stap/<int:number>/", views.step, name="step"),
    path("poging/<int:attempt_id>/stap/<int:number>/antwoord/", views.answer, name="answer"),
    path("poging/<int:attempt_id>/stap/<int:number>/verder/", views.next_step, name="next"),
    path("poging/<int:attempt_id>/afronden/", views.finish, name="finish"),
    path("poging/<int:attempt_id>/resultaat/", views.result, name="result"),
]
