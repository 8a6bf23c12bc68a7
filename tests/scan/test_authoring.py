"""Authoring a scan in Wagtail: where it may live, what a trainer is refused, and that a round
keeps the revision it was opened on."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamValue

from cms.models import HomePage
from scan import services
from scan.blocks import ThemeBlock
from scan.models import ScanPage
from scenarios.models import ModuleCatalogue, ModulePage
from tests.factories import login_with_mfa, make_organisation, make_trainer, site_with_catalogue

from .factories import make_coordinator, make_scan, respond, statement, theme

pytestmark = pytest.mark.django_db


def test_a_scan_lives_in_the_catalogue_and_nowhere_else():
    catalogue = site_with_catalogue()
    assert ScanPage.can_create_at(catalogue)
    assert not ScanPage.can_create_at(HomePage.objects.get())
    assert "scan.scanpage" not in [m._meta.label_lower for m in ModulePage.allowed_subpage_models()]
    assert ScanPage in ModuleCatalogue.allowed_subpage_models()


def test_a_scan_without_themes_is_refused():
    scan = make_scan(publish=False)
    scan.themes = []
    with pytest.raises(ValidationError) as error:
        scan.full_clean()
    assert "themes" in error.value.message_dict


def test_two_themes_with_one_title_are_refused():
    scan = make_scan(publish=False)
    scan.themes = [theme("Eén overheid"), theme("eén overheid ")]
    with pytest.raises(ValidationError, match="dezelfde titel"):
        scan.full_clean()


def test_a_theme_with_the_same_statement_twice_is_refused():
    block = ThemeBlock()
    value = theme("Instrumentarium")["value"]
    value["statements"] = [statement("Bibob"), statement("bibob ")]
    with pytest.raises(ValidationError):
        block.clean(block.to_python(value))


def test_a_statement_needs_a_description_for_every_level():
    block = ThemeBlock()
    value = theme("Instrumentarium")["value"]
    value["statements"][0]["level_3"] = ""
    with pytest.raises(ValidationError):
        block.clean(block.to_python(value))


def test_a_trainer_adds_a_scan_in_the_page_editor(client):
    catalogue = site_with_catalogue()
    trainer = make_trainer(catalogue)
    login_with_mfa(client, trainer)
    response = client.get(f"/admin/pages/add/scan/scanpage/{catalogue.pk}/")
    assert response.status_code == 200
    assert "Handreikingen" in response.content.decode() or "handreikingen" in (
        response.content.decode().lower()
    )


def test_a_round_keeps_the_statements_of_the_revision_it_was_opened_on():
    scan = make_scan(titles=["Eén overheid"])
    organisation = make_organisation("Gemeente Boxtel")
    coordinator = make_coordinator(organisation)
    scan_round = services.open_round(coordinator, scan, organisation, "Voorjaar")
    respond(scan_round, [2], [3], [4])
    before = [s.text for s in services.round_themes(scan_round)[0].statements]

    # The trainer rewrites the statements and publishes: the round is not touched.
    scan = ScanPage.objects.get(pk=scan.pk)
    scan.themes = StreamValue(
        scan.themes.stream_block, [("theme", ThemeBlock().to_python(theme("Nieuw")["value"]))]
    )
    scan.save_revision().publish()

    scan_round.refresh_from_db()
    assert scan_round.revision != ScanPage.objects.get(pk=scan.pk).live_revision
    assert [s.text for s in services.round_themes(scan_round)[0].statements] == before
    services.close_round(scan_round)
    result = services.results(scan_round)
    assert [t.theme.title for t in result.themes] == ["Eén overheid"]
    assert result.themes[0].score.score == 3.0

    # A new round is opened on the new revision.
    second = services.open_round(coordinator, scan, organisation, "Najaar")
    assert [t.title for t in services.round_themes(second)] == ["Nieuw"]


def test_a_draft_scan_cannot_get_a_round():
    scan = make_scan(publish=False)
    organisation = make_organisation("Gemeente Boxtel")
    with pytest.raises(services.ScanError):
        services.open_round(make_coordinator(organisation), scan, organisation, "Voorjaar")


def scan_form_data(title, slug, themes, publish=False):
    """What the page editor posts for a scan (``themes``: raw items as the factories make)."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    from tests.admin_forms import block_form_data

    def stream(name, raw):
        block = ScanPage._meta.get_field(name).stream_block
        return block_form_data(block, block.to_python(raw))

    data = {
        "title": title,
        "slug": slug,
        "introduction": rich_text("<p>Een zelfscan voor het college.</p>"),
        "advice_below": "3.0",
        "themes": stream("themes", themes),
        "sources": stream("sources", []),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset([]),
    }
    if publish:
        data["action-publish"] = "action-publish"
    return nested_form_data(data)


def test_a_trainer_publishes_a_scan_through_the_page_editor(client):
    catalogue = site_with_catalogue()
    trainer = make_trainer(catalogue)
    login_with_mfa(client, trainer)
    response = client.post(
        f"/admin/pages/add/scan/scanpage/{catalogue.pk}/",
        scan_form_data("Weerbaarheidsscan", "scan", [theme("Eén overheid")], publish=True),
    )
    assert response.status_code == 302, response.content.decode()[-1500:]
    scan = ScanPage.objects.get(slug="scan")
    assert scan.live and scan.live_revision.user == trainer
    statements = scan.themes[0].value["statements"]
    assert [s["level_4"] for s in statements][0] == "Eén overheid stelling 1: verankerd en getoetst"


def test_the_editor_refuses_a_theme_with_the_same_statement_twice(client):
    catalogue = site_with_catalogue()
    login_with_mfa(client, make_trainer(catalogue))
    item = theme("Eén overheid")
    item["value"]["statements"] = [statement("Wij delen informatie")] * 2
    response = client.post(
        f"/admin/pages/add/scan/scanpage/{catalogue.pk}/",
        scan_form_data("Weerbaarheidsscan", "scan", [item], publish=True),
    )
    assert response.status_code == 200
    assert "Twee stellingen van dit thema zijn gelijk" in response.content.decode()
    assert not ScanPage.objects.exists()
