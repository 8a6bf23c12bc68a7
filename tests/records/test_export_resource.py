"""The HR export's columns and values: exactly the whitelist, in order; the employer, team,
function, status and validity worked out per row; numbers and dates kept as such; and the
streamed path gives the same rows as django-import-export's own export()."""

import datetime

import pytest
from django.utils import timezone, translation

from people.models import Assignment, Function, Profile
from records import exports
from records.resources import COLUMNS, CompletionResource, ExportContext
from tests.factories import make_module
from tests.records.export_factories import build_tree, completed, person

TODAY = datetime.date(2026, 6, 15)
ENGLISH_HEADERS = [
    "Employee number",
    "Name",
    "Email",
    "Organisation",
    "Team",
    "Function",
    "Active",
    "Module",
    "Status",
    "Due date",
    "Score (%)",
    "First completed",
    "Valid until",
    "Attempts",
]


@pytest.fixture
def tree(db):
    return build_tree()


def export_rows(**filters):
    export = exports.CompletionExport(None, exports.ExportFilters(**filters), today=TODAY)
    return export.headers(), list(export.cell_rows())


def as_dicts(headers, rows):
    return [dict(zip(headers, row, strict=True)) for row in rows]


def test_the_columns_are_exactly_the_whitelist_in_order(tree):
    resource = CompletionResource(context=ExportContext.load())
    with translation.override("en"):
        assert resource.headers() == ENGLISH_HEADERS
    assert [f.column_name for f in resource.get_export_fields()] == [
        resource.fields[name].column_name for name in COLUMNS
    ]
    assert len(COLUMNS) == len(ENGLISH_HEADERS)


def test_no_other_field_of_a_person_reaches_a_row(tree, catalogue):
    learner = person(tree["a1"], first_name="Anna", last_name="Jansen", employee_number="A-17")
    learner.email = "a.jansen@gemeente-a.nl"
    learner.save()
    module = make_module(catalogue=catalogue, title="Drugslabs herkennen")
    completed(learner, module, on=datetime.date(2026, 3, 2))
    with translation.override("en"):
        headers, rows = export_rows()
    (row,) = rows
    assert row[:3] == ["A-17", "Anna Jansen", "a.jansen@gemeente-a.nl"]
    text = repr(row)
    assert learner.password not in text
    assert learner.username not in text  # no login name, no ids
    assert str(learner.pk) not in [str(cell) for cell in row]
    assert len(row) == len(headers) == len(COLUMNS)


def test_a_row_reads_who_where_what_and_how_it_went(tree, catalogue):
    learner = person(
        tree["a1"],
        first_name="Anna",
        last_name="Jansen",
        employee_number="A-17",
        function=Function.INSPECTOR,
    )
    module = make_module(catalogue=catalogue, title="Drugslabs herkennen")
    Assignment.objects.create(
        module=module,
        organisation=tree["a"],
        due_date=datetime.date(2026, 4, 1),
        validity_months=24,
    )
    completed(learner, module, on=datetime.date(2026, 3, 2), score=92, attempts=3)
    with translation.override("en"):
        headers, rows = export_rows()
    (row,) = as_dicts(headers, rows)
    assert row == {
        "Employee number": "A-17",
        "Name": "Anna Jansen",
        "Email": learner.email,
        "Organisation": "Gemeente A",
        "Team": "Team Handhaving A1",
        "Function": "Inspector (toezichthouder)",
        "Active": "yes",
        "Module": "Drugslabs herkennen",
        "Status": "Completed",
        "Due date": datetime.date(2026, 4, 1),
        "Score (%)": 92,
        "First completed": datetime.date(2026, 3, 2),
        "Valid until": datetime.date(2028, 3, 2),
        "Attempts": 3,
    }


