"""A partner site records three signatures through the API with a key an owner made on the
workspace; the three signers confirm from their e-mail and appear in the count. The API's docs
page and the key page are checked in English and Uyghur, on a phone and a desktop."""

import json
import re
import time
import urllib.request
from typing import Any

import pytest
from playwright.sync_api import expect

from awaz.organizations.models import Organization, Role
from tests.demo import seed_demo
from tests.journeys.conftest import Visitor, reads_in_uyghur
from tests.journeys.labels import field_label, shown
from tests.organizers import PASSWORD
from tests.organizers import make_member as add_member
from tests.processes import start_manage, stop

pytestmark = pytest.mark.django_db(transaction=True)
OWNER = "dilnur@example.org"
SEED = "save-serikzhan-bilash"
CONFIRM_LINK = re.compile(r"https?://[^\s]+/signatures/confirm/[^\s/]+/")
SIGNERS = [
    ("Aygul Tursun", "aygul@example.org", "DE"),
    ("Erkin Sidiq", "erkin@example.org", "NL"),
    ("Madina Nurova", "madina@example.org", "KZ"),
]


@pytest.fixture
def worker(smtp, live_server, settings):
    """The real worker process, sending to the test's SMTP server, folding counts every second."""
    settings.SITE_URL = live_server.url
    seed_demo()
    process = start_manage(
        "run_worker", EMAIL_URL=smtp.url, SITE_URL=live_server.url, AWAZ_COUNT_INTERVAL="1"
    )
    yield process
    stop(process)


def owner_of_seed() -> Organization:
    organization = Organization.objects.get(petitions__slug=SEED)
    add_member(Role.OWNER, organization=organization, email=OWNER)
    return organization


def log_in(visitor: Visitor, language: str = "en"):
    page = visitor.open(f"/{language}/accounts/login/", name=f"owner-login-{language}")
    page.get_by_label(field_label(language, "E-mail address")).fill(OWNER)
    page.get_by_label(field_label(language, "Password"), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=shown(language, "Log in")).click()
    return page


def make_key(visitor: Visitor, organization: Organization, language: str = "en") -> str:
    page = log_in(visitor, language)
    page.get_by_role("link", name=organization.name).click()
    page.get_by_role("link", name=shown(language, "API keys")).click()
    visitor.check(name=f"api-keys-{language}")
    page.get_by_label(shown(language, "Name"), exact=True).fill("Coalition site")
    page.get_by_label(shown(language, "What it may do"), exact=True).select_option("write")
    page.get_by_role("button", name=shown(language, "Create the key")).click()
    secret = str(page.locator("code.secret").inner_text())
    assert secret.startswith("awaz_")
    return secret


def api(base_url: str, path: str, *, secret: str = "", body: object = None) -> tuple[int, Any]:
    request = urllib.request.Request(  # noqa: S310 - the test's own live server
        base_url + path,
        data=None if body is None else json.dumps(body).encode(),
        headers={
            **({"Authorization": f"Bearer {secret}"} if secret else {}),
            **({"Content-Type": "application/json"} if body is not None else {}),
        },
        method="GET" if body is None else "POST",
    )
    with urllib.request.urlopen(request) as response:  # noqa: S310
        return response.status, json.loads(response.read())


def test_a_partner_site_records_three_signatures_confirmed_by_email(visitor, smtp, worker):
    organization = owner_of_seed()
    secret = make_key(visitor, organization)
    visitor.check(name="api-key-made-en")
    visitor.screenshot("api-key-made-en")

    for name, email, country in SIGNERS:
        status, answer = api(
            visitor.base_url,
            f"/api/v1/organization/petitions/{SEED}/signatures",
            secret=secret,
            body={
                "name": name,
                "email_address": email,
                "country": country,
                "source": "coalition-site",
                "public": True,
                "language": "en",
            },
        )
        assert status == 202, answer
    assert api(visitor.base_url, f"/api/v1/petitions/{SEED}/count")[1]["total_signatures"] == 0

    messages = smtp.sink.wait_for(3)
    for _name, email, _country in SIGNERS:
        (message,) = [m for m in messages if m["To"] == email]
        found = CONFIRM_LINK.search(message.get_body(preferencelist=("plain",)).get_content())
        assert found
        page = visitor.open(found.group(0).removeprefix(visitor.base_url), name="confirm-en")
        page.get_by_role("button").click()
        expect(page).to_have_url(re.compile(rf"/en/petitions/{SEED}/thank-you/$"))

    # The worker folds the confirmations into the published count within its interval.
    for _ in range(40):
        count = api(visitor.base_url, f"/api/v1/petitions/{SEED}/count")[1]
        if count["total_signatures"] == 3:
            break
        time.sleep(0.5)
    assert count["total_signatures"] == 3
    status, signatures = api(
        visitor.base_url, f"/api/v1/organization/petitions/{SEED}/signatures", secret=secret
    )
    assert sorted(s["first_name"] for s in signatures["signatures"]) == ["Aygul", "Erkin", "Madina"]
    assert {s["source"] for s in signatures["signatures"]} == {"coalition-site"}
    page = visitor.open(f"/en/petitions/{SEED}/", name="petition-counted-en")
    expect(page.locator(".counter strong")).to_have_text("3")


@pytest.mark.parametrize("language", ["en", "ug"])
def test_the_api_docs_page_and_the_key_page_on_a_phone_and_a_desktop(
    visitor, phone_visitor, worker, language
):
    organization = owner_of_seed()
    for who, width in ((phone_visitor, 390), (visitor, 1280)):
        page = who.open(
            f"/language/{language}/?next=/api/docs/", name=f"api-docs-{language}-{width}"
        )
        expect(page.locator("h1")).to_contain_text("Awaz API")
        expect(page.locator(".api-docs")).to_contain_text("/api/v1/petitions/{slug}/count")
        who.screenshot(f"api-docs-{language}-{width}")
        make_key(who, organization, language)
        if language == "ug":
            reads_in_uyghur(who, f"api-key-made-{language}-{width}")
        else:
            who.check(name=f"api-key-made-{language}-{width}")
            who.screenshot(f"api-key-made-{language}-{width}")
        who.page.context.clear_cookies()
