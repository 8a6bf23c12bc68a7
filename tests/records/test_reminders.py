"""Reminder e-mails (records.reminders, records.tasks, the send_reminders command): the right
e-mail to the right person at each stage, each one once, and a weekly digest for managers that
lists only the people in their scope."""

import datetime
import io
import signal
import smtplib
import threading

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db import close_old_connections, connection
from django.utils import timezone

from people import roles
from people.models import Assignment, Function, Organisation, Profile
from people.status import add_months
from records import reminders, tasks
from records.models import ReminderLog, ReminderStage
from tests.factories import UserFactory, make_module, play, site_with_catalogue
from training import services
from training.models import Attempt

pytestmark = pytest.mark.django_db


# The real clock, kept before any test moves timezone.localdate (days() is used inside such
# patches).
_real_localdate = timezone.localdate


def today():
    """Today, asked at the moment of use: a run that passes midnight must not compare
    dates computed at import with dates the code computes later."""
    return _real_localdate()


def days(n):
    return today() + datetime.timedelta(days=n)


def dutch(day):
    """A date as the Dutch e-mails write it: 7 december 2026."""
    months = "januari februari maart april mei juni juli augustus september oktober november "
    months += "december"
    return f"{day.day} {months.split()[day.month - 1]} {day.year}"


def node(parent, name, kind="team"):
    slug = name.lower().replace(" ", "-")
    if parent is None:
        return Organisation.add_root(name=name, slug=slug, kind=kind)
    parent = Organisation.objects.get(pk=parent.pk)  # treebeard wants a fresh parent
    return parent.add_child(name=name, slug=slug, kind=kind)


@pytest.fixture
def tree():
    province = node(None, "Provincie", "province")
    a = node(province, "Gemeente A", "municipality")
    b = node(province, "Gemeente B", "municipality")
    nodes = {
        "provincie": province,
        "gemeente-a": a,
        "gemeente-b": b,
        "team-a1": node(a, "Team A1"),
        "team-a2": node(a, "Team A2"),
        "team-b1": node(b, "Team B1"),
    }
    return {slug: Organisation.objects.get(pk=n.pk) for slug, n in nodes.items()}


def person(username, organisation, function=Function.BOA, groups=(), **fields):
    user = UserFactory(username=username, function=function, **fields)
    Profile.objects.filter(user=user).update(organisation=organisation)
    if groups:
        roles.ensure_groups()
        user.groups.add(*Group.objects.filter(name__in=groups))
    return type(user).objects.get(pk=user.pk)


def passed(learner, module, on):
    """The learner passed the module (through the services), on the day ``on``."""
    attempt = play(services.start_attempt(learner, module)[0])
    moment = timezone.make_aware(datetime.datetime.combine(on, datetime.time(12)))
    Attempt.objects.filter(pk=attempt.pk).update(finished_at=moment)
    services.update_completion(learner, module)


@pytest.fixture
def module(catalogue):
    return make_module(catalogue=catalogue, title="Drugsafval & dumpingen")


def assign(module, organisation, due, validity_months=None, function=""):
    return Assignment.objects.create(
        module=module,
        organisation=organisation,
        due_date=due,
        validity_months=validity_months,
        function=function,
    )


def run_command(*args):
    out = io.StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


# -- each stage, the right e-mail to the right person ---------------------------------------


def test_due_within_fourteen_days_reminds_the_learner_with_date_and_link(tree, module):
    learner = person("jansen", tree["team-a1"], first_name="Jan", last_name="Jansen")
    assign(module, tree["gemeente-a"], due=days(10))

    output = run_command()

    assert output.startswith("1 reminders queued (due_soon: 1)")
    (message,) = mail.outbox
    assert message.to == ["jansen@example.nl"]
    due = dutch(days(10))
    assert message.subject == f"Herinnering: rond ‘Drugsafval & dumpingen’ af vóór {due}"
    assert "Beste Jan Jansen," in message.body
    assert f"uiterlijk {dutch(days(10))} zijn afgerond, over 10 dagen" in message.body
    assert f"http://testserver{module.get_url()}" in message.body
    assert module.get_url().startswith("/")
    assert "&amp;" not in message.subject + message.body
    log = ReminderLog.objects.get()
    assert (log.recipient, log.stage, log.cycle) == (learner, "due_soon", days(10).isoformat())
    assert log.sent_at is not None


