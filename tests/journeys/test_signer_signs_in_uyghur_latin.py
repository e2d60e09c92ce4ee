"""A signer signs the seed petition in Uyghur Latin, confirms from the e-mail, and is counted."""

import re

import pytest
from playwright.sync_api import expect

from tests.demo import seed_demo
from tests.processes import start_manage, stop

SEED = "/ug-latn/petitions/save-serikzhan-bilash/"
CONFIRM_LINK = re.compile(r"https?://[^\s]+/signatures/confirm/[^\s/]+/")

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def worker(smtp, live_server, settings):
    """The real worker process, sending to the test's SMTP server, folding counts every second."""
    settings.SITE_URL = live_server.url
    seed_demo()
    process = start_manage(
        "run_worker",
        EMAIL_URL=smtp.url,
        SITE_URL=live_server.url,
        AWAZ_COUNT_INTERVAL="1",
    )
    yield process
    stop(process)


# The form's labels and button, as a reader of each page sees them.
FORM = {
    "en": (
        "Your name",
        "Your e-mail address",
        "Country where you live",
        "Show my first name publicly",
        "Sign",
    ),
    "ug-latn": (
        "Ismingiz",
        "Élxet adrésingiz",
        "Turuwatqan dölitingiz",
        "Ismimni ashkara körsitish",
        "Imza qoyush",
    ),
}


def sign(page, *, name, email, language="ug-latn"):
    name_label, email_label, country_label, public_label, button = FORM[language]
    page.get_by_label(name_label).fill(name)
    page.get_by_label(email_label).fill(email)
    page.get_by_label(country_label).select_option("DE")
    page.get_by_label(public_label).check()
    page.get_by_role("button", name=button, exact=True).click()


def confirm_from_inbox(visitor, smtp, recipient, language="ug-latn"):
    (message,) = [m for m in smtp.sink.wait_for(1) if m["To"] == recipient]
    body = message.get_body(preferencelist=("plain",)).get_content()
    found = CONFIRM_LINK.search(body)
    assert found, body
    link = found.group(0)
    assert f"/{language}/" in link  # the e-mail speaks the page's language and script
    page = visitor.open(link.removeprefix(visitor.base_url), name=f"confirm-{language}")
    page.get_by_role("button").click()
    return page


def test_signer_signs_in_uyghur_latin_and_confirms(visitor, smtp, worker):
    page = visitor.open(SEED, name="petition-ug-latn")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.locator("h1")).to_have_text("Adaletni hörmetleyli, Sérikjan Bilashni qutquzayli")
    expect(page.locator(".counter")).to_contain_text("0")
    expect(page.locator(".counter")).to_contain_text("500")
    visitor.screenshot("sign-ug-latn-form")

    sign(page, name="Ayshe Tursun", email="ayshe@example.org")
    expect(page).to_have_url(
        re.compile(r"/ug-latn/petitions/save-serikzhan-bilash/check-your-inbox/$")
    )
    visitor.check(name="check-inbox-ug-latn")

    page = confirm_from_inbox(visitor, smtp, "ayshe@example.org")
    expect(page).to_have_url(re.compile(r"/ug-latn/petitions/save-serikzhan-bilash/thank-you/$"))
    expect(page.locator(".counter strong")).to_have_text("1")
    visitor.check(name="thanks-ug-latn")
    visitor.screenshot("thanks-ug-latn")

    # The worker folds the confirmation into the published count within its interval.
    page = visitor.open(SEED, name="petition-ug-latn-signed")
    for _ in range(20):
        if page.locator(".counter strong").inner_text() == "1":
            break
        page.wait_for_timeout(500)
        page.reload()
    expect(page.locator(".counter strong")).to_have_text("1")
    expect(page.locator(".counter")).to_contain_text("500")
    expect(page.locator(".recent")).to_contain_text("Ayshe")
    visitor.screenshot("petition-ug-latn-signed")


def test_a_signer_with_javascript_off_signs(visitor_without_javascript, smtp, worker):
    visitor = visitor_without_javascript
    page = visitor.open("/en/petitions/save-serikzhan-bilash/", name="petition-en-nojs")
    sign(page, name="Nurlan Bek", email="nurlan@example.org", language="en")
    expect(page.locator("h1")).to_have_text("Check your inbox")
    page = confirm_from_inbox(visitor, smtp, "nurlan@example.org", language="en")
    expect(page.locator(".counter strong")).to_have_text("1")
    visitor.screenshot("thanks-en-nojs")
