"""The filters of the signal insight views: only what the reader may see can be chosen, and a
value that is not one of the choices is refused with a message (400), never a 500."""

import datetime

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from people.models import Function, Organisation
from scenarios.models import Signal, Theme

from . import queries
from .reports import quarter_label


def _within(scope):
    if scope is None:
        return Q()
    condition = Q(pk__in=[])
    for path in scope:
        condition |= Q(path__startswith=path)
    return condition


class InsightFilterForm(forms.Form):
    """The choices are read once each (organisation nodes, themes, signals, quarters): four
    queries, for checking the values and for showing the selects."""

    region = forms.ChoiceField(required=False, label=_("Region"))
    organisation = forms.ChoiceField(required=False, label=_("Organisation"))
    function = forms.ChoiceField(required=False, label=_("Function"))
    theme = forms.ChoiceField(required=False, label=_("Theme"))
    period = forms.ChoiceField(required=False, label=_("Period (quarter first met)"))
    signal = forms.ChoiceField(required=False, label=_("Signal"))

    def __init__(self, data, scope, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.scope = scope
        nodes = list(
            Organisation.objects.filter(_within(scope), depth__in=(2, queries.UNIT_LEVEL))
            .only("pk", "path", "depth", "name")
            .order_by("path")
        )
        self.objects = {
            "region": {str(node.pk): node for node in nodes if node.depth == 2},
            "organisation": {
                str(node.pk): node for node in nodes if node.depth == queries.UNIT_LEVEL
            },
            "theme": {str(theme.pk): theme for theme in Theme.objects.all()},
            "signal": {str(signal.pk): signal for signal in Signal.objects.select_related("theme")},
        }
        empty = {
            "region": _("All regions"),
            "organisation": _("All organisations"),
            "theme": _("All themes"),
            "signal": _("The weakest signal"),
        }
        for name, objects in self.objects.items():
            self.fields[name].choices = [("", empty[name])] + [
                (key, str(value.name) if name != "signal" else f"{value.name} ({value.theme})")
                for key, value in objects.items()
            ]
        self.fields["function"].choices = [("", _("All functions")), *Function.choices]
        self.fields["period"].choices = [("", _("All quarters"))] + [
            (day.isoformat(), quarter_label(day)) for day in queries.quarters()
        ]

    def filters(self):
        data = self.cleaned_data
        period = data.get("period")

        def chosen(name):
            return self.objects[name].get(data.get(name) or "")

        return queries.Filters(
            scope=self.scope,
            region=chosen("region"),
            organisation=chosen("organisation"),
            function=data.get("function") or "",
            theme=chosen("theme"),
            quarter=datetime.date.fromisoformat(period) if period else None,
            signal=chosen("signal"),
        )
