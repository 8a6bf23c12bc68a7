"""The trainer's way in: a "New module" action on the admin dashboard, and "Statistics" as a
button of its own in the module editor's header (not only in the ⋯ menu)."""

import re

import pytest
from django.urls import reverse

from tests.factories import login_with_mfa, make_hr, make_organisation


@pytest.fixture
def trainer_client(client, trainer):
    return login_with_mfa(client, trainer)


def test_the_dashboard_offers_a_trainer_a_new_module_in_the_catalogue(trainer_client, catalogue):
    html = trainer_client.get("/admin/").content.decode()
    add_url = f"/admin/pages/add/scenarios/modulepage/{catalogue.pk}/"
    link = re.search(
        rf'<a href="{re.escape(add_url)}"[^>]*data-new-module[^>]*>(.*?)</a>', html, re.S
    )
    assert link, "no 'Nieuwe module' on the dashboard"
    assert "Nieuwe module" in link.group(1)
    assert trainer_client.get(add_url).status_code == 200


def test_people_who_cannot_add_modules_get_no_such_action(client, catalogue):
    hr = make_hr(make_organisation("Gemeente Zandvoort"))
    login_with_mfa(client, hr)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "data-new-module" not in response.content.decode()


def header_buttons(html):
    """The header's own buttons, before the ⋯ menu: the part of the actions nav outside the
    dropdown."""
    nav = re.search(r'<nav aria-label="Actions" id="w-slim-header-buttons".*?</nav>', html, re.S)
    assert nav, "no header actions"
    return nav.group(0).split('data-controller="w-dropdown"')[0]


def test_statistics_is_a_button_in_the_module_editor_header(trainer_client, module):
    html = trainer_client.get(f"/admin/pages/{module.pk}/edit/").content.decode()
    own = header_buttons(html)
    assert f'href="{reverse("scenarios_item_statistics", args=[module.pk])}"' in own, own
    assert "Statistieken" in own
    assert "w-header-button" in own


def test_other_pages_get_no_statistics_button(trainer_client, catalogue):
    html = trainer_client.get(f"/admin/pages/{catalogue.pk}/edit/").content.decode()
    assert "statistieken" not in header_buttons(html)
