"""Two-factor log-in for staff: an authenticator app (TOTP) plus single-use backup codes.

Built on django-otp. A member of staff sets up one TOTP device (confirmed by a first code) and
receives BACKUP_CODES backup codes, shown once; later log-ins ask for a code from either. The
session remembers which device verified it (`django_otp.login`), so `user.is_verified()` holds
until log-out.
"""

from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp import verify_token as otp_verify_token
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from awaz.accounts.models import User
from awaz.audit.services import audit_record

BACKUP_CODES = 10
_APP = "authenticator app"
_BACKUP = "backup codes"


def has_two_factor(user: User) -> bool:
    """Whether `user` has set up an authenticator app (a confirmed device)."""
    return bool(user_has_device(user, confirmed=True))


def second_step_url(user: object) -> str:
    """Where a member of staff goes to pass the second step: set up, or enter a code."""
    if isinstance(user, User) and has_two_factor(user):
        return reverse("accounts:two-factor")
    return reverse("accounts:two-factor-setup")


@transaction.atomic
def two_factor_setup_start(*, user: User) -> TOTPDevice:
    """The authenticator-app secret `user` is setting up; the same one until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_APP, confirmed=False)
    return device


@transaction.atomic
def two_factor_setup_confirm(*, request: HttpRequest, user: User, code: str) -> list[str] | None:
    """Confirm the app being set up with its first code and verify this session with it.

    Returns the new backup codes (to show once), or None when the code is not right.
    """
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
    if device is None or has_two_factor(user) or not device.verify_token(code.strip()):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = backup_codes_renew(user=user)
    audit_record(actor=user, action="two_factor.setup", target=user)
    _verified(request, device)
    return codes


@transaction.atomic
def backup_codes_renew(*, user: User) -> list[str]:
    """Replace `user`'s backup codes with BACKUP_CODES new ones; returns them (shown once)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=_BACKUP, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


@transaction.atomic
def two_factor_verify(*, request: HttpRequest, user: User, code: str) -> Device | None:
    """Check a code from the app, else a backup code (used up); verify the session with it.

    Each device slows down repeated wrong codes itself (django-otp's throttling). A backup
    code used is audited (`two_factor.backup_code_use`): it may mean the phone was lost.
    """
    code = "".join(code.split()).lower()
    if not code:
        return None
    devices: list[Device] = [
        *TOTPDevice.objects.devices_for_user(user, confirmed=True),
        *StaticDevice.objects.devices_for_user(user, confirmed=True),
    ]
    for device in devices:
        verified = otp_verify_token(user, device.persistent_id, code)
        if verified is not None:
            if is_backup_code_device(verified):
                audit_record(
                    actor=user,
                    action="two_factor.backup_code_use",
                    target=user,
                    details={"left": backup_codes_left(user=user)},
                )
            _verified(request, verified)
            return verified
    return None


@transaction.atomic
def two_factor_remove(*, user: User, by: User) -> int:
    """Take away `user`'s authenticator app and backup codes (a lost phone); returns how many
    devices went. Their next log-in asks them to set up an app again. Audited."""
    removed = 0
    for model in (TOTPDevice, StaticDevice):
        _total, by_model = model.objects.filter(user=user).delete()
        removed += by_model.get(model._meta.label, 0)
    if removed:
        audit_record(actor=by, action="two_factor.remove", target=user)
    return removed


def backup_codes_left(*, user: User) -> int:
    left: int = StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
    return left


def is_backup_code_device(device: Device) -> bool:
    return isinstance(device, StaticDevice)


def _verified(request: HttpRequest, device: Device) -> None:
    # A new session id for the session that now carries more rights (no session fixation).
    request.session.cycle_key()
    otp_login(request, device)
