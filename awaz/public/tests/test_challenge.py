import base64
import json

import pytest
from altcha import v1 as altcha
from django.test import Client

from awaz.public import challenge
from awaz.public.forms import form_stamp
from awaz.signatures.models import Signature
from tests.factories import make_petition

pytestmark = pytest.mark.django_db


def solve(client: Client) -> str:
    issued = client.get("/challenge/").json()
    solution = altcha.solve_challenge(
        issued["challenge"], issued["salt"], issued["algorithm"], issued["maxnumber"], 0
    )
    assert solution is not None
    payload = {key: issued[key] for key in ("algorithm", "challenge", "salt", "signature")}
    payload["number"] = solution.number
    return base64.b64encode(json.dumps(payload).encode()).decode()


def sign(client, petition, email, **extra):
    data = {
        "name": "Ayshe",
        "email": email,
        "country": "KZ",
        "stamp": form_stamp(),
        **extra,
    }
    return client.post(f"/en/petitions/{petition.slug}/sign/", data)


@pytest.fixture(autouse=True)
def _fast_forms(settings):
    settings.AWAZ_MIN_FILL_SECONDS = 0
    settings.AWAZ_CHALLENGE_MAX_NUMBER = 1000


def test_the_challenge_endpoint_issues_signed_puzzles_never_cached(client: Client):
    response = client.get("/challenge/")
    assert set(response.json()) == {"algorithm", "challenge", "maxnumber", "salt", "signature"}
    assert "no-store" in response["Cache-Control"]


def test_a_solved_puzzle_is_accepted_once(client: Client):
    payload = solve(client)
    assert challenge.check(payload) is challenge.Answer.SOLVED
    assert challenge.check(payload) is challenge.Answer.WRONG


@pytest.mark.parametrize("payload", ["garbage", base64.b64encode(b"{}").decode(), "eyJ4Ijo"])
def test_a_forged_answer_is_wrong(payload):
    assert challenge.check(payload) is challenge.Answer.WRONG


def test_no_answer_is_missing():
    assert challenge.check("") is challenge.Answer.MISSING


def test_the_sign_form_shows_the_widget_only_when_the_petition_asks_for_it(client: Client):
    plain = make_petition()
    guarded = make_petition(challenge_required=True)
    assert "altcha-widget" not in client.get(f"/en/petitions/{plain.slug}/").content.decode()
    html = client.get(f"/en/petitions/{guarded.slug}/").content.decode()
    assert "<altcha-widget" in html and "hidelogo" in html and 'challengeurl="/challenge/"' in html


def test_the_site_wide_switch_asks_every_petition(client: Client, settings):
    settings.AWAZ_CHALLENGE_EVERYWHERE = True
    petition = make_petition()
    assert "<altcha-widget" in client.get(f"/en/petitions/{petition.slug}/").content.decode()


def test_a_solved_challenge_signs_normally(client: Client):
    petition = make_petition(challenge_required=True)
    assert sign(client, petition, "a@example.org", altcha=solve(client)).status_code == 303
    assert Signature.objects.get().status == "pending"


def test_a_wrong_answer_is_silently_fraudulent(client: Client):
    petition = make_petition(challenge_required=True)
    assert sign(client, petition, "a@example.org", altcha="forged").status_code == 303
    assert Signature.objects.get().status == "fraudulent"


def test_without_javascript_a_signature_counts_under_stricter_limits(client: Client, settings):
    settings.AWAZ_SIGN_BURST_LIMIT = 5
    settings.AWAZ_SIGN_SUSTAINED_LIMIT = 5
    petition = make_petition(challenge_required=True)
    sign(client, petition, "first@example.org")
    sign(client, petition, "second@example.org")
    statuses = dict(Signature.objects.values_list("email_domain", "status"))
    ordered = list(Signature.objects.order_by("pk").values_list("status", flat=True))
    assert ordered == ["pending", "fraudulent"], statuses
