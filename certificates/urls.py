"""Included at the site root from cms/urls.py (before Wagtail's catch-all): the learner's pages
under /leren/certificaten/ and the public verification under /verify/."""

from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("leren/certificaten/", views.my_certificates, name="list"),
    path("leren/certificaten/<int:pk>/pdf/", views.certificate_pdf, name="pdf"),
    path("verify/", views.verify, name="verify"),
    path("verify/<str:code>/", views.verify, name="verify_code"),
]
