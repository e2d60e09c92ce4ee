"""Cross-site request forgery: no other site can make a visitor's browser change anything here.

Every URL of the project is sorted into one of three kinds below, and a new URL fails
`test_every_url_is_sorted_into_a_kind` until someone decides which kind it is.
"""

from collections.abc import Iterator

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_tasks_db.models import DBTaskResult

from awaz.accounts.models import User
from awaz.moderation.models import Report
from awaz.public.forms import form_stamp
from awaz.signatures.models import Signature
from tests.security.conftest import Site

# Change something on POST: they need the CSRF token (and the Origin check Django adds).
STATE_CHANGING = {
    "public:petition-sign",
    "public:petition-report",
    "public:my-signatures",  # sends an e-mail
    "public:my-signatures-withdraw",
    "public:my-signatures-stop",
    "public:my-signatures-finish",
}
# csrf_exempt on purpose: the secret token in the path is the proof, and their pages send no
# Referer, so the browser's "Origin: null" would fail Django's check.
TOKEN_IS_THE_PROOF = {
    "public:signature-confirm",
    "public:signature-remove",
    "public:signature-unsubscribe",
    "public:my-signatures-open",
}
# The JSON API (awaz/api): no cookie authenticates a call, so there is nothing for a forged
# request to borrow. Reads change nothing; the organization's writes need its key in the
# Authorization header, which a browser never adds by itself (awaz/api/tests).
API = {
    "api:api-root",
    "api:openapi-json",
    "api:petition_list",
    "api:petition_detail",
    "api:petition_count",
    "api:organization_detail",
    "api:own_petitions",
    "api:own_signatures",
    "api:own_signature_record",
    "api-docs",
    "api-not-found",
}
# Change nothing (a language cookie at most, the reader's own choice by a link).
READ_ONLY = {
    "public:home",
    "public:petition-detail",
    "public:petition-signed",
    "public:petition-thanks",
    "public:petition-reported",
    "public:organization-detail",
    "public:privacy",
    "public:my-signatures-list",
    "public:my-signatures-data",
    "petition-count",
    "public:petition-embed",
    "challenge",
    "form-tokens",  # a reader's CSRF token and form stamp, for nginx's micro-cache
    "language-choose",
    "healthz",  # counts for operators: staff or a monitor's bearer token
    # Finding and spreading petitions: GET only, the same for every reader.
    "public:search",
    "public:browse",
    "public:feed-petitions",
    "public:feed-language",
    "public:feed-organization",
    "public:feed-updates",
    "public:share-image",
    "public:qr-svg",
    "public:qr-png",
    "public:flyer-a4",
    "public:flyer-letter",
    "sitemap",
    "robots-txt",
    "upload",
}
# The organizers' workspace and their accounts: every view keeps Django's CSRF protection
# (none is exempt, checked below); the dashboard's own tests post to them without a token.
WORKSPACE = {
    "accounts:signup",
    "accounts:sent",
    "accounts:verify-again",
    "accounts:verify",
    "accounts:login",
    "accounts:two-factor",
    "accounts:two-factor-setup",
    "accounts:logout",
    "accounts:password-reset",
    "accounts:password-reset-confirm",
    "dashboard:home",
    "dashboard:organization-new",
    "dashboard:invitation",
    "dashboard:organization",
    "dashboard:organization-settings",
    "dashboard:organization-description",
    "dashboard:members",
    "dashboard:invite",
    "dashboard:member-update",
    "dashboard:invitation-revoke",
    "dashboard:petition-new",
    "dashboard:petition",
    "dashboard:petition-settings",
    "dashboard:petition-image",
    "dashboard:petition-victory",
    "dashboard:petition-history",
    "dashboard:petition-move",
    "dashboard:text-edit",
    "dashboard:text-preview",
    "dashboard:text-review",
    "dashboard:text-convert-again",
    "dashboard:text-names",
    "dashboard:signatures-export",
    "dashboard:delivery-list",
    "dashboard:delivery-document",
    "dashboard:update-new",
    "dashboard:update",
    "dashboard:update-text",
    "dashboard:update-send",
    "dashboard:api-keys",
    "accounts:account",
    "dashboard:response-new",
    "dashboard:api-key-revoke",
    "dashboard:paper",
    "dashboard:paper-sheet",
    "dashboard:paper-undo",
    "dashboard:webhooks",
    "dashboard:webhook",
    "dashboard:webhook-remove",
    "dashboard:webhook-enable",
    "dashboard:audit-log",
    # The moderators' part (staff only).
    "moderation:queue",
    "moderation:petition",
    "moderation:approve",
    "moderation:reject",
    "moderation:challenge",
    "moderation:featured",
    "moderation:reports",
    "moderation:report-act",
    "moderation:trending",
    "moderation:trending-petition",
    "moderation:held",
    "moderation:held-petition",
    "moderation:held-act",
    "moderation:invalidations",
    "moderation:lists",
    "moderation:list-remove",
    "moderation:settings",
}

