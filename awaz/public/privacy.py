"""The page "How we protect signers": what is kept, for how long, who sees it.

Its numbers come from the settings that enforce them, so the page cannot promise one thing
while the site does another.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe


@dataclass(frozen=True, slots=True)
class Promises:
    retention_days: int  # personal data deleted at the latest this long after a petition closes
    network_hours: int  # the network digest is erased after this long
    link_days: int  # the links in a signer's e-mails stop working after this long
    max_emails: int  # e-mails one address can receive about one petition
    smallest_group: int  # a country with fewer signers is never counted apart
    keys_beside_database: bool  # the keys are in files on the database's server (the default)


def current_promises() -> Promises:
    return Promises(
        retention_days=settings.AWAZ_RETENTION_DAYS,
        network_hours=settings.AWAZ_NETWORK_DIGEST_HOURS,
        link_days=max(1, settings.AWAZ_TOKEN_MAX_AGE // 86400),
        max_emails=settings.AWAZ_MAX_EMAILS_PER_SIGNATURE,
        smallest_group=settings.AWAZ_K_ANONYMITY,
        keys_beside_database=bool(settings.AWAZ_KEYS_IN_FILES),
    )


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "public/privacy.html", {"promises": current_promises()})
