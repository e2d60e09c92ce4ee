"""The benchmark's data: petitions, a million confirmed signatures, pending ones with tokens.

Runs inside a session process (Django set up on the benchmark's own database). Signatures that
need no code path of their own (the million, the pending ones a surge confirms) are written
directly in batches; everything the benchmark measures goes through the application.
"""

import datetime
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from awaz.organizations.models import Organization
from awaz.petitions.models import Petition, PetitionLink, PetitionText
from awaz.privacy import crypto
from awaz.signatures.counting import signature_count_recount, signature_counts_fold_all
from awaz.signatures.models import Signature, SignatureStatus
from awaz.signatures.tokens import Purpose, make_token

TEMPLATE_SLUG = "save-serikzhan-bilash"  # the demo's richest page: 4 versions, links
EMPTY = "bench-empty"  # 0 signatures
BIG = "bench-million"  # 1,000,000 confirmed signatures (fewer with --quick)
LIVE = "bench-live"  # signed, read and confirmed while the benchmark runs
SURGE = "bench-surge"  # one petition taking a surge of confirmations
SPREAD = tuple(f"bench-spread-{n:03d}" for n in range(100))  # the same surge spread over 100
MAIL = "bench-mail"  # the e-mail benchmark's signatures
BATCH = 20_000
Row = tuple[Any, ...]


def prepare_schema() -> None:
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("seed_demo", verbosity=0)


def _clone(template: Petition, organization: Organization, slug: str, age_days: int) -> Petition:
    petition = Petition.objects.create(
        organization=organization,
        slug=slug,
        status=Petition.Status.OPEN,
        original_language=template.original_language,
        first_goal=template.first_goal,
        published_at=timezone.now() - datetime.timedelta(days=age_days),
    )
    for text in template.texts.all():
        links = list(text.links.all())
        text.pk = None
        text.petition = petition
        text.save()
        PetitionLink.objects.bulk_create(
            PetitionLink(text=text, title=link.title, url=link.url, position=link.position)
            for link in links
        )
    return petition


@transaction.atomic
def create_petitions() -> dict[str, int]:
    """The benchmark's petitions, copies of the demo's; returns slug -> id."""
    template = Petition.objects.get(slug=TEMPLATE_SLUG)
    organization = template.organization
    slugs = {}
    for age, slug in enumerate((EMPTY, BIG, LIVE, SURGE, MAIL), start=400):
        slugs[slug] = _clone(template, organization, slug, age).pk
    # The spread petitions belong to an organization of their own, so that the pages above all
    # list the same "previous petitions".
    other = Organization.objects.create(name="Bench Spread", slug="bench-spread")
    for age, slug in enumerate(SPREAD, start=500):
        slugs[slug] = _clone(template, other, slug, age).pk
    assert PetitionText.objects.filter(petition_id=slugs[EMPTY]).exists()
    return slugs


def _fields() -> list[Any]:
    return [field for field in Signature._meta.concrete_fields if not field.primary_key]


def _insert(rows: Iterable[Row]) -> int:
    """Insert signature rows in batches: COPY on PostgreSQL, executemany on SQLite."""
    table = Signature._meta.db_table
    columns = ", ".join(connection.ops.quote_name(field.column) for field in _fields())
    iterator = iter(rows)
    total = 0
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            raw = cursor.cursor  # psycopg's own cursor, for COPY
            with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in iterator:
                    copy.write_row(row)
                    total += 1
        return total
    marks = ", ".join(["%s"] * len(_fields()))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608
    with connection.cursor() as cursor:
        while batch := list(islice(iterator, BATCH)):
            cursor.executemany(sql, batch)
            total += len(batch)
    return total


def _moment(value: datetime.datetime) -> object:
    return connection.ops.adapt_datetimefield_value(value)


