"""The words a person reads around logging in, in Dutch: "je" everywhere (also where Django's and
allauth's own catalogues say "uw"), one name for the six digits from the app ("inlogcode"), a
login label that says what to type, "Wachtwoord gewijzigd", reset e-mails from the configured
sender with the site's name, and the site's icon."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import password_validators_help_texts
from django.contrib.staticfiles import finders
from django.core import mail
from django.utils import translation
from PIL import Image

from tests.factories import UserFactory, activate_totp

pytestmark = pytest.mark.django_db

PASSWORD = "Ee3!veilig-wachtwoord"
FORMAL = re.compile(r"\b(u|uw|U|Uw)\b")
PO = Path(__file__).resolve().parents[2] / "locale" / "nl" / "LC_MESSAGES" / "django.po"


@pytest.fixture
def person(db):
    user = UserFactory(username="jansen", email="p.jansen@gemeente.example")
    user.set_password(PASSWORD)
    user.save()
    return user


def text_of(response):
    html = response.content.decode()
    return re.sub(r"<[^>]+>", " ", html[html.index("<main") :])


def test_no_dutch_string_of_ours_says_u_or_uw():
    blocks = re.findall(r'^msgstr(?:\[\d\])? ((?:".*"\n)+)', PO.read_text(), re.MULTILINE)
    msgstrs = ["".join(re.findall(r'"(.*)"', block)) for block in blocks]
    assert msgstrs
    assert [text for text in msgstrs if FORMAL.search(text)] == []


def test_password_rules_say_je_where_djangos_catalogue_says_uw():
    with translation.override("nl"):
        rules = [str(text) for text in password_validators_help_texts()]
    assert rules and all(FORMAL.search(rule) is None for rule in rules), rules
    assert any(rule.startswith("Je wachtwoord") for rule in rules)


def test_allauths_messages_in_our_words():
    with translation.override("nl"):
        assert translation.gettext("Password successfully changed.") == "Wachtwoord gewijzigd."
        assert translation.gettext("Incorrect code.") == "Deze inlogcode klopt niet."
        assert translation.gettext("Authenticator code") == "Inlogcode"


def test_the_login_label_says_what_to_type(client):
    html = client.get("/inloggen/").content.decode()
    assert '<label for="id_login">Gebruikersnaam of e-mailadres</label>' in html
    assert ">Login<" not in html
    assert "placeholder=" not in html  # the labels say it


def test_the_set_up_and_log_in_pages_call_the_code_one_name(client, person):
    client.post("/inloggen/", {"login": "jansen", "password": PASSWORD})
    set_up = text_of(client.get("/account/2fa/totp/activate/"))
    assert "Inlogcode" in set_up and "inlogcode van 6 cijfers" in set_up
    client.logout()

    activate_totp(person)
    client.post("/inloggen/", {"login": "jansen", "password": PASSWORD})
    page = client.get("/account/2fa/authenticate/")
    assert "Inlogcode" in text_of(page)
    wrong = client.post("/account/2fa/authenticate/", {"code": "000000"})
    assert "Deze inlogcode klopt niet." in text_of(wrong)
    for text in (set_up, text_of(page), text_of(wrong)):
        assert "Code uit de app" not in text and "Authenticator code" not in text
        assert FORMAL.search(text) is None


def test_a_reset_e_mail_comes_from_the_configured_sender_with_the_sites_name(
    client, person, settings
):
    settings.DEFAULT_FROM_EMAIL = "Weerbaar Buitengebied <noreply@gemeente.example>"
    client.post("/account/password/reset/", {"email": "p.jansen@gemeente.example"})

    (message,) = mail.outbox
    assert message.from_email == "Weerbaar Buitengebied <noreply@gemeente.example>"
    assert message.subject == "[Weerbaar Buitengebied] Nieuw wachtwoord instellen"
    assert message.body.startswith("Hallo,")
    assert "je account bij Weerbaar Buitengebied" in message.body
    assert message.body.rstrip().endswith("Met vriendelijke groet,\nWeerbaar Buitengebied")
    assert "testserver!" not in message.body  # the host name was the "site name"
    assert "/account/password/reset/key/" in message.body
    assert FORMAL.search(message.body) is None


def test_the_new_password_page_and_its_result_say_je_and_wachtwoord_gewijzigd(client, person):
    client.post("/account/password/reset/", {"email": "p.jansen@gemeente.example"})
    link = re.search(r"http://testserver(/account/password/reset/key/\S+)", mail.outbox[0].body)
    page = client.get(link.group(1), follow=True)
    text = text_of(page)
    assert "Je wachtwoord" in text and FORMAL.search(text) is None
    done = client.post(
        page.redirect_chain[-1][0] if page.redirect_chain else link.group(1),
        {"password1": "Nieuw-wachtwoord-2026!", "password2": "Nieuw-wachtwoord-2026!"},
        follow=True,
    )
    assert "Wachtwoord gewijzigd" in text_of(done)


def test_every_page_names_the_sites_icon_in_svg_and_bitmap(client):
    html = client.get("/inloggen/").content.decode()
    assert re.search(
        r'<link rel="icon" href="/static/icons/favicon.svg" type="image/svg\+xml">', html
    )
    assert '<link rel="icon" href="/static/icons/favicon.ico" sizes="48x48">' in html
    assert 'rel="apple-touch-icon"' in html
    for name in ("favicon.svg", "favicon.ico", "favicon-32.png", "apple-touch-icon.png"):
        assert finders.find(f"icons/{name}"), name
    with Image.open(finders.find("icons/favicon.ico")) as icon:
        assert icon.format == "ICO"
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/icons/favicon.ico"
