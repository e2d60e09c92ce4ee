"""The audit log's vocabulary: every action name a service records, and what it means.

The names are stable: webhooks and exports of the log will read them, and entries are never
rewritten (append-only), so a name is never reused for something else. `<thing>.<verb>`;
`target` is the object, as "app.model:pk"; `details` add what the name alone does not say
(a state change's "from" and "to", a rejection's reason, a document's digest).
"""

ACTIONS: dict[str, str] = {
    # A petition's lifecycle (awaz.petitions.lifecycle and housekeeping), details from/to.
    "petition.submit": "an organizer sent a draft to review",
    "petition.withdraw": "an organizer took a petition back from review",
    "petition.approve": "a moderator published a petition (with the organizers' e-mail)",
    "petition.reject": "a moderator refused a petition (reason and text in details)",
    "petition.close": "a petition stopped taking signatures (actor None: its closing date)",
    "petition.reopen": "a closed or won petition takes signatures again",
    "petition.victory": "a petition was declared won",
    "response.record": "a member recorded the decision maker's response (its update in details)",
    "petition.remove": "a moderator took a petition down (reports acted on in details)",
    "petition.challenge": "the proof-of-work challenge was switched on or off for a petition",
    "petition.feature": "a moderator put a petition on the home page",
    "petition.unfeature": "a moderator took a petition off the home page",
    # Moderation.
    "report.act": "reports about a petition already taken down were closed",
    "report.dismiss": "a moderator dismissed a report",
    "signature.hide_comment": "a moderator hid a signer's comment",
    "moderation.list_add": "a domain or network was put on a list",
    "moderation.list_remove": "a domain or network was taken off a list",
    "moderation.settings": "the site-wide limits or switches changed",
    "signatures.invalidation_requested": "a moderator asked to invalidate matching signatures",
    "signatures.invalidated": "an invalidation finished (how many in details)",
    "signatures.release_requested": "a moderator asked to release held signatures",
    "signatures.released": "a release of held signatures finished (how many in details)",
    # Personal data handed out or erased.
    "signatures.export": "a member downloaded the signatures as CSV",
    "signatures.delivery-list": "a member downloaded the delivery list (no addresses)",
    "signatures.delivery": "a member made the delivery PDF (its list's digest in details)",
    "signatures.purge": "the retention purge erased a petition's signers' personal data",
    "signatures.paper": "a member recorded a batch of signatures collected on paper (count, note)",
    "signatures.paper_undo": "a member undid a batch of paper signatures (its count left)",
    "update.email": "a member started e-mailing an update to signers who asked for them",
    # Who may act for an organization, and staff.
    "organization.create": "an organization was created, its creator its first owner",
    "invitation.create": "a member invited someone (the address stays in the invitation)",
    "invitation.accept": "an invited person joined",
    "invitation.revoke": "a member withdrew an invitation",
    "membership.role_change": "a member's role changed (from/to in details)",
    "membership.remove": "a member was taken out of an organization",
    # Webhooks (awaz.webhooks.services): the address and events in details.
    "webhook.register": "an owner registered a webhook endpoint",
    "webhook.remove": "an owner removed a webhook endpoint",
    "webhook.enable": "an owner switched a switched-off webhook endpoint back on",
    "webhook.disable": "a webhook endpoint that kept failing was switched off (actor None)",
    # API keys (awaz.organizations.keys): the key's prefix and organization in details.
    "api_key.create": "an owner made an API key (its scope in details)",
    "api_key.revoke": "an owner revoked an API key",
    "api_key.use": "a call to the API with a key (the operation, and what about, in details)",
    # A person's own log-ins and second step (awaz.accounts.logins, .two_factor): target the
    # account; never a password, a code or an address.
    "user.login": "a person logged in (the dashboard or the admin site)",
    "user.login_failed": "a wrong password for an existing account (actor None)",
    "user.logout": "a person logged out",
    "two_factor.setup": "a person set up an authenticator app (and got backup codes)",
    "two_factor.backup_code_use": "a person passed the second step with a backup code",
    "two_factor.remove": "an admin removed a person's two-factor devices (a lost phone)",
    "user.staff_role": "a person was made moderator, admin, or no longer staff",
    "user.language": "a person chose the language of the mail they receive (from/to in details)",
}

# About a person's own account: the target is the account, no organization; an organization's
# owners see these for their members.
ACCOUNT_ACTIONS = frozenset(
    {
        "user.login",
        "user.login_failed",
        "user.logout",
        "two_factor.setup",
        "two_factor.backup_code_use",
        "two_factor.remove",
    }
)
