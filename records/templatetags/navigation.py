"""Template tags that ask ``people.roles`` what the user may open, for navigation links only. What
records a page shows is decided by the querysets, never here."""

from django import template

from records.dashboard import may_use_dashboard

register = template.Library()


@register.simple_tag
def sees_team_dashboard(user):
    """Whether the "My teams" link belongs in the navigation: managers, HR and platform
    admins, the users the dashboard does not refuse."""
    return may_use_dashboard(user)


@register.simple_tag
def sees_insights(user):
    """Whether the link to the aggregated figures belongs in the navigation."""
    from records.insights import may_see_insights

    return may_see_insights(user)
