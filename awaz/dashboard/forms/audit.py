"""The audit page's filters: a plain GET form, so it works without JavaScript."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrPromise

from awaz.audit.labels import LABELS
from awaz.organizations.models import Membership

ISO_DATE = "%Y-%m-%d"


def _date_field(label: StrPromise) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        input_formats=[ISO_DATE],
        widget=forms.DateInput(attrs={"type": "date", "dir": "ltr"}, format=ISO_DATE),
        error_messages={"invalid": _("Enter a date as year-month-day, e.g. 2026-03-05.")},
    )


class AuditFilterForm(forms.Form):
    # People's names are what they typed, in any script: the browser follows each (dir=auto).
    person = forms.TypedChoiceField(
        label=_("Person"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=forms.Select(attrs={"dir": "auto"}),
    )
    action = forms.ChoiceField(label=_("What"), required=False)
    since = _date_field(_("From"))
    until = _date_field(_("Until"))

    def __init__(self, *args: Any, members: list[Membership], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = [(m.user_id, m.user.name or m.user.email) for m in members]
        person = self.fields["person"]
        action = self.fields["action"]
        if not isinstance(person, forms.ChoiceField) or not isinstance(action, forms.ChoiceField):
            raise TypeError("the filters are choices")
        person.choices = [("", _("Everyone")), *people]
        kinds = sorted(((name, str(label)) for name, label in LABELS.items()), key=lambda c: c[1])
        action.choices = [("", _("Every action")), *kinds]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            raise forms.ValidationError(_("The first day comes after the last one."))
        return cleaned
