"""The import-export Resource behind HR's staff-list import: one row per person, keyed by
employee number, creating or updating the login (``auth.User``) and the ``Profile``.

Accepted columns (header names are matched without regard to case, spaces, hyphens or
underscores; Dutch or English):

=================  ==============================  =========  =====================================
column             also accepted                   required   value
=================  ==============================  =========  =====================================
personeelsnummer   personeelsnr, employee number   yes        letters, digits and ``. @ + - _``
voornaam           first name                      yes        text
tussenvoegsel      infix                           no         "van der"; put before the surname
achternaam         last name, surname              yes        text
e-mail             e-mailadres, email address      yes        a valid address, one per person
organisatie        organisation, organization      yes        the organisation's slug, in scope
functie            function                        yes        code (``boa``) or label (``BOA …``)
actief             active                          no         ja/nee (yes/no, 1/0); empty: ja
=================  ==============================  =========  =====================================

Other columns are ignored (and named on the preview). New people get the employee number as
their user name and no usable password. Everything here validates; ``people.imports`` reads
the file, runs the dry run and the real import, and writes the audit entry.
"""

import datetime
import functools
import re

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, resources, widgets

from . import roles
from .models import Function, Organisation, Profile
from .scope import organisations_visible_to, scope_paths, sees_everyone

User = get_user_model()

# Canonical column name → the normalised header spellings that mean it.
COLUMNS = {
    "personeelsnummer": ("personeelsnummer", "personeelsnr", "employeenumber", "employeeno"),
    "voornaam": ("voornaam", "firstname"),
    "tussenvoegsel": ("tussenvoegsel", "tussenvoegsels", "infix"),
    "achternaam": ("achternaam", "lastname", "surname"),
    "e-mail": ("email", "emailadres", "emailaddress"),
    "organisatie": ("organisatie", "organisation", "organization"),
    "functie": ("functie", "function"),
    "actief": ("actief", "active"),
    "in dienst": (
        "indienst",
        "datumindienst",
        "indienstsinds",
        "indiensttreding",
        "startdatum",
        "hiredate",
        "startdate",
    ),
}
REQUIRED_COLUMNS = (
    "personeelsnummer",
    "voornaam",
    "achternaam",
    "e-mail",
    "organisatie",
    "functie",
)
COLUMN_LABELS = {
    "personeelsnummer": gettext_lazy("employee number"),
    "voornaam": gettext_lazy("first name"),
    "tussenvoegsel": gettext_lazy("infix"),
    "achternaam": gettext_lazy("last name"),
    "e-mail": gettext_lazy("e-mail"),
    "organisatie": gettext_lazy("organisation"),
    "functie": gettext_lazy("function"),
    "actief": gettext_lazy("active"),
    "in dienst": gettext_lazy("in service since"),
}
_ALIASES = {alias: column for column, aliases in COLUMNS.items() for alias in aliases}

EMPLOYEE_NUMBER = re.compile(r"^[\w.@+-]+$")
# Codes named in the "no organisation with the code" error; the import page lists them all.
MAX_CODES_LISTED = 30
YES = {"ja", "j", "yes", "y", "1", "true", "waar", "x"}
NO = {"nee", "n", "no", "0", "false", "onwaar"}


def normalise_header(header):
    """The canonical column a header means, or None: 'E-mailadres ' → 'e-mail'."""
    key = re.sub(r"[\W_]+", "", str(header or "").casefold())
    return _ALIASES.get(key)


@functools.cache
def function_lookup():
    """Every accepted spelling of a function (code, English and Dutch label) → its code."""
    from django.utils import translation

    lookup = {}
    for code, label in Function.choices:
        lookup[code.casefold()] = code
        for language in ("en", "nl"):
            with translation.override(language):
                lookup[str(label).casefold()] = code
    return lookup


class RequiredTextWidget(widgets.Widget):
    def __init__(self, max_length, required=True):
        super().__init__()
        self.max_length = max_length
        self.required = required

    def clean(self, value, row=None, **kwargs):
        value = (value or "").strip()
        if self.required and not value:
            raise ValueError(_("This column is required."))
        if len(value) > self.max_length:
            raise ValueError(
                _("At most %(max)d characters (this has %(count)d).")
                % {"max": self.max_length, "count": len(value)}
            )
        return value


class EmployeeNumberWidget(RequiredTextWidget):
    def __init__(self):
        super().__init__(max_length=40)

    def clean(self, value, row=None, **kwargs):
        value = super().clean(value, row, **kwargs)
        if not EMPLOYEE_NUMBER.match(value):
            raise ValueError(
                _("Only letters, digits and . @ + - _ are allowed, no spaces: %(value)s")
                % {"value": value}
            )
        return value


