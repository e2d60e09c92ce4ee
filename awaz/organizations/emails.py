"""The e-mails about organizations: one function per message (see awaz.jobs.emails)."""

import datetime

from django.conf import settings
from django.utils.translation import get_language, override

from awaz.accounts.models import User
from awaz.jobs.emails import absolute_url, send_templated
from awaz.organizations.models import Invitation


def invitation_email_send(*, invitation: Invitation, token: str) -> None:
    """The invitation link; the token travels only in this message.

    In the language of the invited person's account if they have one, else in the inviter's.
    """
    invitee = User.objects.filter(email__iexact=invitation.email).first()
    with override(invitee.mail_language if invitee is not None else get_language()):
        send_templated(
            to=invitation.email,
            template="organizations/emails/invitation",
            context={
                "invitation": invitation,
                "organization": invitation.organization,
                "inviter": invitation.invited_by,
                "url": absolute_url("dashboard:invitation", kwargs={"token": token}),
            },
            valid_for=datetime.timedelta(days=settings.AWAZ_INVITATION_DAYS),
        )
