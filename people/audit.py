"""The audit log of role changes: whenever a user's groups, staff flag or superuser flag change
(in Wagtail's user editor, an import, a shell), an ``AuditEntry`` with action ``role_change``
says who did it, to whom, and which groups were added or removed.

The acting user is taken from the request by ``AuditActorMiddleware`` (kept in a context
variable, so it is right per thread and per async task); outside a request the actor is
empty and the entry says so ("system"). Within one request, every change to one person is
collected in a single entry: Wagtail's editor replaces the groups (a removal and an addition)
and that is one role change.

Signals are connected in ``TrainingConfig.ready``.
"""

import contextlib
import contextvars

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_save, pre_save

from .models import AuditEntry

_actor = contextvars.ContextVar("audit_actor", default=None)
_entries = contextvars.ContextVar("audit_role_entries", default=None)
_suppressed = contextvars.ContextVar("audit_suppressed", default=False)

FLAGS = ("is_staff", "is_superuser")
SYSTEM = "system"


class AuditActorMiddleware:
    """Makes the logged-in user the actor of role changes made while handling the request.
    Goes after ``AuthenticationMiddleware``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        actor_token = _actor.set(user)
        entries_token = _entries.set({})
        try:
            return self.get_response(request)
        finally:
            _entries.reset(entries_token)
            _actor.reset(actor_token)


@contextlib.contextmanager
def acting_as(user):
    """Role changes made inside the block are by ``user`` (commands, tests, services)."""
    actor_token = _actor.set(user)
    entries_token = _entries.set({})
    try:
        yield
    finally:
        _entries.reset(entries_token)
        _actor.reset(actor_token)


@contextlib.contextmanager
def not_audited():
    """Changes inside the block write no role-change entries (the anonymisation, which writes
    one entry of its own without names)."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def _current_actor():
    user = _actor.get()
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user


def record_role_change(target, *, added=(), removed=(), flags=None):
    """Write (or, within the same request, extend) the role-change entry for ``target``."""
    if _suppressed.get():
        return None
    added, removed, flags = set(added), set(removed), dict(flags or {})
    if not (added or removed or flags):
        return None
    actor = _current_actor()
    entries = _entries.get()
    entry = entries.get(target.pk) if entries is not None else None
    if entry is None:
        entry = AuditEntry(
            actor=actor,
            actor_name=actor.get_username() if actor else SYSTEM,
            action=AuditEntry.Action.ROLE_CHANGE,
            details={
                "user_id": target.pk,
                "user": target.get_username(),
                "added": [],
                "removed": [],
            },
        )
    details = entry.details
    now_added = (set(details["added"]) - removed) | (added - set(details["removed"]))
    now_removed = (set(details["removed"]) - added) | (removed - set(details["added"]))
    details["added"], details["removed"] = sorted(now_added), sorted(now_removed)
    if flags:
        details["flags"] = {**details.get("flags", {}), **flags}
    entry.save()
    if entries is not None:
        entries[target.pk] = entry
    return entry


# -- signal receivers -------------------------------------------------------------------------


def _group_names(pks):
    return set(Group.objects.filter(pk__in=pks).values_list("name", flat=True))


def groups_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """``user.groups`` changed (or, in reverse, ``group.user_set``)."""
    if _suppressed.get():
        return
    User = get_user_model()
    if action == "pre_clear":
        # What is about to be removed is only known before the clear.
        if reverse:
            instance._audit_cleared = list(instance.user_set.all())
        else:
            instance._audit_cleared = _group_names(instance.groups.values_list("pk", flat=True))
        return
    if action == "post_clear":
        cleared = getattr(instance, "_audit_cleared", None) or []
        if reverse:
            for user in cleared:
                record_role_change(user, removed=[instance.name])
        else:
            record_role_change(instance, removed=cleared)
        return
    if action not in ("post_add", "post_remove") or not pk_set:
        return
    key = "added" if action == "post_add" else "removed"
    if reverse:  # instance is a group, pk_set are users
        for user in User.objects.filter(pk__in=pk_set):
            record_role_change(user, **{key: [instance.name]})
    else:
        record_role_change(instance, **{key: _group_names(pk_set)})


def flags_before_save(sender, instance, update_fields=None, **kwargs):
    if _suppressed.get():
        return
    if update_fields is not None and not set(update_fields) & set(FLAGS):
        return  # a login (last_login) or a name change: no flag can have changed
    if instance.pk is None:
        instance._audit_flags_before = dict.fromkeys(FLAGS, False)
        return
    before = sender.objects.filter(pk=instance.pk).values(*FLAGS).first()
    instance._audit_flags_before = before or dict.fromkeys(FLAGS, False)


def flags_after_save(sender, instance, **kwargs):
    before = instance.__dict__.pop("_audit_flags_before", None)
    if before is None or _suppressed.get():
        return
    changed = {
        flag: getattr(instance, flag) for flag in FLAGS if before[flag] != getattr(instance, flag)
    }
    if changed:
        record_role_change(instance, flags=changed)


def connect():
    User = get_user_model()
    m2m_changed.connect(groups_changed, sender=User.groups.through, dispatch_uid="audit_groups")
    pre_save.connect(flags_before_save, sender=User, dispatch_uid="audit_flags_before")
    post_save.connect(flags_after_save, sender=User, dispatch_uid="audit_flags_after")
