"""Writes to accounts. No answer here ever depends on whether an address has an account."""

from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from awaz.accounts import emails
from awaz.accounts.models import User
from awaz.accounts.roles import StaffRole
from awaz.accounts.tokens import verification_token_user
from awaz.audit.services import audit_record
from awaz.i18n import languages


def _normalized(email: str) -> str:
    return User.objects.normalize_email(email.strip())


@transaction.atomic
def user_sign_up(*, email: str, password: str, name: str = "", language: str = "") -> None:
    """Open an account and mail the link that confirms its address.

    Returns nothing on purpose: the caller shows "check your inbox" whatever happened. An address
    that already has a confirmed account gets an e-mail saying so; one whose account was never
    confirmed gets a fresh link, and the password chosen now, so whoever reads that mailbox
    decides (and an earlier sign-up by someone else is undone). `language`: the one the form
    was filled in, the account's mail language (Awaz's default when it offers no such language).
    """
    email = _normalized(email)
    candidate = User(email=email, name=name.strip(), language=languages.get(language).code)
    candidate.full_clean(exclude=["password"], validate_unique=False, validate_constraints=False)
    try:
        validate_password(password, user=candidate)
    except ValidationError as error:
        raise ValidationError({"password": error.error_list}) from None
    # Hash before looking the address up, so both answers take the same time.
    candidate.password = make_password(password)
    existing = User.objects.select_for_update().filter(email__iexact=email).first()
    if existing is None:
        try:
            with transaction.atomic():
                candidate.save()
        except IntegrityError:  # someone signed up with this address a moment ago
            existing = User.objects.select_for_update().get(email__iexact=email)
        else:
            emails.verification_email_send(user=candidate)
            return
    if existing.email_confirmed:
        emails.already_registered_email_send(user=existing)
        return
    existing.password = candidate.password
    existing.name = candidate.name or existing.name
    existing.language = candidate.language
    existing.save(update_fields=["password", "name", "language"])
    emails.verification_email_send(user=existing)


@transaction.atomic
def user_verification_resend(*, email: str) -> None:
    """Mail a new confirmation link if `email` has an account that is not confirmed yet."""
    user = User.objects.filter(
        email__iexact=_normalized(email), email_verified_at__isnull=True, is_active=True
    ).first()
    if user is not None:
        emails.verification_email_send(user=user)


@transaction.atomic
def user_verify_email(*, token: str) -> User | None:
    """Confirm the address a token was mailed to; None when the link is not (or no longer) good."""
    user = verification_token_user(token)
    if user is None:
        return None
    if user.email_verified_at is None:
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
    return user


@transaction.atomic
def user_password_reset_request(*, email: str) -> None:
    """Mail a password-reset link if `email` has an account; nothing is said either way."""
    user = User.objects.filter(email__iexact=_normalized(email), is_active=True).first()
    if user is not None and user.has_usable_password():
        emails.password_reset_email_send(user=user)


@transaction.atomic
def user_password_set(*, user: User, password: str) -> User:
    """Set a new password from a reset link; following that link also confirms the address."""
    try:
        validate_password(password, user=user)
    except ValidationError as error:
        raise ValidationError({"password": error.error_list}) from None
    user.set_password(password)
    if user.email_verified_at is None:
        user.email_verified_at = timezone.now()
    user.save(update_fields=["password", "email_verified_at"])
    return user


@transaction.atomic
def user_staff_role_set(
    *, user: User, role: StaffRole, by: User | None = None, before: str | None = None
) -> User:
    """Make `user` a moderator, an admin, or no longer staff; only admins reach the admin site.

    Audited as `user.staff_role` (by None: from the command line). `before`, when the caller
    changed the object already (the admin's form), is the role it had.
    """
    before = user.staff_role if before is None else before
    user.staff_role = role
    user.is_staff = role == StaffRole.ADMIN
    user.save(update_fields=["staff_role", "is_staff"])
    if before != role:
        audit_record(
            actor=by, action="user.staff_role", target=user, details={"from": before, "to": role}
        )
    return user


@transaction.atomic
def user_language_set(*, user: User, language: str) -> User:
    """Choose the language of the mail this person receives."""
    if language not in languages.BY_CODE:
        raise ValidationError({"language": "not a language Awaz offers"})
    before = user.language
    if before != language:
        user.language = language
        user.save(update_fields=["language"])
        audit_record(
            actor=user,
            action="user.language",
            target=user,
            details={"from": before, "to": language},
        )
    return user
