import pytest

from awaz.audit.models import AuditEntry
from awaz.moderation.models import Report
from awaz.moderation.reports import report_allowed, report_create, report_resolve
from awaz.petitions.models import Petition
from awaz.signatures.models import Signature
from awaz.signatures.selectors import signatures_recent
from tests.factories import make_petition, make_signatures
from tests.organizers import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator():
    return make_user(staff_role="moderator")


def test_taking_a_petition_down_closes_every_report_about_it(moderator):
    petition = make_petition()
    first = report_create(petition=petition, reason="offensive", text="Hate.")
    report_create(petition=petition, reason="spam")
    assert report_resolve(report=first, by=moderator, action="remove") == 2
    petition.refresh_from_db()
    assert petition.status == Petition.Status.REMOVED
    assert not Report.objects.filter(status="open").exists()
    (entry,) = AuditEntry.objects.filter(action="petition.remove")
    assert entry.actor == moderator
    assert report_resolve(report=first, by=moderator, action="remove") == 0


def test_hiding_a_comment_takes_it_off_the_page_and_keeps_the_signature(moderator):
    petition = make_petition()
    (signature, other) = make_signatures(petition, 2)
    report = report_create(petition=petition, reason="offensive", signature=signature)
    assert report_resolve(report=report, by=moderator, action="hide") == 1
    comments = {recent.comment for recent in signatures_recent(petition=petition)}
    assert signature.comment not in comments and other.comment in comments
    assert Signature.objects.get(pk=signature.pk).comment == signature.comment
    assert AuditEntry.objects.filter(action="signature.hide_comment").exists()


def test_a_report_about_a_petition_cannot_hide_anything(moderator):
    report = report_create(petition=make_petition(), reason="spam")
    with pytest.raises(ValueError, match="comment"):
        report_resolve(report=report, by=moderator, action="hide")


def test_dismissing_closes_only_that_report(moderator):
    petition = make_petition()
    report = report_create(petition=petition, reason="false")
    report_create(petition=petition, reason="false")
    assert report_resolve(report=report, by=moderator, action="dismiss") == 1
    assert Report.objects.filter(status="open").count() == 1
    petition.refresh_from_db()
    assert petition.status == Petition.Status.OPEN


def test_a_comment_of_another_petition_is_not_attached(moderator):
    (signature,) = make_signatures(make_petition(), 1)
    report = report_create(petition=make_petition(), reason="spam", signature=signature)
    assert report.signature is None


def test_a_network_may_send_a_few_reports_an_hour(settings):
    settings.AWAZ_REPORTS_PER_NETWORK_PER_HOUR = 2
    assert report_allowed(network="a" * 64)
    assert report_allowed(network="a" * 64)
    assert not report_allowed(network="a" * 64)
    assert report_allowed(network="b" * 64)
