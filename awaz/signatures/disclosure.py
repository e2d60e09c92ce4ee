"""What of a signature anyone but the signer may see: one set of rules for every surface.

- **The k rule.** A country is named beside a signature, or counted apart, only once at least
  k (AWAZ_K_ANONYMITY) confirmed signatures of the petition come from it; otherwise "Someone"
  (or a first name) stands alone, and counts fold it into "other countries". Otherwise two
  signers from one small country are as good as named. Pages, statistics, the delivery
  document, and the feeds, API and share images to come all ask here.
- **The first name only.** The sign form promises that only the first name is ever shown, and
  only if the signer ticks the box: the page, the organization's dashboard, its CSV export and
  the delivery document show that first name and nothing more.
- **Decrypted only when shown.** Names and comments are encrypted at rest; the expressions below
  let the database hand back a private signer's name and comment as "", never decrypted.
"""

from django.conf import settings
from django.db.models import Case, Exists, F, OuterRef, Value, When

from awaz.core.fields import EncryptedTextField
from awaz.signatures.models import Signature, SignatureStatus


def k_smallest_group() -> int:
    """The smallest group of signers that may be shown apart (k)."""
    return int(settings.AWAZ_K_ANONYMITY)


def country_shown(*, k: int | None = None) -> Exists:
    """For a query of signatures: has this row's country k confirmed signatures in its petition?

    Bounded work whatever the count: an index probe for the k-th row (signature_country_idx).
    """
    k = k_smallest_group() if k is None else k
    same_country = Signature.objects.filter(
        petition=OuterRef("petition"), status=SignatureStatus.CONFIRMED, country=OuterRef("country")
    ).order_by()
    return Exists(same_country.values("pk")[k - 1 : k])


def countries_shown(*, petition_id: int, countries: set[str], k: int | None = None) -> set[str]:
    """Those of `countries` that may be named for this petition (k signatures or more)."""
    k = k_smallest_group() if k is None else k
    shown: set[str] = set()
    for country in sorted(countries):
        rows = Signature.objects.filter(
            petition_id=petition_id, status=SignatureStatus.CONFIRMED, country=country
        ).order_by()
        if rows.values("pk")[k - 1 : k].exists():
            shown.add(country)
    return shown


def public_name() -> Case:
    """The name of a signer who chose to be public, "" for anyone else (never decrypted)."""
    return Case(
        When(is_public=True, then=F("name")),
        default=Value(""),
        output_field=EncryptedTextField(),
    )


def public_comment(*, hidden_too: bool = False) -> Case:
    """The comment of a public signer that no moderator hid (or, for the organization's
    export, hidden or not), "" otherwise (never decrypted)."""
    shown = {} if hidden_too else {"comment_hidden": False}
    return Case(
        When(is_public=True, **shown, then=F("comment")),
        default=Value(""),
        output_field=EncryptedTextField(),
    )


def first_name(name: str) -> str:
    """The part of a name that may be shown: its first word."""
    words = name.split()
    return words[0] if words else ""
