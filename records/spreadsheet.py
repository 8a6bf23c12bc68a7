"""Spreadsheet safety for every export path: a text cell that a spreadsheet program would read
as a formula (CSV/formula injection) is neutralised; numbers and dates stay what they are."""

import unicodedata

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value):
    """Whether a spreadsheet program might read the text as a formula: it starts with a formula
    character, also after leading spaces or line breaks (some programs trim them on import) or
    written in full width (＝, ＋, －, ＠, which some programs fold to the ASCII ones)."""
    if value.startswith(FORMULA_PREFIXES):
        return True
    folded = unicodedata.normalize("NFKC", value).lstrip()
    return folded.startswith(FORMULA_PREFIXES)


def neutralise(value):
    """Prefix a text value that starts like a formula with an apostrophe, which spreadsheet
    programs show as text and do not evaluate. Non-text values are returned unchanged."""
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value


def neutralise_row(row):
    return [neutralise(value) for value in row]
