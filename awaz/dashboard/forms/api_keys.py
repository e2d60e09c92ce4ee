from django import forms
from django.utils.translation import gettext_lazy as _

from awaz.organizations.models import ApiKeyScope


class ApiKeyForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the key is for, e.g. “coalition website” or “CRM”."),
    )
    scope = forms.ChoiceField(
        label=_("What it may do"),
        choices=ApiKeyScope.choices,
        initial=ApiKeyScope.READ,
        help_text=_("Read: petitions and signatures. Read and write: also record signatures."),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
