"""Django's own messages that our catalogs translate again, because Django's translation into at
least one of our languages is wrong or missing where our pages show it.

Nothing imports this module: listing a message here is what puts it into our catalogs (`make
messages`), and our catalogs take precedence over Django's. Translate each one in every language;
where Django's translation was right, ours repeats it.
"""

from django.utils.translation import gettext_noop, ngettext_lazy, pgettext_lazy

MESSAGES = (
    # ug: «بۇ رايون تەلەپ قىلىنىدۇ.», where رايون means "district".
    gettext_noop("This field is required."),
    # kk: untranslated.
    gettext_noop("Enter a valid email address."),
    ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
    # ug: the first sentence was left in English; kk: untranslated. The admin's login page.
    gettext_noop(
        "Please enter the correct %(username)s and password for a staff account. Note that both "
        "fields may be case-sensitive."
    ),
    # The organizers' log-in page. ug: the first sentence was left in English; kk: untranslated.
    gettext_noop(
        "Please enter a correct %(username)s and password. Note that both fields may be "
        "case-sensitive."
    ),
    # Choosing a password (signing up, a new password). kk: untranslated; ug: misspelt
    # (ھەرىپ بولىشى); ru: "из как минимум 8 символ".
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "min_length",
    ),
    gettext_noop("This password is too common."),
    gettext_noop("This password is entirely numeric."),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
    gettext_noop("The two password fields didn’t match."),
    # The address of a new organization or petition. kk: untranslated; ug: «سىلاگ», a word
    # no reader knows.
    gettext_noop("Enter a valid “slug” consisting of letters, numbers, underscores or hyphens."),
    # ug: without the space, lists run together once converted to Latin or Cyrillic script.
    gettext_noop(", "),
    # ug: written with ڧ, a letter Uyghur does not have, so it stayed Arabic in every script.
    gettext_noop("Finnish"),
    gettext_noop("French"),
    # kk: month names in dates are written in lower case (2019 ж. 18 маусым).
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)