class EmailWidget(RequiredTextWidget):
    def __init__(self):
        super().__init__(max_length=254)

    def clean(self, value, row=None, **kwargs):
        value = super().clean(value, row, **kwargs)
        try:
            validate_email(value)
        except ValidationError:
            message = _("Not a valid e-mail address: %(value)s") % {"value": value}
            raise ValueError(message) from None
        return value


class OrganisationWidget(widgets.Widget):
    """An organisation by its slug, which must lie in the importing user's scope."""

    def __init__(self, user):
        super().__init__()
        self.user = user
        self._cache = {}
        self._codes = None

    def clean(self, value, row=None, **kwargs):
        slug = (value or "").strip()
        if not slug:
            raise ValueError(_("This column is required."))
        if slug not in self._cache:
            self._cache[slug] = Organisation.objects.filter(slug=slug).first()
        organisation = self._cache[slug]
        if organisation is None:
            raise ValueError(
                _("No organisation with the code “%(slug)s”. Valid codes: %(codes)s.")
                % {"slug": slug, "codes": self.valid_codes()}
            )
        if not path_in_scope(self.user, organisation.path):
            raise ValueError(
                _(
                    "“%(slug)s” is outside your organisation; you can only import people into "
                    "your own organisation and the teams below it."
                )
                % {"slug": slug}
            )
        return organisation

    def valid_codes(self):
        """The codes this user may import into, in tree order, for the error message: a file
        with a typo then shows the right code next to the wrong one. Long lists are cut off
        and point to the import page, which shows them all."""
        if self._codes is None:
            codes = list(
                organisations_visible_to(self.user)
                .order_by("path")
                .values_list("slug", flat=True)[: MAX_CODES_LISTED + 1]
            )
            text = ", ".join(codes[:MAX_CODES_LISTED])
            if len(codes) > MAX_CODES_LISTED:
                text += " " + _("… (all codes are listed on the import page)")
            self._codes = text or _("none: your account is not linked to an organisation")
        return self._codes

    def render(self, value, obj=None, **kwargs):
        return value.slug if value else ""


class FunctionWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = (value or "").strip()
        if not text:
            raise ValueError(_("This column is required."))
        code = function_lookup().get(text.casefold())
        if code is None:
            raise ValueError(
                _("Unknown function “%(value)s”; use one of: %(codes)s.")
                % {"value": text, "codes": ", ".join(Function.values)}
            )
        return code


class HireDateWidget(widgets.Widget):
    """A hire date as HR's files write it: 2026-03-01, 1-3-2026, 01/03/2026, or a date cell
    of a spreadsheet. Empty: unchanged (a new person: the day of the import)."""

    FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")

    def clean(self, value, row=None, **kwargs):
        text = (value or "").strip()
        if not text:
            return None
        if "T" in text and text[:4].isdigit():  # a spreadsheet's date cell, read as text
            text = text.split("T", 1)[0]
        for date_format in self.FORMATS:
            try:
                return datetime.datetime.strptime(text, date_format).date()
            except ValueError:
                continue
        raise ValueError(
            _("Not a date: “%(value)s”; write it as 2026-03-01 or 1-3-2026.") % {"value": value}
        )

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class ActiveWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = (value or "").strip().casefold()
        if not text or text in YES:
            return True
        if text in NO:
            return False
        raise ValueError(_("Write ja or nee, not “%(value)s”.") % {"value": value})


def path_in_scope(user, path):
    if sees_everyone(user):
        return True
    return any(path.startswith(scope) for scope in scope_paths(user))


# Resource field → the column it reads, to name columns in error messages.
FIELD_COLUMNS = {
    "employee_number": "personeelsnummer",
    "user__username": "personeelsnummer",
    "user__first_name": "voornaam",
    "user__last_name": "achternaam",
    "user__email": "e-mail",
    "organisation": "organisatie",
    "function": "functie",
    "active": "actief",
    "started_on": "in dienst",
    "infix": "tussenvoegsel",
}
COMPARED = (
    "employee_number",
    "first_name",
    "last_name",
    "email",
    "organisation",
    "function",
    "active",
    "started_on",
    "infix",
)


