"""Strings of Django and allauth that our pages and e-mails show, in our own words.

Their Dutch catalogues say "u"/"uw" in places ("Uw wachtwoord mag niet ...") and differ from ours
("Wachtwoord wijziging geslaagd.", "Authenticator code"). Listed here, the strings are collected
by ``make messages`` into locale/nl, which Django reads before any app's catalogue (LOCALE_PATHS),
so the site says "je" everywhere and calls things by one name: the six digits from the
authenticator app are the "inlogcode", a certificate's code is the "verificatiecode".
Nothing imports this module; it exists to be read by ``makemessages``."""

from django.utils.translation import gettext_noop, ngettext_lazy

STRINGS = [
    # django.contrib.auth's password validators (the help text and errors on "Set a new password")
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("This password is too common."),
    gettext_noop("This password is entirely numeric."),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
    ngettext_lazy(
        "This password is too short. It must contain at least %(min_length)d character.",
        "This password is too short. It must contain at least %(min_length)d characters.",
        "min_length",
    ),
    gettext_noop("Your old password was entered incorrectly. Please enter it again."),
    # allauth: messages after a change, form labels and errors
    gettext_noop("Password successfully changed."),
    gettext_noop("Password successfully set."),
    gettext_noop("Successfully signed in as %(name)s."),
    gettext_noop("You have signed out."),
    gettext_noop("New Password"),
    gettext_noop("New Password (again)"),
    gettext_noop("You must type the same password each time."),
    gettext_noop("Authenticator code"),
    gettext_noop("Incorrect code."),
    gettext_noop("Invalid or expired key."),
    gettext_noop("The password reset token was invalid."),
    gettext_noop("The username and/or password you specified are not correct."),
    gettext_noop("The email address and/or password you specified are not correct."),
    gettext_noop("Too many failed login attempts. Try again later."),
    gettext_noop("Be patient, you are sending too many requests."),
    gettext_noop("This account is currently inactive."),
    gettext_noop("Authenticator app activated."),
    gettext_noop("A new set of recovery codes has been generated."),
]