def test_links_in_reminders_use_the_site_address_or_else_the_default_site(tree, module, settings):
    """A reminder has no request to follow: SITE_URL, or in development the Wagtail site."""
    from wagtail.models import Site

    person("jansen", tree["team-a1"], first_name="Jan", last_name="Jansen")
    assign(module, tree["gemeente-a"], due=days(10))
    settings.SITE_URL = "https://training.example.org"
    run_command()
    assert f"https://training.example.org{module.get_url()}" in mail.outbox[-1].body

    settings.SITE_URL = ""
    Site.objects.filter(is_default_site=True).update(hostname="leren.example", port=8001)
    ReminderLog.objects.all().delete()
    run_command()
    assert f"http://leren.example:8001{module.get_url()}" in mail.outbox[-1].body


def test_a_learner_who_started_but_did_not_finish_is_reminded_too(tree, module):
    learner = person("bezig", tree["team-a1"])
    services.start_attempt(learner, module)
    assign(module, tree["team-a1"], due=days(3))

    run_command()

    assert [m.subject.split(":")[0] for m in mails_to(learner)] == ["Herinnering"]


def test_overdue_learner_gets_the_overdue_e_mail(tree, module):
    learner = person("laat", tree["team-b1"])
    assign(module, tree["provincie"], due=days(-3))

    run_command()

    (message,) = mails_to(learner)
    assert message.subject == "Te laat: de module ‘Drugsafval & dumpingen’ is nog niet afgerond"
    assert f"had uiterlijk {dutch(days(-3))} afgerond moeten zijn" in message.body
    assert ReminderLog.objects.get().stage == ReminderStage.OVERDUE


def test_a_pass_about_to_expire_reminds_with_the_valid_until_date(tree, module):
    learner = person("bijna", tree["team-a2"])
    assign(module, tree["gemeente-a"], due=days(-400), validity_months=12)
    passed_on = services_date_months_back(12, plus_days=5)
    passed(learner, module, on=passed_on)
    valid_until = add_months(passed_on, 12)

    run_command()

    (message,) = mails_to(learner)
    assert message.subject == (
        f"Je training ‘Drugsafval & dumpingen’ verloopt binnenkort "
        f"(geldig tot en met {dutch(valid_until)})"
    )
    remaining = (valid_until - today()).days
    assert f"geldig tot en met {dutch(valid_until)}, nog {remaining} dagen" in message.body
    log = ReminderLog.objects.get()
    assert (log.stage, log.cycle) == ("expiring", valid_until.isoformat())


def test_an_expired_pass_reminds_to_take_the_module_again(tree, module):
    learner = person("verlopen", tree["team-a2"])
    assign(module, tree["gemeente-a"], due=days(-800), validity_months=12)
    passed_on = services_date_months_back(12, plus_days=-20)
    passed(learner, module, on=passed_on)
    valid_until = add_months(passed_on, 12)

    run_command()

    (message,) = mails_to(learner)
    assert message.subject == "Verlopen: doe de module ‘Drugsafval & dumpingen’ opnieuw"
    assert f"was geldig tot en met {dutch(valid_until)} en is nu verlopen" in message.body
    assert ReminderLog.objects.get().cycle == valid_until.isoformat()


