"""Who may see and do what in the workspace, decided in one place.

A person who is not a member of an organization gets "not found" for everything under it (the
workspace does not confirm that an organization or petition exists); a member whose role does
not allow an action gets "forbidden".
"""

from collections.abc import Callable
from functools import wraps
from typing import Concatenate, Literal

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase

from awaz.accounts.models import User
from awaz.accounts.roles import Role, has_role, is_two_factor_verified
from awaz.accounts.two_factor import second_step_url
from awaz.organizations import selectors
from awaz.organizations.models import Membership
from awaz.petitions.models import Petition
from awaz.petitions.organizer_selectors import petition_of_organization

Need = Literal["read", "edit", "manage"]
MemberView = Callable[Concatenate[HttpRequest, Membership, ...], HttpResponseBase]
View = Callable[..., HttpResponseBase]


def current_user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User) or not user.is_authenticated:
        raise PermissionDenied
    return user


def check(membership: Membership, need: Need) -> None:
    if (need == "edit" and not membership.can_edit) or (
        need == "manage" and not membership.can_manage
    ):
        raise PermissionDenied


def member_view(need: Need) -> Callable[[MemberView], View]:
    """Wrap a view taking `(request, membership, ...)` that lives under `organizations/<org>/`."""

    def decorator(view: MemberView) -> View:
        @login_required
        @wraps(view)
        def wrapper(
            request: HttpRequest, organization: str, *args: object, **kwargs: object
        ) -> HttpResponseBase:
            membership = selectors.membership_get(
                user=current_user(request), organization_slug=organization
            )
            if membership is None:
                raise Http404
            check(membership, need)
            return view(request, membership, *args, **kwargs)

        return wrapper

    return decorator


def petition_of(membership: Membership, slug: str) -> Petition:
    """The organization's petition at `slug`; another organization's is simply not found."""
    petition = petition_of_organization(organization_id=membership.organization_id, slug=slug)
    if petition is None:
        raise Http404
    return petition


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
                return redirect_to_login(request.get_full_path(), second_step_url(request.user))
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
