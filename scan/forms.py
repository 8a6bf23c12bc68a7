"""The coordinator's form to open a round: a published scan, an organisation in their scope."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import services


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{'– ' * (obj.depth - 1)}{obj.name} ({obj.get_kind_display()})"


class OpenRoundForm(forms.Form):
    scan = forms.ModelChoiceField(queryset=None, label=_("Scan"), empty_label=None)
    organisation = OrganisationChoiceField(
        queryset=None,
        label=_("Organisation"),
        help_text=_("The management team or college that takes the scan together."),
    )
    title = forms.CharField(
        max_length=120,
        label=_("Name of the round"),
        help_text=_("For example ‘College, spring 2026’. Respondents see it."),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scan"].queryset = services.live_scans()
        self.fields["organisation"].queryset = services.organisations_for(user).order_by("path")
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}-help"