def test_a_new_recertification_cycle_reminds_again(tree, module):
    learner = person("cyclus", tree["team-a2"])
    assign(module, tree["gemeente-a"], due=days(-800), validity_months=12)
    first_pass = services_date_months_back(12, plus_days=-20)
    passed(learner, module, on=first_pass)
    run_command()
    run_command()
    assert len(mails_to(learner)) == 1

    # Passed again, a little later: that pass has expired too, on a later date.
    second_pass = services_date_months_back(12, plus_days=-2)
    passed(learner, module, on=second_pass)
    run_command()

    assert [m.subject.split(":")[0] for m in mails_to(learner)] == ["Verlopen", "Verlopen"]
    assert sorted(ReminderLog.objects.values_list("cycle", flat=True)) == [
        add_months(first_pass, 12).isoformat(),
        add_months(second_pass, 12).isoformat(),
    ]


def services_date_months_back(months, plus_days=0):
    """The day ``months`` before today, moved ``plus_days``: a pass on that day of a module valid
    for ``months`` months counts until about today + ``plus_days``."""
    return add_months(today(), -months) + datetime.timedelta(days=plus_days)


def test_english_texts_are_complete_when_the_site_language_is_english(tree, module, settings):
    settings.LANGUAGE_CODE = "en"
    learner = person("english", tree["team-a1"])
    assign(module, tree["team-a1"], due=days(-1))

    run_command()

    (message,) = mails_to(learner)
    assert message.subject == (
        "Overdue: you have not finished the module ‘Drugsafval & dumpingen’ yet"
    )
    assert "Dear Test" in message.body


# -- nobody else -------------------------------------------------------------------------------


def test_completed_unassigned_and_far_off_learners_get_nothing(tree, module, catalogue):
    done = person("klaar", tree["team-a1"])
    passed(done, module, on=days(-30))
    elsewhere = person("elders", tree["team-b1"])
    other_function = person("beleid", tree["team-a1"], function=Function.POLICY_OFFICER)
    later = make_module(catalogue=catalogue, title="Later")
    far_off = person("ruim", tree["team-a2"])
    assign(module, tree["team-a1"], due=days(-5), function=Function.BOA)
    assign(later, tree["team-a2"], due=days(15))

    assert run_command().startswith("0 reminders queued.")

    assert mail.outbox == []
    assert not ReminderLog.objects.exists()
    for user in (done, elsewhere, other_function, far_off):
        assert mails_to(user) == []


def test_a_completion_that_never_expires_gets_no_expiry_reminder(tree, module):
    learner = person("blijvend", tree["team-a1"])
    passed(learner, module, on=days(-700))
    assign(module, tree["team-a1"], due=days(-800))

    run_command()

    assert mail.outbox == []


def test_inactive_people_and_people_without_an_address_get_nothing(tree, module):
    left = person("vertrokken", tree["team-a1"])
    Profile.objects.filter(user=left).update(active=False)
    blocked = person("geblokkeerd", tree["team-a1"], is_active=False)
    no_address = person("zonder-adres", tree["team-a1"], email="")
    present = person("aanwezig", tree["team-a1"])
    assign(module, tree["team-a1"], due=days(-1))

    run_command()

    assert [message.to for message in mail.outbox] == [[present.email]]
    assert {log.recipient for log in ReminderLog.objects.all()} == {present}
    assert not mails_to(left) and not mails_to(blocked) and no_address.email == ""


def test_a_draft_module_gets_no_reminders(tree, catalogue):
    draft = make_module(catalogue=catalogue, publish=False)
    person("concept", tree["team-a1"])
    assign(draft, tree["team-a1"], due=days(-1))

    run_command()

    assert mail.outbox == []


def test_the_earliest_of_two_assignments_of_one_module_is_the_one_reminded(tree, module):
    learner = person("dubbel", tree["team-a1"])
    assign(module, tree["provincie"], due=days(60))
    earliest = assign(module, tree["team-a1"], due=days(7))

    run_command()

    (message,) = mails_to(learner)
    assert dutch(days(7)) in message.subject
    assert ReminderLog.objects.get().assignment == earliest