def test_status_follows_the_assignment_that_applies_to_the_person(tree, catalogue):
    module = make_module(catalogue=catalogue, title="Ondermijning")
    # For inspectors of Gemeente A: valid 12 months, due in the past.
    Assignment.objects.create(
        module=module,
        organisation=tree["a"],
        function=Function.INSPECTOR,
        due_date=datetime.date(2026, 1, 1),
        validity_months=12,
    )
    expired = person(tree["a1"], last_name="Aa", function=Function.INSPECTOR)
    overdue = person(tree["a1"], last_name="Bb", function=Function.INSPECTOR)
    boa = person(tree["a1"], last_name="Cc", function=Function.BOA)  # not assigned: no expiry
    in_b = person(tree["b1"], last_name="Dd", function=Function.INSPECTOR)  # other municipality
    left = person(tree["a1"], last_name="Ee", function=Function.INSPECTOR, active=False)
    completed(expired, module, on=datetime.date(2025, 1, 10))
    completed(overdue, module, on=None)
    completed(boa, module, on=datetime.date(2025, 1, 10))
    completed(in_b, module, on=None)
    completed(left, module, on=datetime.date(2025, 1, 10))
    with translation.override("en"):
        headers, rows = export_rows()
    by_name = {row["Name"].split()[-1]: row for row in as_dicts(headers, rows)}
    assert by_name["Aa"]["Status"] == "Expired"
    assert by_name["Aa"]["Valid until"] == datetime.date(2026, 1, 10)
    assert by_name["Bb"]["Status"] == "Overdue"
    assert by_name["Cc"]["Status"] == "Completed"
    assert by_name["Cc"]["Valid until"] is None
    assert by_name["Dd"]["Status"] == "In progress"
    # Someone who left has no duties any more (as Assignment.objects.for_profile decides).
    assert by_name["Ee"]["Status"] == "Completed"
    assert by_name["Ee"]["Organisation"] == "Gemeente A"


def test_the_employer_is_the_node_itself_without_a_municipality_above(tree, catalogue):
    at_province = person(tree["province"], last_name="Provinciaal")
    at_municipality = person(tree["b"], last_name="Gemeentelijk")
    module = make_module(catalogue=catalogue)
    completed(at_province, module, on=datetime.date(2026, 2, 1))
    completed(at_municipality, module, on=datetime.date(2026, 2, 1))
    with translation.override("en"):
        headers, rows = export_rows()
    by_name = {row["Name"].split()[-1]: row for row in as_dicts(headers, rows)}
    assert (by_name["Provinciaal"]["Organisation"], by_name["Provinciaal"]["Team"]) == (
        "Provincie",
        "Provincie",
    )
    assert (by_name["Gemeentelijk"]["Organisation"], by_name["Gemeentelijk"]["Team"]) == (
        "Gemeente B",
        "Gemeente B",
    )


def test_headers_and_labels_are_dutch_by_default(tree, catalogue):
    learner = person(tree["a1"], function=Function.BOA)
    completed(learner, make_module(catalogue=catalogue), on=datetime.date(2026, 2, 1))
    headers, rows = export_rows()
    assert headers[0] == translation.gettext("Employee number")  # nl: the catalogue's word
    assert rows[0][COLUMNS.index("status")] == "Afgerond"


def test_the_streamed_rows_are_the_rows_of_import_exports_own_export(tree, catalogue):
    first = make_module(catalogue=catalogue, title="=1+1 Eerste")
    second = make_module(catalogue=catalogue, title="Tweede")
    Assignment.objects.create(
        module=first,
        organisation=tree["region"],
        due_date=datetime.date(2026, 1, 1),
        validity_months=6,
    )
    for index, node in enumerate([tree["a1"], tree["b1"], tree["a"], tree["province"]]):
        learner = person(node, first_name=["@Piet", "Kees", "-Jan", "Els"][index])
        completed(learner, first, on=datetime.date(2025, 11, 1 + index), score=60 + index)
        completed(learner, second, on=None, attempts=index)

    export = exports.CompletionExport(None, today=TODAY)
    streamed = [export.headers(), *export.cell_rows()]
    resource = CompletionResource(context=ExportContext.load(today=TODAY))
    dataset = resource.export(export.queryset())
    assert [dataset.headers, *[list(row) for row in dataset]] == streamed
    assert len(streamed) == 9
    assert any(row[COLUMNS.index("module")] == "'=1+1 Eerste" for row in streamed)


