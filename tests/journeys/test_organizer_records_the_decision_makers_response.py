"""The decision maker answered: an organizer records the answer on her phone, in English or in
Uyghur; the petition's page shows it under the count, and a signer who asked for updates finds
it in her inbox (a real SMTP server, a real worker), in the language she signed in."""

import pytest
from playwright.sync_api import expect

from awaz.organizations.models import Role
from awaz.petitions.models import PetitionText
from awaz.privacy import crypto
from awaz.signatures.models import Signature
from tests.browser import DESKTOP
from tests.factories import make_organization, make_petition, make_signatures
from tests.journeys.conftest import Visitor, reads_in_uyghur
from tests.journeys.labels import field_label, shown
from tests.organizers import PASSWORD
from tests.organizers import make_member as add_member
from tests.processes import start_manage, stop

pytestmark = pytest.mark.django_db(transaction=True)
ORGANIZER = "gulnar@example.org"
SIGNER = "nurlan@example.org"
DOCUMENT = "https://gov.example/answers/2026-03.pdf"
ANSWER = {
    "en": "The ministry will **review** the case within a month.",
    "ug": "مىنىستىرلىق بۇ ئىشنى بىر ئاي ئىچىدە قايتا كۆرۈپ چىقىدۇ.",
}
SHOWN = {
    "en": "The ministry will review the case within a month.",
    "ug": ANSWER["ug"],
}
NAME = {"en": "English", "ug": "ئۇيغۇرچە"}


@pytest.fixture
def worker(smtp, live_server):
    process = start_manage(
        "run_worker", "--no-periodic", EMAIL_URL=smtp.url, SITE_URL=live_server.url
    )
    yield process
    stop(process)


def a_petition_with_a_subscriber(language: str):
    organization = make_organization(name="Torchlight Uyghur Group", slug="torchlight")
    add_member(Role.EDITOR, organization=organization, email=ORGANIZER)
    petition = make_petition(
        organization=organization, slug="free-ilham", title="Free Ilham", languages=(language,)
    )
    if language == "ug":
        PetitionText.objects.filter(petition=petition).update(
            title="ئىلھام توختىنى قويۇپ بېرىڭ",
            target="خىتاي ھۆكۈمىتى",
            summary="",
            body="بىز ئۇنى دەرھال قويۇپ بېرىشنى تەلەپ قىلىمىز.",
        )
    make_signatures(petition, 12, country="DE")
    (signer,) = make_signatures(petition, 1, country="KZ")
    Signature.objects.filter(pk=signer.pk).update(
        wants_updates=True, email_encrypted=crypto.encrypt(SIGNER), language=language
    )
    return petition


def photograph(visitor: Visitor, name: str, language: str) -> None:
    """At 390 px (the phone), then at 1280 px, and back."""
    if language == "ug":
        reads_in_uyghur(visitor, f"{name}-390")
    else:
        visitor.screenshot(f"{name}-390")
    size = visitor.page.viewport_size
    visitor.page.set_viewport_size(DESKTOP)
    visitor.screenshot(f"{name}-1280")
    if size:
        visitor.page.set_viewport_size(size)


@pytest.mark.parametrize("language", ["en", "ug"])
def test_organizer_records_the_response_and_a_subscriber_reads_it(
    phone_visitor, smtp, worker, language
):
    petition = a_petition_with_a_subscriber(language)
    visitor = phone_visitor
    page = visitor.open(f"/{language}/accounts/login/", name=f"response-login-{language}")
    page.get_by_label(field_label(language, "E-mail address"), exact=True).fill(ORGANIZER)
    page.get_by_label(field_label(language, "Password"), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=shown(language, "Log in")).click()
    expect(page.locator("h1")).to_have_text(shown(language, "Your organizations"))

    dashboard = f"/{language}/dashboard/organizations/torchlight/petitions/free-ilham/"
    page = visitor.open(dashboard, name=f"response-petition-{language}")
    page.get_by_role("link", name=shown(language, "Record the decision maker's response")).click()
    visitor.check(name=f"response-new-{language}")
    photograph(visitor, f"response-new-{language}", language)
    page.get_by_label(shown(language, "Date of the response"), exact=True).fill("2026-03-05")
    page.get_by_label(
        f"{shown(language, 'What they answered')} ({NAME[language]})", exact=True
    ).fill(ANSWER[language])
    page.get_by_label(shown(language, "The response as a document (optional)")).fill(DOCUMENT)
    page.get_by_role("button", name=shown(language, "Publish and e-mail the response")).click()
    expect(page.locator(".message")).to_contain_text(
        shown(
            language,
            "The response is on the petition's page, and on its way to the signers who "
            "asked for updates.",
        )
    )
    visitor.check(name=f"response-recorded-{language}")

    (message,) = smtp.sink.wait_for(1)
    assert message["To"] == SIGNER
    subject = str(message["Subject"])
    assert subject.lstrip("\u200f").startswith(
        shown(language, "The decision maker responded: %(title)s", title="")
    )
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert SHOWN[language] in body and "**" not in body
    assert DOCUMENT in body

    public = visitor.open(f"/{language}/petitions/{petition.slug}/", name=f"response-{language}")
    response = public.locator("section.response")
    expect(response).to_contain_text(shown(language, "The decision maker's response"))
    expect(response).to_contain_text(SHOWN[language])
    expect(response.get_by_role("link", name=shown(language, "Read the response as a document")))
    expect(response.locator(".response-text")).to_have_attribute(
        "dir", "rtl" if language == "ug" else "ltr"
    )
    # On a phone it comes before the petition's text, right under the count.
    response_top = response.bounding_box()
    body_top = public.locator(".petition-body").bounding_box()
    assert response_top and body_top and response_top["y"] < body_top["y"]
    photograph(visitor, f"response-public-{language}", language)
