"""The petition page as a signer meets it: signing near the top, answers that start with what
went wrong, ended petitions that say how they ended, and the closest version of the text."""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from awaz.petitions.models import Petition
from awaz.petitions.selectors import text_preferred
from awaz.public.forms import form_stamp
from awaz.signatures.models import Signature
from tests.factories import make_petition, make_signatures

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clean_cache(settings):
    settings.AWAZ_MIN_FILL_SECONDS = 0
    cache.clear()


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def main_of(html: str) -> str:
    return html[html.index('<main id="main">') + len('<main id="main">') :]


def form(**overrides: str) -> dict[str, str]:
    data = {
        "name": "Ayshe Tursun",
        "email": "ayshe@example.org",
        "country": "KZ",
        "comment": "For my uncle",
        "stamp": form_stamp(),
    }
    data.update(overrides)
    return data


def test_a_phone_reader_meets_the_counter_and_a_sign_button_before_the_text(client: Client):
    petition = make_petition()
    html = client.get(f"/en/petitions/{petition.slug}/").content.decode()
    counter = html.index('class="counter"')
    button = html.index('<a class="button" href="#sign">')
    body = html.index('class="petition-body"')
    form_at = html.index('id="sign"')
    assert html.index("<h1>") < html.index('class="lead"') < counter < button < body < form_at


def test_an_ended_petition_has_no_sign_button_nor_form(client: Client):
    petition = make_petition(status=Petition.Status.CLOSED)
    html = client.get(f"/en/petitions/{petition.slug}/").content.decode()
    assert 'href="#sign"' not in html
    assert 'class="sign-form"' not in html


def test_an_invalid_signature_answers_first_with_what_to_correct_and_keeps_what_was_typed(
    client: Client,
):
    petition = make_petition()
    response = client.post(f"/en/petitions/{petition.slug}/sign/", form(email="not-an-address"))
    assert response.status_code == 400
    main = main_of(response.content.decode())
    assert main.lstrip().startswith('<div class="problem" id="sign-problem" role="alert"')
    problem = main[: main.index("</div>")]
    assert "autofocus" in problem.split(">")[0]
    assert "Your signature was not sent yet:" in problem
    assert '<a href="#id_email">Your e-mail address</a>: Enter a valid email address.' in problem
    assert main.index("sign-problem") < main.index("<h1>")
    assert 'value="Ayshe Tursun"' in main and "For my uncle</textarea>" in main
    assert 'value="not-an-address"' in main


def test_the_risky_provider_warning_is_the_first_thing_said(client: Client):
    petition = make_petition()
    Petition.objects.filter(pk=petition.pk).update(risky_email_countries="CN")
    response = client.post(f"/en/petitions/{petition.slug}/sign/", form(email="ayshe@qq.com"))
    main = main_of(response.content.decode())
    problem = text_of(main[: main.index("</div>")])
    assert problem.startswith("Your signature was not sent yet:")
    assert "Your e-mail address is at a mail provider in China" in problem
    assert 'href="#id_risky_ok"' in main
    assert 'value="ayshe@qq.com"' in main
    assert Signature.objects.count() == 0


def test_a_refusal_is_said_first(client: Client):
    petition = make_petition(status=Petition.Status.CLOSED)
    response = client.post(f"/en/petitions/{petition.slug}/sign/", form())
    main = main_of(response.content.decode())
    assert main.lstrip().startswith('<div class="problem"')
    assert "This petition is closed" in main[: main.index("</div>")]


def test_an_ordinary_page_has_no_problem_box(client: Client):
    petition = make_petition()
    assert "sign-problem" not in client.get(f"/en/petitions/{petition.slug}/").content.decode()


@pytest.mark.parametrize("method", ["get", "head"])
@pytest.mark.parametrize("language", ["en", "ug", "ug-latn", "kk"])
def test_opening_the_sign_address_leads_to_the_petition_in_its_language(
    client: Client, method: str, language: str
):
    petition = make_petition()
    response = getattr(client, method)(f"/{language}/petitions/{petition.slug}/sign/")
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/petitions/{petition.slug}/"


def test_switching_language_on_the_answer_to_a_sign_post_shows_the_petition(client: Client):
    petition = make_petition(languages=("en", "ug"))
    switched = client.get("/language/ug/", {"next": f"/en/petitions/{petition.slug}/sign/"})
    assert switched["Location"] == f"/ug/petitions/{petition.slug}/sign/"
    page = client.get(switched["Location"], follow=True)
    assert page.status_code == 200
    assert page.redirect_chain[-1][0] == f"/ug/petitions/{petition.slug}/"


@pytest.mark.parametrize("name", ["withdraw", "stop-emails", "finish"])
def test_opening_a_my_signatures_action_leads_back_to_the_list(client: Client, name: str):
    response = client.get(f"/ug/my-signatures/{name}/")
    assert response.status_code == 302
    assert response["Location"] == "/ug/my-signatures/list/"


