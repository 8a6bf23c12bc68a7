from django.urls import path

from . import views
from .insight import views as insight_views

app_name = "records"

urlpatterns = [
    path("teams/", views.dashboard, name="dashboard"),
    path("teams/overzicht.csv", views.dashboard_csv, name="dashboard_csv"),
    path("inzicht/", views.insights, name="insights"),
    path("inzicht/signalen/", insight_views.insight, name="insight"),
    path("inzicht/signalen/<slug:slug>/", insight_views.insight, name="insight_view"),
    path("inzicht/signalen/<slug:slug>.json", insight_views.insight_json, name="insight_json"),
    path(
        "inzicht/signalen/<slug:slug>.<str:file_format>",
        insight_views.insight_export,
        name="insight_export",
    ),
    path("mijn-gegevens.json", views.my_data, name="my_data"),
]
