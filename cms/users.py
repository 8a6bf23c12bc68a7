"""The Wagtail admin's user forms, refusing a user name that differs only in case from another
account's (user names are unique without regard to case; see cms/migrations/0003). Wagtail
takes its user views from the ``wagtailusers`` app config (``cms.apps.UsersConfig``)."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from wagtail.users import forms as wagtail_forms
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

User = get_user_model()


class UsernameWithoutCaseMixin:
    def _clean_username(self):
        username = super()._clean_username()
        field = User.USERNAME_FIELD
        if not username or self.has_error(field):
            return username
        others = User._default_manager.filter(**{f"{field}__iexact": username})
        if self.instance.pk is not None:
            others = others.exclude(pk=self.instance.pk)
        taken = others.values_list(field, flat=True).first()
        if taken is not None:
            self.add_error(
                field,
                forms.ValidationError(
                    _(
                        "The user name “%(taken)s” already exists. User names count as the same "
                        "whatever their capitals, so choose another name than “%(name)s”."
                    )
                    % {"taken": taken, "name": username},
                    code="duplicate_username",
                ),
            )
        return username


class UserCreationForm(UsernameWithoutCaseMixin, wagtail_forms.UserCreationForm):
    pass


class UserEditForm(UsernameWithoutCaseMixin, wagtail_forms.UserEditForm):
    pass


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm
