"""Dutch surnames sort without their tussenvoegsel: "Ruud van den Heuvel" is found under H,
as in every Dutch staff list and telephone book. The last name keeps its tussenvoegsel ("van
den Heuvel", so that the name reads right everywhere it is shown); the profile keeps the
tussenvoegsel apart (``Profile.infix``), and lists sort by what follows it.

``surname_order`` is that rule as a database expression (for lists read in order: the people
list, the dashboard, the exports); ``surname_key`` the same rule in Python; ``split_infix``
finds the tussenvoegsel of a last name written in one piece (for names from before the field,
and staff lists without a tussenvoegsel column).
"""

from django.db.models import F, Value
from django.db.models.functions import Coalesce, Length, Lower, Substr, Trim

# Tussenvoegsels, as words. A last name that starts with one or more of them, in lower case,
# followed by more, has them as its tussenvoegsel ("van den Heuvel", "in 't Veld", "de
# Vries"); a capital (Flemish "De Smet", or a name alone) makes them part of the surname.
INFIX_WORDS = frozenset(
    [
        "van",
        "de",
        "den",
        "der",
        "het",
        "'t",
        "te",
        "ter",
        "ten",
        "in",
        "op",
        "onder",
        "aan",
        "bij",
        "uit",
        "voor",
        "over",
        "la",
        "le",
        "l'",
        "du",
        "des",
        "d'",
        "von",
        "zu",
        "dos",
        "da",
        "di",
    ]
)


def split_infix(last_name):
    """("van den", "Heuvel") for "van den Heuvel"; ("", "De Smet") for "De Smet"."""
    words = (last_name or "").split()
    count = 0
    while count < len(words) - 1 and words[count] in INFIX_WORDS:
        count += 1
    return " ".join(words[:count]), " ".join(words[count:])


def surname_key(last_name, infix=""):
    """The key a last name sorts by: without its tussenvoegsel, in lower case."""
    last_name = last_name or ""
    if infix and last_name.casefold().startswith(infix.casefold()):
        last_name = last_name[len(infix) :]
    return last_name.strip().casefold()


def surname_order(last_name="user__last_name", infix="infix"):
    """``surname_key`` as a database expression: the last name from after the tussenvoegsel,
    trimmed, in lower case. ``last_name`` and ``infix`` are the lookups that reach them."""
    start = Coalesce(Length(F(infix)), Value(0)) + Value(1)
    return Lower(Trim(Substr(F(last_name), start)))
