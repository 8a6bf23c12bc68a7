"""The audit log shows role changes: a platform admin who changes someone's groups or admin flag
in Wagtail's user editor leaves an entry saying who did it, to whom, and which groups were
added and removed; changes outside a request are recorded as by "system". Only platform
admins read the log."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from people import audit, roles
from people.models import AuditEntry
from tests.factories import SuperuserFactory, UserFactory, login_with_mfa, make_hr

User = get_user_model()


@pytest.fixture
def groups(db):
    return roles.ensure_groups()


def role_changes():
    return list(AuditEntry.objects.filter(action=AuditEntry.Action.ROLE_CHANGE).order_by("pk"))


def edit_form_data(user, group_names, is_superuser=False):
    data = {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "is_active": "on",
        "groups": [Group.objects.get(name=name).pk for name in group_names],
    }
    if is_superuser:
        data["is_superuser"] = "on"
    return data


def test_changing_groups_in_the_wagtail_user_editor_writes_one_entry_with_actor_target_and_groups(
    client, groups
):
    admin = SuperuserFactory(username="beheerder")
    target = UserFactory(username="jdevries")
    target.groups.add(groups[roles.LEARNERS], groups[roles.MANAGERS])
    AuditEntry.objects.all().delete()
    login_with_mfa(client, admin)

    response = client.post(
        reverse("wagtailusers_users:edit", args=[target.pk]),
        edit_form_data(target, [roles.LEARNERS, roles.HR]),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert set(target.groups.values_list("name", flat=True)) == {roles.LEARNERS, roles.HR}
    (entry,) = role_changes()
    assert entry.actor == admin and entry.actor_name == "beheerder"
    assert entry.details["user_id"] == target.pk and entry.details["user"] == "jdevries"
    assert entry.details["added"] == [roles.HR]
    assert entry.details["removed"] == [roles.MANAGERS]


def test_making_someone_an_administrator_in_the_user_editor_is_recorded(client, groups):
    admin = SuperuserFactory(username="beheerder")
    target = UserFactory(username="promoted")
    AuditEntry.objects.all().delete()
    login_with_mfa(client, admin)

    client.post(
        reverse("wagtailusers_users:edit", args=[target.pk]),
        edit_form_data(target, [], is_superuser=True),
    )

    (entry,) = role_changes()
    assert entry.actor == admin
    assert entry.details["flags"] == {"is_superuser": True}


def test_saving_the_user_editor_without_changes_writes_nothing(client, groups):
    admin = SuperuserFactory(username="beheerder")
    target = UserFactory(username="unchanged")
    target.groups.add(groups[roles.LEARNERS])
    AuditEntry.objects.all().delete()
    login_with_mfa(client, admin)

    client.post(
        reverse("wagtailusers_users:edit", args=[target.pk]),
        edit_form_data(target, [roles.LEARNERS]),
    )

    assert role_changes() == []


def test_a_change_outside_a_request_is_recorded_as_by_system(groups):
    target = UserFactory(username="shell-change")

    target.groups.add(groups[roles.TRAINERS])
    groups[roles.HR].user_set.add(target)

    entries = role_changes()
    assert [e.details["added"] for e in entries] == [[roles.TRAINERS], [roles.HR]]
    assert {(e.actor, e.actor_name) for e in entries} == {(None, audit.SYSTEM)}


def test_clearing_someones_groups_names_the_groups_removed(groups):
    target = UserFactory(username="cleared")
    target.groups.add(groups[roles.TRAINERS], groups[roles.HR])
    admin = SuperuserFactory()
    AuditEntry.objects.all().delete()

    with audit.acting_as(admin):
        target.groups.clear()

    (entry,) = role_changes()
    assert entry.actor == admin
    assert entry.details["removed"] == sorted([roles.TRAINERS, roles.HR])


def test_role_changes_show_in_the_audit_log_for_platform_admins_and_not_for_hr(client, groups):
    from people.models import Organisation

    admin = SuperuserFactory(username="beheerder")
    target = UserFactory(username="zichtbaar")
    with audit.acting_as(admin):
        target.groups.add(groups[roles.COORDINATORS])
    login_with_mfa(client, admin)

    page = client.get("/admin/hr/audit-log/")

    assert page.status_code == 200
    html = page.content.decode()
    assert "zichtbaar" in html and "Programme coordinators" in html
    hr = make_hr(Organisation.add_root(name="Altena", slug="altena", kind="municipality"))
    login_with_mfa(client, hr)
    assert client.get("/admin/hr/audit-log/").status_code in (302, 403)
