import base64
import json
import re

import pytest
from altcha import v1 as altcha
from django.core import mail
from django.test import Client

from awaz.moderation.invalidations import Criteria, invalidation_run
from awaz.moderation.models import InvalidationAction
from awaz.moderation.services import invalidation_request
from awaz.public.forms import form_stamp
from awaz.signatures import challenge
from awaz.signatures.counting import live_count
from awaz.signatures.models import Signature
from tests.factories import make_petition
from tests.organizers import make_user

CONFIRM = re.compile(r"/signatures/confirm/([^/\s\"<>]+)/")

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


def test_a_wrong_answer_is_held_for_a_moderator(client: Client):
    """Forged, but also expired (a signer who left the page open): held, never dropped."""
    petition = make_petition(challenge_required=True)
    assert sign(client, petition, "a@example.org", altcha="forged").status_code == 303
    signature = Signature.objects.get()
    assert (signature.status, signature.hold_reason) == ("suspect", "puzzle")


def test_without_javascript_a_signature_counts_under_stricter_limits(client: Client, settings):
    settings.AWAZ_SIGN_BURST_LIMIT = 5
    settings.AWAZ_SIGN_SUSTAINED_LIMIT = 5
    petition = make_petition(challenge_required=True)
    sign(client, petition, "first@example.org")
    sign(client, petition, "second@example.org")
    rows = Signature.objects.order_by("pk").values_list("status", "hold_reason")
    assert list(rows) == [("pending", ""), ("suspect", "noscript")]


def confirm_all_by_mail() -> None:
    """Every signer opens their confirmation e-mail and presses the button."""
    from awaz.jobs.worker import Worker

    Worker(worker_id="test", queues=["default"], idle_sleep=0).run(once=True)
    for message in mail.outbox:
        token = CONFIRM.search(str(message.body))
        assert token is not None
        Client().post(f"/en/signatures/confirm/{token.group(1)}/")


def test_without_javascript_a_held_signer_who_confirms_counts_once_released(
    client: Client, settings
):
    """Tor Browser at its safest level: over the stricter limits, held; confirmed and released
    by a moderator, counted exactly once."""
    settings.AWAZ_SIGN_BURST_LIMIT = 5
    petition = make_petition(challenge_required=True)
    for name in ("first", "second", "third"):
        assert sign(client, petition, f"{name}@example.org").status_code == 303
    confirm_all_by_mail()
    held = Signature.objects.held()
    assert held.count() == 2 and all(row.confirmed_at for row in held)
    assert live_count(petition.pk) == 1
    invalidation = invalidation_request(
        criteria=Criteria(petition_id=petition.pk, status="suspect"),
        by=make_user(staff_role="moderator"),
        action=InvalidationAction.RELEASE,
    )
    assert invalidation_run(invalidation_id=invalidation.pk) == 2
    assert live_count(petition.pk) == 3
    assert Signature.objects.counted().count() == 3


def test_a_busy_network_is_asked_for_the_puzzle_instead_of_being_dropped(client: Client, settings):
    settings.AWAZ_SIGN_BURST_LIMIT = 1
    petition = make_petition()  # no puzzle on this petition, until a network is busy
    assert sign(client, petition, "first@example.org").status_code == 303
    asked = sign(client, petition, "neighbour@example.org")
    html = asked.content.decode()
    assert asked.status_code == 200
    assert "Many people are signing from your network" in html and "<altcha-widget" in html
    assert 'name="asked" value="True"' in html or 'name="asked" value="1"' in html
    assert Signature.objects.count() == 1  # nothing saved yet
    solved = sign(client, petition, "neighbour@example.org", asked="1", altcha=solve(client))
    assert solved.status_code == 303
    assert Signature.objects.order_by("pk").last().status == "pending"  # type: ignore[union-attr]


def test_a_busy_network_without_javascript_is_held_on_the_second_press(client: Client, settings):
    settings.AWAZ_SIGN_BURST_LIMIT = 1
    petition = make_petition()
    sign(client, petition, "first@example.org")
    assert sign(client, petition, "neighbour@example.org").status_code == 200
    again = sign(client, petition, "neighbour@example.org", asked="1")
    assert again["Location"] == f"/en/petitions/{petition.slug}/check-your-inbox/"
    rows = Signature.objects.order_by("pk").values_list("status", "hold_reason")
    assert list(rows) == [("pending", ""), ("suspect", "burst")]
