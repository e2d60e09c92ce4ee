"""The proof-of-work challenge (ALTCHA, served by Awaz itself): a cost for bots, no tracking.

Switched on per petition (`Petition.challenge_required`, by a moderator) or for the whole site
(by an admin in the moderation settings; AWAZ_CHALLENGE_EVERYWHERE is the default). The browser
solves a puzzle of AWAZ_CHALLENGE_MAX_NUMBER SHA-256 hashes at most; the server checks the
answer in microseconds, once. The form also asks for it when a network is over its signing
limits. A browser without JavaScript sends no answer: its signature counts under stricter limits,
and beyond them it is held for a moderator, so a person signing without JavaScript (Tor
Browser's safest level) who confirms is counted once released, never dropped.
"""

import datetime
import enum

from altcha import v1 as altcha
from django.conf import settings
from django.utils import timezone

from awaz.core.once import claim_once
from awaz.petitions.models import Petition
from awaz.signatures.policy import current_policy

FIELD = "altcha"


class Answer(enum.Enum):
    SOLVED = "solved"
    MISSING = "missing"  # no JavaScript: stricter limits apply, then held for a moderator
    WRONG = "wrong"  # forged, expired or replayed: held for a moderator


def required(petition: Petition) -> bool:
    return petition.challenge_required or current_policy().challenge_everywhere


def new_challenge() -> dict[str, object]:
    """A fresh, signed challenge the widget fetches."""
    challenge = altcha.create_challenge(
        altcha.ChallengeOptions(
            hmac_key=settings.AWAZ_CHALLENGE_KEY,
            max_number=settings.AWAZ_CHALLENGE_MAX_NUMBER,
            expires=timezone.now() + datetime.timedelta(minutes=30),
        )
    )
    return {
        "algorithm": challenge.algorithm,
        "challenge": challenge.challenge,
        "maxnumber": challenge.max_number,
        "salt": challenge.salt,
        "signature": challenge.signature,
    }


def check(payload: str) -> Answer:
    """Whether `payload` solves a challenge we issued, and for the first time."""
    if not payload:
        return Answer.MISSING
    try:
        solved, _error = altcha.verify_solution(
            payload, settings.AWAZ_CHALLENGE_KEY, check_expires=True
        )
    # A forged payload is JSON of any shape, and the library reads it trusting the types:
    # whatever it raises on one (AttributeError for a list as "salt") is a wrong answer.
    except (ValueError, TypeError, KeyError, AttributeError):
        return Answer.WRONG
    if not solved:
        return Answer.WRONG
    first_use = claim_once("altcha", payload, valid_for=datetime.timedelta(minutes=45))
    return Answer.SOLVED if first_use else Answer.WRONG
