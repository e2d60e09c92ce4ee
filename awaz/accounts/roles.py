"""Site staff: who moderates and who administers, decided in one place.

Organizers are members of organizations (`awaz.organizations`); staff are people the operator
names, each with one explicit role. A moderator reviews petitions, reports and signatures; an
admin does that and also reaches the Django admin and changes site-wide settings.
"""

from collections.abc import Callable
from functools import wraps
from typing import Literal

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.translation import gettext_lazy as _

View = Callable[..., HttpResponseBase]


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


def staff_view(role: Role = "moderator") -> Callable[[View], View]:
    """Wrap a view that only staff with `role` may open; anyone else is refused (403).

    Staff who have not passed the second step of log-in in this session are sent to it first
    (to set up an authenticator app if they have none), then back here.
    """

    def decorator(view: View) -> View:
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseBase:
            if not has_role(request.user, role):
                raise PermissionDenied
            if not is_two_factor_verified(request.user):
                # Imported here: the models import this module, and these import the models.
                from django.contrib.auth.views import redirect_to_login

                from awaz.accounts.two_factor import second_step_url

                return redirect_to_login(request.get_full_path(), second_step_url(request.user))
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
