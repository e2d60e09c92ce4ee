"""Webhooks: registering endpoints, and turning events into deliveries.

Events come from the domain in the transaction of the change itself (signals.py): a fold of
the count (signature.confirmed, petition.goal_reached) or an audit entry of the lifecycle
(petition.closed, petition.victory). Each subscribed, active endpoint gets a Delivery row and a
`deliver_webhook` task in that same transaction, so a rolled-back change sends nothing.

signature.confirmed is coalesced: an endpoint has at most one such delivery per petition
waiting, and they are spaced AWAZ_WEBHOOK_COUNT_INTERVAL seconds apart; the count is read when
the delivery is sent, so the receiver gets the current count, not one message per signature.
Sending, retries and switching off are delivery.py's (the task calls it).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awaz.accounts.models import User
from awaz.audit.services import audit_record
from awaz.organizations.models import Organization
from awaz.petitions.models import Petition
from awaz.webhooks import signing
from awaz.webhooks.addresses import UnsafeAddressError, webhook_target
from awaz.webhooks.models import Delivery, Endpoint, Event
from awaz.webhooks.tasks import deliver_webhook

URL_MAX_LENGTH = Endpoint._meta.get_field("url").max_length or 500


def _check_url(url: str) -> None:
    if len(url) > URL_MAX_LENGTH:
        raise ValidationError({"url": _("This address is too long.")})
    try:
        webhook_target(url)
    except UnsafeAddressError as refusal:
        raise ValidationError({"url": str(refusal)}) from None


@transaction.atomic
def endpoint_register(
    *, organization: Organization, by: User, url: str, events: list[str]
) -> tuple[Endpoint, str]:
    """A new endpoint and its secret (shown once: only its encrypted form is kept)."""
    url = url.strip()
    chosen = sorted(set(events))
    if not chosen or not set(chosen) <= set(Event.values):
        raise ValidationError({"events": _("Choose at least one event.")})
    if Endpoint.objects.filter(organization=organization).count() >= settings.AWAZ_WEBHOOK_MAX:
        raise ValidationError(
            _("An organization has at most %(max)s webhooks.") % {"max": settings.AWAZ_WEBHOOK_MAX}
        )
    _check_url(url)
    secret = signing.new_secret()
    endpoint = Endpoint.objects.create(
        organization=organization, url=url, events=chosen, secret=secret, created_by=by
    )
    audit_record(
        actor=by,
        action="webhook.register",
        target=endpoint,
        details={"organization": organization.pk, "url": url, "events": chosen},
    )
    return endpoint, secret


@transaction.atomic
def endpoint_remove(*, endpoint: Endpoint, by: User) -> None:
    audit_record(
        actor=by,
        action="webhook.remove",
        target=endpoint,
        details={"organization": endpoint.organization_id, "url": endpoint.url},
    )
    endpoint.delete()


@transaction.atomic
def endpoint_enable(*, endpoint: Endpoint, by: User) -> Endpoint:
    """Switch a switched-off endpoint back on (its address is checked again)."""
    _check_url(endpoint.url)
    Endpoint.objects.filter(pk=endpoint.pk).update(
        disabled_at=None, consecutive_failures=0, failing_since=None
    )
    audit_record(actor=by, action="webhook.enable", target=endpoint, details={"url": endpoint.url})
    endpoint.refresh_from_db()
    return endpoint


def webhook_event(*, event: str, petition: Petition, data: dict[str, object] | None = None) -> int:
    """Queue `event` for every active endpoint of the petition's organization that wants it.

    Call inside the transaction of the change; returns how many deliveries were queued.
    """
    endpoints = [
        endpoint
        for endpoint in Endpoint.objects.active().filter(organization_id=petition.organization_id)
        if event in endpoint.events
    ]
    now = timezone.now()
    queued = 0
    for endpoint in endpoints:
        run_after = now
        if event == Event.SIGNATURE_CONFIRMED:
            earlier = Delivery.objects.filter(endpoint=endpoint, petition=petition, event=event)
            if earlier.filter(status=Delivery.Status.PENDING).exists():
                continue  # the waiting one will carry the count when it is sent
            last = earlier.order_by("-created_at").values_list("created_at", flat=True).first()
            if last is not None:
                interval = datetime.timedelta(seconds=settings.AWAZ_WEBHOOK_COUNT_INTERVAL)
                run_after = max(now, last + interval)
        delivery = Delivery.objects.create(
            endpoint=endpoint, event=event, petition=petition, data=data or {}, created_at=now
        )
        task = deliver_webhook.using(run_after=run_after) if run_after > now else deliver_webhook
        task.enqueue(delivery_id=delivery.pk)
        queued += 1
    return queued
