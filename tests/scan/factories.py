"""Scans, rounds and answers for the scan tests, built the way a trainer, a coordinator and the
respondents would make them."""

import itertools
import uuid

from django.contrib.auth.models import Group
from wagtail.models import Page

from people import roles
from people.models import Profile
from scan import services
from scan.models import ScanPage
from tests.factories import UserFactory, make_organisation, site_with_catalogue

_counter = itertools.count(1)


def statement(text):
    return {
        "text": text,
        "level_1": f"{text}: nog niet",
        "level_2": f"{text}: begint",
        "level_3": f"{text}: staat",
        "level_4": f"{text}: verankerd en getoetst",
    }


def theme(title, statements=2, advice_title=None):
    return {
        "type": "theme",
        "value": {
            "title": title,
            "introduction": f"Over {title.lower()}.",
            "statements": [statement(f"{title} stelling {n}") for n in range(1, statements + 1)],
            "advice": [
                {
                    "title": advice_title or f"Handreiking {title}",
                    "text": f"<p>Wat u kunt doen aan {title.lower()}.</p>",
                    "sources": [
                        {
                            "title": f"Bron bij {title} (2020)",
                            "publisher": "Verwey-Jonker Instituut",
                            "url": "https://www.verwey-jonker.nl/",
                        }
                    ],
                }
            ],
        },
    }


THEMES = ["Bestuurlijke weerbaarheid", "Eén overheid", "Informatiepositie"]


def make_scan(titles=THEMES, statements=2, publish=True, title="Weerbaarheidsscan"):
    catalogue = site_with_catalogue()
    scan = ScanPage(
        title=title,
        slug=f"scan-{next(_counter)}",
        introduction="<p>Een zelfscan voor het MT en het college.</p>",
        themes=[theme(t, statements) for t in titles],
        live=publish,
    )
    catalogue.add_child(instance=scan)
    revision = scan.save_revision()
    if publish:
        revision.publish()
        scan.refresh_from_db()
    return scan


def make_coordinator(organisation, username=None, group=roles.COORDINATORS):
    roles.ensure_groups()
    user = UserFactory(username=username or f"coordinator{next(_counter)}", function="other")
    Profile.objects.filter(user=user).update(organisation=organisation)
    user.groups.add(Group.objects.get(name=group))
    user.refresh_from_db()
    return user


def tree():
    """A province with two regions; three municipalities in the first, one in the second."""
    province = make_organisation("Provincie Noord-Brabant", "province", None, "pnb")
    hart = make_organisation("Regio Hart van Brabant", "region", province, "hart")
    noordoost = make_organisation("Regio Noordoost-Brabant", "region", province, "noordoost")
    nodes = {"province": province, "hart": hart, "noordoost": noordoost}
    for name, region in (
        ("Oisterwijk", hart),
        ("Hilvarenbeek", hart),
        ("Tilburg", hart),
        ("Bernheze", noordoost),
    ):
        nodes[name.lower()] = make_organisation(f"Gemeente {name}", "municipality", region)
    return nodes


def answers_for(scan_round, levels_per_theme):
    """Form data giving every statement of theme i the level ``levels_per_theme[i]``."""
    data = {}
    for theme_index, scan_theme in enumerate(services.round_themes(scan_round)):
        level = levels_per_theme[theme_index]
        for item in scan_theme.statements:
            data[f"s-{item.id}"] = str(level)
    return data


def respond(scan_round, *levels_per_theme):
    """Each argument is one respondent: a level per theme."""
    for levels in levels_per_theme:
        services.submit(scan_round, uuid.uuid4(), answers_for(scan_round, levels))


def closed_round(scan, organisation, coordinator, respondents, title="Ronde 1"):
    scan_round = services.open_round(coordinator, scan, organisation, title)
    respond(scan_round, *respondents)
    services.close_round(scan_round)
    return scan_round


def page_of(scan):
    return Page.objects.get(pk=scan.pk).specific
