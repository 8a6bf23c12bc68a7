from django.urls import path

from . import views

app_name = "scan"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("rondes/nieuw/", views.open_round, name="open_round"),
    path("rondes/<int:pk>/", views.round_detail, name="round"),
    path("rondes/<int:pk>/acties/", views.save_actions, name="actions"),
    path("rondes/<int:pk>/sluiten/", views.close_round, name="close"),
    path("rondes/<int:pk>/gespreksdocument.pdf", views.round_pdf, name="pdf"),
    path("invullen/<str:token>/", views.answer, name="answer"),
    path("invullen/<str:token>/bedankt/", views.thanks, name="thanks"),
]
