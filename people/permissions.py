"""Who may do what in the admin, one way: a Wagtail permission policy per model, registered in
each app's ``AppConfig.ready()``, and menu items and views that ask the policy.

Django's model permissions are not used for people's records: HR's reach depends on the
organisation tree (``people.scope``), and platform admins are superusers. Roles are the groups
of ``people.roles``.
"""

from django.contrib.auth import get_user_model
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import policy_registry

from . import roles


def _active_superusers():
    return get_user_model().objects.filter(is_active=True, is_superuser=True)


class SuperuserOnlyPolicy(BasePermissionPolicy):
    """Platform admins may do ``actions`` (every action when None); nobody else anything."""

    def __init__(self, model, actions=None):
        super().__init__(model)
        self.actions = frozenset(actions) if actions is not None else None

    def _allows(self, action):
        return self.actions is None or action in self.actions

    def user_has_permission(self, user, action):
        return self._allows(action) and user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        if not any(self._allows(action) for action in actions):
            return get_user_model().objects.none()
        return _active_superusers()


class ProfilePermissionPolicy(BasePermissionPolicy):
    """People's profiles: HR and platform admins view, edit, import and export them (their
    training records), HR only the people in its organisation and below (the querysets narrow
    it to their scope). Nobody adds or deletes a profile here: people come from the staff
    import and leave by being made inactive."""

    ACTIONS = frozenset({"view", "change", "import", "export"})

    def user_has_permission(self, user, action):
        if action not in self.ACTIONS or not user.is_active:
            return False
        return user.is_superuser or roles.has_role(user, roles.HR)

    def user_has_permission_for_instance(self, user, action, instance):
        from .models import Profile

        return (
            self.user_has_permission(user, action)
            and Profile.objects.visible_to(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        from .models import Profile

        if any(self.user_has_permission(user, action) for action in actions):
            return Profile.objects.visible_to(user)
        return Profile.objects.none()

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if not self.ACTIONS & set(actions):
            return users.none()
        return (users.filter(is_superuser=True) | users.filter(groups__name=roles.HR)).distinct()


def policy_for(model):
    """The permission policy registered for ``model`` (in its app's ``ready()``)."""
    return policy_registry.get_by_type(model)


def user_may(user, model, action):
    """Whether ``user`` may do ``action`` on ``model``: what menu items and views ask."""
    return user.is_authenticated and policy_for(model).user_has_permission(user, action)
