"""The moderators' pages: only staff may open them, and each does its work."""

import pytest
from django.test import Client
from django.urls import reverse

from awaz.moderation.models import Report
from awaz.moderation.reports import report_create
from awaz.organizations.models import Role
from awaz.petitions.models import Petition
from awaz.signatures.models import ListEntry, Signature, SiteSettings
from tests.factories import make_petition, make_signatures
from tests.organizers import client_for, make_member, make_user
from tests.security.test_csrf import url_patterns_by_name
from tests.staff import staff_client as client_of_staff

pytestmark = pytest.mark.django_db

ADMIN_ONLY = {"moderation:lists", "moderation:list-remove", "moderation:settings"}


def moderation_urls() -> list[str]:
    from django.urls import get_resolver

    return sorted(
        name
        for name, _pattern in url_patterns_by_name(get_resolver().url_patterns)
        if name.startswith("moderation:")
    )


def url_for(name: str, petition: Petition, report: Report) -> str:
    kwargs: dict[str, dict[str, object]] = {
        "moderation:petition": {"pk": petition.pk},
        "moderation:approve": {"pk": petition.pk},
        "moderation:reject": {"pk": petition.pk},
        "moderation:challenge": {"pk": petition.pk},
        "moderation:featured": {"pk": petition.pk},
        "moderation:trending-petition": {"pk": petition.pk},
        "moderation:held-petition": {"pk": petition.pk},
        "moderation:held-act": {"pk": petition.pk},
        "moderation:report-act": {"pk": report.pk, "action": "remove"},
        "moderation:list-remove": {"pk": 1},
    }
    return reverse(name, kwargs=kwargs.get(name, {}))


def staff_client(role: str) -> Client:
    return client_of_staff(make_user(staff_role=role))


@pytest.fixture
def pending():
    return make_petition(status=Petition.Status.PENDING, title="Waiting")


REFUSED = [
    (who, name)
    for name in moderation_urls()
    for who in ("organizer", "signer", "visitor", "moderator")
    if who != "moderator" or name in ADMIN_ONLY
]


@pytest.mark.parametrize(("who", "name"), REFUSED)
@pytest.mark.parametrize("method", ["get", "post"])
def test_only_staff_may_open_moderation_pages(pending, who, name, method):
    report = report_create(petition=make_petition(), reason="spam")
    if who == "organizer":
        owner = make_member(Role.OWNER, organization=pending.organization)
        client = client_for(owner.user)
    elif who == "signer":
        client = Client()  # signers have no accounts; a signer's session knows only a digest
        session = client.session
        session["signer_digest"] = "0" * 64
        session.save()
    elif who == "moderator":
        client = staff_client("moderator")
    else:
        client = Client()
    response = getattr(client, method)(url_for(name, pending, report))
    if who in ("organizer", "moderator"):
        assert response.status_code == 403
    else:
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/")
    pending.refresh_from_db()
    assert pending.status == Petition.Status.PENDING
    assert Report.objects.get(pk=report.pk).status == "open"


def test_every_moderation_page_opens_for_an_admin(pending):
    client = staff_client("admin")
    report = report_create(petition=make_petition(), reason="spam")
    for name in moderation_urls():
        if name in {"moderation:approve", "moderation:reject", "moderation:challenge"}:
            continue
        if name in {
            "moderation:report-act",
            "moderation:list-remove",
            "moderation:featured",
            "moderation:held-act",
        }:
            continue
        assert client.get(url_for(name, pending, report)).status_code == 200, name


def test_the_queue_lists_waiting_petitions_oldest_first_and_approves_once(pending):
    later = make_petition(status=Petition.Status.PENDING, title="Later")
    client = staff_client("moderator")
    html = client.get("/en/dashboard/moderation/").content.decode()
    assert html.index("Waiting [en]") < html.index("Later [en]")
    response = client.post(f"/en/dashboard/moderation/petitions/{pending.pk}/approve/")
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Petition.Status.OPEN
    again = client.post(
        f"/en/dashboard/moderation/petitions/{pending.pk}/approve/", follow=True
    ).content.decode()
    assert "Nothing changed: this petition was decided already" in again
    later.refresh_from_db()
    assert later.status == Petition.Status.PENDING


def test_rejecting_for_another_reason_needs_an_explanation(pending):
    client = staff_client("moderator")
    url = f"/en/dashboard/moderation/petitions/{pending.pk}/reject/"
    response = client.post(url, {"reason": "other", "text": ""})
    assert response.status_code == 200
    assert "Say why, for the organizers." in response.content.decode()
    assert client.post(url, {"reason": "duplicate"}).status_code == 302
    pending.refresh_from_db()
    assert pending.status == Petition.Status.REJECTED


