"""The sign form's stamp: when the form was served, signed, and usable once.

Part of the signing policy: a form sent sooner than AWAZ_MIN_FILL_SECONDS after it was served,
or with a missing or forged stamp, is held for a moderator (never dropped: browser autofill and
password managers fill a form that fast); a stamp used before is a replayed POST.
"""

import datetime
import secrets
import time

from django.core import signing

from awaz.core.once import claim_once

FORM_SALT = "awaz.public.sign-form"


def form_stamp() -> str:
    """A signed, single-use stamp for one served form: when it was served, and a nonce."""
    return signing.Signer(salt=FORM_SALT).sign(f"{int(time.time())}.{secrets.token_urlsafe(9)}")


def stamp_age(stamp: str) -> float | None:
    """Seconds since the form with this stamp was served, or None for a missing or forged one."""
    try:
        payload = signing.Signer(salt=FORM_SALT).unsign(stamp)
    except signing.BadSignature:
        return None
    served, _, _nonce = payload.partition(".")
    return time.time() - int(served) if served.isdigit() else None


def stamp_claim(stamp: str) -> bool:
    """Mark the stamp used; False when it was used before. Call in the signature's transaction."""
    if not stamp:
        return True
    return claim_once("sign-form", stamp, valid_for=datetime.timedelta(days=2))
