"""The page editor's header shows some of the page's actions as buttons of their own, not only
in the ⋯ menu: those that a ``register_page_header_buttons`` hook marks with the attribute
``data-header-shortcut`` (the module's "Statistics", from ``records``)."""

from django import template
from wagtail.admin.ui.menus.pages import get_page_header_buttons
from wagtail.admin.widgets import HeaderButton

register = template.Library()

SHORTCUT = "data-header-shortcut"


@register.simple_tag(takes_context=True)
def page_header_shortcuts(context, page):
    request = context.get("request")
    if page is None or request is None or not getattr(page, "pk", None):
        return []
    buttons = get_page_header_buttons(
        page=page, user=request.user, next_url=request.path, view_name="edit"
    )
    return [
        HeaderButton(
            label=button.label,
            url=button.url,
            icon_name=button.icon_name,
            attrs={k: v for k, v in button.attrs.items() if k != SHORTCUT},
            priority=button.priority,
        )
        for button in sorted(buttons)
        if SHORTCUT in button.attrs
    ]
