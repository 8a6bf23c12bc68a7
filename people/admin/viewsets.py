"""Wagtail admin viewsets for the organisation tree, people's profiles and assignments, in one
"Organisation" menu group.

Who reaches what is decided by permission policies registered for the models (as Wagtail 8
wants), not by Django model permissions, because HR's reach depends on the organisation tree:

- organisations and assignments: platform admins (superusers) only;
- profiles: platform admins, and HR for the people in its own organisation and below
  (list and edit; no add or delete: people come in through the staff import, and leave by
  becoming inactive). Every profile view reads from ``Profile.objects.visible_to(user)``, so a
  tampered id of someone outside HR's scope is a 404.

Trainers and everyone else get none of these: they must not see learners' records.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from ..models import Assignment, Function, Organisation, OrganisationKind, Profile
from ..names import surname_order
from ..scope import organisations_visible_to

# -- organisations ------------------------------------------------------------------------------


def indented_name(organisation):
    # The tree shown by indentation (em spaces are not collapsed by HTML).
    return "\u2003" * (organisation.depth - 1) + organisation.name


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return indented_name(obj)


class OrganisationForm(WagtailAdminModelForm):
    """Name, slug, kind and managers, and the parent node: treebeard places a node by adding it
    under its parent (or as a root), so the parent is a form field, not a model field."""

    parent = OrganisationChoiceField(
        label=_("Part of"),
        queryset=Organisation.objects.order_by("path"),
        required=False,
        empty_label=_("Nothing: a top-level organisation"),
        help_text=_("The organisation or team this one belongs to."),
    )

    class Meta:
        model = Organisation
        fields = ["parent", "name", "slug", "kind", "managers"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["parent"].initial = self.instance.get_parent()
            # A node cannot move below itself.
            self.fields["parent"].queryset = Organisation.objects.exclude(
                path__startswith=self.instance.path
            ).order_by("path")


class OrganisationCreateView(generic.CreateView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        parent = self.form.cleaned_data.get("parent")
        if parent is None:
            instance = Organisation.add_root(instance=instance)
        else:
            instance = parent.add_child(instance=instance)
        self.form.save_m2m()
        log(instance=instance, action="wagtail.create", user=self.request.user)
        return instance


class OrganisationEditView(generic.EditView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        instance.save()
        self.form.save_m2m()
        parent = self.form.cleaned_data.get("parent")
        if parent != instance.get_parent(update=True):
            if parent is None:
                instance.move(Organisation.get_first_root_node(), "sorted-sibling")
            else:
                instance.move(parent, "sorted-child")
            instance.refresh_from_db()
        log(instance=instance, action="wagtail.edit", user=self.request.user)
        return instance


class OrganisationDeleteView(generic.DeleteView):
    """Deleting a node deletes its subtree; refused while people or their records hang on it."""

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _(
                    "“%(name)s” cannot be deleted: people are still placed in it or below it. "
                    "Move them first."
                )
                % {"name": self.object.name},
            )
            return redirect(self.get_success_url())


class OrganisationIndexView(generic.IndexView):
    @cached_property
    def columns(self):
        title = self._get_title_column_class(TitleColumn)
        return [
            title(
                "name",
                label=_("Name"),
                accessor=indented_name,
                get_url=self.get_edit_url,
                sort_key="path",
            ),
            Column("kind", label=_("Kind"), accessor="get_kind_display"),
            Column("slug", label=_("Code")),
        ]


class OrganisationFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=OrganisationKind.choices)

    class Meta:
        model = Organisation
        fields = ["kind"]


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "site"
    menu_label = _("Organisations")
    form_class = OrganisationForm
    index_view_class = OrganisationIndexView
    add_view_class = OrganisationCreateView
    edit_view_class = OrganisationEditView
    delete_view_class = OrganisationDeleteView
    filterset_class = OrganisationFilterSet
    search_fields = ["name", "slug"]
    ordering = "path"
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return OrganisationForm


# -- profiles -----------------------------------------------------------------------------------


class ScopedProfiles:
    """Every profile view reads only the people the user may see: outside, a 404."""

    def scoped_profiles(self):
        return Profile.objects.visible_to(self.request.user).select_related("user", "organisation")


def full_name(profile):
    return profile.user.get_full_name() or profile.user.get_username()


class ProfileIndexView(ScopedProfiles, generic.IndexView):
    def get_base_queryset(self):
        # By surname without its tussenvoegsel: "Ruud van den Heuvel" under H.
        return self.scoped_profiles().annotate(surname=surname_order())

    @cached_property
    def columns(self):
        title = self._get_title_column_class(TitleColumn)
        return [
            title(
                "name",
                label=_("Name"),
                accessor=full_name,
                get_url=self.get_edit_url,
                sort_key="surname",
            ),
            Column("employee_number", label=_("Employee number"), sort_key="employee_number"),
            Column("organisation", label=_("Organisation or team")),
            Column("function", label=_("Function"), accessor="get_function_display"),
            BooleanColumn("active", label=_("Active")),
        ]


class ProfileEditView(ScopedProfiles, generic.EditView):
    def get_queryset(self):
        return self.scoped_profiles()


class ProfileHistoryView(ScopedProfiles, HistoryView):
    def get_base_object_queryset(self):
        return self.scoped_profiles()


class ProfileUsageView(ScopedProfiles, UsageView):
    def get_base_object_queryset(self):
        return self.scoped_profiles()


class ProfileDeleteView(ScopedProfiles, generic.DeleteView):
    def get_queryset(self):
        return self.scoped_profiles()


class ProfileForm(WagtailAdminModelForm):
    """Where someone works, their function, employee number and whether they still work here.
    The organisation can only be one HR may see."""

    organisation = OrganisationChoiceField(
        label=_("Organisation or team"), queryset=Organisation.objects.none(), required=False
    )

    class Meta:
        model = Profile
        fields = ["organisation", "function", "employee_number", "started_on", "active"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None:
            self.fields["organisation"].queryset = organisations_visible_to(for_user).order_by(
                "path"
            )
        self.fields["organisation"].required = not (for_user and for_user.is_superuser)


def _organisation_subtree(queryset, name, value):
    if not value:
        return queryset
    return queryset.filter(organisation__path__startswith=value.path)


class ProfileFilterSet(WagtailFilterSet):
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation or team"),
        queryset=lambda request: organisations_visible_to(request.user).order_by("path"),
        method=_organisation_subtree,
    )
    function = django_filters.ChoiceFilter(label=_("Function"), choices=Function.choices)
    active = django_filters.BooleanFilter(label=_("Active"))

    class Meta:
        model = Profile
        fields = ["organisation", "function", "active"]


class ProfileViewSet(ModelViewSet):
    model = Profile
    icon = "user"
    menu_label = _("People")
    form_class = ProfileForm
    index_view_class = ProfileIndexView
    edit_view_class = ProfileEditView
    history_view_class = ProfileHistoryView
    usage_view_class = ProfileUsageView
    delete_view_class = ProfileDeleteView
    filterset_class = ProfileFilterSet
    search_fields = [
        "user__first_name",
        "user__last_name",
        "user__email",
        "employee_number",
    ]
    ordering = ["surname", "user__first_name", "pk"]
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return ProfileForm


# -- assignments --------------------------------------------------------------------------------


class AssignmentForm(WagtailAdminModelForm):
    organisation = OrganisationChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("path")
    )

    class Meta:
        model = Assignment
        fields = [
            "module",
            "organisation",
            "function",
            "due_date",
            "newcomer_days",
            "validity_months",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Left empty: the model's default period for newcomers.
        self.fields["newcomer_days"].required = False

    def clean_newcomer_days(self):
        value = self.cleaned_data.get("newcomer_days")
        if value is None:
            return Assignment._meta.get_field("newcomer_days").get_default()
        return value


class AssignmentFilterSet(WagtailFilterSet):
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"), queryset=Organisation.objects.order_by("path")
    )
    function = django_filters.ChoiceFilter(label=_("Function"), choices=Function.choices)
    due_date = django_filters.DateFromToRangeFilter(
        label=_("Due date"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Assignment
        fields = ["module", "organisation", "function", "due_date"]


class AssignmentViewSet(ModelViewSet):
    model = Assignment
    icon = "date"
    menu_label = _("Assignments")
    form_class = AssignmentForm
    filterset_class = AssignmentFilterSet
    list_display = [
        "module",
        Column("organisation", label=_("Organisation")),
        Column("function", label=_("Function"), accessor="get_function_display"),
        Column("due_date", label=_("Due date"), sort_key="due_date"),
        Column("newcomer_days", label=_("Days for newcomers")),
        Column("validity_months", label=_("Valid for (months)")),
    ]
    ordering = ["due_date", "pk"]
    search_fields = ["module__title", "organisation__name"]

    def get_form_class(self, for_update=False):
        return AssignmentForm


class OrganisationViewSetGroup(ViewSetGroup):
    menu_label = _("Organisation")
    menu_icon = "group"
    menu_order = 290
    items = (
        OrganisationViewSet("organisations"),
        ProfileViewSet("profiles"),
        AssignmentViewSet("assignments"),
    )


viewsets = [OrganisationViewSetGroup()]
