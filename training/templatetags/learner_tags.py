"""The learner's own progress on content pages: the catalogue with their status per module, a
module page with their attempts. Content (``scenarios``) knows nothing of learners, so its pages
ask for this in their templates."""

from django import template

from training import services

register = template.Library()


@register.simple_tag(takes_context=True)
def catalogue_entries(context, catalogue):
    """The catalogue as the requesting learner sees it (``services.catalogue_for``)."""
    return services.catalogue_for(context["request"].user, catalogue)


@register.simple_tag(takes_context=True)
def module_overview(context, module):
    """The requesting learner's attempts and completion of a module, and whether they may take
    it (``services.module_overview_for``)."""
    return services.module_overview_for(context["request"].user, module)
