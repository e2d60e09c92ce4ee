"""The signatures of a petition as CSV, for its delivery: streamed, safe, only what was agreed.

- Streamed row by row from a server-side cursor: memory stays flat whatever the count.
- Only confirmed signatures. The first name and the comment only of signers who chose to be
  public (what the sign form promises; `disclosure`), decrypted for them alone; the e-mail
  address only of signers who agreed that the organization may write to them.
- Cells a spreadsheet would run as a formula (= + - @, tab, carriage return) are quoted with a
  leading apostrophe (OWASP's advice for CSV injection).
- The SHA-256 of the exact bytes is printed in the delivery document, so the recipient can check
  that the list was not altered.
"""

import csv
import datetime
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from awaz.audit.services import audit_record
from awaz.petitions.models import Petition
from awaz.privacy import crypto
from awaz.signatures import disclosure
from awaz.signatures.models import Signature, SignatureStatus

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CHUNK = 5000


def safe_cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


class _Line:
    """A file-like object that hands back what csv.writer writes, one row at a time."""

    def write(self, value: str) -> str:
        return value


@dataclass(frozen=True, slots=True)
class Position:
    """Where a read of the signatures left off: the last one's confirmation time and id."""

    confirmed_at: datetime.datetime
    pk: int


@dataclass(frozen=True, slots=True)
class SharedSignature:
    """One confirmed signature as the organization may see it (the CSV export's columns)."""

    pk: int
    created_at: datetime.datetime
    confirmed_at: datetime.datetime
    country: str
    first_name: str  # "" unless the signer chose to be public
    comment: str  # "" unless the signer chose to be public
    email: str  # "" unless the signer agreed that the organization may write to them
    source: str

    @property
    def position(self) -> Position:
        return Position(confirmed_at=self.confirmed_at, pk=self.pk)


def _shared_values(
    petition: Petition,
    *,
    include_emails: bool,
    extra: tuple[str, ...] = (),
    after: Position | None = None,
    limit: int | None = None,
) -> Iterator[tuple[object, ...]]:
    """Confirmed signatures in order of confirmation, as value tuples: the five shared columns,
    then consent and address (if `include_emails`), then `extra`."""
    fields = ["created_at", "confirmed_at", "country", "shown_name", "shown_comment"]
    if include_emails:
        fields += ["contact_consent", "email_encrypted"]
    rows = Signature.objects.filter(petition=petition, status=SignatureStatus.CONFIRMED)
    if after is not None:
        rows = rows.filter(
            Q(confirmed_at__gt=after.confirmed_at)
            | Q(confirmed_at=after.confirmed_at, pk__gt=after.pk)
        )
    values = (
        rows.annotate(
            shown_name=disclosure.public_name(),
            # What the signer wrote, even if a moderator hid it from the page.
            shown_comment=disclosure.public_comment(hidden_too=True),
        )
        .order_by("confirmed_at", "pk")
        .values_list(*fields, *extra)
    )
    if limit is not None:
        values = values[:limit]
    return values.iterator(chunk_size=_CHUNK)


def signatures_shared(
    *, petition: Petition, after: Position | None = None, limit: int = 1000
) -> Iterator[SharedSignature]:
    """The confirmed signatures of `petition` after `after`, at most `limit`, with exactly the
    fields the CSV export gives (streamed: memory stays flat). The caller audits the read."""
    for values in _shared_values(
        petition, include_emails=True, extra=("pk", "source"), after=after, limit=limit
    ):
        created, confirmed, country, name, comment, consent, encrypted, pk, source = values
        yield SharedSignature(
            pk=int(pk),  # type: ignore[call-overload]
            created_at=created,  # type: ignore[arg-type]
            confirmed_at=confirmed,  # type: ignore[arg-type]
            country=str(country),
            first_name=disclosure.first_name(str(name)),
            comment=str(comment),
            email=crypto.decrypt(str(encrypted)) if consent and encrypted else "",
            source=str(source),
        )


@dataclass
class CsvExport:
    petition: Petition
    include_emails: bool = True
    digest: "hashlib._Hash" = field(default_factory=hashlib.sha256)
    rows: int = 0

    def header(self) -> list[str]:
        columns = [
            _("signed on"),
            _("confirmed on"),
            _("country"),
            _("first name (public signers only)"),
            _("why they signed (public signers only)"),
        ]
        if self.include_emails:
            columns.append(_("e-mail (signers who agreed to be contacted)"))
        return columns

    def _values(self) -> Iterator[tuple[object, ...]]:
        return _shared_values(self.petition, include_emails=self.include_emails)

    def _row(self, values: tuple[object, ...]) -> list[str]:
        created, confirmed, country, name, comment = values[:5]
        row = [
            created.date().isoformat(),  # type: ignore[attr-defined]
            confirmed.date().isoformat(),  # type: ignore[attr-defined]
            str(country),
            safe_cell(disclosure.first_name(str(name))),
            safe_cell(str(comment)),
        ]
        if self.include_emails:
            consent, encrypted = values[5:7]
            row.append(safe_cell(crypto.decrypt(str(encrypted))) if consent and encrypted else "")
        return row

    def lines(self) -> Iterator[bytes]:
        """The CSV, a line at a time, as UTF-8 (with a BOM so spreadsheets read the scripts)."""
        writer = csv.writer(_Line())
        first = "\ufeff" + writer.writerow(self.header())
        yield self._hashed(first)
        for values in self._values():
            self.rows += 1
            yield self._hashed(writer.writerow(self._row(values)))

    def _hashed(self, line: str) -> bytes:
        data = line.encode("utf-8")
        self.digest.update(data)
        return data


@transaction.atomic
def signatures_export(
    *, petition: Petition, by: models.Model, include_emails: bool = True
) -> CsvExport:
    """The CSV of `petition`'s signatures for `by`, audited before a single row is read:
    `signatures.export` (with the addresses signers agreed to share) or
    `signatures.delivery-list` (the list the delivery document certifies, no addresses)."""
    if include_emails:
        audit_record(actor=by, action="signatures.export", target=petition)
    else:
        audit_record(actor=by, action="signatures.delivery-list", target=petition)
    return CsvExport(petition, include_emails=include_emails)
