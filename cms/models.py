"""The site's home page: what the platform is, and the way in for learners."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The public front door. Explains the platform and sends people to log in or to their
    modules; everything personal lives behind the login."""

    introduction = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link", "ul"]
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["scenarios.ModuleCatalogue"]
    template = "cms/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from scenarios.models import ModuleCatalogue

        context = super().get_context(request, *args, **kwargs)
        context["catalogue"] = ModuleCatalogue.objects.child_of(self).live().first()
        return context
