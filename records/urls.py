from django.urls import path

from . import views

app_name = "records"

urlpatterns = [
    path("teams/", views.dashboard, name="dashboard"),
    path("teams/overzicht.csv", views.dashboard_csv, name="dashboard_csv"),
    path("inzicht/", views.insights, name="insights"),
    path("mijn-gegevens.json", views.my_data, name="my_data"),
]
