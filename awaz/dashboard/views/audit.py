"""The organization's audit log, for its owners: who did what, and when, newest first."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from awaz.accounts.models import User
from awaz.accounts.roles import is_moderator
from awaz.audit.actions import ACCOUNT_ACTIONS
from awaz.audit.labels import action_label
from awaz.audit.models import AuditEntry
from awaz.audit.selectors import USER, audit_entries_of_organization
from awaz.dashboard.access import member_view
from awaz.dashboard.forms.audit import AuditFilterForm
from awaz.organizations import selectors
from awaz.organizations.models import Membership, Role
from awaz.petitions.models import Petition
from awaz.petitions.organizer_selectors import petitions_of_targets

PER_PAGE = 50


@dataclass(frozen=True)
class AuditRow:
    entry: AuditEntry
    label: str
    who: str
    petition: Petition | None
    person: str  # the member an entry is about (a log-in's account, a role's holder)
    detail: str


def _name(user: User) -> str:
    return user.name or user.email


def _who(entry: AuditEntry, people: dict[int, str]) -> str:
    actor = entry.actor
    if actor is None:
        return _("Someone") if entry.action == "user.login_failed" else _("Awaz (automatic)")
    if actor.pk in people:
        return people[actor.pk]
    return _("Awaz moderators") if is_moderator(actor) else _name(actor)


def _role(value: object) -> str:
    return str(Role(value).label) if value in Role.values else str(value)


def _detail(entry: AuditEntry) -> str:
    details = entry.details
    if "from" in details and "to" in details and entry.action == "membership.role_change":
        return _("%(before)s → %(after)s") % {
            "before": _role(details["from"]),
            "after": _role(details["to"]),
        }
    if "role" in details:
        return _role(details["role"])
    return ""


def _person(entry: AuditEntry, people: dict[int, str]) -> str:
    if entry.action in ACCOUNT_ACTIONS:
        label, _sep, pk = entry.target.partition(":")
        return people.get(int(pk), "") if label == USER and pk.isdigit() else ""
    user = entry.details.get("user")
    return people.get(user, _("a former member")) if isinstance(user, int) else ""


def _rows(
    entries: list[AuditEntry], membership: Membership, people: dict[int, str]
) -> list[AuditRow]:
    petitions = petitions_of_targets(
        organization_id=membership.organization_id, targets={e.target for e in entries}
    )
    return [
        AuditRow(
            entry=entry,
            label=action_label(entry.action),
            who=_who(entry, people),
            petition=petitions.get(entry.target),
            person=_person(entry, people),
            detail=_detail(entry),
        )
        for entry in entries
    ]


def _query_without_page(query: QueryDict) -> str:
    kept = query.copy()
    kept.pop("page", None)
    encoded = kept.urlencode()
    return f"{encoded}&" if encoded else ""


@member_view("manage")
@require_safe
def audit_log(request: HttpRequest, membership: Membership) -> HttpResponse:
    organization = membership.organization
    members = list(selectors.members_of(organization=organization))
    people = {member.user_id: _name(member.user) for member in members}
    form = AuditFilterForm(request.GET or None, members=members)
    context: dict[str, object] = {
        "membership": membership,
        "organization": organization,
        "form": form,
    }
    if request.GET and not form.is_valid():
        return render(request, "dashboard/audit_log.html", context, status=400)
    filters = form.cleaned_data if form.is_bound else {}
    entries = audit_entries_of_organization(
        organization_pk=organization.pk,
        members=list(people),
        person=filters.get("person"),
        actions=[filters["action"]] if filters.get("action") else [],
        since=filters.get("since"),
        until=filters.get("until"),
    )
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    context.update(
        rows=_rows(list(page.object_list), membership, people),
        pager={"page": page.number, "pages": page.paginator.num_pages},
        query=_query_without_page(request.GET),
        filtered=bool(filters and any(filters.values())),
    )
    return render(request, "dashboard/audit_log.html", context)