# -- once --------------------------------------------------------------------------------------


def test_running_the_command_twice_sends_each_reminder_once(tree, module, catalogue):
    learners = [person(f"cursist{i}", tree["team-a1"]) for i in range(3)]
    second = make_module(catalogue=catalogue, title="Tweede")
    assign(module, tree["team-a1"], due=days(-2))
    assign(second, tree["gemeente-a"], due=days(4))

    first_output = run_command()
    second_output = run_command()

    assert first_output.startswith("6 reminders queued (due_soon: 3, overdue: 3)")
    assert second_output.startswith("0 reminders queued.")
    assert len(mail.outbox) == 6
    for learner in learners:
        assert len(mails_to(learner)) == 2
    assert ReminderLog.objects.count() == 6


def test_due_soon_then_overdue_are_two_reminders(tree, module, monkeypatch):
    learner = person("tweemaal", tree["team-a1"])
    assign(module, tree["team-a1"], due=days(2))
    run_command()
    later = days(3)  # worked out before the clock moves: days() asks the clock
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: later)
    run_command()
    run_command()

    assert [m.subject.split(":")[0] for m in mails_to(learner)] == ["Herinnering", "Te laat"]


def test_a_reminder_queued_twice_is_sent_once(tree, module):
    learner = person("twee-keer-in-de-rij", tree["team-a1"])
    assignment = assign(module, tree["team-a1"], due=days(-1))
    (reminder,) = reminders.due_reminders()

    for _ in range(2):
        tasks.send_learner_reminder.enqueue(
            learner.pk, assignment.pk, reminder.stage, reminder.cycle
        )

    assert len(mail.outbox) == 1
    assert (
        reminders.send_learner_reminder(learner.pk, assignment.pk, reminder.stage, reminder.cycle)
        == reminders.ALREADY_SENT
    )


def test_a_reminder_that_no_longer_applies_is_not_sent(tree, module):
    learner = person("inmiddels-klaar", tree["team-a1"])
    assignment = assign(module, tree["team-a1"], due=days(5))
    (reminder,) = reminders.due_reminders()
    passed(learner, module, on=today())  # finished before the worker got to it

    outcome = reminders.send_learner_reminder(
        learner.pk, assignment.pk, reminder.stage, reminder.cycle
    )

    assert outcome == reminders.NOT_APPLICABLE
    assert mail.outbox == []
    assert not ReminderLog.objects.exists()


def test_a_failed_send_gives_the_claim_back_so_the_next_run_retries(tree, module, monkeypatch):
    learner = person("storing", tree["team-a1"])
    assignment = assign(module, tree["team-a1"], due=days(-1))
    (reminder,) = reminders.due_reminders()

    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("mail server down")

    with monkeypatch.context() as patched:
        patched.setattr(mail.EmailMessage, "send", refuse)
        with pytest.raises(smtplib.SMTPServerDisconnected):
            reminders.send_learner_reminder(
                learner.pk, assignment.pk, reminder.stage, reminder.cycle
            )
    assert not ReminderLog.objects.exists()

    assert run_command().startswith("1 reminders queued")
    assert len(mails_to(learner)) == 1


def test_the_database_refuses_a_second_claim(tree, module):
    learner = person("uniek", tree["team-a1"])
    assignment = assign(module, tree["team-a1"], due=days(-1))
    reminder = reminders.Reminder(learner.pk, assignment.pk, "overdue", days(-1).isoformat())
    digest = reminders.Reminder(learner.pk, None, "manager_digest", "2026-W48")

    assert reminders.claim(reminder) is not None
    assert reminders.claim(reminder) is None
    assert reminders.claim(digest) is not None
    assert reminders.claim(digest) is None
    assert ReminderLog.objects.count() == 2


