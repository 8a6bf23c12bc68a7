"""The site's home page: what the platform is, and the way in for learners; and the record that
makes an e-mailed two-step set-up link work once."""

from django.conf import settings
from django.db import models
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


class TwoStepSetupLinkUse(models.Model):
    """When a person last used an e-mailed link to set up two-step verification. Every such link
    is signed over this moment, so using one voids it and every link sent before it: a link
    works once (``cms.mfa``)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    used_at = models.DateTimeField(_("used at"))

    class Meta:
        verbose_name = _("use of a two-step set-up link")
        verbose_name_plural = _("uses of two-step set-up links")

    def __str__(self):
        return f"{self.user} {self.used_at:%Y-%m-%d %H:%M}"
