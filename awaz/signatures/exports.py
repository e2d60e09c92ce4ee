"""The signatures of a petition as CSV, for its delivery: streamed, safe, only what was agreed.

- Streamed row by row from a server-side cursor: memory stays flat whatever the count.
- Only confirmed signatures. Names and comments only of signers who chose to be public; the
  e-mail address only of signers who agreed that the organization may write to them.
- Cells a spreadsheet would run as a formula (= + - @, tab, carriage return) are quoted with a
  leading apostrophe (OWASP's advice for CSV injection).
- The SHA-256 of the exact bytes is printed in the delivery document, so the recipient can check
  that the list was not altered.
"""

import csv
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db import models, transaction
from django.utils.translation import gettext as _

from awaz.audit.services import audit_record
from awaz.core import crypto
from awaz.petitions.models import Petition
from awaz.signatures.models import Signature, SignatureStatus

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CHUNK = 5000


def safe_cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


class _Line:
    """A file-like object that hands back what csv.writer writes, one row at a time."""

    def write(self, value: str) -> str:
        return value


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
            _("name (public signers only)"),
            _("why they signed (public signers only)"),
        ]
        if self.include_emails:
            columns.append(_("e-mail (signers who agreed to be contacted)"))
        return columns

    def _values(self) -> Iterator[tuple[object, ...]]:
        fields = ["created_at", "confirmed_at", "country", "name", "comment", "is_public"]
        if self.include_emails:
            fields += ["contact_consent", "email_encrypted"]
        return (
            Signature.objects.filter(petition=self.petition, status=SignatureStatus.CONFIRMED)
            .order_by("confirmed_at", "pk")
            .values_list(*fields)
            .iterator(chunk_size=_CHUNK)
        )

    def _row(self, values: tuple[object, ...]) -> list[str]:
        created, confirmed, country, name, comment, public = values[:6]
        row = [
            created.date().isoformat(),  # type: ignore[attr-defined]
            confirmed.date().isoformat(),  # type: ignore[attr-defined]
            str(country),
            safe_cell(str(name)) if public else "",
            safe_cell(str(comment)) if public else "",
        ]
        if self.include_emails:
            consent, encrypted = values[6:8]
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


def export_digest(lines: Iterable[bytes]) -> str:
    """The SHA-256 of an export's bytes, for the delivery document."""
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line)
    return digest.hexdigest()


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
