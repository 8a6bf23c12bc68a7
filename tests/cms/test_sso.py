"""Single sign-on through OpenID Connect, configured from settings: PKCE on the authorisation
request, and a user created through SSO gets learner rights only. The provider is faked at the
HTTP level (its discovery document, token and userinfo endpoints), so no network is used."""

from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model

from people import roles

pytestmark = pytest.mark.django_db

ISSUER = "https://login.gemeente.example"
DISCOVERY = {
    "issuer": ISSUER,
    "authorization_endpoint": f"{ISSUER}/authorize",
    "token_endpoint": f"{ISSUER}/token",
    "userinfo_endpoint": f"{ISSUER}/userinfo",
    "jwks_uri": f"{ISSUER}/jwks",
    "token_endpoint_auth_methods_supported": ["client_secret_post"],
}
CLAIMS = {
    "sub": "medewerker-4711",
    "email": "a.smits@gemeente.example",
    "email_verified": True,
    "given_name": "Anne",
    "family_name": "Smits",
    "preferred_username": "asmits",
    # Claims that must never turn into rights here.
    "groups": ["Trainers", "HR"],
    "roles": ["admin"],
}


class FakeResponse:
    def __init__(self, data, status_code=200):
        self._data = data
        self.status_code = status_code
        self.headers = {"content-type": "application/json"}
        self.text = "{}"
        self.content = b"{}"

    def json(self):
        return self._data

    def raise_for_status(self):
        pass


class FakeProvider:
    """The identity provider's HTTP endpoints; remembers what the site sent to it."""

    def __init__(self):
        self.token_requests = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def get(self, url, **kwargs):
        if url.startswith(f"{ISSUER}/.well-known/openid-configuration"):
            return FakeResponse(DISCOVERY)
        if url == f"{ISSUER}/userinfo":
            return FakeResponse(CLAIMS)
        raise AssertionError(f"unexpected GET {url}")

    def request(self, method, url, **kwargs):
        assert url == f"{ISSUER}/token", url
        self.token_requests.append(kwargs.get("data") or kwargs.get("params"))
        return FakeResponse({"access_token": "toegang", "token_type": "Bearer"})


@pytest.fixture
def sso(settings):
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "OAUTH_PKCE_ENABLED": True,
            "APPS": [
                {
                    "provider_id": "sso",
                    "name": "Gemeente Account",
                    "client_id": "weerbaar",
                    "secret": "geheim",
                    "settings": {"server_url": ISSUER, "oauth_pkce_enabled": True},
                }
            ],
        }
    }
    provider = FakeProvider()
    with mock.patch(
        "allauth.socialaccount.adapter.DefaultSocialAccountAdapter.get_requests_session",
        return_value=provider,
    ):
        yield provider


def start(client):
    response = client.post("/account/oidc/sso/login/", {"process": "login"})
    assert response.status_code == 302
    return urlsplit(response["Location"])


def test_settings_read_the_provider_from_the_environment(monkeypatch):
    import importlib

    import cms.settings.base as base

    monkeypatch.setenv("OIDC_PROVIDER_URL", ISSUER)
    monkeypatch.setenv("OIDC_CLIENT_ID", "weerbaar")
    monkeypatch.setenv("OIDC_CLIENT_SECRET", "geheim")
    monkeypatch.setenv("OIDC_PROVIDER_NAME", "Gemeente Account")
    try:
        reloaded = importlib.reload(base)
        app = reloaded.SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"][0]
        assert app["client_id"] == "weerbaar"
        assert app["name"] == "Gemeente Account"
        assert app["settings"]["server_url"] == ISSUER
        assert reloaded.SOCIALACCOUNT_PROVIDERS["openid_connect"]["OAUTH_PKCE_ENABLED"] is True
    finally:
        monkeypatch.delenv("OIDC_PROVIDER_URL")
        importlib.reload(base)


def test_without_a_provider_the_login_page_offers_no_sso(client):
    assert "/account/oidc/" not in client.get("/inloggen/").content.decode()


def test_the_login_page_offers_logging_in_with_the_provider(client, sso):
    html = client.get("/inloggen/").content.decode()
    assert 'action="/account/oidc/sso/login/?process=login"' in html
    assert "Gemeente Account" in html


def test_the_authorisation_request_carries_pkce(client, sso):
    location = start(client)
    assert f"{location.scheme}://{location.netloc}{location.path}" == f"{ISSUER}/authorize"
    query = parse_qs(location.query)
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) >= 43
    assert query["client_id"] == ["weerbaar"]
    assert "openid" in query["scope"][0]


def test_a_new_sso_user_is_a_learner_and_nothing_more(client, sso):
    state = parse_qs(start(client).query)["state"][0]
    response = client.get("/account/oidc/sso/login/callback/", {"code": "abc", "state": state})
    assert response.status_code == 302, response.content[:500]
    user = get_user_model().objects.get(email="a.smits@gemeente.example")
    assert set(user.groups.values_list("name", flat=True)) == {roles.LEARNERS}
    assert not user.is_staff and not user.is_superuser
    assert not user.user_permissions.exists()
    assert client.session["_auth_user_id"] == str(user.pk)
    # The token request proved PKCE: it sent the verifier that belongs to the challenge.
    assert sso.token_requests and sso.token_requests[0].get("code_verifier")
    # And a learner does not get into the admin.
    assert client.get("/admin/").status_code == 403
