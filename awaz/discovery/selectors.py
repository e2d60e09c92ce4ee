"""Search over every version of every petition the public may read: one selector, two engines.

SQLite (the embedded default) answers through FTS5, PostgreSQL through its tsvector index; both
read the same normalized documents (awaz.discovery.text), so a query behaves alike on either. The
query never reaches the engine's syntax: it is cut into words here, each word quoted (FTS5) or
passed as plain text (`plainto_tsquery`), so `" OR 1=1`, `NEAR(` or `*` are only words. The
SQL built with f-strings holds only our own table names and placeholders (hence the nosec marks).

Cost (bench/bench_search.py, 10,000 petitions): a search is at most one query to count (capped
at MAX_RESULTS + 1, so a common word does not count every match), one to rank and page, and the
two that read the page's twenty petitions. Ranking reads every match once: FTS5 ranks with bm25
from its own index; PostgreSQL finds the matches in the GIN index over the words (never reading
a row's words), counts them in the same pass, and ranks them by the title's small vector, then
newest first (reading every match's whole text to rank it cost 10-20 times more).
"""

from dataclasses import dataclass
from functools import lru_cache

from django.db import connection, transaction

from awaz.discovery import text
from awaz.discovery.models import Feature, SearchDocument, Trend
from awaz.petitions.models import Petition
from awaz.petitions.selectors import PetitionSummary, petition_summaries

PER_PAGE = 20
MAX_PAGES = 50  # deeper pages are no use to a reader and cost a scan each
MAX_WORDS = 12
MAX_QUERY_CHARS = 400  # more than MAX_WORDS words of any script; a longer query is cut, not read
MAX_RESULTS = PER_PAGE * MAX_PAGES  # counted up to here: "more than 1,000" is all a reader needs


@dataclass(frozen=True, slots=True)
class SearchPage:
    results: list[PetitionSummary]
    total: int  # at most MAX_RESULTS + 1, which means "more than MAX_RESULTS"
    page: int
    pages: int

    @property
    def more(self) -> bool:
        return self.total > MAX_RESULTS


