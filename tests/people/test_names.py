"""Dutch surnames sort without their tussenvoegsel (people.names)."""

import pytest

from people.names import split_infix, surname_key


@pytest.mark.parametrize(
    ("last_name", "infix", "surname"),
    [
        ("van den Heuvel", "van den", "Heuvel"),
        ("de Vries", "de", "Vries"),
        ("in 't Veld", "in 't", "Veld"),
        ("Jansen", "", "Jansen"),
        ("De Smet", "", "De Smet"),  # Flemish: the capital makes it part of the surname
        ("van", "", "van"),  # a name alone is never all tussenvoegsel
        ("", "", ""),
    ],
)
def test_the_tussenvoegsel_is_read_off_a_last_name_in_one_piece(last_name, infix, surname):
    assert split_infix(last_name) == (infix, surname)


def test_names_sort_by_surname_without_tussenvoegsel():
    names = [("van den Heuvel", "van den"), ("Jansen", ""), ("Hendriks", ""), ("de Vries", "de")]
    ordered = sorted(names, key=lambda name: surname_key(*name))
    assert [last for last, _infix in ordered] == [
        "Hendriks",
        "van den Heuvel",
        "Jansen",
        "de Vries",
    ]
