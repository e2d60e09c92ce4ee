"""Reads about organizations for the organizer's workspace, and the one description a public
page may show (`organization_description_shown`)."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from awaz.accounts.models import User
from awaz.organizations.models import (
    ApiKey,
    Invitation,
    Membership,
    Organization,
    OrganizationDescription,
)


def memberships_of(*, user: User) -> QuerySet[Membership]:
    """The organizations a person belongs to, with their role in each."""
    return (
        Membership.objects.filter(user=user)
        .select_related("organization")
        .order_by("organization__name")
    )


def membership_get(*, user: User, organization_slug: str) -> Membership | None:
    """The person's membership of the organization at `organization_slug`, if they have one."""
    return (
        Membership.objects.select_related("organization")
        .filter(user=user, organization__slug=organization_slug)
        .first()
    )


def members_of(*, organization: Organization) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(organization=organization)
        .select_related("user")
        .order_by("user__email")
    )


def invitations_open_for(*, organization: Organization) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        organization=organization, accepted_at__isnull=True, expires_at__gt=timezone.now()
    ).select_related("invited_by")


def descriptions_of(*, organization: Organization) -> dict[str, OrganizationDescription]:
    """The organization's descriptions by language code."""
    return {
        description.language: description
        for description in OrganizationDescription.objects.filter(
            organization=organization
        ).select_related("updated_by")
    }


@dataclass(frozen=True, slots=True)
class ShownDescription:
    text: str
    language: str | None  # None: the default description, written in no stated language


def organization_description_shown(
    *, organization: Organization, language: str
) -> ShownDescription:
    """What a public page in `language` shows: the description in `language`, else the default
    one, with the language it is known to be in (for the page's `lang` and `dir`)."""
    translated = (
        OrganizationDescription.objects.filter(organization=organization, language=language)
        .values_list("text", flat=True)
        .first()
    )
    if translated:
        return ShownDescription(translated, language)
    return ShownDescription(organization.description, None)


def organization_description(*, organization: Organization, language: str) -> str:
    """What a public page should show: the description in `language`, else the default one."""
    return organization_description_shown(organization=organization, language=language).text


def organization_by_slug(*, slug: str) -> Organization | None:
    """The organization at `slug`, whose public page anyone may read."""
    return Organization.objects.filter(slug=slug).first()


def membership_of_organization(*, organization: Organization, pk: int) -> Membership | None:
    """A member of `organization`; None for anyone else's membership."""
    return (
        Membership.objects.select_related("user").filter(pk=pk, organization=organization).first()
    )


def invitation_of_organization(*, organization: Organization, pk: int) -> Invitation | None:
    return Invitation.objects.filter(pk=pk, organization=organization).first()


def api_keys_of(*, organization: Organization) -> QuerySet[ApiKey]:
    """Every key of the organization, newest first, revoked ones included (for its owners)."""
    return ApiKey.objects.filter(organization=organization).select_related("created_by")


def api_key_of_organization(*, organization: Organization, pk: int) -> ApiKey | None:
    return ApiKey.objects.filter(organization=organization, pk=pk).first()