def test_a_visitor_reports_a_petition_and_html_in_the_reason_is_escaped():
    petition = make_petition()
    page = Client().get(f"/en/petitions/{petition.slug}/").content.decode()
    assert f"/en/petitions/{petition.slug}/report/" in page
    response = Client().post(
        f"/en/petitions/{petition.slug}/report/",
        {"reason": "offensive", "text": "<script>alert(1)</script>"},
    )
    assert response.status_code == 303
    html = staff_client("moderator").get("/en/dashboard/moderation/reports/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html


def test_a_visitor_reports_a_comment_and_a_moderator_hides_it():
    petition = make_petition()
    (signature,) = make_signatures(petition, 1)
    Signature.objects.filter(pk=signature.pk).update(comment="Nasty words")
    page = Client().get(f"/en/petitions/{petition.slug}/").content.decode()
    start = page.index("?comment=") + len("?comment=")
    key = page[start : page.index('"', start)]
    from urllib.parse import unquote

    form = Client().get(f"/en/petitions/{petition.slug}/report/?comment={key}")
    assert "Nasty words" in form.content.decode()
    Client().post(
        f"/en/petitions/{petition.slug}/report/", {"reason": "offensive", "comment": unquote(key)}
    )
    report = Report.objects.get()
    assert report.signature_id == signature.pk
    client = staff_client("moderator")
    client.post(f"/en/dashboard/moderation/reports/{report.pk}/hide/")
    assert "Nasty words" not in Client().get(f"/en/petitions/{petition.slug}/").content.decode()


def test_reports_from_one_network_are_limited(settings):
    settings.AWAZ_REPORTS_PER_NETWORK_PER_HOUR = 1
    petition = make_petition()
    url = f"/en/petitions/{petition.slug}/report/"
    assert Client().post(url, {"reason": "spam"}).status_code == 303
    assert Client().post(url, {"reason": "spam"}).status_code == 429
    assert Report.objects.count() == 1


def test_an_invalidation_without_criteria_is_refused_with_a_message():
    response = staff_client("moderator").post("/en/dashboard/moderation/invalidations/", {})
    assert response.status_code == 200
    assert "Give at least one criterion" in response.content.decode()


def test_an_invalidation_is_previewed_then_queued():
    petition = make_petition()
    make_signatures(petition, 3)
    client = staff_client("moderator")
    url = "/en/dashboard/moderation/invalidations/"
    preview = client.post(url, {"petition": petition.slug, "preview": ""}).content.decode()
    assert "3 signatures match." in preview
    response = client.post(url, {"petition": petition.slug, "confirm": ""}, follow=True)
    assert "Queued: 3 signatures will be invalidated" in response.content.decode()


def test_an_admin_edits_lists_and_limits():
    client = staff_client("admin")
    response = client.post(
        "/en/dashboard/moderation/lists/", {"kind": "blocked_domain", "value": "*.spam.example"}
    )
    assert response.status_code == 302
    assert ListEntry.objects.get().value == "*.spam.example"
    bad = client.post("/en/dashboard/moderation/lists/", {"kind": "blocked_network", "value": "x"})
    assert bad.status_code == 200 and "Enter a network digest" in bad.content.decode()
    response = client.post(
        "/en/dashboard/moderation/settings/",
        {"challenge_everywhere": "true", "sign_burst_limit": "4"},
    )
    assert response.status_code == 302
    saved = SiteSettings.objects.get()
    assert saved.challenge_everywhere is True and saved.sign_burst_limit == 4


def test_the_organizers_see_why_their_petition_was_rejected(pending):
    owner = make_member(Role.OWNER, organization=pending.organization)
    moderator = staff_client("moderator")
    moderator.post(
        f"/en/dashboard/moderation/petitions/{pending.pk}/reject/",
        {"reason": "other", "text": "Name a <b>decision maker</b>."},
    )
    url = f"/en/dashboard/organizations/{pending.organization.slug}/petitions/{pending.slug}/"
    html = client_for(owner.user).get(url).content.decode()
    assert "Reason: Another reason (explained below)." in html
    assert "Name a &lt;b&gt;decision maker&lt;/b&gt;." in html


def test_the_limits_page_shows_what_was_saved_even_where_a_process_holds_an_old_copy(settings):
    from django.core.cache import cache

    from awaz.signatures.policy import CACHE_KEY, current_policy

    settings.AWAZ_POLICY_CACHE_SECONDS = 30
    client = staff_client("admin")
    old = current_policy()  # cached, as every web process has its own copy
    response = client.post(
        "/en/dashboard/moderation/settings/", {"sign_burst_limit": "1", "sign_burst_seconds": "90"}
    )
    assert response.status_code == 302
    cache.set(CACHE_KEY, old, 30)  # the process that serves the next page still holds the old one
    html = client.get(response["Location"]).content.decode()
    assert "1 signature per network per petition in 90 s" in html
    client.post("/en/dashboard/moderation/settings/", {"sign_burst_limit": "7"})
    html = client.get("/en/dashboard/moderation/settings/").content.decode()
    assert "7 signatures per network per petition in" in html
    assert "1 signatures" not in html
