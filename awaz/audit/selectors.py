"""Reading the audit log: an organization's entries, for its owners' page."""

import datetime
from collections.abc import Collection

from django.db.models import Q, QuerySet

from awaz.audit.actions import ACCOUNT_ACTIONS
from awaz.audit.models import AuditEntry

USER = "accounts.user"


def _about_people(people: Collection[int]) -> Q:
    """A person's own account events (log-ins, second step), for these accounts."""
    return Q(action__in=ACCOUNT_ACTIONS, target__in=[f"{USER}:{pk}" for pk in people])


def audit_entries_of_organization(
    *,
    organization_pk: int,
    members: Collection[int],
    person: int | None = None,
    actions: Collection[str] = (),
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> QuerySet[AuditEntry]:
    """Newest first: what was done about the organization and its things, and its members'
    log-ins (`members`: their account ids). `person` narrows to what one member did or what
    happened to their account; `since`/`until` are days of the current time zone, inclusive.
    """
    entries = AuditEntry.objects.filter(
        Q(organization_pk=organization_pk) | _about_people(members)
    ).select_related("actor")
    if person is not None:
        entries = entries.filter(Q(actor_id=person) | _about_people([person]))
    if actions:
        entries = entries.filter(action__in=actions)
    if since is not None:
        entries = entries.filter(at__date__gte=since)
    if until is not None:
        entries = entries.filter(at__date__lte=until)
    return entries.order_by("-at", "-pk")
