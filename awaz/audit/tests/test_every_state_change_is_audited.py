"""Every service that changes state leaves its own audit entry, whoever calls it.

`state_changing_functions()` finds every function of Awaz that opens a transaction; each is
either driven below (and must leave an entry naming it, its object and who acted) or listed in
NOT_AUDITED with the reason. A new service that is in neither list fails the first test.
"""

import ast
import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.sessions.middleware import SessionMiddleware
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory
from django.utils import timezone

import awaz
from awaz.accounts import logins, two_factor
from awaz.accounts.models import User
from awaz.accounts.roles import StaffRole
from awaz.accounts.services import user_language_set, user_staff_role_set
from awaz.audit.actions import ACTIONS
from awaz.audit.models import AuditEntry
from awaz.audit.registry import state_changing_functions
from awaz.audit.services import audit_target
from awaz.dashboard.delivery import delivery_document_create
from awaz.discovery.services import petition_feature, petition_unfeature
from awaz.moderation import invalidations, publication, reports
from awaz.moderation import services as moderation
from awaz.organizations import keys
from awaz.organizations import services as organizations
from awaz.organizations.models import Invitation, Membership, Role
from awaz.petitions import housekeeping, lifecycle
from awaz.petitions.models import Petition
from awaz.petitions.responses import response_record
from awaz.petitions.updates import update_post
from awaz.signatures import paper
from awaz.signatures.exports import signatures_export
from awaz.signatures.models import ListEntry, ListKind
from awaz.signatures.retention import signatures_purge_personal_data
from awaz.signatures.sending import update_email_start
from awaz.webhooks import services as webhooks
from tests.factories import make_petition, make_signatures
from tests.organizers import make_member, make_user
from tests.staff import current_code

pytestmark = pytest.mark.django_db

SIGNERS_OWN = "a signer's own act: a log of it would be a list of who signed; the row records it"
CONTENT = "content: what it says, kept with who changed it (and, once published, its revisions)"
ACCOUNT = "a person's own account and credentials, not a change of what they may do"

NOT_AUDITED: dict[str, str] = {
    "awaz.signatures.services.signature_confirm": SIGNERS_OWN,
    "awaz.signatures.services.signature_remove": SIGNERS_OWN,
    "awaz.signatures.access.signer_withdraw": SIGNERS_OWN,
    "awaz.signatures.mailings.signature_unsubscribe": SIGNERS_OWN,
    "awaz.public.views.petition_sign": SIGNERS_OWN + " (the sign view's transaction)",
    "awaz.signatures.services.signature_invalidate": (
        "one step of invalidation_run, audited once per request as signatures.invalidated"
    ),
    "awaz.moderation.reports.report_create": (
        "a visitor's report: the report row is its record, nothing about the reporter is kept"
    ),
    "awaz.signatures.counting.signature_counts_fold": "bookkeeping of the published count",
    "awaz.signatures.counting.signature_count_recount": "bookkeeping of the published count",
    "awaz.moderation.trending.trending_compute": "derived statistics, no decision",
    "awaz.moderation.trending.trending_alert": "the moderators' alert e-mail, no decision",
    "awaz.moderation.reports.reports_alert": "the moderators' e-mail about reports, no decision",
    "awaz.core.keyrotation.column_rotate": "infrastructure: the same values under a new key",
    "awaz.signatures.services.signature_release": (
        "one held signature released, by the audited release job (signatures.released)"
    ),
    "awaz.discovery.services.search_document_refresh": "a derived index of the texts",
    "awaz.discovery.services.trending_refresh": "derived statistics of the counts, no decision",
    "awaz.petitions.services.petition_create": CONTENT + " (a new draft)",
    "awaz.petitions.writing.petition_start": CONTENT + " (a new draft)",
    "awaz.petitions.services.petition_text_save": CONTENT,
    "awaz.petitions.services.petition_image_set": CONTENT,
    "awaz.petitions.services.petition_text_review": CONTENT,
    "awaz.petitions.writing.petition_text_write": CONTENT,
    "awaz.petitions.writing.petition_settings_update": CONTENT,
    "awaz.petitions.names.petition_names_update": CONTENT + " (the Names list)",
    "awaz.petitions.names.petition_name_add": CONTENT + " (the Names list)",
    "awaz.petitions.conversion.petition_texts_convert": CONTENT,
    "awaz.petitions.conversion.petition_text_convert_again": CONTENT,
    "awaz.petitions.updates.update_post": CONTENT + " (e-mailing it is audited)",
    "awaz.petitions.updates.update_text_save": CONTENT,
    "awaz.petitions.updates.update_post_versions": CONTENT + " (e-mailing it is audited)",
    "awaz.signatures.announcements.response_announce": (
        "composes two audited services: response_record and update_email_start"
    ),
    "awaz.signatures.announcements.victory_declare": (
        "composes two audited services: petition_declare_victory and update_email_start"
    ),
    "awaz.petitions.responses.victory_post": (
        CONTENT + " (the victory's statements; the move is audited as petition.victory)"
    ),
    "awaz.organizations.services.organization_update": CONTENT,
    "awaz.organizations.services.organization_description_save": CONTENT,
    "awaz.accounts.services.user_sign_up": ACCOUNT,
    "awaz.accounts.services.user_verification_resend": ACCOUNT,
    "awaz.accounts.services.user_verify_email": ACCOUNT,
    "awaz.accounts.services.user_password_reset_request": ACCOUNT,
    "awaz.accounts.services.user_password_set": ACCOUNT,
    "awaz.accounts.two_factor.two_factor_setup_start": ACCOUNT + " (confirming it is audited)",
    "awaz.accounts.two_factor.backup_codes_renew": ACCOUNT,
}


