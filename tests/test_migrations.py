"""Moving the models of organisations, people, assignments, the audit log and reminders out of
the training app into people and records changes no table and loses no row: a database with
data from before the move is migrated, and every row is found again through the new models."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# Serialized rollback: Wagtail's root page, made by its migrations, is back for the next test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# The training app's last migration before the move, without the apps the models moved to.
BEFORE = [("training", "0006_attempt_shuffle_seed"), ("records", None), ("people", None)]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def test_rows_from_before_the_split_are_found_through_the_new_apps():
    from tests.factories import make_module

    module = make_module()  # content is not part of the move: made with today's models
    old = migrate(BEFORE)
    user_model = old.get_model("auth", "User")
    organisation_model = old.get_model("training", "Organisation")
    user = user_model.objects.create(username="sanne", email="sanne@example.org")
    node = organisation_model.objects.create(
        path="0001",
        depth=1,
        numchild=0,
        name="Gemeente Oisterwijk",
        slug="oisterwijk",
        kind="municipality",
    )
    node.managers.add(user)
    profile = old.get_model("training", "Profile").objects.create(
        user=user, organisation=node, function="boa", employee_number="BB-1", active=True
    )
    assignment = old.get_model("training", "Assignment").objects.create(
        module_id=module.pk,
        organisation=node,
        function="boa",
        due_date=datetime.date(2027, 1, 1),
        validity_months=24,
    )
    old.get_model("training", "AuditEntry").objects.create(
        actor=user, actor_name="sanne", action="export", row_count=3
    )
    old.get_model("training", "ReminderLog").objects.create(
        recipient=user, assignment=assignment, stage="due_soon", cycle="2027-01-01"
    )
    # As on a site upgraded from before the move: the content types are still training's.
    content_type = old.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label__in=["people", "records"]).delete()
    content_type.objects.get_or_create(app_label="training", model="profile")

    migrate(latest())

    from people.models import Assignment, AuditEntry, Organisation, Profile
    from records.models import ReminderLog

    moved = Profile.objects.select_related("organisation", "user").get(pk=profile.pk)
    assert (moved.user.username, moved.organisation.name, moved.employee_number) == (
        "sanne",
        "Gemeente Oisterwijk",
        "BB-1",
    )
    assert list(Organisation.objects.get(pk=node.pk).managers.all()) == [moved.user]
    assert Assignment.objects.get(pk=assignment.pk).validity_months == 24
    assert AuditEntry.objects.get().row_count == 3
    assert ReminderLog.objects.get().assignment_id == assignment.pk
    assert ContentType.objects.filter(app_label="people", model="profile").exists()
    assert not ContentType.objects.filter(app_label="training", model="profile").exists()
    tables = connection.introspection.table_names()
    assert "training_profile" in tables and "people_profile" not in tables
