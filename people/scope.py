"""Who may see whose personal training records. Every queryset that returns records about
people filters with these functions (``…objects.visible_to(user)``); templates never decide.

- platform admins (superusers) see everyone;
- HR sees its own organisation node and below;
- managers see the nodes they manage and below;
- programme coordinators see no individual records, only aggregates (see ``insights``);
- everyone sees their own records.
"""

from django.db.models import Q

from . import roles

NOTHING = Q(pk__in=[])


def _collapse(paths):
    """Drop paths that lie below another path in the list: their subtree is already included."""
    kept = []
    for path in sorted(set(paths)):
        if not any(path.startswith(parent) for parent in kept):
            kept.append(path)
    return kept


def scope_paths(user):
    """Materialised paths of the organisation subtrees whose people this user may see, cached on
    the user object for the rest of the request."""
    cached = getattr(user, "_scope_paths", None)
    if cached is not None:
        return cached
    paths = []
    if user.is_authenticated:
        group_names = roles.group_names(user)
        if roles.HR in group_names:
            profile = getattr(user, "profile", None)
            if profile is not None and profile.organisation_id:
                paths.append(profile.organisation.path)
        if roles.MANAGERS in group_names:
            paths.extend(user.managed_organisations.values_list("path", flat=True))
    user._scope_paths = _collapse(paths)
    return user._scope_paths


def sees_everyone(user):
    return user.is_authenticated and user.is_superuser


def people_scope(user, path_lookup, own_user_field=None):
    """A Q object limiting records about people to the ones ``user`` may see.

    ``path_lookup`` leads from the record to its person's organisation path (for a completion:
    ``learner__profile__organisation__path``); ``own_user_field`` leads to the person, so that
    everyone sees their own records too.
    """
    if not user.is_authenticated:
        return NOTHING
    if sees_everyone(user):
        return Q()
    condition = NOTHING
    for path in scope_paths(user):
        condition |= Q(**{f"{path_lookup}__startswith": path})
    if own_user_field:
        condition |= Q(**{own_user_field: user})
    return condition


def organisations_visible_to(user):
    """The organisation nodes whose people this user may see (for filters and pickers)."""
    from .models import Organisation

    if sees_everyone(user):
        return Organisation.objects.all()
    condition = NOTHING
    for path in scope_paths(user):
        condition |= Q(path__startswith=path)
    return Organisation.objects.filter(condition)


def insight_paths(user):
    """The organisation subtrees whose aggregated figures ``user`` may see, as materialised
    paths; None for all of them; an empty tuple for none.

    Platform admins and programme coordinators who are not placed in a node (the programme's
    own coordinators) see every organisation; a coordinator placed in a node (a province, a
    region's RIEC, a municipality) sees that node and below. Nobody else sees these figures."""
    if not user.is_authenticated:
        return ()
    if sees_everyone(user):
        return None
    if roles.COORDINATORS not in roles.group_names(user):
        return ()
    profile = getattr(user, "profile", None)
    if profile is None or profile.organisation_id is None:
        return None
    return (profile.organisation.path,)