@dataclass(frozen=True)
class Expected:
    action: str
    target: models.Model | str
    actor: models.Model | None


Scenario = Callable[[], tuple[Callable[[], object], Expected]]
SCENARIOS: dict[str, Scenario] = {}


def scenario(name: str) -> Callable[[Scenario], Scenario]:
    def register(function: Scenario) -> Scenario:
        SCENARIOS[name] = function
        return function

    return register


def _moderator():
    return make_user(staff_role="moderator")


@scenario("awaz.discovery.services.petition_feature")
def _feature():
    petition, by = make_petition(), _moderator()
    return (lambda: petition_feature(petition=petition, by=by)), Expected(
        "petition.feature", petition, by
    )


@scenario("awaz.discovery.services.petition_unfeature")
def _unfeature():
    petition, by = make_petition(), _moderator()
    petition_feature(petition=petition, by=by)
    return (lambda: petition_unfeature(petition=petition, by=by)), Expected(
        "petition.unfeature", petition, by
    )


def _move(name: str, action: str, status: str = Petition.Status.OPEN, **kwargs: object):
    def setup():
        petition = make_petition(status=status)
        by = _moderator()
        move = getattr(lifecycle, name)
        return (lambda: move(petition=petition, by=by, **kwargs)), Expected(action, petition, by)

    return setup


for _name, _action, _status, _kwargs in [
    ("petition_submit", "petition.submit", Petition.Status.DRAFT, {}),
    ("petition_withdraw", "petition.withdraw", Petition.Status.PENDING, {}),
    ("petition_approve", "petition.approve", Petition.Status.PENDING, {}),
    ("petition_reject", "petition.reject", Petition.Status.PENDING, {}),
    ("petition_remove", "petition.remove", Petition.Status.OPEN, {}),
    ("petition_close", "petition.close", Petition.Status.OPEN, {}),
    ("petition_reopen", "petition.reopen", Petition.Status.CLOSED, {}),
    ("petition_declare_victory", "petition.victory", Petition.Status.OPEN, {"statement": "Won."}),
]:
    scenario(f"awaz.petitions.lifecycle.{_name}")(_move(_name, _action, _status, **_kwargs))


@scenario("awaz.petitions.housekeeping.petitions_close_expired")
def _close_expired():
    petition = make_petition(closes_at=timezone.now() + datetime.timedelta(hours=1))

    def act():
        petition.closes_at = timezone.now() - datetime.timedelta(minutes=1)
        Petition.objects.filter(pk=petition.pk).update(
            published_at=petition.closes_at - datetime.timedelta(days=1),
            closes_at=petition.closes_at,
        )
        return housekeeping.petitions_close_expired()

    return act, Expected("petition.close", petition, None)


@scenario("awaz.moderation.publication.petition_decide")
def _decide():
    petition, by = make_petition(status=Petition.Status.PENDING), _moderator()
    return (
        lambda: publication.petition_decide(
            petition=petition, by=by, decision="reject", reason="duplicate"
        ),
        Expected("petition.reject", petition, by),
    )


@scenario("awaz.moderation.reports.report_resolve")
def _resolve():
    petition, by = make_petition(), _moderator()
    report = reports.report_create(petition=petition, reason="spam")
    return (
        lambda: reports.report_resolve(report=report, by=by, action="remove"),
        Expected("petition.remove", petition, by),
    )


