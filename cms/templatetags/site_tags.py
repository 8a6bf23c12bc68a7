"""Template filters of the site's own pages (login, two-step verification)."""

from django import template

register = template.Library()


@register.filter
def in_groups_of_four(value):
    """``"JBSWY3DPEHPK3PXP"`` as ``["JBSW", "Y3DP", "EHPK", "3PXP"]``: a key typed in by hand
    is read four characters at a time."""
    text = "".join(str(value).split())
    return [text[index : index + 4] for index in range(0, len(text), 4)]