# What an import may not change for a privileged account (``roles.is_privileged``): taking over
# an admin's login starts with its e-mail address (password reset) or its name, and demoting or
# deactivating one is not HR's to do by file.
GUARDED_FIELDS = ("email", "first_name", "last_name", "function", "active")
GUARDED_LABELS = {
    "email": gettext_lazy("e-mail address"),
    "first_name": gettext_lazy("first name"),
    "last_name": gettext_lazy("last name"),
    "function": gettext_lazy("function"),
    "active": gettext_lazy("active status"),
}


def privileged_user_ids():
    """Users that are staff, superuser or in a privileged group: one query for a whole file."""
    return set(
        User.objects.filter(
            Q(is_staff=True) | Q(is_superuser=True) | Q(groups__name__in=roles.PRIVILEGED_GROUPS)
        ).values_list("pk", flat=True)
    )


def snapshot(profile):
    """The values an import may change, to tell new, changed and unchanged rows apart."""
    user = profile.user
    return {
        "employee_number": profile.employee_number,
        "first_name": user.first_name if user else None,
        "last_name": user.last_name if user else None,
        "email": user.email if user else None,
        "organisation": profile.organisation_id,
        "function": profile.function if profile.pk else None,
        "active": profile.active if profile.pk else None,
        "started_on": profile.started_on,
        "infix": profile.infix,
    }


