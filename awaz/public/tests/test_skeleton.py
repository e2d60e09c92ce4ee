"""The petition page from its skeleton: the same page as rendered for the reader, never outdated,
and never carrying one reader's token, stamp or typed data to another."""

import datetime
import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.shortcuts import render
from django.test import Client, RequestFactory
from django.utils import translation

from awaz.petitions import selectors
from awaz.petitions.models import Milestone, Petition
from awaz.petitions.responses import response_record
from awaz.petitions.services import LinkInput
from awaz.petitions.updates import update_post
from awaz.public import skeleton
from awaz.public.forms import form_stamp
from awaz.public.views import _petition_page_for_reader, petition_page_context
from tests.factories import (
    PUBLISHED,
    make_organization,
    make_petition,
    make_signatures,
    make_text,
)

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+"')
COMMENT_KEY = re.compile(r"(\?comment=)[^\"]+")  # encrypted anew for each render


def same_for_all(html: str) -> str:
    return COMMENT_KEY.sub(r"\1", TOKEN.sub(r"\1", html))


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.AWAZ_PAGE_CACHE_SECONDS = 0  # every request renders (or fills a skeleton)
    settings.AWAZ_MIN_FILL_SECONDS = 0


def a_full_petition() -> Petition:
    organization = make_organization()
    make_petition(organization=organization, title="An earlier one", signature_count=40)
    petition = make_petition(
        organization=organization,
        languages=("en", "ug"),
        links=(LinkInput(title="A report", url="https://example.org/report"),),
        signature_count=120,
    )
    update_post(petition=petition, by=None, language="en", title="News of him", body="He *wrote*.")
    response_record(
        petition=petition,
        by=None,
        responded_on=datetime.date(2020, 1, 2),
        texts={"en": "We are looking into it."},
    )
    Milestone.objects.create(petition=petition, goal=100, reached_at=PUBLISHED)
    make_signatures(petition, 3)
    return petition


def test_the_page_from_its_skeleton_is_the_page_rendered_for_the_reader():
    petition = a_full_petition()
    path = f"/en/petitions/{petition.slug}/"
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    with translation.override("en"):
        page = selectors.petition_page(slug=petition.slug, language="en")
        assert page is not None
        rendered = render(
            request, "public/petition_detail.html", petition_page_context(page, stamp="S")
        )
        first = _petition_page_for_reader(request, petition.slug, stamp="S")  # renders it
        second = _petition_page_for_reader(request, petition.slug, stamp="S")  # reads it
    html = same_for_all(rendered.content.decode())
    assert "A report" in html and "News of him" in html and "We are looking into it." in html
    assert "An earlier one" in html and "Signer" in html and "100 signatures reached" in html
    assert same_for_all(first.content.decode()) == html
    assert same_for_all(second.content.decode()) == html
    assert first.headers["Content-Type"] == rendered.headers["Content-Type"]


def _close(petition: Petition) -> None:
    from tests.factories import petition_move_to

    petition_move_to(petition, Petition.Status.CLOSED)


def _rename_organization(petition: Petition) -> None:
    organization = petition.organization
    organization.name = "Newly Named Group"
    organization.save()


def _retitle_previous(petition: Petition) -> None:
    previous = Petition.objects.exclude(pk=petition.pk).get(organization=petition.organization)
    make_text(previous, language="en", title="Newly titled earlier one")


def _count_previous(petition: Petition) -> None:
    previous = Petition.objects.exclude(pk=petition.pk).get(organization=petition.organization)
    Petition.objects.filter(pk=previous.pk).update(signature_count=98765)  # as the fold does


CHANGES: dict[str, tuple[Callable[[Petition], object], str]] = {
    "its text": (lambda p: make_text(p, language="en", title="A newly written title"), "newly"),
    "its links": (
        lambda p: make_text(
            p,
            language="en",
            title="Free the voices [en]",
            links=(LinkInput(title="Another source", url="https://example.org/new"),),
        ),
        "Another source",
    ),
    "an update": (
        lambda p: update_post(petition=p, by=None, language="en", title="Fresh news", body="x"),
        "Fresh news",
    ),
    "the response": (
        lambda p: response_record(
            petition=p, by=None, responded_on=datetime.date(2021, 3, 4), texts={"en": "Refused."}
        ),
        "Refused.",
    ),
    "a milestone": (
        lambda p: Milestone.objects.create(petition=p, goal=500, reached_at=PUBLISHED),
        "500 signatures reached",
    ),
    "the count": (
        lambda p: Petition.objects.filter(pk=p.pk).update(signature_count=4321),
        "4,321",
    ),
    "its state": (_close, "This petition closed on"),
    "the puzzle": (
        lambda p: Petition.objects.filter(pk=p.pk).update(challenge_required=True),
        "altcha-widget",
    ),
    "its organization": (_rename_organization, "Newly Named Group"),
    "a previous petition's title": (_retitle_previous, "Newly titled earlier one"),
    "a previous petition's count": (_count_previous, "98,765"),
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_reaches_the_next_reader_at_once(client: Client, change: str):
    petition = a_full_petition()
    path = f"/en/petitions/{petition.slug}/"
    apply, shown = CHANGES[change]
    client.get(path)
    assert shown not in client.get(path).content.decode()  # from the skeleton
    apply(petition)
    assert shown in client.get(path).content.decode()


def test_a_new_signer_reaches_the_recent_signers_at_once(client: Client):
    petition = a_full_petition()
    path = f"/en/petitions/{petition.slug}/"
    client.get(path)
    before = client.get(path).content.decode().count("<li><bdi>Signer")
    make_signatures(petition, 1)
    assert client.get(path).content.decode().count("<li><bdi>Signer") == before + 1


def test_the_skeleton_holds_no_token_stamp_or_signer(client: Client, monkeypatch):
    petition = make_petition()
    make_signatures(petition, 1)
    kept: list[str] = []
    real_set = cache.set

    def spy(key: str, value: object, timeout: int | None = None) -> None:
        if key.startswith("skeleton:"):
            kept.append(str(value))
        real_set(key, value, timeout)

    monkeypatch.setattr(cache, "set", spy)
    html = client.get(f"/en/petitions/{petition.slug}/").content.decode()
    [body] = kept
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    stamp = re.search(r'name="stamp" value="([^"]+)"', html)
    assert token and stamp and "Signer" in html
    assert token[1] not in body and stamp[1] not in body and "Signer" not in body
    assert skeleton.CSRF_SLOT in body and skeleton.STAMP_SLOT in body


def test_what_a_signer_typed_stays_with_them(client: Client):
    petition = make_petition()
    path = f"/en/petitions/{petition.slug}/"
    client.get(path)
    answer = client.post(
        f"{path}sign/",
        {"name": "Secret Typist", "email": "no-address", "country": "KZ", "stamp": form_stamp()},
    )
    assert answer.status_code == 400 and "Secret Typist" in answer.content.decode()
    assert "Secret Typist" not in Client().get(path).content.decode()
    assert "Secret Typist" not in client.get(path).content.decode()


def test_two_readers_get_their_own_token_and_stamp(client: Client):
    petition = make_petition()
    path = f"/en/petitions/{petition.slug}/"
    one, two = client.get(path), Client().get(path)
    stamp = re.compile(r'name="stamp" value="([^"]+)"')
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    html_one, html_two = one.content.decode(), two.content.decode()
    assert stamp.findall(html_one) != stamp.findall(html_two)
    assert token.findall(html_one) != token.findall(html_two)
    assert "csrftoken" in two.cookies
    assert "\x00" not in html_one + html_two
