"""Writes to organizations, their descriptions, members and invitations.

Who joins, in which role, and who invited or removed them is audited by each service
(`organization.create`, `invitation.*`, `membership.*`); what an organization says about itself
is content, not a change of who may act for it.
"""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.images import get_image_dimensions
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awaz.accounts.models import User
from awaz.audit.services import audit_record
from awaz.organizations import emails
from awaz.organizations.models import (
    Invitation,
    Membership,
    Organization,
    OrganizationDescription,
    Role,
)
from awaz.privacy.images import image_normalize


def _replace_logo(organization: Organization, logo: File[bytes] | None) -> None:
    old = organization.logo.name if organization.logo else ""
    if logo is None:
        organization.logo = ""
        organization.logo_width = organization.logo_height = None
    else:
        normalized = image_normalize(logo, max_side=settings.AWAZ_LOGO_MAX_SIDE)
        organization.logo_width, organization.logo_height = get_image_dimensions(normalized)
        organization.logo.save(normalized.name or "logo.png", normalized, save=False)
    if old:
        storage = organization.logo.storage
        transaction.on_commit(lambda: storage.delete(old))


@transaction.atomic
def organization_create(
    *,
    by: User,
    name: str,
    slug: str,
    description: str = "",
    website: str = "",
    contact_email: str = "",
    logo: File[bytes] | None = None,
) -> Organization:
    """Create an organization with `by` as its first owner."""
    organization = Organization(
        name=name.strip(),
        slug=slug,
        description=description.strip(),
        website=website,
        contact_email=contact_email,
    )
    organization.full_clean(exclude=["logo"])
    if logo is not None:
        try:
            _replace_logo(organization, logo)
        except ValidationError as error:
            raise ValidationError({"logo": error.error_list}) from None
    organization.save()
    membership = Membership.objects.create(organization=organization, user=by, role=Role.OWNER)
    audit_record(
        actor=by,
        action="organization.create",
        target=organization,
        details={"membership": membership.pk, "role": Role.OWNER},
    )
    return organization


@transaction.atomic
def organization_update(
    *,
    organization: Organization,
    name: str,
    description: str,
    website: str,
    contact_email: str,
    logo: File[bytes] | None = None,
    remove_logo: bool = False,
) -> Organization:
    """Change what the organization says about itself, and its logo when one is given (or
    removed). Its address (slug) stays: public links depend on it."""
    organization.name = name.strip()
    organization.description = description.strip()
    organization.website = website
    organization.contact_email = contact_email
    organization.full_clean(exclude=["logo"])
    if logo is not None or remove_logo:
        try:
            _replace_logo(organization, None if remove_logo else logo)
        except ValidationError as error:
            raise ValidationError({"logo": error.error_list}) from None
    organization.save()
    return organization


@transaction.atomic
def organization_description_save(
    *, organization: Organization, language: str, text: str, by: User
) -> OrganizationDescription | None:
    """Set the description in `language`; an empty text removes that version."""
    text = text.strip()
    existing = OrganizationDescription.objects.filter(
        organization=organization, language=language
    ).first()
    if not text:
        if existing is not None:
            existing.delete()
        return None
    description = existing or OrganizationDescription(organization=organization, language=language)
    description.text = text
    description.updated_by = by
    description.full_clean()
    description.save()
    return description


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def invitation_create(*, organization: Organization, email: str, role: str, by: User) -> Invitation:
    """Invite `email` in `role` and mail the link; an open invitation to it is replaced.

    Says nothing about whether the address has an account on the site.
    """
    email = User.objects.normalize_email(email.strip())
    if Membership.objects.filter(organization=organization, user__email__iexact=email).exists():
        raise ValidationError(
            {"email": _("This person is already a member of the organization.")},
            code="already_member",
        )
    Invitation.objects.filter(
        organization=organization, email__iexact=email, accepted_at__isnull=True
    ).delete()
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    invitation = Invitation(
        organization=organization,
        email=email,
        role=role,
        token_digest=_digest(token),
        invited_by=by,
        created_at=now,
        expires_at=now + datetime.timedelta(days=settings.AWAZ_INVITATION_DAYS),
    )
    invitation.full_clean()
    invitation.save()
    # The address is personal data and stays in the invitation row only.
    audit_record(
        actor=by,
        action="invitation.create",
        target=invitation,
        details={"organization": organization.pk, "role": role},
    )
    emails.invitation_email_send(invitation=invitation, token=token)
    return invitation


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation a link carries, whatever its state; None for an unknown token."""
    return (
        Invitation.objects.select_related("organization", "invited_by")
        .filter(token_digest=_digest(token))
        .first()
    )


@transaction.atomic
def invitation_accept(*, token: str, user: User) -> Membership:
    """Join the organization: once, before the invitation expires, with the invited address."""
    invitation = (
        Invitation.objects.select_for_update()
        .select_related("organization")
        .filter(token_digest=_digest(token))
        .first()
    )
    if invitation is None or invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been used."), code="used")
    if invitation.expires_at <= timezone.now():
        raise ValidationError(_("This invitation has expired: ask for a new one."), code="expired")
    if not user.email_confirmed or user.email.lower() != invitation.email.lower():
        raise ValidationError(
            _("This invitation is for another e-mail address."), code="other_address"
        )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    membership, _created = Membership.objects.get_or_create(
        organization=invitation.organization, user=user, defaults={"role": invitation.role}
    )
    audit_record(
        actor=user,
        action="invitation.accept",
        target=invitation,
        details={"membership": membership.pk, "role": membership.role},
    )
    return membership


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, by: User) -> None:
    """Withdraw an invitation that has not been accepted; its link stops working."""
    if invitation.accepted_at is None:
        audit_record(
            actor=by,
            action="invitation.revoke",
            target=invitation,
            details={"organization": invitation.organization_id, "role": invitation.role},
        )
        invitation.delete()


def _check_an_owner_remains(membership: Membership) -> None:
    owners = Membership.objects.select_for_update().filter(
        organization_id=membership.organization_id, role=Role.OWNER
    )
    if membership.role == Role.OWNER and not owners.exclude(pk=membership.pk).exists():
        raise ValidationError(
            _("An organization needs at least one owner: make someone else owner first."),
            code="last_owner",
        )


@transaction.atomic
def membership_role_change(*, membership: Membership, role: str, by: User) -> Membership:
    """Give a member another role; the last owner stays an owner."""
    if role != Role.OWNER:
        _check_an_owner_remains(membership)
    before = membership.role
    membership.role = role
    membership.full_clean()
    membership.save(update_fields=["role"])
    if before != role:
        audit_record(
            actor=by,
            action="membership.role_change",
            target=membership,
            details={
                "organization": membership.organization_id,
                "user": membership.user_id,
                "from": before,
                "to": role,
            },
        )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, by: User) -> None:
    """Take a member out of the organization; the last owner cannot be removed."""
    _check_an_owner_remains(membership)
    audit_record(
        actor=by,
        action="membership.remove",
        target=membership,
        details={
            "organization": membership.organization_id,
            "user": membership.user_id,
            "role": membership.role,
        },
    )
    membership.delete()
