"""The one rule of which assignment applies to a person (``AssignmentIndex``), and that every
place that needs it (the player, the exports, the certificates) answers the same."""

import datetime

import pytest

from certificates.services import validity_months_for
from people.models import Assignment, AssignmentIndex, Function, Organisation, Profile
from records.resources import ExportContext
from tests.factories import UserFactory, make_module, make_organisation
from training import services

pytestmark = pytest.mark.django_db

DAY = datetime.date(2027, 3, 1)


@pytest.fixture
def tree():
    province = make_organisation("Provincie", kind="province")
    region = make_organisation("Regio", kind="region", parent=province)
    town = make_organisation("Gemeente", parent=region)
    team = make_organisation("Team", kind="team", parent=town)
    other = make_organisation("Andere gemeente", parent=region)
    # Read again: nodes are ordered by name, so adding one can move its siblings' paths.
    made = (province, region, town, team, other)
    return {node.name: node for node in Organisation.objects.filter(pk__in=[n.pk for n in made])}


def assign(module, node, function="", days=0, validity=12):
    return Assignment.objects.create(
        module=module,
        organisation=node,
        function=function,
        due_date=DAY + datetime.timedelta(days=days),
        validity_months=validity,
    )


def person(node, function=Function.BOA, active=True):
    user = UserFactory()
    Profile.objects.update_or_create(
        user=user, defaults={"organisation": node, "function": function, "active": active}
    )
    return user


def test_an_assignment_above_applies_below_and_the_earliest_due_date_wins(tree, catalogue):
    module = make_module(catalogue=catalogue)
    late = assign(module, tree["Provincie"], days=30)
    early = assign(module, tree["Gemeente"], days=10)
    assign(module, tree["Andere gemeente"], days=1)  # a sibling: not for the team

    index = AssignmentIndex(Assignment.objects.select_related("organisation"))

    assert index.for_place(tree["Team"].path, Function.BOA) == {module.pk: early}
    assert index.for_place(tree["Regio"].path, Function.BOA) == {module.pk: late}
    assert index.for_place("", Function.BOA) == {}


def test_a_function_assignment_is_for_that_function_only_and_ties_go_to_the_oldest(tree, catalogue):
    module = make_module(catalogue=catalogue)
    first = assign(module, tree["Gemeente"], function=Function.BOA, days=5)
    assign(module, tree["Regio"], days=5)  # same due date, made later

    index = AssignmentIndex(Assignment.objects.select_related("organisation"))

    assert index.for_place(tree["Team"].path, Function.BOA) == {module.pk: first}
    inspector = index.for_place(tree["Team"].path, Function.INSPECTOR)
    assert inspector[module.pk].organisation == tree["Regio"]


def test_values_rows_and_model_instances_give_the_same_answer(tree, catalogue):
    modules = [make_module(catalogue=catalogue) for _ in range(2)]
    assign(modules[0], tree["Provincie"], days=3)
    assign(modules[0], tree["Team"], function=Function.BOA, days=2)
    assign(modules[1], tree["Regio"], function=Function.INSPECTOR, days=1)
    models = AssignmentIndex(Assignment.objects.select_related("organisation"))
    rows = AssignmentIndex.from_values(
        Assignment.objects.values("pk", "module_id", "organisation__path", "function", "due_date")
    )
    for node in tree.values():
        for function in (Function.BOA, Function.INSPECTOR):
            expected = {m: a.pk for m, a in models.for_place(node.path, function).items()}
            got = {m: row["pk"] for m, row in rows.for_place(node.path, function).items()}
            assert got == expected, (node.name, function)


def test_the_player_the_export_and_the_certificate_agree_and_leavers_get_nothing(tree, catalogue):
    module = make_module(catalogue=catalogue)
    assign(module, tree["Provincie"], days=40, validity=36)
    chosen = assign(module, tree["Gemeente"], function=Function.BOA, days=20, validity=24)
    boa = person(tree["Team"])
    leaver = person(tree["Team"], active=False)

    assert services.assignments_for(boa) == {module.pk: chosen}
    export = ExportContext.load()
    assert export.assignment_for(tree["Team"].path, Function.BOA, True, module.pk)["pk"] == (
        chosen.pk
    )
    assert validity_months_for(boa, module.pk) == 24
    assert services.assignments_for(leaver) == {}
    assert export.assignment_for(tree["Team"].path, Function.BOA, False, module.pk) is None
