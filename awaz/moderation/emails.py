"""The e-mails moderation sends: one function per message (see awaz.jobs.emails)."""

from collections.abc import Sequence

from django.utils import translation
from django_stubs_ext import StrPromise

from awaz.accounts.models import User
from awaz.accounts.roles import StaffRole
from awaz.jobs.emails import absolute_url, send_templated
from awaz.moderation.models import Report, TrendingSource
from awaz.organizations.models import Role
from awaz.petitions.models import Petition
from awaz.petitions.selectors import text_preferred


def organizer_recipients(petition: Petition) -> list[User]:
    """Who hears about a decision: the petition's creator and its organization's owners."""
    people = list(
        User.objects.filter(
            is_active=True,
            memberships__organization_id=petition.organization_id,
            memberships__role=Role.OWNER,
        ).order_by("pk")
    )
    creator = petition.created_by
    if creator is not None and creator.is_active and creator.pk not in {p.pk for p in people}:
        people.insert(0, creator)
    return people


def decision_email_send(
    *, petition: Petition, approved: bool, reason: str | StrPromise, text: str
) -> None:
    """Tell the organizers that their petition was published, or why it was not.

    Each in their own language (`User.mail_language`), the title in the closest version.
    """
    texts = list(petition.texts.all())
    for person in organizer_recipients(petition):
        with translation.override(person.mail_language):
            version = text_preferred(
                texts,
                language=person.mail_language,
                original_language=petition.original_language,
            )
            url = absolute_url(
                "dashboard:petition",
                kwargs={"organization": petition.organization.slug, "petition": petition.slug},
            )
            send_templated(
                to=person.email,
                template=f"moderation/emails/{'approved' if approved else 'rejected'}",
                context={
                    "petition": petition,
                    "title": version.title if version else petition.slug,
                    "reason": reason,
                    "text": text,
                    "url": url,
                },
            )


def moderator_recipients() -> list[User]:
    return list(
        User.objects.filter(
            is_active=True, staff_role__in=[StaffRole.MODERATOR, StaffRole.ADMIN]
        ).order_by("pk")
    )


def spike_email_send(*, spikes: Sequence[TrendingSource]) -> None:
    """Tell the moderators which petitions get a burst of signatures from one source, each
    petition named by its title in the moderator's language (the closest version)."""
    petitions = sorted({spike.petition for spike in spikes}, key=lambda p: p.slug)
    for person in moderator_recipients():
        with translation.override(person.mail_language):
            titles = {petition.pk: _title(petition, person.mail_language) for petition in petitions}
            links = [
                (
                    titles[petition.pk],
                    absolute_url("moderation:trending-petition", kwargs={"pk": petition.pk}),
                )
                for petition in petitions
            ]
            send_templated(
                to=person.email,
                template="moderation/emails/spike",
                context={
                    "spikes": spikes,
                    "rows": [(titles[spike.petition_id], spike) for spike in spikes],
                    "links": links,
                },
            )


def reports_email_send(*, reports: Sequence[Report]) -> None:
    """Tell the moderators how many reports came in, about which petitions, and where to act."""
    by_petition: dict[int, tuple[Petition, int]] = {}
    for report in reports:
        petition, count = by_petition.get(report.petition_id, (report.petition, 0))
        by_petition[report.petition_id] = (petition, count + 1)
    petitions = sorted(by_petition.values(), key=lambda pair: (-pair[1], pair[0].pk))
    for person in moderator_recipients():
        with translation.override(person.mail_language):
            rows = [
                (_title(petition, person.mail_language), count) for petition, count in petitions
            ]
            send_templated(
                to=person.email,
                template="moderation/emails/reports",
                context={
                    "count": len(reports),
                    "rows": rows,
                    "url": absolute_url("moderation:reports"),
                },
            )


def _title(petition: Petition, language: str) -> str:
    version = text_preferred(
        petition.texts.all(), language=language, original_language=petition.original_language
    )
    return version.title if version else petition.slug