@scenario("awaz.moderation.services.list_entry_add")
def _list_add():
    by = _moderator()

    def act():
        return moderation.list_entry_add(kind=ListKind.BLOCKED_DOMAIN, value="spam.test", by=by)

    return act, Expected("moderation.list_add", "signatures.listentry:", by)


@scenario("awaz.moderation.services.list_entry_remove")
def _list_remove():
    by = _moderator()
    entry = ListEntry.objects.create(kind=ListKind.BLOCKED_DOMAIN, value="spam.test", created_by=by)
    return (
        lambda: moderation.list_entry_remove(entry_id=entry.pk, by=by),
        Expected("moderation.list_remove", entry, by),
    )


@scenario("awaz.moderation.services.site_settings_save")
def _settings():
    by = _moderator()
    return (
        lambda: moderation.site_settings_save(by=by, values={"sign_burst_limit": 7}),
        Expected("moderation.settings", "signatures.sitesettings:", by),
    )


@scenario("awaz.moderation.services.petition_challenge_set")
def _challenge():
    petition, by = make_petition(), _moderator()
    return (
        lambda: moderation.petition_challenge_set(petition=petition, required=True, by=by),
        Expected("petition.challenge", petition, by),
    )


@scenario("awaz.moderation.services.invalidation_request")
def _invalidation_request():
    petition, by = make_petition(), _moderator()
    criteria = invalidations.Criteria(petition_id=petition.pk, email_domain="burst.example")
    return (
        lambda: moderation.invalidation_request(criteria=criteria, by=by),
        Expected("signatures.invalidation_requested", "moderation.invalidation:", by),
    )


@scenario("awaz.moderation.invalidations.invalidation_run")
def _invalidation_run():
    petition, by = make_petition(), _moderator()
    criteria = invalidations.Criteria(petition_id=petition.pk, email_domain="burst.example")
    invalidation = moderation.invalidation_request(criteria=criteria, by=by)
    return (
        lambda: invalidations.invalidation_run(invalidation_id=invalidation.pk),
        Expected("signatures.invalidated", invalidation, by),
    )


@scenario("awaz.signatures.sending.update_email_start")
def _update_email():
    member = make_member(Role.EDITOR)
    petition = make_petition(organization=member.organization)
    update = update_post(petition=petition, by=member.user, language="en", title="T", body="B")
    return (
        lambda: update_email_start(update=update, by=member.user),
        Expected("update.email", update, member.user),
    )


@scenario("awaz.petitions.responses.response_record")
def _response():
    member = make_member(Role.EDITOR)
    petition = make_petition(organization=member.organization)
    return (
        lambda: response_record(
            petition=petition,
            by=member.user,
            responded_on=datetime.date(2026, 3, 5),
            texts={"en": "We will look into it."},
        ),
        Expected("response.record", petition, member.user),
    )


@scenario("awaz.signatures.exports.signatures_export")
def _export():
    member = make_member(Role.EDITOR)
    petition = make_petition(organization=member.organization)
    return (
        lambda: signatures_export(petition=petition, by=member.user),
        Expected("signatures.export", petition, member.user),
    )


@scenario("awaz.dashboard.delivery.delivery_document_create")
def _delivery():
    member = make_member(Role.EDITOR)
    petition = make_petition(organization=member.organization)
    return (
        lambda: delivery_document_create(
            petition=petition, by=member.user, language="en", with_names=False
        ),
        Expected("signatures.delivery", petition, member.user),
    )


@scenario("awaz.signatures.paper.paper_batch_record")
def _paper_record():
    member = make_member(Role.EDITOR)
    petition = make_petition(organization=member.organization)
    return (
        lambda: paper.paper_batch_record(petition=petition, by=member.user, count=25, note="Rally"),
        Expected("signatures.paper", "signatures.paperbatch:", member.user),
    )


@scenario("awaz.signatures.paper.paper_batch_undo")
def _paper_undo():
    member = make_member(Role.EDITOR)
    petition = make_petition(organization=member.organization)
    batch = paper.paper_batch_record(petition=petition, by=member.user, count=25)
    return (
        lambda: paper.paper_batch_undo(batch=batch, by=member.user),
        Expected("signatures.paper_undo", batch, member.user),
    )


def _endpoint(owner: Membership):
    # A public address literal: registering checks it, nothing is sent.
    endpoint, _secret = webhooks.endpoint_register(
        organization=owner.organization,
        by=owner.user,
        url="https://93.184.216.34/hook",
        events=["petition.closed"],
    )
    return endpoint


@scenario("awaz.webhooks.services.endpoint_register")
def _webhook_register():
    owner = make_member(Role.OWNER)
    return (
        lambda: _endpoint(owner),
        Expected("webhook.register", "webhooks.endpoint:", owner.user),
    )


