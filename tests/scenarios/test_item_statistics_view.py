"""The trainers' item statistics page of a module in the admin: counts and percentages per
option, no names, a privacy threshold, editors only, and a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from people import roles
from tests.factories import (
    UserFactory,
    best_answer,
    login_with_mfa,
    make_hr,
    make_organisation,
    option_id,
    play,
    worst_answer,
)
from training import services as training

pytestmark = pytest.mark.django_db

DECISION, SINGLE = 2, 3


def nl(message):
    with translation.override("nl"):
        return str(translation.gettext(message))


def url(module):
    return f"/admin/scenarios/statistieken/{module.pk}/"


def learners_take(module, count, choose=best_answer, prefix="deelnemer"):
    people = []
    for number in range(count):
        person = UserFactory(
            username=f"{prefix}{number}", first_name="Geertruida", last_name=f"Zichtbaar{number}"
        )
        attempt, _created = training.start_attempt(person, module)
        play(attempt, choose=choose)
        people.append(person)
    return people


@pytest.fixture
def trainer_client(client, trainer):
    return login_with_mfa(client, trainer)


def test_trainer_sees_counts_and_percentages_per_option_without_names(
    trainer_client, module, settings
):
    settings.INSIGHTS_PRIVACY_THRESHOLD = 3
    people = learners_take(module, 3) + learners_take(module, 1, worst_answer, prefix="fout")

    response = trainer_client.get(url(module))

    html = response.content.decode()
    assert response.status_code == 200
    single = module.steps[SINGLE]
    assert single.value["question"] in html
    with translation.override("nl"):
        four_answers = translation.ngettext("%(counter)s answer", "%(counter)s answers", 4)
    assert four_answers % {"counter": 4} in html
    assert option_id(single, "XTC")  # the right option: 3 of 4 chose it, the other one 1
    assert 'class="number">75%' in html and 'class="number">25%' in html
    for person in people:
        assert person.last_name not in html and person.username not in html
    assert "Geertruida" not in html


def test_a_question_with_too_few_answers_shows_no_figures(trainer_client, module, settings):
    settings.INSIGHTS_PRIVACY_THRESHOLD = 5
    learners_take(module, 2)

    html = trainer_client.get(url(module)).content.decode()

    assert nl("Too few answers to show figures.") in html
    assert 'class="number">100%' not in html


@pytest.mark.parametrize("role", ["hr", "manager", "learner"])
def test_people_who_cannot_edit_the_module_are_refused(client, module, role):
    organisation = make_organisation("Gemeente Bernheze")
    if role == "hr":
        user = make_hr(organisation)
    elif role == "manager":
        user = UserFactory(username="teamleider")
        user.groups.add(roles.ensure_groups()[roles.MANAGERS])
        organisation.managers.add(user)
    else:
        user = UserFactory(username="boa")
    # HR passes two-step verification like any privileged role; the page itself refuses.
    login_with_mfa(client, user) if role == "hr" else client.force_login(user)

    response = client.get(url(module))

    assert response.status_code == 403
    assert module.steps[SINGLE].value["question"] not in response.content.decode()


def test_anonymous_visitor_is_sent_to_log_in(client, module):
    response = client.get(url(module))
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_a_page_that_is_not_a_module_is_not_found(trainer_client, catalogue):
    assert trainer_client.get(url(catalogue)).status_code == 404


def test_the_module_editor_links_to_the_statistics(trainer_client, module):
    html = trainer_client.get(f"/admin/pages/{module.pk}/edit/").content.decode()

    assert f'href="{url(module)}"' in html


def test_queries_do_not_grow_with_the_number_of_responses(trainer_client, module, settings):
    settings.INSIGHTS_PRIVACY_THRESHOLD = 1
    learners_take(module, 1)
    trainer_client.get(url(module))  # warm caches (site, permissions)
    with CaptureQueriesContext(connection) as few:
        trainer_client.get(url(module))
    learners_take(module, 6, prefix="meer")
    with CaptureQueriesContext(connection) as many:
        response = trainer_client.get(url(module))

    assert response.status_code == 200
    assert len(many) == len(few)


def test_ordering_and_hotspot_answers_are_counted_from_the_published_blocks(
    trainer_client, catalogue, settings
):
    from tests.factories import hotspot_step, make_image, make_module, ordering_step

    settings.INSIGHTS_PRIVACY_THRESHOLD = 2
    module = make_module(catalogue=catalogue, steps=[ordering_step(), hotspot_step(make_image())])
    learners_take(module, 2)

    html = trainer_client.get(url(module)).content.decode()

    first_item = module.steps[0].value["items"][0]["text"]
    assert first_item in html
    assert "Pijpen op het dak" in html and "Hekpalen langs het pad" in html
    # every item in its place and every signal found: 100%; the ordinary regions: 0%
    assert html.count('class="number">100%') == 3 + len(module.steps[0].value["items"])
    assert html.count('class="number">0%') == 2


def test_the_page_listing_offers_the_statistics_of_each_module(trainer_client, module):
    response = trainer_client.get(f"/admin/pages/{module.get_parent().pk}/")

    assert response.status_code == 200
    assert f'href="{url(module)}"' in response.content.decode()
