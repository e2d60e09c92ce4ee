"""Deciding whether a petition waiting for review is published: approve, or reject with a reason.

The move itself is the petition's lifecycle (awaz.petitions.lifecycle), which records the audit
entry; this adds the reason to that entry and the organizers' e-mail, and makes a second
decision a harmless no-op. The Django admin decides through here too.
"""

from typing import Literal

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awaz.accounts.models import User
from awaz.moderation.emails import decision_email_send
from awaz.petitions import lifecycle
from awaz.petitions.models import Petition


class RejectionReason(models.TextChoices):
    DUPLICATE = "duplicate", gettext_lazy("It duplicates another petition.")
    OFFENSIVE = "offensive", gettext_lazy("It is offensive, hateful or threatening.")
    NO_ACTION = "no_action", gettext_lazy("It asks for no action.")
    NOT_OUR_REMIT = "remit", gettext_lazy("It is outside what this site is for.")
    OTHER = "other", gettext_lazy("Another reason (explained below).")


Decision = Literal["approve", "reject"]


@transaction.atomic
def petition_decide(
    *,
    petition: Petition,
    by: User,
    decision: Decision,
    reason: str = "",
    text: str = "",
    via: str = "",
) -> bool:
    """Approve or reject a pending petition; False, changing nothing, if it was decided already.

    A rejection needs one of `RejectionReason`, and for "other" a `text` saying why. `via`
    names the interface it came from in the audit entry (e.g. "admin").
    """
    text = text.strip()
    if decision == "reject":
        if reason not in RejectionReason.values:
            raise ValidationError({"reason": _("Choose a reason.")}, code="no_reason")
        if reason == RejectionReason.OTHER and not text:
            raise ValidationError(
                {"text": _("Say why, for the organizers.")}, code="no_explanation"
            )
    locked = Petition.objects.select_for_update().get(pk=petition.pk)
    if locked.status != Petition.Status.PENDING:
        return False
    extra = {"via": via} if via else {}
    if decision == "approve":
        lifecycle.petition_approve(petition=locked, by=by, details=extra)
        reason, text = "", ""
    else:
        lifecycle.petition_reject(
            petition=locked, by=by, details={"reason": reason, "text": text, **extra}
        )
    decision_email_send(
        petition=locked,
        approved=decision == "approve",
        reason=RejectionReason(reason).label if reason else "",
        text=text,
    )
    petition.refresh_from_db()
    return True
