"""Site staff: who moderates and who administers, decided in one place.

Organizers are members of organizations (`awaz.organizations`); staff are people the operator
names, each with one explicit role. A moderator reviews petitions, reports and signatures; an
admin does that and also reaches the Django admin and changes site-wide settings. The view
decorator that enforces it belongs to the interface (`awaz.dashboard.access.staff_view`).
"""

from typing import Literal

from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffRole(models.TextChoices):
    NONE = "", _("not staff")
    MODERATOR = "moderator", _("moderator")
    ADMIN = "admin", _("admin")


Role = Literal["moderator", "admin"]
_GRANTS: dict[Role, frozenset[str]] = {
    "moderator": frozenset({StaffRole.MODERATOR, StaffRole.ADMIN}),
    "admin": frozenset({StaffRole.ADMIN}),
}


def has_role(user: object, role: Role) -> bool:
    """True when `user` is an active member of staff whose role includes `role`."""
    return bool(
        getattr(user, "is_authenticated", False)
        and getattr(user, "is_active", False)
        and getattr(user, "staff_role", "") in _GRANTS[role]
    )


def is_moderator(user: object) -> bool:
    return has_role(user, "moderator")


def is_admin(user: object) -> bool:
    return has_role(user, "admin")


def is_two_factor_verified(user: object) -> bool:
    """True when this session passed the second step of log-in (django_otp's OTPMiddleware)."""
    is_verified = getattr(user, "is_verified", None)
    return bool(callable(is_verified) and is_verified())