def petitions_search(*, query: str, language: str, page: int = 1) -> SearchPage:
    """The page `page` of petitions matching every word of `query`, best first."""
    forms = _forms(query[:MAX_QUERY_CHARS])
    page = min(max(page, 1), MAX_PAGES)
    if not forms:
        return SearchPage(results=[], total=0, page=1, pages=0)
    search = _postgresql if connection.vendor == "postgresql" else _sqlite
    ids, total = search(forms, offset=(page - 1) * PER_PAGE)
    pages = min(-(-total // PER_PAGE), MAX_PAGES)
    return SearchPage(
        results=petition_summaries(ids=ids, language=language),
        total=total,
        page=page,
        pages=pages,
    )


Forms = tuple[tuple[str, ...], ...]


@lru_cache(maxsize=2048)
def _forms(query: str) -> Forms:
    """The query's forms, each cut to MAX_WORDS words (remembered: the same searches recur, and
    converting a query between scripts costs more than the rest of its reading)."""
    return tuple(tuple(form[:MAX_WORDS]) for form in text.query_forms(query))


_VISIBLE = sorted(Petition.VISIBLE)
_DOCUMENTS = SearchDocument._meta.db_table
_PETITIONS = Petition._meta.db_table


def _sqlite(forms: Forms, *, offset: int) -> tuple[list[int], int]:
    match = " OR ".join("(" + " AND ".join(f'"{word}"' for word in form) + ")" for form in forms)
    statuses = ", ".join("%s" for _ in _VISIBLE)
    where = (
        f"FROM discovery_fts JOIN {_PETITIONS} p ON p.id = discovery_fts.rowid "
        f"WHERE discovery_fts MATCH %s AND p.status IN ({statuses})"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM (SELECT 1 {where} LIMIT %s)",  # noqa: S608  # nosec B608
            [match, *_VISIBLE, MAX_RESULTS + 1],
        )
        (total,) = cursor.fetchone()
        if total <= offset:
            return [], total
        cursor.execute(
            f"SELECT discovery_fts.rowid {where} "
            "ORDER BY bm25(discovery_fts, 10.0, 1.0), discovery_fts.rowid DESC LIMIT %s OFFSET %s",
            [match, *_VISIBLE, PER_PAGE, offset],
        )
        return [row[0] for row in cursor.fetchall()], total


# The GIN index discovery_document_words is over this very expression (migration 0004): written
# so, the index answers the match without reading the row's words.
_PG_WORDS = (
    "(to_tsvector('simple'::regconfig, d.title) || to_tsvector('simple'::regconfig, d.body))"
)
# The planner does not know that the index answers without a recheck: for a word that many
# petitions have it would rather scan the table (or its primary key, for a LIMIT) and compute
# every row's words, 1 s on 10,000 petitions. For these queries, only the index is left (any
# other way to read the documents or the petitions is still there, only dearer); the settings
# are put back after them, for a caller's enclosing transaction would keep them till its end.
_PG_INDEX_ONLY = (
    "SELECT current_setting('enable_seqscan'), current_setting('enable_indexscan'), "
    "set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)"
)
_PG_SETTINGS_BACK = (
    "SELECT set_config('enable_seqscan', %s, true), set_config('enable_indexscan', %s, true)"
)


def _postgresql(forms: Forms, *, offset: int) -> tuple[list[int], int]:
    query = " || ".join("plainto_tsquery('simple'::regconfig, %s)" for _ in forms)
    words = [" ".join(form) for form in forms]
    # The matches first, from the index alone (MATERIALIZED: the planner may not fold the match
    # into a walk over the petitions either), then only the ones the public may read.
    matched = (
        f"WITH matched AS MATERIALIZED (SELECT d.petition_id, d.title_tsv FROM {_DOCUMENTS} d "  # noqa: S608  # nosec B608
        f"WHERE {_PG_WORDS} @@ ({query})) "
        f"SELECT {{columns}} FROM matched m JOIN {_PETITIONS} p ON p.id = m.petition_id "
        "WHERE p.status = ANY(%s)"
    )
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute(_PG_INDEX_ONLY)
        settings = cursor.fetchone()[:2]
        # Ranking reads every match anyway, so one pass counts them too (the count is capped
        # below, as on SQLite); a page past the last has no row to carry it and counts apart.
        cursor.execute(
            matched.format(columns="m.petition_id, count(*) OVER ()")
            + f" ORDER BY ts_rank(m.title_tsv, ({query})) DESC, m.petition_id DESC"
            " LIMIT %s OFFSET %s",
            [*words, _VISIBLE, *words, PER_PAGE, offset],
        )
        rows = cursor.fetchall()
        if rows:
            total = rows[0][1]
        elif offset:
            cursor.execute(matched.format(columns="count(*)"), [*words, _VISIBLE])
            (total,) = cursor.fetchone()
        else:
            total = 0
        cursor.execute(_PG_SETTINGS_BACK, settings)
    return [row[0] for row in rows], min(total, MAX_RESULTS + 1)


def petitions_featured(*, language: str, limit: int = 3) -> list[PetitionSummary]:
    """The staff's picks that the public may read, newest pick first."""
    ids = list(
        Feature.objects.filter(petition__status__in=_VISIBLE)
        .order_by("-featured_at")
        .values_list("petition_id", flat=True)[:limit]
    )
    return petition_summaries(ids=ids, language=language)


def petitions_trending(*, language: str, limit: int = 5) -> list[PetitionSummary]:
    """Open petitions that gained the most signatures in the last day (as last computed)."""
    ids = list(
        Trend.objects.filter(petition__status__in=sorted(Petition.SIGNABLE))
        .order_by("-gained", "-petition_id")
        .values_list("petition_id", flat=True)[:limit]
    )
    return petition_summaries(ids=ids, language=language)


def petition_is_featured(*, petition: Petition) -> bool:
    return Feature.objects.filter(petition=petition).exists()
