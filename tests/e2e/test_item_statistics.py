"""A trainer finds the anonymous item statistics of a module from its page in the Wagtail admin
and reads which option was chosen how often, without any learner's name; axe on the page."""

import re

import pytest
from django.contrib.auth.models import Group

from people.roles import TRAINERS, ensure_groups
from tests.e2e.helpers import BROWSER_TEST, admin_login, axe
from tests.factories import (
    UserFactory,
    make_module,
    option_ids,
    play,
    single_choice_step,
    site_with_catalogue,
)
from training import services

pytestmark = BROWSER_TEST

PASSWORD = "secret-pass-123"  # the factories' password


@pytest.fixture
def answered_module(live_server):
    """A module answered by six learners: four chose the right option, two the wrong one."""
    catalogue = site_with_catalogue()
    ensure_groups(catalogue)
    module = make_module(
        title="Signalen bij een lege stal", catalogue=catalogue, steps=[single_choice_step()]
    )
    for number in range(6):
        learner = UserFactory(username=f"leerling{number}", first_name=f"Naam{number}")
        attempt, _created = services.start_attempt(learner, module)
        if number < 4:
            play(attempt)
        else:
            play(attempt, choose=lambda step: option_ids(step, lambda o: not o["correct"])[:1])
    trainer = UserFactory(username="e2e-trainer")
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    return module


def test_trainer_opens_item_statistics_from_the_module_and_sees_counts_without_names(
    new_page, answered_module
):
    page = new_page()
    admin_login(page, "e2e-trainer", PASSWORD)
    page.goto(f"/admin/pages/{answered_module.pk}/edit/")
    # The action sits in the header's "more" menu, which Wagtail builds from the served HTML
    # only when opened: read the editor as served, with the browser's session.
    served = page.request.get(page.url).text()
    link = re.search(rf'href="([^"]*/statistieken/{answered_module.pk}/)"', served)
    assert link, "the module editor offers no Statistics action"
    page.goto(link.group(1))

    table = page.locator("table").first
    assert table.is_visible()
    counts = [cell.strip() for cell in table.locator("td.number").all_inner_texts()]
    assert "4" in counts and "2" in counts, counts
    assert "67%" in counts and "33%" in counts, counts
    assert "Naam1" not in page.content() and "leerling1" not in page.content()
    axe(page)
