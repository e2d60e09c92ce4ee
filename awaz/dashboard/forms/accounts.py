from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from awaz.accounts.forms import ThrottledAuthenticationForm
from awaz.accounts.models import User
from awaz.core.formfields import EmailAddressField
from awaz.core.widgets import LanguageSelect
from awaz.dashboard.forms.base import ltr_email
from awaz.i18n import languages


class SignUpForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        required=False,
        help_text=_(
            "Optional. Only the members of your organizations see it; a pseudonym is fine."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "name", "dir": "auto"}),
    )
    email = EmailAddressField(label=_("E-mail address"), widget=ltr_email())
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        help_text=_("At least 8 characters; a few words you will remember are best."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_again = forms.CharField(
        label=_("Password, again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", _("The two passwords differ."))
        return data


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the e-mails Awaz sends you"),
        choices=[(language.code, language.name_local) for language in languages.LANGUAGES],
        widget=LanguageSelect,
        help_text=_(
            "Notices about your petitions, invitations and links to choose a new password. "
            "The pages follow the language you pick at the top of each page."
        ),
    )


class EmailForm(forms.Form):
    email = EmailAddressField(label=_("E-mail address"), widget=ltr_email())


class LoginForm(ThrottledAuthenticationForm):
    """Log in with e-mail and password; an account whose address is not confirmed waits."""

    error_messages = {
        **ThrottledAuthenticationForm.error_messages,
        "unverified": _(
            "Confirm your e-mail address first: open the link we sent you. "
            "No message? Ask for a new link below."
        ),
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].label = _("E-mail address")
        self.fields["username"].widget = ltr_email(autofocus="autofocus")

    def clean(self) -> dict[str, object]:
        try:
            return super().clean()
        except ValidationError as error:
            if error.code == "throttled":
                raise
            # Only someone who knows the password learns that the address waits for confirming.
            waiting = User.objects.filter(
                email__iexact=self.cleaned_data.get("username") or "",
                email_verified_at__isnull=True,
                is_active=True,
            ).first()
            if waiting is not None and waiting.check_password(
                self.cleaned_data.get("password") or ""
            ):
                raise ValidationError(
                    self.error_messages["unverified"], code="unverified"
                ) from None
            raise


class CodeForm(forms.Form):
    """A code from the authenticator app, or one of the backup codes."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The 6 digits your authenticator app shows now, or one of your backup codes."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autofocus": "autofocus",
                "dir": "ltr",
                "spellcheck": "false",
                "autocapitalize": "off",
            }
        ),
    )


class SetupCodeForm(CodeForm):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["code"].help_text = _("The 6 digits your authenticator app shows now.")
        self.fields["code"].widget.attrs["inputmode"] = "numeric"
