import csv
import datetime
import hashlib
import io

import pytest
from django.utils import timezone

from awaz.privacy import crypto
from awaz.signatures.exports import CsvExport, safe_cell
from awaz.signatures.models import Signature
from awaz.signatures.statistics import confirmations_per_day, counts_by_country, status_counts
from tests.factories import make_petition, make_signatures

pytestmark = pytest.mark.django_db


def read(export):
    return list(csv.reader(io.StringIO(b"".join(export.lines()).decode("utf-8-sig"))))


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM", "'@SUM"),
        ("\tx", "'\tx"),
        ("Ayshe", "Ayshe"),
    ],
)
def test_formulas_are_defused(value, safe):
    assert safe_cell(value) == safe


def test_the_export_has_only_confirmed_signatures_and_only_what_was_agreed():
    petition = make_petition()
    public, private = make_signatures(petition, 2)
    Signature.objects.filter(pk=private.pk).update(is_public=False)
    Signature.objects.filter(pk=public.pk).update(
        contact_consent=True, email_encrypted=crypto.encrypt("public@example.org")
    )
    Signature.objects.filter(pk=private.pk).update(email_encrypted=crypto.encrypt("p@example.org"))
    make_signatures(petition, 3, status="pending")
    rows = read(CsvExport(petition))
    assert len(rows) == 3  # header + 2 confirmed
    by_name = {row[3]: row for row in rows[1:]}
    assert by_name[public.name.split()[0]][5] == "public@example.org"
    assert public.name not in str(rows)  # the first name only, as the sign form promises
    assert by_name[""][4] == "" and by_name[""][5] == ""  # private: no name, reason or e-mail
    assert "p@example.org" not in str(rows)


def test_a_formula_in_a_comment_cannot_run_in_a_spreadsheet():
    petition = make_petition()
    (signature,) = make_signatures(petition, 1)
    Signature.objects.filter(pk=signature.pk).update(comment="=cmd|'/c calc'!A1")
    assert read(CsvExport(petition))[1][4] == "'=cmd|'/c calc'!A1"


def test_the_digest_is_over_the_exact_bytes():
    petition = make_petition()
    make_signatures(petition, 5)
    export = CsvExport(petition)
    data = b"".join(export.lines())
    assert export.rows == 5
    assert export.digest.hexdigest() == hashlib.sha256(data).hexdigest()
    assert data.startswith("\ufeff".encode())


def test_small_countries_are_hidden_below_k():
    petition = make_petition()
    make_signatures(petition, 12, country="DE")
    make_signatures(petition, 3, country="IS")
    make_signatures(petition, 2, country="LU")
    counts = counts_by_country(petition, k=10)
    assert counts.shown == [("DE", 12)]
    assert counts.hidden == 5


def test_confirmations_per_day_fill_the_quiet_days():
    petition = make_petition()
    first, _second, third = make_signatures(petition, 3)
    day = timezone.now().replace(hour=12)
    Signature.objects.filter(pk=first.pk).update(confirmed_at=day - datetime.timedelta(days=2))
    Signature.objects.filter(pk=third.pk).update(confirmed_at=day)
    series = confirmations_per_day(petition)
    assert [count for _day, count in series] == [1, 0, 2]


def test_status_counts_cover_every_state():
    petition = make_petition()
    make_signatures(petition, 2)
    make_signatures(petition, 1, status="pending")
    counts = status_counts(petition)
    assert counts["confirmed"] == 2 and counts["pending"] == 1 and counts["invalidated"] == 0
