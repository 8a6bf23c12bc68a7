"""The catalogue a learner sees: the live modules meant for their function, each with where
they stand."""

import pytest
from django.utils import translation

from tests.factories import make_module, play, worst_answer
from training import services
from training.models import Attempt


def nl(message):
    with translation.override("nl"):
        return str(translation.gettext(message))


@pytest.fixture
def modules(catalogue):
    """One live module per audience, plus a draft and a withdrawn one."""
    made = {
        "professionals": make_module(
            "Erfbetreding voor BOA's", catalogue=catalogue, audience="professionals"
        ),
        "management": make_module(
            "Bestuurlijke weerbaarheid voor het MT", catalogue=catalogue, audience="management"
        ),
        "both": make_module("Signalen bij vakantieparken", catalogue=catalogue, audience="both"),
        "draft": make_module(
            "Concept: drugsafval in de sloot", catalogue=catalogue, audience="both", publish=False
        ),
        "withdrawn": make_module("Ingetrokken: oude module", catalogue=catalogue, audience="both"),
    }
    made["withdrawn"].unpublish()
    return made


def titles_in(client, catalogue, modules):
    response = client.get(catalogue.url)
    assert response.status_code == 200
    html = response.content.decode()
    return {key for key, module in modules.items() if module.title.replace("'", "&#x27;") in html}


def test_boa_sees_professional_and_shared_modules(client, learner, catalogue, modules):
    client.force_login(learner)
    assert titles_in(client, catalogue, modules) == {"professionals", "both"}


def test_mt_member_sees_management_and_shared_modules(client, mt_member, catalogue, modules):
    client.force_login(mt_member)
    assert titles_in(client, catalogue, modules) == {"management", "both"}


def test_platform_admin_sees_every_live_module(superuser_client, catalogue, modules):
    client = superuser_client
    assert titles_in(client, catalogue, modules) == {"professionals", "management", "both"}


def test_a_module_for_another_audience_cannot_be_started(client, learner, modules):
    client.force_login(learner)
    response = client.post(f"/leren/module/{modules['management'].pk}/start/")
    assert response.status_code == 404
    assert not Attempt.objects.exists()


@pytest.mark.parametrize("key", ["draft", "withdrawn"])
def test_a_module_that_is_not_live_can_be_neither_opened_nor_started(client, learner, modules, key):
    client.force_login(learner)
    module = modules[key]
    assert client.get(f"/modules/{module.slug}/").status_code == 404
    assert client.post(f"/leren/module/{module.pk}/start/").status_code == 404
    assert not Attempt.objects.exists()


def test_module_page_for_another_audience_says_so_and_offers_no_start(client, learner, modules):
    client.force_login(learner)
    html = client.get(modules["management"].url).content.decode()
    assert nl("This module is not meant for your role.") in html
    assert f"/leren/module/{modules['management'].pk}/start/" not in html


def test_catalogue_shows_where_the_learner_stands_on_each_module(client, learner, catalogue):
    not_started = make_module("Nog niet begonnen", catalogue=catalogue)
    in_progress = make_module("Half gedaan", catalogue=catalogue)
    failed = make_module("Niet gehaald", catalogue=catalogue)
    services.start_attempt(learner, in_progress)
    play(services.start_attempt(learner, failed)[0], choose=worst_answer)
    client.force_login(learner)

    html = client.get(catalogue.url).content.decode()
    cards = {
        module.title: html.split(module.title, 1)[1].split("</li>", 1)[0]
        for module in (not_started, in_progress, failed)
    }

    assert nl("Not started") in cards["Nog niet begonnen"]
    assert nl("In progress") in cards["Half gedaan"] and nl("Continue") in cards["Half gedaan"]
    with translation.override("nl"):
        assert (
            translation.gettext("Not passed yet, best score %(score)s%%") % {"score": 0}
            in cards["Niet gehaald"]
        )
        assert translation.gettext("Take again") in cards["Niet gehaald"]


def test_catalogue_without_modules_says_there_are_none(client, learner, catalogue):
    client.force_login(learner)
    assert nl("There are no modules for you yet.") in client.get(catalogue.url).content.decode()


def test_assigned_modules_come_first_with_their_due_date_even_outside_the_audience(
    client, catalogue, modules
):
    import datetime

    from django.utils.html import escape

    from people.models import Assignment, Organisation, Profile
    from tests.factories import UserFactory

    team = Organisation.add_root(name="Team Handhaving", slug="team-handhaving", kind="team")
    learner = UserFactory(username="assigned-boa")
    Profile.objects.filter(user=learner).update(organisation=team)
    Assignment.objects.create(
        module=modules["management"], organisation=team, due_date=datetime.date(2031, 3, 1)
    )
    client.force_login(learner)

    html = client.get(catalogue.url).content.decode()

    position = {
        key: html.index(escape(modules[key].title))
        for key in modules
        if key in ("management", "professionals", "both")
    }
    assert position["management"] < position["professionals"] < position["both"]
    assert "Verplicht" in html
    assert "uiterlijk 1 maart 2031" in html