def test_filters_select_organisation_module_period_and_status(tree, catalogue):
    first = make_module(catalogue=catalogue, title="Eerste")
    second = make_module(catalogue=catalogue, title="Tweede")
    in_a = person(tree["a1"], last_name="Aa")
    in_b = person(tree["b1"], last_name="Bb")
    completed(in_a, first, on=datetime.date(2026, 1, 10))
    completed(in_a, second, on=None)
    completed(in_b, first, on=datetime.date(2026, 3, 10))

    def names(**filters):
        with translation.override("en"):
            headers, rows = export_rows(**filters)
        return sorted((row["Name"].split()[-1], row["Module"]) for row in as_dicts(headers, rows))

    assert names(organisation=tree["a"]) == [("Aa", "Eerste"), ("Aa", "Tweede")]
    assert names(module=first) == [("Aa", "Eerste"), ("Bb", "Eerste")]
    assert names(date_from=datetime.date(2026, 3, 1)) == [("Bb", "Eerste")]
    assert names(date_to=datetime.date(2026, 1, 10)) == [("Aa", "Eerste")]
    assert names(date_from=datetime.date(2026, 1, 11), date_to=datetime.date(2026, 3, 9)) == []
    assert names(status="in_progress") == [("Aa", "Tweede")]
    assert names(status="completed") == [("Aa", "Eerste"), ("Bb", "Eerste")]
    assert names(status="not_started") == []
    export = exports.CompletionExport(None, exports.ExportFilters(status="completed"))
    assert export.count() == 2


# -- assigned training: people who never started are rows too ----------------------------------


@pytest.fixture
def assigned(tree, catalogue):
    """One module assigned to Gemeente A, due before TODAY; another due after it; a third
    nobody is assigned. Four people in Gemeente A: one passed, one started, one never began,
    one left; one person in Gemeente B took the first module unassigned."""
    due_past = make_module(catalogue=catalogue, title="Drugslabs")
    due_ahead = make_module(catalogue=catalogue, title="Ondermijning")
    free = make_module(catalogue=catalogue, title="Vrije module")
    Assignment.objects.create(
        module=due_past, organisation=tree["a"], due_date=datetime.date(2026, 6, 1)
    )
    Assignment.objects.create(
        module=due_ahead, organisation=tree["a"], due_date=datetime.date(2026, 9, 1)
    )
    passed = person(tree["a1"], first_name="Piet", last_name="Geslaagd")
    started = person(tree["a1"], first_name="Sanne", last_name="Bezig")
    person(tree["a1"], first_name="Nina", last_name="Nooit")
    person(tree["a1"], first_name="Lotte", last_name="Vertrokken", active=False)
    elsewhere = person(tree["b1"], first_name="Bas", last_name="Elders")
    completed(passed, due_past, on=datetime.date(2026, 5, 1))
    completed(passed, due_ahead, on=datetime.date(2026, 5, 2))
    completed(started, due_ahead, on=None)
    completed(elsewhere, free, on=datetime.date(2026, 2, 1))
    return {"due_past": due_past, "due_ahead": due_ahead, "free": free}


def statuses(**filters):
    with translation.override("en"):
        headers, rows = export_rows(**filters)
    return [
        (row["Name"], row["Module"], row["Status"], row["Due date"])
        for row in as_dicts(headers, rows)
    ]


def test_the_export_has_a_row_per_person_and_assigned_module_and_unassigned_completions(
    assigned,
):
    assert statuses() == [
        ("Sanne Bezig", "Drugslabs", "Overdue", datetime.date(2026, 6, 1)),
        ("Sanne Bezig", "Ondermijning", "In progress", datetime.date(2026, 9, 1)),
        # Assigned modules taken elsewhere (not assigned there) are rows too.
        ("Bas Elders", "Vrije module", "Completed", None),
        ("Piet Geslaagd", "Drugslabs", "Completed", datetime.date(2026, 6, 1)),
        ("Piet Geslaagd", "Ondermijning", "Completed", datetime.date(2026, 9, 1)),
        # Never started: overdue on the module due before today, not started on the other.
        ("Nina Nooit", "Drugslabs", "Overdue", datetime.date(2026, 6, 1)),
        ("Nina Nooit", "Ondermijning", "Not started", datetime.date(2026, 9, 1)),
        # Someone who left has no duties: no rows for what they never started.
    ]


