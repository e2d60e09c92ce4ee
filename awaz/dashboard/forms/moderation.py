"""Moderators' forms: decisions, reports, invalidations, lists and live settings."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrPromise

from awaz.moderation.invalidations import Criteria
from awaz.moderation.models import InvalidationAction
from awaz.moderation.publication import RejectionReason
from awaz.moderation.services import SETTING_FIELDS
from awaz.petitions.models import Petition
from awaz.signatures.models import HoldReason, ListKind, SignatureStatus, SiteSettings


class RejectForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason"), choices=RejectionReason.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("Explanation for the organizers"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required for “another reason”; sent to the organizers as written."),
    )


def _moment(label: StrPromise) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("UTC."),
    )


class InvalidationForm(forms.Form):
    """Which signatures to invalidate; at least one criterion (checked by the service too)."""

    petition = forms.SlugField(
        label=_("Petition (its address, e.g. free-ilham-tohti)"), required=False
    )
    since = _moment(_("Signed from"))
    until = _moment(_("Signed before"))
    network_digest = forms.RegexField(
        label=_("Network digest"),
        regex=r"^[0-9a-f]{64}$",
        required=False,
        widget=forms.TextInput(attrs={"dir": "ltr"}),
    )
    email_domain = forms.RegexField(
        label=_("E-mail domain"),
        regex=r"^(\*\.)?[a-z0-9.-]+$",
        required=False,
        widget=forms.TextInput(attrs={"dir": "ltr"}),
        help_text=_("example.com, or *.example.com for its subdomains."),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("any")),
            (SignatureStatus.PENDING, SignatureStatus.PENDING.label),
            (SignatureStatus.CONFIRMED, SignatureStatus.CONFIRMED.label),
            (SignatureStatus.SUSPECT, SignatureStatus.SUSPECT.label),
            (SignatureStatus.FRAUDULENT, SignatureStatus.FRAUDULENT.label),
        ],
    )

    def clean_petition(self) -> Petition | None:
        slug = self.cleaned_data["petition"]
        if not slug:
            return None
        petition = Petition.objects.filter(slug=slug).first()
        if petition is None:
            raise ValidationError(_("No petition has this address."), code="unknown_petition")
        return petition

    def clean(self) -> dict[str, object] | None:
        data = super().clean() or {}
        if not self.errors and self.criteria().is_empty():
            raise ValidationError(
                _("Give at least one criterion: invalidating every signature is never meant."),
                code="no_criteria",
            )
        return data

    def criteria(self) -> Criteria:
        data = self.cleaned_data

        def utc(value: datetime.datetime | None) -> datetime.datetime | None:
            return value.astimezone(datetime.UTC) if value else None

        petition = data.get("petition")
        return Criteria(
            petition_id=petition.pk if petition else None,
            since=utc(data.get("since")),
            until=utc(data.get("until")),
            network_digest=data.get("network_digest") or "",
            email_domain=(data.get("email_domain") or "").lower(),
            status=data.get("status") or "",
        )


class ListEntryForm(forms.Form):
    kind = forms.ChoiceField(label=_("List"), choices=ListKind.choices)
    value = forms.CharField(
        label=_("Domain or network digest"),
        max_length=255,
        widget=forms.TextInput(attrs={"dir": "ltr"}),
        help_text=_(
            "A domain (example.com, *.example.com) or a network digest from the trending page. "
            "A network's digest changes every day (UTC)."
        ),
    )
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class DefaultOnOff(forms.NullBooleanSelect):
    """Empty means the environment's default, not "unknown"."""

    def __init__(self, attrs: dict[str, str] | None = None) -> None:
        super().__init__(attrs)
        self.choices = [
            ("unknown", _("the default (environment)")),
            ("true", _("on")),
            ("false", _("off")),
        ]


class SiteSettingsForm(forms.ModelForm[SiteSettings]):
    class Meta:
        model = SiteSettings
        fields = SETTING_FIELDS
        widgets = {
            "challenge_everywhere": DefaultOnOff(),
        }


class HeldActionForm(forms.Form):
    """Release or invalidate held signatures of one petition: all, or one burst of them."""

    action = forms.ChoiceField(choices=InvalidationAction.choices)
    network_digest = forms.RegexField(regex=r"^[0-9a-f]{64}$", required=False)
    hour = forms.DateTimeField(required=False, input_formats=["%Y-%m-%dT%H:%M:%S%z"])
    hold_reason = forms.ChoiceField(choices=[("", ""), *HoldReason.choices], required=False)

    def criteria(self, petition: Petition) -> Criteria:
        data = self.cleaned_data
        hour: datetime.datetime | None = data.get("hour")
        return Criteria(
            petition_id=petition.pk,
            since=hour,
            until=hour + datetime.timedelta(hours=1) if hour else None,
            network_digest=data.get("network_digest") or "",
            status=SignatureStatus.SUSPECT,
            hold_reason=data.get("hold_reason") or "",
        )
