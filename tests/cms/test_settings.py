"""Production settings must refuse to start without their secrets rather than fall back to a
development default; the base settings are Dutch first, in Amsterdam time."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "a-real-secret-for-this-test-only-0123456789",
    "ALLOWED_HOSTS": "training.example.org",
    "DATABASE_URL": "postgres://app@db.example.org:5432/app",
    "SITE_URL": "https://training.example.org",
}


def load_settings(
    env, module="cms.settings.production", show="settings.DEBUG, settings.ALLOWED_HOSTS"
):
    unset = {*PRODUCTION_ENV, "WAGTAILADMIN_BASE_URL", "DEFAULT_FROM_EMAIL"}
    clean = {k: v for k, v in os.environ.items() if k not in unset}
    clean.update(env, DJANGO_SETTINGS_MODULE=module)
    code = f"import django; django.setup(); from django.conf import settings; print({show})"
    return subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_production_refuses_to_start_without_each_required_variable(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = load_settings(env)
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr


def test_production_starts_with_every_variable_and_debug_off():
    result = load_settings(PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False ['training.example.org']"


def test_site_is_dutch_first_with_english_and_amsterdam_time(settings):
    from django.conf import settings as live

    assert live.TIME_ZONE == "Europe/Amsterdam"
    assert [code for code, _name in live.LANGUAGES] == ["nl", "en"]
    from cms.settings import base

    assert base.LANGUAGE_CODE == "nl"


def test_a_development_installation_makes_its_own_secret_key_once(tmp_path):
    """No key in the code: the demo's sessions and its option ids (keyed with the secret) must
    not be computable from the repository. The key is made once and kept, so a restart keeps
    both."""
    from cms.settings.base import installation_secret

    key_file = tmp_path / ".secret-key"
    first = installation_secret(key_file)
    assert len(first) >= 50
    assert installation_secret(key_file) == first
    assert key_file.stat().st_mode & 0o077 == 0  # readable by its owner only
    assert installation_secret(tmp_path / "elsewhere") != first


SITE = "repr(settings.SITE_URL), repr(settings.WAGTAILADMIN_BASE_URL), settings.ALLOWED_HOSTS"


def test_the_public_address_is_one_setting_that_also_feeds_wagtail():
    result = load_settings(PRODUCTION_ENV, show=SITE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "'https://training.example.org' 'https://training.example.org' ['training.example.org']"
    )


def test_in_development_without_an_address_links_follow_the_request():
    """No 127.0.0.1:8000 default: an empty address makes certificate links use the request."""
    result = load_settings({}, module="cms.settings.dev", show=SITE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "'' '' ['127.0.0.1', 'localhost']"


def test_make_run_serves_on_host_and_sets_the_address_and_allowed_host_from_it():
    dry_run = subprocess.run(  # noqa: S603 - make, reading our Makefile without running it
        ["make", "-n", "run", "HOST=192.168.1.20:8001"],  # noqa: S607
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k != "SITE_URL"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (
        "SITE_URL='http://192.168.1.20:8001' .venv/bin/python manage.py runserver "
        "192.168.1.20:8001" in dry_run.stdout
    )
    result = load_settings(
        {"SITE_URL": "http://192.168.1.20:8001"}, module="cms.settings.dev", show=SITE
    )
    assert result.stdout.strip() == (
        "'http://192.168.1.20:8001' 'http://192.168.1.20:8001' "
        "['127.0.0.1', 'localhost', '192.168.1.20']"
    )


def test_e_mail_comes_from_the_configured_sender_named_after_the_site():
    show = "settings.DEFAULT_FROM_EMAIL"
    plain = load_settings(
        {**PRODUCTION_ENV, "DEFAULT_FROM_EMAIL": "noreply@gemeente.example"}, show=show
    )
    assert plain.stdout.strip() == "Weerbaar Buitengebied <noreply@gemeente.example>"
    named = load_settings(
        {**PRODUCTION_ENV, "DEFAULT_FROM_EMAIL": "Gemeente Oss <leren@oss.example>"}, show=show
    )
    assert named.stdout.strip() == "Gemeente Oss <leren@oss.example>"