def test_the_not_started_filter_gives_the_people_who_never_began(assigned):
    assert statuses(status="not_started") == [
        ("Nina Nooit", "Ondermijning", "Not started", datetime.date(2026, 9, 1)),
    ]
    assert [row[:2] for row in statuses(status="overdue")] == [
        ("Sanne Bezig", "Drugslabs"),
        ("Nina Nooit", "Drugslabs"),
    ]
    export = exports.CompletionExport(
        None, exports.ExportFilters(status="not_started"), today=TODAY
    )
    assert export.count() == 1


def test_a_module_filter_keeps_the_assigned_rows_of_that_module(assigned):
    assert [row[:3] for row in statuses(module=assigned["due_ahead"])] == [
        ("Sanne Bezig", "Ondermijning", "In progress"),
        ("Piet Geslaagd", "Ondermijning", "Completed"),
        ("Nina Nooit", "Ondermijning", "Not started"),
    ]


def test_a_period_of_first_completion_leaves_only_completions(assigned):
    assert [row[:2] for row in statuses(date_from=datetime.date(2026, 4, 1))] == [
        ("Piet Geslaagd", "Drugslabs"),
        ("Piet Geslaagd", "Ondermijning"),
    ]


def test_the_active_column_tells_who_left(tree, catalogue):
    module = make_module(catalogue=catalogue)
    completed(person(tree["a1"], last_name="Weg", active=False), module, on=TODAY)
    completed(person(tree["a1"], last_name="Hier"), module, on=TODAY)
    with translation.override("en"):
        headers, rows = export_rows()
    assert {row["Name"].split()[-1]: row["Active"] for row in as_dicts(headers, rows)} == {
        "Hier": "yes",
        "Weg": "no",
    }


def test_someone_who_joined_after_the_assignment_is_not_overdue_on_day_one(tree, catalogue):
    module = make_module(catalogue=catalogue, title="Drugslabs")
    assignment = Assignment.objects.create(
        module=module,
        organisation=tree["a"],
        due_date=datetime.date(2026, 3, 1),
        newcomer_days=45,
    )
    Assignment.objects.filter(pk=assignment.pk).update(
        created_at=timezone.make_aware(datetime.datetime(2026, 1, 5, 9))
    )
    veteran = person(tree["a1"], first_name="Vera", last_name="Oud")
    newcomer = person(tree["a1"], first_name="Nick", last_name="Nieuw")
    Profile.objects.filter(user=veteran).update(started_on=datetime.date(2019, 1, 1))
    Profile.objects.filter(user=newcomer).update(started_on=TODAY)

    assert statuses() == [
        ("Nick Nieuw", "Drugslabs", "Not started", TODAY + datetime.timedelta(days=45)),
        ("Vera Oud", "Drugslabs", "Overdue", datetime.date(2026, 3, 1)),
    ]


def test_the_export_sorts_by_surname_without_tussenvoegsel(tree, catalogue):
    module = make_module(catalogue=catalogue, title="Drugslabs")
    for first, last, infix in [
        ("Sanne", "de Vries", "de"),
        ("Jan", "Jansen", ""),
        ("Ruud", "van den Heuvel", "van den"),
        ("Els", "Hendriks", ""),
    ]:
        learner = person(tree["a1"], first_name=first, last_name=last)
        Profile.objects.filter(user=learner).update(infix=infix)
        completed(learner, module, on=TODAY)
    assert [row[0] for row in statuses()] == [
        "Els Hendriks",
        "Ruud van den Heuvel",
        "Jan Jansen",
        "Sanne de Vries",
    ]