@scenario("awaz.webhooks.services.endpoint_remove")
def _webhook_remove():
    owner = make_member(Role.OWNER)
    endpoint = _endpoint(owner)
    target = audit_target(endpoint)
    return (
        lambda: webhooks.endpoint_remove(endpoint=endpoint, by=owner.user),
        Expected("webhook.remove", target, owner.user),
    )


@scenario("awaz.webhooks.services.endpoint_enable")
def _webhook_enable():
    owner = make_member(Role.OWNER)
    endpoint = _endpoint(owner)
    return (
        lambda: webhooks.endpoint_enable(endpoint=endpoint, by=owner.user),
        Expected("webhook.enable", endpoint, owner.user),
    )


@scenario("awaz.signatures.retention.signatures_purge_personal_data")
def _purge():
    petition = make_petition(status=Petition.Status.CLOSED)
    make_signatures(petition, 2)
    return (
        lambda: signatures_purge_personal_data(petition_id=petition.pk),
        Expected("signatures.purge", petition, None),
    )


@scenario("awaz.organizations.services.organization_create")
def _organization_create():
    by = make_user()
    return (
        lambda: organizations.organization_create(by=by, name="Azadliq", slug="azadliq"),
        Expected("organization.create", "organizations.organization:", by),
    )


@scenario("awaz.organizations.keys.api_key_create")
def _api_key_create():
    owner = make_member(Role.OWNER)
    return (
        lambda: keys.api_key_create(
            organization=owner.organization, name="CRM", scope="read", by=owner.user
        ),
        Expected("api_key.create", "organizations.apikey:", owner.user),
    )


@scenario("awaz.organizations.keys.api_key_revoke")
def _api_key_revoke():
    owner = make_member(Role.OWNER)
    new = keys.api_key_create(
        organization=owner.organization, name="CRM", scope="read", by=owner.user
    )
    return (
        lambda: keys.api_key_revoke(key=new.key, by=owner.user),
        Expected("api_key.revoke", new.key, owner.user),
    )


@scenario("awaz.organizations.keys.api_key_use")
def _api_key_use():
    owner = make_member(Role.OWNER)
    new = keys.api_key_create(
        organization=owner.organization, name="CRM", scope="read", by=owner.user
    )
    return (
        lambda: keys.api_key_use(key=new.key, operation="petitions.list"),
        Expected("api_key.use", new.key, None),
    )


@scenario("awaz.organizations.services.invitation_create")
def _invite():
    owner = make_member(Role.OWNER)
    return (
        lambda: organizations.invitation_create(
            organization=owner.organization,
            email="new@example.org",
            role=Role.EDITOR,
            by=owner.user,
        ),
        Expected("invitation.create", "organizations.invitation:", owner.user),
    )


def _invitation(owner: Membership, email: str, token: str) -> Invitation:
    now = timezone.now()
    return Invitation.objects.create(
        organization=owner.organization,
        email=email,
        role=Role.EDITOR,
        token_digest=organizations._digest(token),
        invited_by=owner.user,
        created_at=now,
        expires_at=now + datetime.timedelta(days=7),
    )


@scenario("awaz.organizations.services.invitation_accept")
def _accept():
    owner = make_member(Role.OWNER)
    invitation = _invitation(owner, "joins@example.org", "a-token")
    person = make_user(email="joins@example.org")
    return (
        lambda: organizations.invitation_accept(token="a-token", user=person),
        Expected("invitation.accept", invitation, person),
    )


@scenario("awaz.organizations.services.invitation_revoke")
def _revoke():
    owner = make_member(Role.OWNER)
    invitation = _invitation(owner, "later@example.org", "b-token")
    return (
        lambda: organizations.invitation_revoke(invitation=invitation, by=owner.user),
        Expected("invitation.revoke", audit_target(invitation), owner.user),
    )


@scenario("awaz.organizations.services.membership_role_change")
def _role_change():
    owner = make_member(Role.OWNER)
    editor = make_member(Role.EDITOR, organization=owner.organization)
    return (
        lambda: organizations.membership_role_change(
            membership=editor, role=Role.VIEWER, by=owner.user
        ),
        Expected("membership.role_change", editor, owner.user),
    )


@scenario("awaz.organizations.services.membership_remove")
def _member_remove():
    owner = make_member(Role.OWNER)
    editor = make_member(Role.EDITOR, organization=owner.organization)
    target = audit_target(editor)
    return (
        lambda: organizations.membership_remove(membership=editor, by=owner.user),
        Expected("membership.remove", target, owner.user),
    )