def test_other_methods_on_a_post_only_address_are_refused(client: Client):
    petition = make_petition()
    response = client.put(f"/en/petitions/{petition.slug}/sign/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST"


@pytest.mark.parametrize(
    ("status", "said"),
    [
        (Petition.Status.CLOSED, "Closed 3,512 people signed. This petition closed on"),
        (Petition.Status.VICTORY, "Won 3,512 people signed. This petition won on"),
    ],
)
# Not "page": that name is pytest-playwright's fixture, and asking for it starts a browser
# (whose event loop then makes every later database test on the worker fail).
@pytest.mark.parametrize("subpage", ["", "embed/"])
def test_an_ended_petition_says_its_final_count_and_outcome_not_a_goal(
    client: Client, status: str, said: str, subpage: str
):
    petition = make_petition(status=status, signature_count=3512)
    html = client.get(f"/en/petitions/{petition.slug}/{subpage}").content.decode()
    assert said in text_of(html)
    assert "Let's get to" not in html
    assert "<progress" not in html


def test_one_signature_of_an_ended_petition_is_said_in_the_singular(client: Client):
    petition = make_petition(status=Petition.Status.CLOSED, signature_count=1)
    html = client.get(f"/en/petitions/{petition.slug}/").content.decode()
    assert "1 person signed. This petition closed on" in text_of(html)


@pytest.mark.parametrize("path", ["/en/", "/en/petitions/?status=closed", "organization"])
def test_lists_show_a_state_as_a_label_of_its_own(client: Client, path: str):
    open_one = make_petition(title="Still open", signature_count=7)
    # The home page lists ended petitions only as victories.
    status = Petition.Status.VICTORY if path == "/en/" else Petition.Status.CLOSED
    ended = make_petition(organization=open_one.organization, status=status, signature_count=3512)
    if path == "organization":
        path = f"/en/organizations/{ended.organization.slug}/"
    html = client.get(path).content.decode()
    label = re.search(r'<span class="label label-(closed|victory)">(\w+)</span>', html)
    assert label is not None, html
    assert label.group(2) in {"Closed", "Won"}
    assert '3,512 signatures</span> <span class="label' in html


@pytest.mark.parametrize(
    ("reader", "versions", "shown"),
    [
        ("kk", ("en", "ug", "ug-latn", "ug-cyrl"), "ug-cyrl"),
        ("kk", ("ug", "ru"), "ru"),
        ("tr", ("en", "ug", "ug-latn", "ug-cyrl"), "ug-latn"),
        ("ug-cyrl", ("en", "ug", "ug-latn"), "ug-latn"),
        ("ug-latn", ("en", "ug", "ug-cyrl"), "ug"),
        ("ug", ("en", "ug-latn"), "ug-latn"),
        ("zh-hans", ("en", "ug"), "en"),
        ("ru", ("ug", "en"), "ug"),
    ],
)
def test_a_reader_gets_the_version_closest_to_their_language(reader, versions, shown):
    class Text:
        def __init__(self, language: str) -> None:
            self.language = language

    texts = [Text(code) for code in versions]
    chosen = text_preferred(texts, language=reader, original_language=versions[0])
    assert chosen is not None and chosen.language == shown


CLOSEST = "This petition has no version in your language yet; here is the closest one, in %(name)s."
ORIGINAL = (
    "This petition has no version in your language yet; here it is in %(name)s, the language it"
    " was written in."
)


@pytest.mark.parametrize(
    ("reader", "versions", "title", "said", "name"),
    [
        ("kk", ("en", "ug", "ug-cyrl"), "[ug-cyrl]", CLOSEST, "Уйғурчә (Кирил)"),
        ("tr", ("ug", "ug-latn"), "[ug-latn]", CLOSEST, "Uyghurche (Latin)"),
        ("zh-hans", ("en", "ug"), "[en]", ORIGINAL, "English"),
    ],
)
def test_the_page_says_which_version_a_reader_is_shown(
    client: Client, reader: str, versions: tuple[str, ...], title: str, said: str, name: str
):
    petition = make_petition(languages=versions)
    html = client.get(f"/{reader}/petitions/{petition.slug}/").content.decode()
    assert f"<h1>Free the voices {title}</h1>" in html
    with translation.override(reader):
        assert translation.gettext(said) % {"name": name} in text_of(html)


def test_a_comment_is_isolated_inside_quotes_that_follow_the_page(client: Client):
    # <q dir="auto"> around a Latin comment on a right-to-left page drew its quote marks
    # mirrored ("”JS yoq“"): the quotes follow the page, the comment is isolated inside them.
    petition = make_petition()
    make_signatures(petition, 1)
    html = client.get(f"/ug/petitions/{petition.slug}/").content.decode()
    assert "<q><bdi>Reason 0</bdi></q>" in html