class StaffResource(resources.ModelResource):
    """Creates or updates people from a staff list, keyed by employee number, within the scope
    of the importing user. A row is refused with every error per column; the caller
    (``people.imports``) imports nothing when any row is refused."""

    employee_number = fields.Field(
        attribute="employee_number", column_name="personeelsnummer", widget=EmployeeNumberWidget()
    )
    first_name = fields.Field(
        attribute="user__first_name", column_name="voornaam", widget=RequiredTextWidget(150)
    )
    last_name = fields.Field(
        attribute="user__last_name", column_name="achternaam", widget=RequiredTextWidget(150)
    )
    infix = fields.Field(
        attribute="infix",
        column_name="tussenvoegsel",
        widget=RequiredTextWidget(30, required=False),
    )
    email = fields.Field(attribute="user__email", column_name="e-mail", widget=EmailWidget())
    function = fields.Field(attribute="function", column_name="functie", widget=FunctionWidget())
    active = fields.Field(attribute="active", column_name="actief", widget=ActiveWidget())
    # An empty cell keeps the date there is (``saves_null_values``).
    started_on = fields.Field(
        attribute="started_on",
        column_name="in dienst",
        widget=HireDateWidget(),
        saves_null_values=False,
    )

    class Meta:
        model = Profile
        fields = (
            "employee_number",
            "first_name",
            "last_name",
            "email",
            "organisation",
            "function",
            "active",
            "started_on",
            "infix",
        )
        import_id_fields = ("employee_number",)
        use_transactions = True
        skip_unchanged = True
        report_skipped = True
        skip_diff = True  # skip_row below compares a snapshot instead of a deep copy
        store_instance = True
        clean_model_instances = True

    def __init__(self, user, **kwargs):
        super().__init__(**kwargs)
        self.user = user
        self.fields["organisation"] = fields.Field(
            attribute="organisation", column_name="organisatie", widget=OrganisationWidget(user)
        )
        self.duplicates = {}  # row number → {column: message}
        self.privileged = set()  # ids of users an import may not change (before_import)
        self.preview = []  # one dict per imported row, for the preview table
        self._row_number = None

    def get_queryset(self):
        return Profile.objects.select_related("user", "organisation")

    # -- the whole file --------------------------------------------------------------------

    def before_import(self, dataset, **kwargs):
        """Employee numbers and e-mail addresses must be unique within the file."""
        self.privileged = privileged_user_ids()
        self.duplicates = {}
        for column in ("personeelsnummer", "e-mail"):
            if column not in dataset.headers:
                continue
            first_seen = {}
            for number, value in enumerate(dataset[column], 1):
                key = str(value or "").strip().casefold()
                if not key:
                    continue
                if key in first_seen:
                    message = _("“%(value)s” also appears in row %(row)s of this file.") % {
                        "value": str(value).strip(),
                        "row": kwargs.get("row_numbers", {}).get(first_seen[key], first_seen[key]),
                    }
                    self.duplicates.setdefault(number, {})[column] = message
                else:
                    first_seen[key] = number

    # -- one row ---------------------------------------------------------------------------

    def before_import_row(self, row, **kwargs):
        self._row_number = kwargs.get("row_number")

    def get_instance(self, instance_loader, row):
        """The profile with this employee number, whatever its case: ``BOA`` in the file is the
        person stored as ``boa`` (whose user name it is), never a second account."""
        try:
            number = self.fields["employee_number"].clean(row)
        except ValueError:  # an invalid employee number: import_instance names the error
            return None
        matches = list(self.get_queryset().filter(employee_number__iexact=number)[:2])
        exact = [profile for profile in matches if profile.employee_number == number]
        if exact:
            return exact[0]
        return matches[0] if len(matches) == 1 else None

    def after_init_instance(self, instance, new, row, **kwargs):
        if new:
            instance.user = User()
        instance._import_before = snapshot(instance)
        # Decided before the row's values are set: where the person is now, not where the
        # file would put them.
        instance._import_may_change = new or self._may_change(instance)

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        stored = instance._import_before["employee_number"]
        if stored and (instance.employee_number or "").casefold() == stored.casefold():
            instance.employee_number = stored  # the same number in another case changes nothing
        for column, message in self.duplicates.get(self._row_number, {}).items():
            field = "employee_number" if column == "personeelsnummer" else "user__email"
            errors.setdefault(field, []).append(ValidationError(message))
        guarded = [
            name
            for name in GUARDED_FIELDS
            if instance.user.pk in self.privileged
            and instance._import_before[name] != snapshot(instance)[name]
        ]
        if guarded:
            errors.setdefault("employee_number", []).append(
                ValidationError(
                    _(
                        "This person has a privileged account (admin, trainer, HR or programme "
                        "coordinator): an import may not change their %(fields)s. Ask a "
                        "platform admin to make the change."
                    )
                    % {"fields": ", ".join(str(GUARDED_LABELS[name]) for name in guarded)}
                )
            )
        if not instance._import_may_change:
            errors.setdefault("employee_number", []).append(
                ValidationError(
                    _("This employee number belongs to a person outside your organisation.")
                )
            )
        email = instance.user.email
        if "user__email" not in errors and email:
            taken = User.objects.filter(email__iexact=email).exclude(pk=instance.user.pk)
            if taken.exists():
                errors.setdefault("user__email", []).append(
                    ValidationError(
                        _("%(email)s is already used by another person.") % {"email": email}
                    )
                )
        if errors:
            raise ValidationError(errors)

    def _may_change(self, profile):
        if sees_everyone(self.user) or profile.user_id == self.user.pk:
            return True
        return profile.organisation is not None and path_in_scope(
            self.user, profile.organisation.path
        )

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if import_validation_errors or instance.pk is None:
            return False
        return snapshot(instance) == instance._import_before

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        user = instance.user
        if user.pk is None:
            user.username = instance.employee_number or ""
            # User names are unique without regard to case (cms/migrations/0003).
            taken = (
                User.objects.filter(username__iexact=user.username)
                .values_list("username", flat=True)
                .first()
                if user.username and "employee_number" not in errors
                else None
            )
            if taken is not None:
                errors.setdefault("employee_number", []).append(
                    ValidationError(
                        _(
                            "A new person gets the employee number as user name, but the user "
                            "name “%(taken)s” already belongs to another account (user names "
                            "are the same whatever their capitals). Ask a platform admin."
                        )
                        % {"taken": taken}
                    )
                )
        try:
            instance.full_clean(exclude=[*errors, "user"], validate_unique=validate_unique)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        user_exclude = ["password", "last_login", "date_joined"] + [
            name.removeprefix("user__") for name in errors if name.startswith("user__")
        ]
        if "employee_number" in errors:
            user_exclude.append("username")
        try:
            user.full_clean(exclude=user_exclude, validate_unique=validate_unique)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                errors.setdefault(f"user__{name}", []).extend(
                    ValidationError(message) for message in messages
                )
        if errors:
            raise ValidationError(errors)

    def do_instance_save(self, instance, is_create):
        user = instance.user
        if user.pk is None:
            user.username = instance.employee_number
            user.set_unusable_password()
            user.save()
        elif any(
            instance._import_before[name] != getattr(user, name)
            for name in ("first_name", "last_name", "email")
        ):
            user.save(update_fields=["first_name", "last_name", "email"])
        instance.user = user
        instance.save(force_insert=is_create)

    def after_import_row(self, row, row_result, **kwargs):
        instance = row_result.instance
        if instance is None:
            return
        before, after = instance._import_before, snapshot(instance)
        changes = [
            (name, before[name], after[name])
            for name in COMPARED
            if row_result.import_type == "new" or before[name] != after[name]
        ]
        self.preview.append(
            {
                "number": kwargs.get("row_number"),
                "import_type": row_result.import_type,
                "employee_number": instance.employee_number,
                "name": f"{instance.user.first_name} {instance.user.last_name}".strip(),
                "changes": changes,
            }
        )
