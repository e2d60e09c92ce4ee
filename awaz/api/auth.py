"""Keys: `Authorization: Bearer <key>`. A missing, wrong or revoked key gets the same 401, which
says nothing of whether an organization or key exists. Each key has its own rate, and every call
with a key is audited (awaz.organizations.keys). The key itself is never logged: it travels in a
header, which no log line of Awaz records."""

from django.conf import settings
from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import HttpBearer

from awaz.api.edge import WINDOW_SECONDS
from awaz.http.ratelimit import Rate, rate_take
from awaz.organizations.keys import api_key_find
from awaz.organizations.models import ApiKey


class RateLimitedError(HttpError):
    def __init__(self) -> None:
        super().__init__(429, f"Too many requests with this key: try again in {WINDOW_SECONDS} s.")


class KeyAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiKey | None:
        key = api_key_find(secret=token)
        if key is None:
            return None
        rate = Rate("api-key", settings.AWAZ_API_PER_KEY_PER_MINUTE, WINDOW_SECONDS)
        if not rate_take(rates=[(rate, key.digest)]):
            raise RateLimitedError
        return key


def key_of(request: HttpRequest) -> ApiKey:
    key = request.auth  # type: ignore[attr-defined]
    if not isinstance(key, ApiKey):  # the router's auth guarantees it; never silently pass
        raise TypeError("an organization operation without a key")
    return key