def test_dry_run_queues_nothing(tree, module):
    person("proef", tree["team-a1"])
    assign(module, tree["team-a1"], due=days(-1))

    assert run_command("--dry-run").startswith("1 reminders would be queued (overdue: 1)")
    assert mail.outbox == []
    assert not ReminderLog.objects.exists()


# -- managers ----------------------------------------------------------------------------------


@pytest.fixture
def staff(tree, module):
    """People in every team: one overdue, one expired and one on time per team."""
    assign(module, tree["provincie"], due=days(-10), validity_months=12)
    people = {}
    for team in ("team-a1", "team-a2", "team-b1"):
        suffix = team[-2:]
        people[f"overdue-{suffix}"] = person(
            f"te-laat-{suffix}", tree[team], first_name="Laat", last_name=suffix.upper()
        )
        people[f"expired-{suffix}"] = verlopen = person(
            f"verlopen-{suffix}", tree[team], first_name="Verlopen", last_name=suffix.upper()
        )
        passed(verlopen, module, on=services_date_months_back(12, plus_days=-3))
        people[f"on-time-{suffix}"] = op_tijd = person(
            f"op-tijd-{suffix}", tree[team], first_name="Optijd", last_name=suffix.upper()
        )
        passed(op_tijd, module, on=days(-3))
    return people


def digests(manager):
    return [m for m in mails_to(manager) if m.subject.startswith("Weekoverzicht")]


def test_manager_digest_lists_only_the_people_in_the_managed_teams(tree, staff):
    manager = person("manager-a1", None, groups=[roles.MANAGERS])
    tree["team-a1"].managers.add(manager)

    run_command()

    (digest,) = digests(manager)
    week = reminders.iso_week(today())
    assert digest.subject == (
        f"Weekoverzicht {week}: 2 personen met achterstallige of verlopen training"
    )
    body = digest.body
    assert "Team A1" in body
    due = dutch(days(-10))
    assert f"Laat A1: ‘Drugsafval & dumpingen’ – te laat, uiterste datum was {due}" in body
    expired_on = dutch(add_months(services_date_months_back(12, plus_days=-3), 12))
    assert (
        f"Verlopen A1: ‘Drugsafval & dumpingen’ – verlopen, was geldig tot en met {expired_on}"
        in (body)
    )
    assert "Optijd" not in body
    for outside in ("A2", "B1", "Team A2", "Team B1"):
        assert outside not in body
    assert "http://testserver/" in body
    log = ReminderLog.objects.get(recipient=manager, assignment=None)
    assert (log.stage, log.cycle) == ("manager_digest", week)


def test_managing_a_municipality_covers_its_teams(tree, staff):
    manager = person("manager-a", None, groups=[roles.MANAGERS])
    tree["gemeente-a"].managers.add(manager)
    tree["team-a1"].managers.add(manager)  # overlapping nodes list nobody twice

    run_command()

    (digest,) = digests(manager)
    assert "4 personen" in digest.subject
    assert digest.body.index("Team A1") < digest.body.index("Team A2")
    assert digest.body.count("Laat A1") == 1
    assert "B1" not in digest.body


def test_manager_digest_goes_out_once_per_iso_week(tree, staff, monkeypatch):
    manager = person("wekelijks", None, groups=[roles.MANAGERS])
    tree["team-b1"].managers.add(manager)

    run_command()
    run_command()
    assert len(digests(manager)) == 1

    now, later = today(), days(7)  # worked out before the clock moves: days() asks the clock
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: later)
    run_command()
    run_command()

    assert len(digests(manager)) == 2
    weeks = ReminderLog.objects.filter(recipient=manager).values_list("cycle", flat=True)
    assert sorted(weeks) == [reminders.iso_week(now), reminders.iso_week(later)]


def test_a_stale_digest_from_last_week_is_not_sent(tree, staff):
    manager = person("oud", None, groups=[roles.MANAGERS])
    tree["team-b1"].managers.add(manager)

    outcome = reminders.send_manager_digest(manager.pk, reminders.iso_week(days(-7)))

    assert outcome == reminders.NOT_APPLICABLE
    assert digests(manager) == []


