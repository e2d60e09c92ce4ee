"""The audit actions an organization's owners see, named in the reader's language."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Every action that can concern an organization or its members' accounts (awaz.audit.actions
# says what each means); the site's own moderation bookkeeping is not shown to organizations.
LABELS: dict[str, Promise] = {
    "organization.create": _("Created the organization"),
    "invitation.create": _("Invited someone"),
    "invitation.accept": _("Accepted an invitation"),
    "invitation.revoke": _("Withdrew an invitation"),
    "membership.role_change": _("Changed a member's role"),
    "membership.remove": _("Removed a member"),
    "petition.submit": _("Sent a petition to review"),
    "petition.withdraw": _("Took a petition back from review"),
    "petition.approve": _("Published a petition"),
    "petition.reject": _("Refused a petition"),
    "petition.close": _("Closed a petition"),
    "petition.reopen": _("Reopened a petition"),
    "petition.victory": _("Declared victory"),
    "response.record": _("Recorded the decision maker's response"),
    "petition.remove": _("Took a petition down"),
    "petition.challenge": _("Switched the signing challenge"),
    "petition.feature": _("Featured a petition on the home page"),
    "petition.unfeature": _("Took a petition off the home page"),
    "report.act": _("Closed reports about a petition"),
    "update.email": _("E-mailed an update to signers"),
    "signatures.export": _("Downloaded the signatures"),
    "signatures.delivery-list": _("Downloaded the delivery list"),
    "signatures.delivery": _("Made the delivery document"),
    "signatures.paper": _("Recorded paper signatures"),
    "signatures.paper_undo": _("Undid paper signatures"),
    "signatures.purge": _("Erased the signers' personal data"),
    "webhook.register": _("Registered a webhook"),
    "webhook.remove": _("Removed a webhook"),
    "webhook.enable": _("Switched a webhook back on"),
    "webhook.disable": _("A failing webhook was switched off"),
    "api_key.create": _("Made an API key"),
    "api_key.revoke": _("Revoked an API key"),
    "api_key.use": _("Used an API key"),
    "user.login": _("Logged in"),
    "user.login_failed": _("Failed to log in (wrong password)"),
    "user.logout": _("Logged out"),
    "two_factor.setup": _("Set up two-factor log-in"),
    "two_factor.backup_code_use": _("Used a backup code"),
    "two_factor.remove": _("Two-factor log-in removed"),
}


def action_label(action: str) -> str:
    """The action's name for people; an action without one keeps its stable name."""
    label = LABELS.get(action)
    return action if label is None else str(label)