pytestmark = pytest.mark.django_db


def url_names(patterns: list[URLPattern | URLResolver]) -> Iterator[str]:
    return (name for name, _pattern in url_patterns_by_name(patterns))


def test_every_url_is_sorted_into_a_kind():
    # The admin is Django's: every admin view is CSRF-protected (AdminSite.admin_view).
    ours = {
        name for name in url_names(get_resolver().url_patterns) if not name.startswith("admin:")
    }
    assert ours == STATE_CHANGING | TOKEN_IS_THE_PROOF | READ_ONLY | WORKSPACE | API


def test_no_workspace_view_is_exempt_from_the_csrf_check():
    callbacks = {
        name: pattern.callback
        for name, pattern in url_patterns_by_name(get_resolver().url_patterns)
        if name in WORKSPACE
    }
    assert set(callbacks) == WORKSPACE
    assert [name for name, view in callbacks.items() if getattr(view, "csrf_exempt", False)] == []


def url_patterns_by_name(
    patterns: list[URLPattern | URLResolver], namespace: str = ""
) -> Iterator[tuple[str, URLPattern]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_patterns_by_name(pattern.url_patterns, inner)
        else:
            yield f"{namespace}{pattern.name}", pattern


def state() -> tuple[object, ...]:
    """Everything a forged POST could change."""
    return (
        sorted(Signature.objects.values_list("pk", "status", "email_encrypted", "wants_updates")),
        DBTaskResult.objects.count(),
        Session.objects.count(),
        Report.objects.count(),
    )


def signer_session(site: Site) -> Client:
    """A signer who opened "my signatures" from their e-mail, CSRF checks as in a browser."""
    client = Client(enforce_csrf_checks=True)
    session = client.session
    session["signer_digest"] = site.signature.email_digest
    session.save()
    return client


@pytest.fixture
def forged_posts(site: Site) -> dict[str, tuple[Client, str, dict[str, str]]]:
    """For each state-changing URL, a POST that would work with a CSRF token."""
    signed_in = signer_session(site)
    return {
        "public:petition-sign": (
            Client(enforce_csrf_checks=True),
            reverse("public:petition-sign", args=[site.petition.slug]),
            {
                "name": "Nur Ablet",
                "email": "nur@example.org",
                "country": "KZ",
                "stamp": form_stamp(),
            },
        ),
        "public:petition-report": (
            Client(enforce_csrf_checks=True),
            reverse("public:petition-report", args=[site.petition.slug]),
            {"reason": "spam", "text": "Buy now"},
        ),
        "public:my-signatures": (
            Client(enforce_csrf_checks=True),
            reverse("public:my-signatures"),
            {"email": "ayshe@example.org"},
        ),
        "public:my-signatures-withdraw": (
            signed_in,
            reverse("public:my-signatures-withdraw"),
            {"signature": "all"},
        ),
        "public:my-signatures-stop": (signed_in, reverse("public:my-signatures-stop"), {}),
        "public:my-signatures-finish": (signed_in, reverse("public:my-signatures-finish"), {}),
    }


def csrf_token(client: Client) -> str:
    client.get(reverse("public:my-signatures"))  # a page with a form sets the cookie
    return str(client.cookies["csrftoken"].value)


@pytest.mark.parametrize("name", sorted(STATE_CHANGING))
def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing(forged_posts, name, settings):
    settings.AWAZ_MIN_FILL_SECONDS = 0
    client, url, data = forged_posts[name]
    before = state()
    assert client.post(url, data).status_code == 403
    assert state() == before


@pytest.mark.parametrize("name", sorted(STATE_CHANGING))
def test_a_post_from_another_site_is_refused_even_with_a_token(forged_posts, name, settings):
    settings.AWAZ_MIN_FILL_SECONDS = 0
    client, url, data = forged_posts[name]
    token = csrf_token(client)
    before = state()
    response = client.post(
        url, {**data, "csrfmiddlewaretoken": token}, headers={"origin": "https://evil.example"}
    )
    assert response.status_code == 403
    assert state() == before


@pytest.mark.parametrize("name", sorted(STATE_CHANGING))
def test_the_same_post_from_this_site_goes_through(forged_posts, name, settings):
    # So that the refusals above are the CSRF check's doing, not a broken request.
    settings.AWAZ_MIN_FILL_SECONDS = 0
    client, url, data = forged_posts[name]
    token = csrf_token(client)
    response = client.post(
        url, {**data, "csrfmiddlewaretoken": token}, headers={"origin": "http://testserver"}
    )
    assert response.status_code in (200, 303)


@pytest.mark.parametrize(
    "name", ["public:signature-confirm", "public:signature-remove", "public:my-signatures-open"]
)
def test_a_wrong_token_changes_nothing_even_without_csrf_checks(site: Site, name):
    token = {
        "public:signature-confirm": site.confirm_token,
        "public:signature-remove": site.remove_token,
        "public:my-signatures-open": site.access_token,
    }[name]
    forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    before = state()
    response = Client(enforce_csrf_checks=True).post(reverse(name, args=[forged]))
    assert response.status_code == 404
    assert state() == before


@pytest.mark.parametrize("name", sorted(READ_ONLY - {"public:my-signatures-list"}))
def test_read_only_urls_refuse_a_forged_post(site: Site, name):
    args = {
        "public:petition-detail": [site.petition.slug],
        "public:petition-signed": [site.petition.slug],
        "public:petition-thanks": [site.petition.slug],
        "public:petition-reported": [site.petition.slug],
        "public:petition-embed": [site.petition.slug],
        "public:organization-detail": [site.organization.slug],
        "public:feed-organization": [site.organization.slug],
        "public:feed-updates": [site.petition.slug],
        "public:share-image": [site.petition.slug],
        "public:qr-svg": [site.petition.slug],
        "public:qr-png": [site.petition.slug],
        "public:flyer-a4": [site.petition.slug],
        "public:flyer-letter": [site.petition.slug],
        "petition-count": [site.petition.slug],
        "language-choose": ["ug"],
        "upload": ["petitions/x.png"],
    }.get(name, [])
    before = state()
    response = Client(enforce_csrf_checks=True).post(reverse(name, args=args))
    assert response.status_code in (403, 405)
    assert state() == before


def test_the_admin_login_refuses_a_post_without_the_csrf_token():
    User.objects.create_superuser(email="staff@example.org", password="a long passphrase 42")
    before = state()
    response = Client(enforce_csrf_checks=True).post(
        "/admin/login/", {"username": "staff@example.org", "password": "a long passphrase 42"}
    )
    assert response.status_code == 403
    assert state() == before