def _rows(
    petition_id: int, count: int, *, status: str, tag: str, start: datetime.datetime
) -> Iterator[Row]:
    """Rows as signing would leave them; `tag` (in the consent column) tells batches apart.

    Columns this does not know (added to the model later) get their model default.
    """
    fields = _fields()
    names = [field.attname for field in fields]
    defaults = {f.attname: f.get_db_prep_save(f.get_default(), connection) for f in fields}
    encrypted = crypto.encrypt("bench-signer@example.org")
    # Names and comments are stored encrypted (EncryptedTextField): a few tokens, reused.
    names_encrypted = [crypto.encrypt(f"Signer{number} B.") for number in range(997)]
    comment_encrypted = crypto.encrypt("For my family.")
    confirmed = status == SignatureStatus.CONFIRMED
    for number in range(count):
        created = start + datetime.timedelta(seconds=number)
        public = number % 3 == 0
        values = {
            "petition_id": petition_id,
            "status": status,
            "name": names_encrypted[number % 997],
            "country": "DE",
            "comment": comment_encrypted if public else "",
            "is_public": public,
            "language": "en",
            "email_digest": hashlib.sha256(f"{tag}:{petition_id}:{number}".encode()).hexdigest(),
            "email_domain": "example.org",
            "email_encrypted": "" if confirmed else encrypted,
            "emails_sent": 1,
            "consent": tag,
            "created_at": _moment(created),
            "confirmed_at": _moment(created + datetime.timedelta(minutes=3)) if confirmed else None,
        }
        yield tuple(values[name] if name in values else defaults[name] for name in names)


@transaction.atomic
def add_confirmed(petition_id: int, count: int) -> None:
    """`count` confirmed signatures, published in the count at once (as the demo does)."""
    start = timezone.now() - datetime.timedelta(seconds=count + 3600)
    _insert(_rows(petition_id, count, status=SignatureStatus.CONFIRMED, tag="bulk", start=start))
    Petition.objects.filter(pk=petition_id).update(signature_count=count)


def vacuum_analyze(tables: Sequence[str] = ()) -> None:
    """VACUUM ANALYZE on PostgreSQL (outside a transaction); nothing on SQLite."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for table in tables or [""]:
            cursor.execute(f"VACUUM ANALYZE {table}")


@dataclass(frozen=True, slots=True)
class Pending:
    petition_id: int
    token: str


def add_pending(petition_ids: Sequence[int], count: int, tag: str) -> list[Pending]:
    """`count` pending signatures spread round-robin over the petitions, with confirm tokens.

    The tokens come from awaz.signatures.tokens.make_token, as in the e-mails. `tag` (at most
    16 characters) must be new for each batch.
    """
    start = timezone.now() - datetime.timedelta(minutes=5)
    per_petition = dict.fromkeys(petition_ids, 0)
    for number in range(count):
        per_petition[petition_ids[number % len(petition_ids)]] += 1
    with transaction.atomic():
        for pid, n in per_petition.items():
            _insert(_rows(pid, n, status=SignatureStatus.PENDING, tag=tag, start=start))
    rows = (
        Signature.objects.filter(petition_id__in=petition_ids, consent=tag)
        .only("pk", "petition_id", "email_digest")
        .order_by("pk")
    )
    by_petition: dict[int, list[Pending]] = {pid: [] for pid in petition_ids}
    for signature in rows:
        by_petition[signature.petition_id].append(
            Pending(signature.petition_id, make_token(signature, Purpose.CONFIRM))
        )
    # Interleave the petitions, so that a spread surge really alternates between them.
    columns = [by_petition[pid] for pid in petition_ids]
    pending = []
    for row in range(max(len(column) for column in columns)):
        pending += [column[row] for column in columns if row < len(column)]
    assert len(pending) == count, (len(pending), count)
    return pending


def confirmed_rows(petition_ids: Sequence[int]) -> int:
    return Signature.objects.counted().filter(petition_id__in=petition_ids).count()


@dataclass(frozen=True, slots=True)
class CountCheck:
    petitions: int
    wrong: list[str]  # "slug: published N, confirmed rows M"

    @property
    def ok(self) -> bool:
        return not self.wrong


def fold_and_check(petition_ids: Sequence[int] | None = None) -> CountCheck:
    """Fold the shards, then prove published count == confirmed rows for each petition."""
    signature_counts_fold_all()
    petitions = Petition.objects.all()
    if petition_ids is not None:
        petitions = petitions.filter(pk__in=petition_ids)
    wrong = []
    for petition in petitions.only("pk", "slug"):
        recount = signature_count_recount(petition_id=petition.pk)
        if recount.drift or recount.unfolded:
            wrong.append(
                f"{petition.slug}: published {recount.published} + unfolded {recount.unfolded}"
                f", confirmed rows {recount.confirmed_rows}"
            )
    return CountCheck(petitions=petitions.count(), wrong=wrong)
