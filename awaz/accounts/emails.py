"""The e-mails an account receives: one function per message (see awaz.jobs.emails), each in
the language the account chose (`User.mail_language`), whatever page asked for it."""

import datetime

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import override

from awaz.accounts.models import User
from awaz.accounts.tokens import verification_token_make
from awaz.jobs.emails import absolute_url, send_templated


def verification_email_send(*, user: User) -> None:
    """The link that confirms a new account's address."""
    with override(user.mail_language):
        url = absolute_url("accounts:verify", kwargs={"token": verification_token_make(user)})
        send_templated(
            to=user.email,
            template="accounts/emails/verify",
            context={"user": user, "url": url},
            valid_for=datetime.timedelta(seconds=settings.AWAZ_EMAIL_VERIFICATION_SECONDS),
        )


def already_registered_email_send(*, user: User) -> None:
    """Someone signed up with an address that has an account: tell its owner, not the form."""
    with override(user.mail_language):
        send_templated(
            to=user.email,
            template="accounts/emails/already_registered",
            context={
                "user": user,
                "login_url": absolute_url("accounts:login"),
                "reset_url": absolute_url("accounts:password-reset"),
            },
        )


def password_reset_email_send(*, user: User) -> None:
    """A single-use link to choose a new password."""
    with override(user.mail_language):
        url = absolute_url(
            "accounts:password-reset-confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        send_templated(
            to=user.email,
            template="accounts/emails/password_reset",
            context={"user": user, "url": url},
            valid_for=datetime.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT),
        )
