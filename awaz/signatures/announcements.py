"""The decision maker's response and the victory, told to the signers who asked for updates.

One transaction each: the response or the victory is recorded (awaz.petitions) and its mailing
started through the updates' one road (sending.update_email_start, which audits it), so a
signer hears of it exactly once, and only if it was recorded.
"""

import datetime
from collections.abc import Mapping

from django.db import transaction

from awaz.accounts.models import User
from awaz.petitions import lifecycle
from awaz.petitions.models import Petition, PetitionUpdate
from awaz.petitions.responses import response_record, victory_post
from awaz.signatures.sending import update_email_start


@transaction.atomic
def response_announce(
    *,
    petition: Petition,
    by: User | None,
    responded_on: datetime.date,
    texts: Mapping[str, str],
    document_url: str = "",
) -> PetitionUpdate:
    """Record the decision maker's response and e-mail it to the signers who asked for updates."""
    update = response_record(
        petition=petition,
        by=by,
        responded_on=responded_on,
        texts=texts,
        document_url=document_url,
    )
    update_email_start(update=update, by=by)
    return update


@transaction.atomic
def victory_declare(
    *, petition: Petition, by: User, statements: Mapping[str, str]
) -> PetitionUpdate:
    """Declare the petition won with a statement per language (the first is kept on the
    petition) and tell the signers who asked for updates."""
    written = {language: text.strip() for language, text in statements.items() if text.strip()}
    lifecycle.petition_declare_victory(
        petition=petition, by=by, statement=next(iter(written.values()), "")
    )
    update = victory_post(petition=petition, by=by, statements=written)
    update_email_start(update=update, by=by)
    return update
