"""The Django admin, for admins only, and only once they passed the second step of log-in."""

from typing import Any

from django.contrib.admin import AdminSite
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from awaz.accounts.forms import AdminLoginForm
from awaz.accounts.roles import is_admin, is_two_factor_verified
from awaz.accounts.two_factor import second_step_url


class StaffAdminSite(AdminSite):
    """Moderators are refused like organizers; an admin who has not entered a code in this
    session is sent to enter one (or to set up an authenticator app), then back."""

    login_form = AdminLoginForm

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return is_admin(user) and user.is_staff and is_two_factor_verified(user)

    def login(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        user = request.user
        if request.method == "GET" and is_admin(user) and not is_two_factor_verified(user):
            next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
            if not url_has_allowed_host_and_scheme(
                next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            ):
                next_url = reverse("admin:index", current_app=self.name)
            return redirect_to_login(next_url, second_step_url(user))
        return super().login(request, extra_context)
