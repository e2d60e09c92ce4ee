import datetime

import pytest
from django.core import mail
from django.utils import timezone

from awaz.moderation.models import TrendingSource
from awaz.moderation.trending import trending_alert, trending_compute, trending_refresh_and_alert
from awaz.signatures.models import Signature, SiteSettings
from tests.factories import make_petition, make_signatures
from tests.mailqueue import deliver_queued_mail
from tests.organizers import make_user

pytestmark = pytest.mark.django_db


def test_a_burst_from_one_network_is_a_spike_and_the_moderators_hear_once(
    django_capture_on_commit_callbacks,
):
    SiteSettings.objects.create(trending_network_per_hour=12, trending_domain_per_hour=50)
    make_user(staff_role="moderator", email="mod@example.org")
    make_user(email="organizer@example.org")
    petition = make_petition(slug="target", title="Free the poets")
    rows = make_signatures(petition, 12)
    Signature.objects.filter(pk__in=[row.pk for row in rows]).update(
        network_digest="a" * 64, email_domain="mail.example"
    )
    quiet = make_signatures(petition, 2)
    Signature.objects.filter(pk__in=[row.pk for row in quiet]).update(network_digest="b" * 64)
    assert trending_compute() == 1
    spike = TrendingSource.objects.get(is_spike=True)
    assert (spike.kind, spike.key, spike.signatures) == ("network", "a" * 64, 12)
    assert TrendingSource.objects.filter(kind="domain", key="mail.example").exists()
    assert not TrendingSource.objects.filter(key="b" * 64).exists()  # below a quarter
    with django_capture_on_commit_callbacks(execute=True):
        assert trending_alert() == 1
        assert trending_compute() == 1  # computed again: the same spike
        assert trending_alert() == 0
    deliver_queued_mail()
    (message,) = mail.outbox
    assert message.to == ["mod@example.org"]
    assert "/dashboard/moderation/trending/" in message.body
    assert "- Free the poets [en]: 12 signatures" in message.body  # named by its title
    assert "Free the poets [en]: http" in message.body
    assert "target" not in message.body  # never by its slug


def test_signatures_older_than_a_day_leave_the_snapshot():
    SiteSettings.objects.create(trending_network_per_hour=2)
    rows = make_signatures(make_petition(), 3)
    Signature.objects.filter(pk__in=[row.pk for row in rows]).update(network_digest="c" * 64)
    assert trending_compute() == 1
    assert trending_compute(now=timezone.now() + datetime.timedelta(hours=26)) == 0
    assert not TrendingSource.objects.exists()


def test_the_scheduled_job_refreshes_the_snapshot_then_alerts_once(
    django_capture_on_commit_callbacks,
):
    SiteSettings.objects.create(trending_network_per_hour=2)
    make_user(staff_role="moderator", email="mod@example.org")
    rows = make_signatures(make_petition(slug="burst"), 3)
    Signature.objects.filter(pk__in=[row.pk for row in rows]).update(network_digest="d" * 64)
    with django_capture_on_commit_callbacks(execute=True):
        assert trending_refresh_and_alert() == 1
        assert trending_refresh_and_alert() == 0  # the same spike, reported already
    assert TrendingSource.objects.filter(is_spike=True, key="d" * 64).exists()
    deliver_queued_mail()
    assert [message.to for message in mail.outbox] == [["mod@example.org"]]
