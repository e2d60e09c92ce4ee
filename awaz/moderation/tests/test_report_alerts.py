"""Moderators hear of new reports by e-mail: one message per interval, however many came in."""

import pytest
from django.core import mail
from django.utils.module_loading import import_string

from awaz.accounts.services import user_language_set
from awaz.jobs.worker import periodic_jobs
from awaz.moderation.reports import report_create, reports_alert
from awaz.moderation.tasks import alert_moderators_about_reports
from tests.factories import make_petition
from tests.mailqueue import deliver_queued_mail
from tests.organizers import make_user

pytestmark = pytest.mark.django_db


def test_a_flood_of_reports_is_one_email_per_moderator_and_each_report_is_told_once(
    django_capture_on_commit_callbacks, settings
):
    moderator = make_user(staff_role="moderator")
    admin = make_user(staff_role="admin")
    user_language_set(user=admin, language="ru")
    make_user()  # an organizer: not told
    busy, quiet = make_petition(title="Busy"), make_petition(title="Quiet")
    for _ in range(40):
        report_create(petition=busy, reason="spam")
    report_create(petition=quiet, reason="other", text="Wrong")
    with django_capture_on_commit_callbacks(execute=True):
        assert reports_alert() == 41
    deliver_queued_mail()
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {moderator.email, admin.email}
    english = by_address[moderator.email]
    assert english.subject == "41 new reports on Awaz"
    assert "Busy [en]: 40 reports" in str(english.body)
    assert "Quiet [en]: 1 report\n" in str(english.body)
    assert "/en/dashboard/moderation/reports/" in str(english.body)
    assert "/ru/dashboard/moderation/reports/" in str(by_address[admin.email].body)

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert reports_alert() == 0  # nothing new: no e-mail
        report_create(petition=quiet, reason="spam")
        alert_moderators_about_reports()
    deliver_queued_mail()
    assert sorted(m.subject for m in mail.outbox) == [
        "1 new report on Awaz",
        "1 новая жалоба на Awaz",
    ]


def test_the_worker_runs_the_alert_on_its_schedule():
    path = "awaz.moderation.tasks.alert_moderators_about_reports"
    assert path in {job.path for job in periodic_jobs()}
    assert import_string(path) is alert_moderators_about_reports
