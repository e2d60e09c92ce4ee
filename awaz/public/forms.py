"""The sign form: what a signer types, cleaned, and the quiet checks against automated signing."""

import functools
import re
import typing
from typing import Any

from django import forms
from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from awaz.core.formfields import EmailAddressField
from awaz.core.widgets import LongSelect
from awaz.moderation.models import ReportReason
from awaz.petitions.mailproviders import provider_country
from awaz.signatures.countries import PRESELECTED, country_choices, is_country
from awaz.signatures.identity import email_domain
from awaz.signatures.models import HoldReason
from awaz.signatures.stamp import form_stamp, stamp_age, stamp_claim

__all__ = ["ReportForm", "SignForm", "form_stamp"]

# A name that is a web address, or that a spreadsheet would run as a formula.
_FORMULA_START = ("=", "+", "-", "@")
_URL_LIKE = re.compile(
    r"(://|www\.|\b[\w-]+\.(com|net|org|info|biz|ru|cn|io|xyz|top|site|online|link|click)\b)",
    re.IGNORECASE,
)


def _country_options(language: str) -> list[tuple[str, str | Promise]]:
    return [("", _("Choose a country")), *country_choices(language)]


class CountryField(forms.ChoiceField):
    """Every country, named in the reader's language (choices given as a callable, so that they
    are built only for a page that shows them) and checked by a lookup, not a scan of 250."""

    widget = LongSelect

    def valid_value(self, value: str) -> bool:
        return is_country(value)


class SignForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        error_messages={"max_length": _("Please keep your name under 100 characters.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = EmailAddressField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send you a link to confirm; it is never shown to anyone."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    country = CountryField(label=_("Country where you live"))
    comment = forms.CharField(
        label=_("Why I am signing (optional)"),
        max_length=1000,
        required=False,
        error_messages={"max_length": _("Please keep your reason under 1,000 characters.")},
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    is_public = forms.BooleanField(label=_("Show my first name publicly"), required=False)
    wants_updates = forms.BooleanField(label=_("Send me updates on this petition"), required=False)
    contact_consent = forms.BooleanField(
        label=_("The organization that started this petition may write to me"), required=False
    )
    # Shown only with the warning about a mail provider in a country the petition names.
    risky_ok = forms.BooleanField(
        label=_("I understand: send the confirmation to this address anyway"), required=False
    )
    # Left empty by people; the field is hidden from them and from screen readers.
    website = forms.CharField(label=_("Leave this empty"), required=False)
    stamp = forms.CharField(required=False, widget=forms.HiddenInput)
    # Set when the form comes back with the puzzle asked of a busy network: sent again without
    # an answer (no JavaScript), the signature is held for a moderator rather than asked again.
    asked = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, language: str, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        country = typing.cast(forms.ChoiceField, self.fields["country"])
        country.choices = functools.partial(_country_options, language)
        if not self.is_bound:
            self.initial.setdefault("country", PRESELECTED.get(language, ""))
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Please write your name."))
        if name.startswith(_FORMULA_START):
            raise forms.ValidationError(_("A name cannot begin with = + - or @."))
        if _URL_LIKE.search(name):
            raise forms.ValidationError(_("A name cannot be a web address."))
        return name

    risky_country: str | None = None  # set when the warning must be shown

    def needs_risk_warning(self, petition_countries: str) -> bool:
        """True (and the warning set) when the address is at a provider in a risky country
        and the signer has not yet said to use it anyway."""
        country = provider_country(email_domain(self.cleaned_data["email"]), petition_countries)
        if country is None or self.cleaned_data.get("risky_ok"):
            return False
        self.risky_country = country
        return True

    def clean_comment(self) -> str:
        comment: str = self.cleaned_data["comment"].strip()
        if comment.startswith(_FORMULA_START):
            comment = "'" + comment  # keeps its meaning, never runs as a formula
        return comment

    def hold_reason(self) -> HoldReason | None:
        """Why the quiet checks would hold this signature for a moderator, if they would.

        Never a reason to drop it: autofill and password managers send a form within a second.
        """
        if self.cleaned_data.get("website"):
            return HoldReason.HONEYPOT
        age = stamp_age(str(self.data.get("stamp", "")))
        if age is None:
            return HoldReason.STAMP
        if age < settings.AWAZ_MIN_FILL_SECONDS:
            return HoldReason.FAST
        return None

    def claim_stamp(self) -> bool:
        """Mark this form's stamp used; False when it was used before (a replayed POST)."""
        return stamp_claim(str(self.data.get("stamp", "")))


class ReportForm(forms.Form):
    """A visitor's report: a reason from the list and, if they like, a few words."""

    reason = forms.ChoiceField(
        label=_("What is wrong?"), choices=ReportReason.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("Anything to add (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        help_text=_("Do not write your name or address: moderators do not need them."),
    )
    comment = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
