"""Security headers: a strict Content Security Policy with a nonce on learner pages (no
'unsafe-inline'), a workable one for the Wagtail admin, and the other hardening headers."""

import pytest


def policy(response):
    return dict(
        (part.strip().split(" ", 1) + [""])[:2]
        for part in response["Content-Security-Policy"].split(";")
        if part.strip()
    )


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/inloggen/", "/"])
def test_learner_pages_allow_no_inline_script_or_style(client, catalogue, url):
    response = client.get(url)

    csp = policy(response)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    # Only 'self', plus the request's nonce when a template uses {{ csp_nonce }}.
    assert csp["script-src"].split()[0] == "'self'"
    assert csp["style-src"] == "'self'"
    assert csp["object-src"] == "'none'"
    assert csp["frame-ancestors"] == "'none'"


@pytest.mark.django_db
def test_the_admin_gets_its_own_policy_that_still_refuses_plugins_and_foreign_frames(client):
    csp = policy(client.get("/admin/login/"))
    assert "'unsafe-inline'" in csp["script-src"]
    assert csp["object-src"] == "'none'"
    assert csp["frame-ancestors"] == "'self'"


@pytest.mark.django_db
def test_hardening_headers_are_set(client):
    response = client.get("/inloggen/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_pages_for_a_logged_in_person_are_kept_in_no_cache_and_public_pages_may_be(
    client, learner, catalogue
):
    # The full list of personal pages and downloads, per role: tests/test_access.py.
    assert "no-store" not in client.get("/").get("Cache-Control", "")
    client.force_login(learner)
    assert client.get("/")["Cache-Control"] == "private, no-store"


def test_a_view_that_chose_its_own_cache_control_keeps_it(rf):
    from django.contrib.auth.models import AnonymousUser, User
    from django.http import HttpResponse

    from cms.middleware import PrivatePagesMiddleware

    def view(request):
        response = HttpResponse("ok")
        response["Cache-Control"] = "private, max-age=60"
        return response

    request = rf.get("/")
    request.user = User(username="someone")
    assert PrivatePagesMiddleware(view)(request)["Cache-Control"] == "private, max-age=60"
    request.user = AnonymousUser()
    response = PrivatePagesMiddleware(lambda request: HttpResponse("ok"))(request)
    assert "Cache-Control" not in response
