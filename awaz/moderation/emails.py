"""The e-mails moderation sends: one function per message (see awaz.jobs.emails)."""

from collections.abc import Sequence

from django.conf import settings
from django.utils import translation
from django_stubs_ext import StrPromise

from awaz.accounts.models import User
from awaz.accounts.roles import StaffRole
from awaz.jobs.emails import absolute_url, send_templated
from awaz.moderation.models import TrendingSource
from awaz.organizations.models import Role
from awaz.petitions.models import Petition
from awaz.petitions.selectors import text_preferred


def organizer_addresses(petition: Petition) -> list[str]:
    """Who hears about a decision: the petition's creator and its organization's owners."""
    owners = User.objects.filter(
        is_active=True,
        memberships__organization_id=petition.organization_id,
        memberships__role=Role.OWNER,
    ).values_list("email", flat=True)
    addresses = list(owners)
    creator = petition.created_by
    if creator is not None and creator.is_active and creator.email not in addresses:
        addresses.insert(0, creator.email)
    return addresses


def decision_email_send(
    *, petition: Petition, approved: bool, reason: str | StrPromise, text: str
) -> None:
    """Tell the organizers that their petition was published, or why it was not.

    Organizers choose no interface language; they hear in the language they wrote it in.
    """
    with translation.override(petition.original_language):
        version = text_preferred(
            petition.texts.all(),
            language=petition.original_language,
            original_language=petition.original_language,
        )
        url = absolute_url(
            "dashboard:petition",
            kwargs={"organization": petition.organization.slug, "petition": petition.slug},
        )
        for address in organizer_addresses(petition):
            send_templated(
                to=address,
                template=f"moderation/emails/{'approved' if approved else 'rejected'}",
                context={
                    "petition": petition,
                    "title": version.title if version else petition.slug,
                    "reason": reason,
                    "text": text,
                    "url": url,
                },
            )


def moderator_addresses() -> list[str]:
    return list(
        User.objects.filter(
            is_active=True, staff_role__in=[StaffRole.MODERATOR, StaffRole.ADMIN]
        ).values_list("email", flat=True)
    )


def spike_email_send(*, spikes: Sequence[TrendingSource]) -> None:
    """Tell the moderators which petitions get a burst of signatures from one source."""
    with translation.override(settings.LANGUAGE_CODE):
        petitions = sorted({spike.petition for spike in spikes}, key=lambda p: p.slug)
        links = [
            (
                petition.slug,
                absolute_url("moderation:trending-petition", kwargs={"pk": petition.pk}),
            )
            for petition in petitions
        ]
        for address in moderator_addresses():
            send_templated(
                to=address,
                template="moderation/emails/spike",
                context={"spikes": spikes, "links": links},
            )
