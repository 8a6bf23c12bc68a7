"""The groups that decide who may do what, created the same way in every environment.

Learners need no permissions: every logged-in user can take the modules meant for them.
Trainers author content in the Wagtail admin and see nothing of learners' records: they get
page permissions on the module catalogue, images and the signal taxonomy, and nothing in the
``training`` app. Managers, HR and programme coordinators are recognised by their group; what
records they see is decided by ``people.scope`` from the organisation tree, not by model
permissions. Platform admins are superusers.
"""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

LEARNERS = "Learners"
TRAINERS = "Trainers"
MANAGERS = "Managers"
HR = "HR"
COORDINATORS = "Programme coordinators"

GROUP_LABELS = {
    LEARNERS: _("Learners"),
    TRAINERS: _("Trainers"),
    MANAGERS: _("Managers"),
    HR: _("HR"),
    COORDINATORS: _("Programme coordinators"),
}
# Roles that reach other people's records or the content: two-step verification is required
# for them (cms.mfa), and the staff import may not change their accounts. Staff and superusers
# count as privileged too (``is_privileged``).
PRIVILEGED_GROUPS = frozenset({TRAINERS, HR, COORDINATORS})


def group_names(user):
    """The names of the user's groups, read once per request and kept on the user object."""
    cached = getattr(user, "_group_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True)) if user.pk else frozenset()
        user._group_names = cached
    return cached


def is_privileged(user):
    """Staff, superusers and the members of ``PRIVILEGED_GROUPS``."""
    if not user.is_authenticated:
        return False
    return user.is_staff or user.is_superuser or bool(PRIVILEGED_GROUPS & group_names(user))


def has_role(user, group):
    return user.is_authenticated and (user.is_superuser or group in group_names(user))


TRAINER_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("scenarios", "add_signal"),
    ("scenarios", "change_signal"),
    ("scenarios", "delete_signal"),
    ("scenarios", "view_signal"),
    ("scenarios", "add_theme"),
    ("scenarios", "change_theme"),
    ("scenarios", "view_theme"),
]
TRAINER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
TRAINER_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_groups(catalogue=None):
    """Create or complete the role groups; give trainers the catalogue when there is one.
    Safe to run again: it only adds what is missing."""
    for name in (LEARNERS, MANAGERS, COORDINATORS):
        Group.objects.get_or_create(name=name)
    hr, _created = Group.objects.get_or_create(name=HR)
    # HR works in the Wagtail admin (import and export), without any content permissions.
    hr.permissions.add(_permission("wagtailadmin", "access_admin"))
    trainers, _created = Group.objects.get_or_create(name=TRAINERS)
    trainers.permissions.add(*[_permission(app, code) for app, code in TRAINER_MODEL_PERMISSIONS])
    root_collection = Collection.get_first_root_node()
    for app, code in TRAINER_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=trainers, collection=root_collection, permission=_permission(app, code)
        )
    if catalogue is not None:
        for codename in TRAINER_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=trainers, page=catalogue, permission=_permission("wagtailcore", codename)
            )
    return {group.name: group for group in Group.objects.filter(name__in=GROUP_LABELS)}
