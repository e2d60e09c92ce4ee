from django import forms
from django.utils.translation import gettext_lazy as _

from awaz.core.formfields import EmailAddressField
from awaz.dashboard.forms.base import WebURLFormField, ltr_email
from awaz.organizations.models import Organization, Role

IMAGE_ACCEPT = "image/jpeg,image/png,image/webp,image/gif"


class OrganizationForm(forms.Form):
    # What organizers type may be in any language: the browser follows it (dir="auto").
    name = forms.CharField(
        label=_("Name"), max_length=200, widget=forms.TextInput(attrs={"dir": "auto"})
    )
    slug = forms.SlugField(
        label=_("Address"),
        max_length=80,
        widget=forms.TextInput(attrs={"dir": "ltr"}),
        help_text=_(
            "The end of the organization's public address, e.g. uyghur-voices: lower-case letters, "
            "digits and hyphens. It cannot be changed later."
        ),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        help_text=_("Shown on your public page when there is none in the reader's language."),
    )
    website = WebURLFormField(label=_("Website"), required=False)
    contact_email = EmailAddressField(
        label=_("Contact e-mail address"),
        required=False,
        widget=ltr_email(),
        help_text=_("For the site's staff only; never shown on a public page."),
    )
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        widget=forms.FileInput(attrs={"accept": IMAGE_ACCEPT}),
        help_text=_("Optional. A JPEG, PNG, WebP or GIF picture; we remove its metadata."),
    )


class OrganizationSettingsForm(OrganizationForm):
    """The same fields, except the address, which public links depend on."""

    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)

    def __init__(self, *args: object, has_logo: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        del self.fields["slug"]
        if not has_logo:
            del self.fields["remove_logo"]

    @staticmethod
    def initial_for(organization: Organization) -> dict[str, object]:
        return {
            "name": organization.name,
            "description": organization.description,
            "website": organization.website,
            "contact_email": organization.contact_email,
        }


class DescriptionForm(forms.Form):
    text = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Leave it empty to remove this version."),
    )


ROLE_HELP = _(
    "Owner: everything, including members and settings. Editor: writes, publishes and closes "
    "petitions. Viewer: reads only."
)


class InvitationForm(forms.Form):
    email = EmailAddressField(label=_("E-mail address"), widget=ltr_email(autocomplete="off"))
    role = forms.ChoiceField(
        label=_("Role"), choices=Role.choices, initial=Role.EDITOR, help_text=ROLE_HELP
    )


class MembershipForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