def test_no_digest_without_the_manager_role_or_without_anyone_to_report(tree, staff):
    without_role = person("geen-rol", tree["gemeente-a"])
    tree["gemeente-a"].managers.add(without_role)
    nothing_to_report = person("rustig", None, groups=[roles.MANAGERS])
    quiet = node(tree["gemeente-b"], "Team B2")
    quiet.managers.add(nothing_to_report)

    run_command()

    assert digests(without_role) == []
    assert digests(nothing_to_report) == []
    assert not ReminderLog.objects.filter(stage=ReminderStage.MANAGER_DIGEST).exists()


def test_inactive_people_are_left_out_of_the_digest(tree, staff):
    Profile.objects.filter(user=staff["overdue-a1"]).update(active=False)
    manager = person("actief", None, groups=[roles.MANAGERS])
    tree["team-a1"].managers.add(manager)

    run_command()

    (digest,) = digests(manager)
    assert "1 persoon met" in digest.subject
    assert "Laat A1" not in digest.body and "Verlopen A1" in digest.body


# -- the database queue and its worker ---------------------------------------------------------


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    handlers = {
        number: signal.getsignal(number)
        for number in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGQUIT", signal.SIGTERM))
    }
    yield
    for number, handler in handlers.items():  # the worker installs its own
        signal.signal(number, handler)


# A real transaction: the worker closes and reopens database connections between tasks.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_database_queue_holds_the_reminders_until_the_worker_sends_them(
    tree, module, database_queue
):
    from django_tasks_db.models import DBTaskResult

    learners = [person(f"wachtrij{i}", tree["team-a1"]) for i in range(2)]
    manager = person("chef", None, groups=[roles.MANAGERS])
    tree["team-a1"].managers.add(manager)
    assign(module, tree["team-a1"], due=days(-1))

    assert run_command().startswith("3 reminders queued (manager_digest: 1, overdue: 2)")
    # Cron ran again before the worker: nothing was claimed yet, so the same three are queued
    # again; the worker still sends each one once.
    assert run_command().startswith("3 reminders queued")
    # (Wagtail queues its own index updates on the same queue.)
    queued = DBTaskResult.objects.filter(task_path__startswith="records.")
    assert queued.count() == 6
    assert {task.task_path for task in queued} == {
        "records.tasks.send_learner_reminder",
        "records.tasks.send_manager_digest",
    }
    assert mail.outbox == []

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [learners[0].email, learners[1].email, manager.email]
    )
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert (
        sorted(queued.values_list("return_value", flat=True))
        == [reminders.ALREADY_SENT] * 3 + [reminders.SENT] * 3
    )
    assert ReminderLog.objects.filter(sent_at__isnull=False).count() == 3
    assert run_command().startswith("0 reminders queued.")


# -- two workers at the same moment (PostgreSQL: real concurrent connections) -----------------


@pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="needs concurrent connections (PostgreSQL)"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_sending_the_same_reminder_at_once_send_it_once():
    site_with_catalogue()
    root = Organisation.add_root(name="Gelijktijdig", slug="gelijktijdig", kind="province")
    module = make_module(title="Tegelijk")
    learner = person("tegelijk", root)
    assignment = assign(module, root, due=days(-1))
    cycle = days(-1).isoformat()
    barrier = threading.Barrier(6)
    outcomes = []

    def work():
        try:
            barrier.wait(timeout=10)
            outcomes.append(
                reminders.send_learner_reminder(learner.pk, assignment.pk, "overdue", cycle)
            )
        except Exception as error:  # noqa: BLE001 - reported by the test
            outcomes.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == [reminders.ALREADY_SENT] * 5 + [reminders.SENT]
    assert len(mails_to(learner)) == 1
    assert ReminderLog.objects.count() == 1
