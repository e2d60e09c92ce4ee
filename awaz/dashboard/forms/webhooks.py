from django import forms
from django.utils.translation import gettext_lazy as _

from awaz.webhooks.models import Event


class EndpointForm(forms.Form):
    """A webhook endpoint: whether the address may receive is the service's to say."""

    url = forms.CharField(
        label=_("Address"),
        max_length=500,
        widget=forms.URLInput(attrs={"dir": "ltr", "inputmode": "url"}),
        help_text=_("A public HTTPS address. Redirects are not followed."),
    )
    events = forms.MultipleChoiceField(
        label=_("Events"),
        choices=Event.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=list(Event.values),
    )
