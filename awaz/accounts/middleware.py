"""Staff sessions end after AWAZ_STAFF_IDLE_SECONDS without a request; organizers' do not."""

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils import timezone
from django.utils.translation import gettext as _

from awaz.accounts.roles import is_moderator

LAST_ACTIVITY_SESSION_KEY = "awaz_staff_last_activity"


class StaffIdleTimeoutMiddleware:
    """Log a member of staff out when their previous request is too long ago.

    The session's own age (SESSION_IDLE_SECONDS) applies to everyone; this one, stored in the
    session as a timestamp, only to moderators and admins, and can be shorter.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        # Only sessions with a logged-in user are looked at: a reader without a session cookie
        # keeps pages that do not vary by cookie, and no one anonymous costs a query.
        if (
            settings.SESSION_COOKIE_NAME in request.COOKIES
            and SESSION_KEY in request.session
            and is_moderator(request.user)
        ):
            now = timezone.now().timestamp()
            last = request.session.get(LAST_ACTIVITY_SESSION_KEY)
            if isinstance(last, int | float) and now - last > settings.AWAZ_STAFF_IDLE_SECONDS:
                logout(request)
                messages.info(request, _("You were logged out after a while without activity."))
                return redirect_to_login(request.get_full_path())
            request.session[LAST_ACTIVITY_SESSION_KEY] = now
        return self.get_response(request)
