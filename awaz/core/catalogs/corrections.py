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
