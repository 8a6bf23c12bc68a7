"""Reads the coordinators' figures page (/leren/inzicht/) the way a person, or a screen reader,
does: every table with its rows and the text of each cell, visually hidden text included; and
checks what a reader with a calculator could learn from it."""

import re
from html.parser import HTMLParser

COUNT = re.compile(r"^\d+$")
PERCENT = re.compile(r"^(\d+)\s*%$")


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables, self._row, self._cell, self._caption = [], None, None, None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append({"caption": "", "head": [], "rows": []})
        elif tag == "caption":
            self._caption = []
        elif tag == "tr":
            self._row = []
        elif tag in ("th", "td") and self._row is not None:
            self._cell = {"tag": tag, "scope": dict(attrs).get("scope"), "text": []}

    def handle_data(self, data):
        if self._cell is not None:
            self._cell["text"].append(data)
        elif self._caption is not None:
            self._caption.append(data)

    def handle_endtag(self, tag):
        if tag == "caption" and self._caption is not None:
            self.tables[-1]["caption"] = " ".join("".join(self._caption).split())
            self._caption = None
        elif tag in ("th", "td") and self._cell is not None:
            self._cell["text"] = " ".join("".join(self._cell["text"]).split())
            self._row.append(self._cell)
            self._cell = None
        elif tag == "tr" and self._row is not None:
            table = self.tables[-1]
            if self._row and self._row[0]["scope"] == "row":
                table["rows"].append([self._row[0]["text"], *(c["text"] for c in self._row[1:])])
            else:
                table["head"] = [cell["text"] for cell in self._row]
            self._row = None


def tables(html):
    """[{"caption", "head": [column names], "rows": [[label, cell text, ...], ...]}]; the last
    row of a table of the new layout is its totals."""
    reader = _Reader()
    reader.feed(html)
    return reader.tables


def number(text):
    """A cell's count, or None when it shows none (hidden, or a whole row "too few")."""
    return int(text) if COUNT.match(text) else None


def disclosures(html, threshold):
    """Everything on the page from which a count of 1 to threshold−1 follows: a count shown, a
    percentage of a shown number of people, a number inside a hidden cell's text, a status
    count left over by subtracting the shown ones from a shown total (in a row or a column).
    An empty list when there is nothing to learn."""
    found = []
    for table in tables(html):
        columns = len(table["head"]) - 1
        for row in table["rows"]:
            label, cells = row[0], row[1:]
            people = next((number(text) for text in cells if number(text) is not None), None)
            for text in cells:
                if COUNT.match(text):
                    if 0 < int(text) < threshold:
                        found.append(f"{label}: the count {text}")
                elif PERCENT.match(text):
                    rate = int(PERCENT.match(text).group(1))
                    if people:
                        part = round(rate * people / 100)
                        for derived in (part, people - part):
                            if 0 < derived < threshold:
                                found.append(f"{label}: {text} of {people} is {derived}")
                elif re.search(r"\d", text):
                    found.append(f"{label}: a number in {text!r}")
        if columns == 5:  # people, three statuses that add up to it, the completion rate
            found += _subtractions(table, threshold)
    return found


def _subtractions(table, threshold):
    found = []
    # A "too few people to show" row is one cell wide: every figure of it is unknown.
    grid = [[number(text) for text in (row[1:5] + [""] * 4)[:4]] for row in table["rows"]]
    for row, values in zip(table["rows"], grid, strict=True):
        total, parts = values[0], values[1:]
        unknown = [v for v in parts if v is None]
        if total is not None and len(unknown) == 1:
            left = total - sum(v for v in parts if v is not None)
            if 0 < left < threshold:
                found.append(f"{row[0]}: {total} minus the shown statuses is {left}")
    body, totals = grid[:-1], grid[-1]
    for column in range(4):
        total = totals[column]
        if total is None:
            continue
        values = [values[column] for values in body]
        if sum(v is None for v in values) == 1:
            left = total - sum(v for v in values if v is not None)
            if 0 < left < threshold:
                found.append(f"column {table['head'][column + 1]}: {left} by subtraction")
    return found
