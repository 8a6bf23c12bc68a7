"""Retention (AVG): people who left more than a year ago, and people whose training records are
all older than the retention period, are anonymised; everyone else is left alone. Their
records stay, so every aggregate stays the same; a dry run changes nothing, a second run
nothing more, and each run that anonymises leaves one audit entry without names."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from people import roles
from people.models import Assignment, AuditEntry, Profile
from records import retention
from records.insights import coverage_by_organisation
from records.models import ReminderLog, ReminderStage
from tests.factories import make_module, play
from tests.records.export_factories import build_tree, person
from training import services
from training.models import Attempt, Completion, Response

User = get_user_model()
TODAY = datetime.date(2026, 11, 28)
NOW = timezone.make_aware(datetime.datetime(2026, 11, 28, 12, 0))


@pytest.fixture
def world(catalogue, settings):
    settings.LEAVERS_RETENTION_DAYS = 365
    settings.TRAINING_RECORDS_RETENTION_DAYS = 2557
    tree = build_tree()
    module = make_module(catalogue=catalogue, title="Drugslabs herkennen")
    assignment = Assignment.objects.create(
        module=module, organisation=tree["a"], due_date="2027-01-01", validity_months=24
    )

    def trained(key, *, left_days_ago=None, trained_days_ago=0, **extra):
        user = person(tree["a1"], username=key, first_name=key.title(), **extra)
        play(services.start_attempt(user, module)[0])
        moment = NOW - datetime.timedelta(days=trained_days_ago)
        Attempt.objects.filter(learner=user).update(started_at=moment, finished_at=moment)
        if left_days_ago is not None:
            profile = user.profile
            profile.active = False
            profile.save()
            Profile.objects.filter(pk=profile.pk).update(
                left_on=TODAY - datetime.timedelta(days=left_days_ago)
            )
        ReminderLog.objects.create(
            recipient=user, assignment=assignment, stage=ReminderStage.DUE_SOON, cycle="2027"
        )
        return User.objects.get(pk=user.pk)

    people = {
        "stayer": trained("stayer"),
        "left_366_days_ago": trained("left_366_days_ago", left_days_ago=366),
        "left_365_days_ago": trained("left_365_days_ago", left_days_ago=365),
        "left_last_month": trained("left_last_month", left_days_ago=30),
        "trained_8_years_ago": trained("trained_8_years_ago", trained_days_ago=2922),
        "trained_just_within": trained("trained_just_within", trained_days_ago=2556),
        "staff_who_left": trained("staff_who_left", left_days_ago=900, groups=()),
    }
    User.objects.filter(username="staff_who_left").update(is_staff=True)
    return {"tree": tree, "module": module, "people": people}


def run(dry_run=False):
    return retention.anonymise(dry_run=dry_run, today=TODAY, now=NOW)


def anonymised_usernames():
    return set(
        Profile.objects.filter(anonymised_on__isnull=False).values_list("user__username", flat=True)
    )


def test_who_is_anonymised_and_who_is_not_at_the_boundaries(world):
    ids = {key: user.pk for key, user in world["people"].items()}

    counts = run()

    gone = {key for key, pk in ids.items() if Profile.objects.get(user_id=pk).anonymised_on}
    assert gone == {"left_366_days_ago", "trained_8_years_ago"}
    assert (counts.people, counts.leavers, counts.inactive_records) == (2, 1, 1)
    for key in ("stayer", "left_365_days_ago", "left_last_month", "trained_just_within"):
        assert User.objects.get(pk=ids[key]).username == key
    assert User.objects.get(pk=ids["staff_who_left"]).username == "staff_who_left"


def test_an_anonymised_person_keeps_no_personal_data_but_keeps_their_organisation(world):
    leaver = world["people"]["left_366_days_ago"]
    roles.ensure_groups()
    leaver.groups.add(Group.objects.get(name=roles.LEARNERS))  # a role change names them
    assert AuditEntry.objects.filter(details__user="left_366_days_ago").exists()

    run()

    user = User.objects.get(pk=leaver.pk)
    assert user.username.startswith("geanonimiseerd-")
    assert (user.first_name, user.last_name, user.email) == ("", "", "")
    assert not user.has_usable_password()
    assert not user.is_active
    assert not user.groups.exists()
    profile = user.profile
    assert profile.employee_number is None
    assert profile.function == "other"
    assert profile.organisation == world["tree"]["a1"]
    assert not ReminderLog.objects.filter(recipient=user).exists()
    assert Attempt.objects.filter(learner=user).count() == 1
    assert Completion.objects.filter(learner=user).count() == 1
    names = str(list(User.objects.values_list("username", "first_name", "email")))
    names += str(list(AuditEntry.objects.values_list("actor_name", "details")))
    assert "Left_366_Days_Ago" not in names and "left_366_days_ago" not in names


def test_certificates_of_an_anonymised_person_no_longer_carry_their_name(world):
    from certificates.models import Certificate

    leaver = world["people"]["left_366_days_ago"]
    certificate = Certificate.objects.get(learner=leaver)
    assert "Left_366_Days_Ago" in certificate.learner_name

    run()

    certificate.refresh_from_db()
    assert certificate.learner_name == retention.ANONYMOUS_NAME


def aggregates(module):
    coverage = [
        (group.organisation.slug, group.module.pk, dict(group.counts))
        for group in coverage_by_organisation(today=TODAY)
    ]
    responses = sorted(Response.objects.values_list("block_id", "verdict", "points").order_by("pk"))
    completions = sorted(Completion.objects.values_list("module_id", "status", "best_score"))
    return coverage, responses, completions, Attempt.objects.count()


def test_aggregates_are_the_same_before_and_after_anonymising_leavers(world, settings):
    settings.TRAINING_RECORDS_RETENTION_DAYS = 100_000  # only the leavers' rule applies
    before = aggregates(world["module"])

    counts = run()

    assert counts.people == 1
    assert aggregates(world["module"]) == before


def test_a_dry_run_counts_and_changes_nothing(world):
    users_before = sorted(User.objects.values_list("pk", "username", "email", "first_name"))
    reminders_before = ReminderLog.objects.count()

    counts = run(dry_run=True)

    assert (counts.people, counts.attempts, counts.reminders_deleted) == (2, 2, 2)
    assert sorted(User.objects.values_list("pk", "username", "email", "first_name")) == (
        users_before
    )
    assert ReminderLog.objects.count() == reminders_before
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.ANONYMISE).exists()


def test_a_second_run_changes_nothing_and_writes_no_second_audit_entry(world):
    run()
    users_after_first = sorted(User.objects.values_list("pk", "username", "email"))

    counts = run()

    assert counts.people == 0
    assert sorted(User.objects.values_list("pk", "username", "email")) == users_after_first
    assert AuditEntry.objects.filter(action=AuditEntry.Action.ANONYMISE).count() == 1


def test_each_run_leaves_one_audit_entry_with_counts_and_no_names(world):
    run()

    (entry,) = AuditEntry.objects.filter(action=AuditEntry.Action.ANONYMISE)
    assert entry.row_count == 2
    assert entry.details["leavers"] == 1 and entry.details["inactive_records"] == 1
    text = str(entry.details) + entry.actor_name
    for key in world["people"]:
        assert key not in text
    assert (
        not AuditEntry.objects.filter(action=AuditEntry.Action.ROLE_CHANGE)
        .filter(created_at__gte=entry.created_at)
        .exists()
    )


def test_making_a_profile_inactive_starts_the_leavers_clock_and_reactivating_stops_it(world):
    profile = world["people"]["stayer"].profile

    profile.active = False
    profile.save()
    assert profile.left_on == timezone.localdate()
    profile.active = True
    profile.save()
    assert profile.left_on is None


def test_the_command_prints_counts_and_its_dry_run_changes_nothing(world):
    out = io.StringIO()
    call_command("anonymise_training_records", "--dry-run", stdout=out)
    assert "Would anonymise" in out.getvalue()
    assert not anonymised_usernames()

    out = io.StringIO()
    call_command("anonymise_training_records", stdout=out)
    assert "Anonymised" in out.getvalue()
    # Run on the real clock: the leaver of 366 days before TODAY is still due.
    assert len(anonymised_usernames()) >= 1


def test_the_scheduled_task_anonymises_like_the_command(world):
    from records.tasks import anonymise_training_records

    result = anonymise_training_records.enqueue()

    assert result.return_value["people"] >= 1
    assert AuditEntry.objects.filter(action=AuditEntry.Action.ANONYMISE).count() == 1
