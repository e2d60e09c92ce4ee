"""Log-in forms shared by the organizers' log-in page and the admin's: both are throttled."""

from typing import Any

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from awaz.accounts.throttle import LoginAttempt, login_failure_note, login_refused

TOO_MANY_FAILURES = _(
    "Too many failed attempts to log in with this address or from this network. "
    "Wait a few minutes, then try again."
)


class ThrottledAuthenticationForm(AuthenticationForm):
    """Refuse to check any password once the address or network failed too often lately.

    Whether the address has an account changes nothing: failures count the same, and the
    refusal comes before any password is checked.
    """

    def clean(self) -> dict[str, Any]:
        if self.request is None:  # pragma: no cover - our views always pass the request
            return super().clean()
        attempt = LoginAttempt.of(self.request, email=self.cleaned_data.get("username") or "")
        if login_refused(attempt=attempt):
            raise ValidationError(TOO_MANY_FAILURES, code="throttled")
        try:
            return super().clean()
        except ValidationError as error:
            if error.code == "invalid_login":
                login_failure_note(attempt=attempt)
            raise


class AdminLoginForm(ThrottledAuthenticationForm, AdminAuthenticationForm):
    """The admin site's log-in: staff accounts only, throttled like every log-in."""
