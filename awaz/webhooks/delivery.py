"""Delivering a webhook: one signed POST per attempt, its result logged, failures counted.

A failed attempt (no answer, or not 2xx: a redirect counts as a failure, it is not followed)
is retried by the worker with exponential backoff, up to AWAZ_WEBHOOK_ATTEMPTS attempts. An
endpoint that failed AWAZ_WEBHOOK_FAILURES times in a row over at least
AWAZ_WEBHOOK_FAILING_SECONDS is switched off, audited, and its owners are e-mailed (outbox).
The address is checked again before each attempt, on what it resolves to then (addresses.py).
"""

import datetime
import json

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from awaz.audit.services import audit_record
from awaz.jobs.emails import absolute_url, send_templated
from awaz.jobs.retry import RetryLaterError
from awaz.organizations.models import Membership, Role
from awaz.petitions.models import Petition, PetitionText
from awaz.webhooks import client, signing
from awaz.webhooks.addresses import UnsafeAddressError, webhook_target
from awaz.webhooks.models import Attempt, Delivery, Endpoint


def _switch_off(endpoint: Endpoint, *, now: datetime.datetime) -> None:
    """Inside the attempt's transaction: off, audited, owners told through the outbox."""
    Endpoint.objects.filter(pk=endpoint.pk).update(disabled_at=now)
    Delivery.objects.filter(endpoint=endpoint, status=Delivery.Status.PENDING).update(
        status=Delivery.Status.FAILED, finished_at=now
    )
    audit_record(
        actor=None,
        action="webhook.disable",
        target=endpoint,
        details={"url": endpoint.url, "failures": endpoint.consecutive_failures},
    )
    owners = Membership.objects.filter(
        organization_id=endpoint.organization_id, role=Role.OWNER
    ).select_related("user", "organization")
    for owner in owners:
        send_templated(
            to=owner.user.email,
            template="webhooks/emails/switched_off",
            context={
                "organization": owner.organization,
                "endpoint": endpoint,
                "url": absolute_url(
                    "dashboard:webhooks", kwargs={"organization": owner.organization.slug}
                ),
            },
        )


def payload(delivery: Delivery, *, now: datetime.datetime) -> bytes:
    """The JSON body: the event and the petition (its current published count), no signer."""
    petition = Petition.objects.get(pk=delivery.petition_id)
    title = (
        PetitionText.objects.filter(petition=petition, language=petition.original_language)
        .values_list("title", flat=True)
        .first()
    )
    with translation.override(petition.original_language):
        browser_url = absolute_url("public:petition-detail", kwargs={"slug": petition.slug})
    body = {
        "id": str(delivery.pk),
        "event": delivery.event,
        "created": now.isoformat(timespec="seconds"),
        "petition": {
            "slug": petition.slug,
            "title": title or "",
            "browser_url": browser_url,
            "status": petition.status,
            "total_signatures": petition.signature_count,
        },
        **delivery.data,
    }
    return json.dumps(body, ensure_ascii=False, sort_keys=True).encode()


def _should_switch_off(endpoint: Endpoint, now: datetime.datetime) -> bool:
    since = endpoint.failing_since or now
    return endpoint.consecutive_failures >= settings.AWAZ_WEBHOOK_FAILURES and (
        now - since
    ) >= datetime.timedelta(seconds=settings.AWAZ_WEBHOOK_FAILING_SECONDS)


def delivery_attempt(*, delivery_id: int) -> str:
    """Try one delivery (the task's body); raise RetryLaterError to be tried again later."""
    delivery = Delivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != Delivery.Status.PENDING:
        return "nothing to do"
    endpoint = delivery.endpoint
    if not endpoint.is_active:
        Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.FAILED)
        return "endpoint switched off"
    now = timezone.now()
    body = payload(delivery, now=now)
    try:
        target = webhook_target(endpoint.url)  # checked again, on what it resolves to now
    except UnsafeAddressError as refusal:
        answer = client.Answer(None, str(refusal)[:200], 0)
    else:
        answer = client.post(
            target=target,
            body=body,
            headers={
                "Content-Type": "application/json",
                "User-Agent": f"{settings.SITE_NAME}-Webhooks",
                "Awaz-Event": delivery.event,
                "Awaz-Delivery": str(delivery.pk),
                signing.HEADER: signing.signature(
                    secret=endpoint.secret, timestamp=int(now.timestamp()), body=body
                ),
            },
        )
    succeeded = answer.status_code is not None and 200 <= answer.status_code < 300
    if not _record(delivery.pk, answer, succeeded=succeeded):
        raise RetryLaterError(f"webhook {delivery.pk}: {answer.status_code or answer.error}")
    return "delivered" if succeeded else "failed"


@transaction.atomic
def _record(delivery_id: int, answer: client.Answer, *, succeeded: bool) -> bool:
    """Write the attempt; True when nothing is left to retry."""
    now = timezone.now()
    delivery = Delivery.objects.select_for_update().get(pk=delivery_id)
    endpoint = Endpoint.objects.select_for_update().get(pk=delivery.endpoint_id)
    Attempt.objects.create(
        delivery=delivery,
        at=now,
        status_code=answer.status_code,
        error=answer.error,
        milliseconds=answer.milliseconds,
    )
    delivery.attempts += 1
    if succeeded:
        delivery.status, delivery.finished_at = Delivery.Status.DELIVERED, now
        endpoint.consecutive_failures, endpoint.failing_since = 0, None
    else:
        endpoint.consecutive_failures += 1
        endpoint.failing_since = endpoint.failing_since or now
        if delivery.attempts >= settings.AWAZ_WEBHOOK_ATTEMPTS:
            delivery.status, delivery.finished_at = Delivery.Status.FAILED, now
    delivery.save(update_fields=["attempts", "status", "finished_at"])
    endpoint.save(update_fields=["consecutive_failures", "failing_since"])
    if not succeeded and _should_switch_off(endpoint, now):
        _switch_off(endpoint, now=now)
        return True
    return delivery.status != Delivery.Status.PENDING
