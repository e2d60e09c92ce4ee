"""Form fields every form of Awaz uses for the same kind of input."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.translation import gettext_lazy as _


class MailboxValidator(EmailValidator):
    """An address at a domain name: never an IP literal such as `a@[127.0.0.1]`.

    Such an address is valid by RFC 5321 but reaches no real signer's mailbox: it points our
    mail server at a machine of the sender's choice (an internal one, or one that collects our
    mail). Django's validator already refuses a bare IP as the domain (no top-level domain).
    """

    def __call__(self, value: str | None) -> None:
        super().__call__(value)
        if str(value).rpartition("@")[2].startswith("["):
            raise ValidationError(
                _("Enter an address at a domain name (like example.org), not at an IP address."),
                code="ip_literal",
                params={"value": value},
            )


validate_mailbox = MailboxValidator(allowlist=[])  # not even `localhost`


class EmailAddressField(forms.EmailField):
    """forms.EmailField without IP-literal domains: every e-mail address a form accepts."""

    default_validators = [validate_mailbox]
