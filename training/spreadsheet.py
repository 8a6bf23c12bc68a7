"""Spreadsheet safety for every export path: a text cell that a spreadsheet program would read
as a formula (CSV/formula injection) is neutralised; numbers and dates stay what they are."""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Prefix a text value that starts like a formula with an apostrophe, which spreadsheet
    programs show as text and do not evaluate. Non-text values are returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def neutralise_row(row):
    return [neutralise(value) for value in row]