@scenario("awaz.accounts.services.user_staff_role_set")
def _staff_role():
    admin, person = make_user(staff_role="admin"), make_user()
    return (
        lambda: user_staff_role_set(user=person, role=StaffRole.MODERATOR, by=admin),
        Expected("user.staff_role", person, admin),
    )


@scenario("awaz.accounts.services.user_language_set")
def _language():
    person = make_user()
    return (
        lambda: user_language_set(user=person, language="ug"),
        Expected("user.language", person, person),
    )


@scenario("awaz.accounts.logins.user_login_record")
def _login():
    person = make_user()
    return (lambda: logins.user_login_record(user=person)), Expected("user.login", person, person)


@scenario("awaz.accounts.logins.user_logout_record")
def _logout():
    person = make_user()
    return (lambda: logins.user_logout_record(user=person)), Expected("user.logout", person, person)


@scenario("awaz.accounts.logins.user_login_failure_record")
def _login_failed():
    person = make_user(email="known@example.org")
    return (
        lambda: logins.user_login_failure_record(email="Known@example.org"),
        Expected("user.login_failed", person, None),
    )


def _session_request(user: object) -> HttpRequest:
    request = RequestFactory().post("/")
    SessionMiddleware(lambda r: HttpResponse()).process_request(request)
    request.user = user  # type: ignore[assignment]
    return request


@scenario("awaz.accounts.two_factor.two_factor_setup_confirm")
def _two_factor_setup():
    person = _moderator()
    device = two_factor.two_factor_setup_start(user=person)
    return (
        lambda: two_factor.two_factor_setup_confirm(
            request=_session_request(person), user=person, code=current_code(device)
        ),
        Expected("two_factor.setup", person, person),
    )


def _with_two_factor(person: User) -> list[str]:
    device = two_factor.two_factor_setup_start(user=person)
    codes = two_factor.two_factor_setup_confirm(
        request=_session_request(person), user=person, code=current_code(device)
    )
    assert codes
    return codes


@scenario("awaz.accounts.two_factor.two_factor_verify")
def _backup_code():
    person = _moderator()
    codes = _with_two_factor(person)
    return (
        lambda: two_factor.two_factor_verify(
            request=_session_request(person), user=person, code=codes[0]
        ),
        Expected("two_factor.backup_code_use", person, person),
    )


@scenario("awaz.accounts.two_factor.two_factor_remove")
def _two_factor_remove():
    admin, person = make_user(staff_role="admin"), _moderator()
    _with_two_factor(person)
    return (
        lambda: two_factor.two_factor_remove(user=person, by=admin),
        Expected("two_factor.remove", person, admin),
    )


def test_every_function_that_changes_state_is_driven_here_or_says_why_not():
    found = set(state_changing_functions())
    assert found, "the registry found nothing: it is broken"
    unaccounted = found - set(SCENARIOS) - set(NOT_AUDITED)
    assert not unaccounted, f"audit these (or say why not in NOT_AUDITED): {sorted(unaccounted)}"
    stale = (set(SCENARIOS) | set(NOT_AUDITED)) - found
    assert not stale, f"no longer exist or change nothing: {sorted(stale)}"
    assert not set(SCENARIOS) & set(NOT_AUDITED)


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_each_state_change_leaves_its_audit_entry(name, mailoutbox):
    act, expected = SCENARIOS[name]()
    before = set(AuditEntry.objects.values_list("pk", flat=True))
    act()
    entries = list(AuditEntry.objects.exclude(pk__in=before))
    assert [entry.action for entry in entries] == [expected.action], name
    (entry,) = entries
    assert entry.action in ACTIONS, "name it in awaz.audit.actions"
    if isinstance(expected.target, str):
        assert entry.target.startswith(expected.target)
    else:
        assert entry.target == audit_target(expected.target)
    assert entry.actor_id == (None if expected.actor is None else expected.actor.pk)


def _recorded_names() -> set[str]:
    """The action names the code passes to audit_record, read from its source."""
    names = {lifecycle.action_of(move) for move in lifecycle.MOVES}
    for path in Path(awaz.__file__).parent.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) == "audit_record"
            ):
                for keyword in node.keywords:
                    value = keyword.value
                    if keyword.arg == "action" and isinstance(value, ast.Constant):
                        names.add(str(value.value))
    return names


def test_every_action_name_is_in_the_catalogue_and_the_catalogue_has_no_stale_name():
    recorded = _recorded_names()
    assert "signatures.export" in recorded and "petition.victory" in recorded
    assert recorded - set(ACTIONS) == set(), "name these in awaz.audit.actions"
    assert set(ACTIONS) - recorded == set(), "nothing records these any more"
