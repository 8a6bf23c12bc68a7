"""The demo content as data, read from the TOML files in ``demo/content`` (nothing here touches
the database): the home page and catalogue (``site.toml``), the signal taxonomy
(``taxonomy.toml``), the modules (``modules/*.toml``, in the format of ``manage.py
import_module``) and the organisations, accounts and people (``organisations.toml``)."""

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

CONTENT = Path(__file__).resolve().parent / "content"
# The order of the modules in the catalogue (file names without .toml); any other module file
# comes after these, by name.
MODULE_ORDER = [
    "leegstaande-schuren-en-drugsafval",
    "vakantieparken",
    "benaderd-door-criminelen",
    "bestuurlijke-weerbaarheid",
    "een-overheid",
]


def _read(path):
    with path.open("rb") as file:
        return tomllib.load(file)


@cache
def site():
    return _read(CONTENT / "site.toml")


@cache
def taxonomy():
    """{"themes": {slug: {name, description}}, "signals": {key: {theme, name}}}"""
    return _read(CONTENT / "taxonomy.toml")


def modules():
    """Every demo module file as data, in catalogue order (read anew: tests change them)."""
    paths = sorted(
        (CONTENT / "modules").glob("*.toml"),
        key=lambda path: (
            MODULE_ORDER.index(path.stem) if path.stem in MODULE_ORDER else len(MODULE_ORDER),
            path.stem,
        ),
    )
    return [_read(path) for path in paths]


@cache
def scan():
    """The resilience scan and its demo rounds (``scan.toml``)."""
    return _read(CONTENT / "scan.toml")


@cache
def organisations():
    return _read(CONTENT / "organisations.toml")


@cache
def insight_cohorts():
    """``insight.toml``: {"default_share": float, "cohorts": [...]}."""
    return _read(CONTENT / "insight.toml")


def username_for(first_name, last_name):
    """``sanne.debruijn``: the first name, a dot and the last name without spaces."""
    return f"{first_name}.{last_name.replace(' ', '')}".lower()


@dataclass(frozen=True)
class Person:
    username: str
    first_name: str
    last_name: str
    function: str
    employee_number: str
    active: bool
    team: str
    history: list = field(default_factory=list)


def people():
    """The demo learners of ``organisations.toml`` (not the named demo accounts)."""
    return [
        Person(
            username_for(entry["first_name"], entry["last_name"]),
            entry["first_name"],
            entry["last_name"],
            entry["function"],
            entry["employee_number"],
            entry.get("active", True),
            entry["team"],
            entry.get("history", []),
        )
        for entry in organisations()["people"]
    ]
