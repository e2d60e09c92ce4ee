"""Visitors' reports of petitions and comments, and what moderators do about them."""

from typing import Literal

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from awaz.accounts.models import User
from awaz.audit.services import audit_record
from awaz.http.ratelimit import Rate, rate_take
from awaz.moderation.emails import reports_email_send
from awaz.moderation.models import Report, ReportReason, ReportStatus
from awaz.petitions import lifecycle
from awaz.petitions.models import Petition
from awaz.signatures.models import Signature

Action = Literal["remove", "hide", "dismiss"]


def report_allowed(*, network: str) -> bool:
    """At most AWAZ_REPORTS_PER_NETWORK_PER_HOUR reports per network per hour (no flooding)."""
    if not network:
        return True
    rate = Rate("report-network", settings.AWAZ_REPORTS_PER_NETWORK_PER_HOUR, 3600)
    return rate_take(rates=[(rate, network)])


@transaction.atomic
def report_create(
    *, petition: Petition, reason: str, text: str = "", signature: Signature | None = None
) -> Report:
    """Queue a report for the moderators; nothing about the person reporting is kept."""
    if signature is not None and signature.petition_id != petition.pk:
        signature = None  # a comment of another petition: report the petition itself
    report = Report(
        petition=petition, signature=signature, reason=ReportReason(reason), text=text.strip()
    )
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def reports_alert() -> int:
    """E-mail the moderators once about every open report they were not told of; how many.

    Run by the worker every AWAZ_REPORT_ALERT_INTERVAL seconds, so a flood of reports is one
    message per moderator and interval. The reports are marked in the same transaction as the
    queued mail: a crash sends nothing and marks nothing.
    """
    fresh = list(
        Report.objects.select_for_update(skip_locked=True)
        .filter(status=ReportStatus.OPEN, alerted_at__isnull=True)
        .select_related("petition")
        .order_by("pk")
    )
    if not fresh:
        return 0
    Report.objects.filter(pk__in=[report.pk for report in fresh]).update(alerted_at=timezone.now())
    reports_email_send(reports=fresh)
    return len(fresh)


def _close(reports: "list[Report]", *, status: str, by: User) -> list[int]:
    now = timezone.now()
    ids = [report.pk for report in reports]
    Report.objects.filter(pk__in=ids).update(status=status, resolved_at=now, resolved_by=by)
    return ids


@transaction.atomic
def report_resolve(*, report: Report, by: User, action: Action) -> int:
    """Act on a report: take the petition down, hide the comment, or dismiss the report.

    Taking down (or hiding) closes every open report about the same petition (or comment);
    dismissing closes this one. Returns how many reports were closed; 0 if it was closed before.
    """
    locked = Report.objects.select_for_update().select_related("petition").get(pk=report.pk)
    if action == "hide" and locked.signature_id is None:
        raise ValueError("only a report about a comment can hide it")
    if locked.status != ReportStatus.OPEN:
        return 0
    if action == "remove":
        petition = locked.petition
        reports = list(Report.objects.filter(petition=petition, status=ReportStatus.OPEN))
        ids = _close(reports, status=ReportStatus.ACTED, by=by)
        if petition.status != Petition.Status.REMOVED:  # the move records itself
            lifecycle.petition_remove(petition=petition, by=by, details={"reports": ids})
        else:
            audit_record(actor=by, action="report.act", target=petition, details={"reports": ids})
    elif action == "hide":
        signature_id = int(locked.signature_id or 0)
        signature = Signature.objects.select_for_update().get(pk=signature_id)
        signature.comment_hidden = True
        signature.save(update_fields=["comment_hidden"])  # the page cache listens for this
        reports = list(Report.objects.filter(signature_id=signature_id, status=ReportStatus.OPEN))
        ids = _close(reports, status=ReportStatus.ACTED, by=by)
        audit_record(
            actor=by,
            action="signature.hide_comment",
            target=f"signatures.signature:{signature_id}",
            details={"reports": ids},
        )
    else:
        ids = _close([locked], status=ReportStatus.DISMISSED, by=by)
        audit_record(actor=by, action="report.dismiss", target=locked)
    report.refresh_from_db()
    return len(ids)
