"""Reads for the public pages: a fixed, small number of queries whatever the count."""

import datetime
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.db import connections, router
from django.db.models import Prefetch, Q

from awaz.i18n import languages
from awaz.organizations.models import Organization
from awaz.petitions.models import Petition, PetitionLink, PetitionQuerySet, PetitionText


@dataclass(frozen=True, slots=True)
class PetitionSummary:
    """A petition in a list: its count and its title in the reader's language where it has one."""

    petition: Petition
    text: PetitionText


@dataclass(frozen=True, slots=True)
class PetitionPage:
    petition: Petition
    text: PetitionText  # the version shown
    in_requested_language: bool  # False when the reader's language has no version yet
    versions: Sequence[PetitionText]  # every language version, in the site's language order
    links: Sequence[PetitionLink]
    previous: Sequence[PetitionSummary]  # the organization's other petitions
    # The version shown is not the reader's language but the closest to it (not the original).
    text_is_closest: bool = False


@dataclass(frozen=True, slots=True)
class OrganizationPage:
    organization: Organization
    petitions: Sequence[PetitionSummary]


class HasLanguage(Protocol):
    @property
    def language(self) -> str: ...


def _language_order(text: HasLanguage) -> int:
    return languages.CODES.index(text.language) if text.language in languages.CODES else 99


def text_preferred[Version: HasLanguage](
    texts: Iterable[Version], *, language: str, original_language: str
) -> Version | None:
    """The version in `language`, else the closest one its reader reads (Cyrillic Uyghur for
    a Kazakh reader, Latin for a Turkish one: `languages.CLOSEST`), else the one the petition
    was written in, else any."""
    by_language = {text.language: text for text in texts}
    for code in (language, *languages.closest(language), original_language):
        if code in by_language:
            return by_language[code]
    return next(iter(sorted(by_language.values(), key=_language_order)), None)


def _summaries(petitions: Iterable[Petition], language: str) -> list[PetitionSummary]:
    summaries = []
    for petition in petitions:
        text = text_preferred(
            petition.texts.all(), language=language, original_language=petition.original_language
        )
        if text is not None:
            summaries.append(PetitionSummary(petition=petition, text=text))
    return summaries


def _with_titles(queryset: PetitionQuerySet) -> PetitionQuerySet:
    titles = PetitionText.objects.only("id", "petition_id", "language", "title", "target")
    return queryset.prefetch_related(Prefetch("texts", queryset=titles))


def petitions_open(*, language: str, limit: int = 100) -> list[PetitionSummary]:
    """Open petitions for the home page, newest first."""
    petitions = _with_titles(
        Petition.objects.signable().select_related("organization").order_by("-published_at")
    )[:limit]
    return _summaries(petitions, language)


def petition_visible(*, slug: str) -> Petition | None:
    """The petition the public may see under `slug`, or None."""
    return Petition.objects.visible().filter(slug=slug).first()


def petition_removed(*, slug: str) -> bool:
    """Whether `slug` names a petition taken down (its page says so: 410, not 404)."""
    return Petition.objects.filter(slug=slug, status=Petition.Status.REMOVED).exists()


def petition_shown(*, slug: str) -> Petition | None:
    """The petition the public may see under `slug`, with its organization: one query."""
    return Petition.objects.visible().select_related("organization").filter(slug=slug).first()


def petition_for_page(*, slug: str) -> Petition | None:
    """`petition_shown` without its organization (loaded if asked for), in a query whose text
    is built once: the ORM spent 0.6 ms of the page's CPU building it (public/skeleton.py)."""
    database = connections[router.db_for_read(Petition)]  # a replica for the public page
    sql, params = _for_page_sql(database.alias)
    found = Petition.objects.raw(
        sql, [slug if p is _SLUG else p for p in params], using=database.alias
    )
    return next(iter(found), None)


_SLUG = object()  # where the slug goes among the query's parameters


@functools.cache
def _for_page_sql(alias: str) -> tuple[str, tuple[object, ...]]:
    query = Petition.objects.visible().filter(slug="").order_by()[:1].query
    sql, params = query.get_compiler(alias).as_sql()
    return sql, tuple(_SLUG if p == "" else p for p in params)


def _previous(petition: Petition) -> PetitionQuerySet:
    return (
        Petition.objects.visible()
        .filter(organization_id=petition.organization_id)
        .exclude(pk=petition.pk)
        .order_by("-published_at", "-pk")
    )


def petitions_previous_versions(*, petition: Petition) -> list[tuple[int, str, int, int]]:
    """What the page's "previous petitions" depend on: each one's id, state, count and content
    version, in the order of `_previous`.

    One query whose text is built once: the ORM spent more CPU building it than the page from
    its skeleton spends on everything else (public/skeleton.py).
    """
    database = connections[router.db_for_read(Petition)]  # a replica for the public page
    visible = sorted(Petition.VISIBLE)
    with database.cursor() as cursor:
        cursor.execute(
            _previous_sql(database.alias, len(visible)),
            [petition.organization_id, petition.pk, *visible, settings.AWAZ_PREVIOUS_PETITIONS],
        )
        return [
            (int(pk), str(status), int(count), int(version))
            for pk, status, count, version in cursor.fetchall()
        ]


@functools.cache
def _previous_sql(alias: str, statuses: int) -> str:
    meta = Petition._meta
    quote = connections[alias].ops.quote_name
    table = quote(meta.db_table)
    columns = {field.name: str(field.column) for field in meta.concrete_fields}
    pk, status, count, version, organization, published = (
        quote(columns[name])
        for name in (
            "id",
            "status",
            "signature_count",
            "content_version",
            "organization",
            "published_at",
        )
    )
    states = ", ".join(["%s"] * statuses)
    # No value is formatted in: the table's and columns' names only.
    return (
        f"SELECT {pk}, {status}, {count}, {version} FROM {table} "  # noqa: S608  # nosec B608
        f"WHERE {organization} = %s AND {pk} <> %s AND {status} IN ({states}) "
        f"ORDER BY {published} DESC, {pk} DESC LIMIT %s"
    )


def petition_page(
    *, slug: str, language: str, petition: Petition | None = None
) -> PetitionPage | None:
    """Everything the public petition page shows, or None when the public may not see it.

    `petition`: the one `petition_shown(slug=slug)` returned, when the caller has it already.
    """
    if petition is None:
        petition = petition_shown(slug=slug)
    if petition is None:
        return None
    versions = sorted(petition.texts.all(), key=_language_order)
    text = text_preferred(versions, language=language, original_language=petition.original_language)
    if text is None:
        return None
    previous = _with_titles(_previous(petition))[: settings.AWAZ_PREVIOUS_PETITIONS]
    return PetitionPage(
        petition=petition,
        text=text,
        in_requested_language=text.language == language,
        versions=versions,
        links=list(text.links.all()),
        previous=_summaries(previous, language),
        text_is_closest=text.language in languages.closest(language)
        and text.language != petition.original_language,
    )


def organization_page(*, slug: str, language: str) -> OrganizationPage | None:
    organization = Organization.objects.filter(slug=slug).first()
    if organization is None:
        return None
    petitions = _with_titles(
        Petition.objects.visible().filter(organization=organization).order_by("-published_at")
    )
    return OrganizationPage(organization=organization, petitions=_summaries(petitions, language))


def petitions_newest(
    *,
    language: str,
    limit: int,
    organization: Organization | None = None,
    written_in: str | None = None,
) -> list[PetitionSummary]:
    """The latest published petitions the public may read, for feeds: site-wide, of one
    organization, or only those with a version in `written_in` (shown in that version)."""
    petitions = Petition.objects.visible().select_related("organization")
    if organization is not None:
        petitions = petitions.filter(organization=organization)
    if written_in is not None:
        petitions = petitions.filter(texts__language=written_in)
    texts = PetitionText.objects.only(
        "id", "petition_id", "language", "title", "summary", "target", "updated_at"
    )
    newest = petitions.prefetch_related(Prefetch("texts", queryset=texts)).order_by(
        "-published_at", "-pk"
    )[:limit]
    return _summaries(newest, written_in or language)


def petitions_for_sitemap() -> list[tuple[Petition, list[str]]]:
    """Every petition the public may read, with the languages it has a version in."""
    petitions = (
        Petition.objects.visible()
        .prefetch_related(
            Prefetch("texts", queryset=PetitionText.objects.only("petition_id", "language"))
        )
        .order_by("pk")
    )
    return [
        (petition, sorted((text.language for text in petition.texts.all()), key=_code_order))
        for petition in petitions
    ]


def organizations_with_visible_petitions() -> list[Organization]:
    """Organizations whose page lists at least one petition the public may read."""
    visible = Petition.objects.visible().values("organization_id")
    return list(Organization.objects.filter(pk__in=visible).order_by("pk"))


def _code_order(code: str) -> int:
    return languages.CODES.index(code) if code in languages.CODES else 99


def petition_summaries(*, ids: Sequence[int], language: str) -> list[PetitionSummary]:
    """The petitions with these ids that the public may read, in the order given."""
    found = {
        petition.pk: petition
        for petition in _with_titles(
            Petition.objects.visible().select_related("organization").filter(pk__in=ids)
        )
    }
    return _summaries([found[pk] for pk in ids if pk in found], language)


@dataclass(frozen=True, slots=True)
class BrowsePage:
    results: list[PetitionSummary]
    total: int
    page: int
    pages: int


BROWSE_PER_PAGE = 20


def petitions_browse(
    *, language: str, status: str | None = None, written_in: str | None = None, page: int = 1
) -> BrowsePage:
    """Petitions the public may read, by state and by language version: open ones newest first,
    ended ones (closed, won) by when they ended."""
    petitions = Petition.objects.visible()
    if status is not None:
        petitions = petitions.filter(status=status)
    if written_in is not None:
        petitions = petitions.filter(texts__language=written_in)
    ordering = (
        ("-published_at", "-pk")
        if status in (None, *Petition.SIGNABLE)
        else ("-ended_at", "-published_at", "-pk")
    )
    total = petitions.count()
    pages = max(-(-total // BROWSE_PER_PAGE), 1)
    page = min(max(page, 1), pages)
    start = (page - 1) * BROWSE_PER_PAGE
    shown = _with_titles(petitions.select_related("organization").order_by(*ordering))[
        start : start + BROWSE_PER_PAGE
    ]
    return BrowsePage(
        results=_summaries(shown, written_in or language), total=total, page=page, pages=pages
    )


def petition_texts(*, petition: Petition) -> list[PetitionText]:
    """Every version of `petition`, for choosing the one a reader (or a document) is given."""
    return list(PetitionText.objects.filter(petition=petition))


def petition_title_shown(*, petition: Petition, language: str) -> PetitionText | None:
    """The version whose title names `petition` to a reader of `language` (one query at most:
    the petition's prefetched texts when a list has them)."""
    return text_preferred(
        petition.texts.all(), language=language, original_language=petition.original_language
    )


@dataclass(frozen=True, slots=True)
class Position:
    """Where a list left off: the last petition's publication time and id (newest first)."""

    published_at: datetime.datetime
    pk: int


def petitions_listed(
    *,
    language: str,
    status: str | None = None,
    organization_slug: str | None = None,
    written_in: str | None = None,
    after: Position | None = None,
    limit: int = 20,
) -> list[PetitionSummary]:
    """Petitions the public may read, newest published first, from `after` on (for a list that
    is read page by page: each page costs an index range, however deep)."""
    petitions = Petition.objects.visible()
    if status is not None:
        petitions = petitions.filter(status=status)
    if organization_slug is not None:
        petitions = petitions.filter(organization__slug=organization_slug)
    if written_in is not None:
        petitions = petitions.filter(texts__language=written_in)
    if after is not None:
        petitions = petitions.filter(
            Q(published_at__lt=after.published_at)
            | Q(published_at=after.published_at, pk__lt=after.pk)
        )
    shown = petitions.select_related("organization").order_by("-published_at", "-pk")[:limit]
    texts = PetitionText.objects.only(
        "id", "petition_id", "language", "title", "summary", "target", "updated_at"
    )
    return _summaries(
        shown.prefetch_related(Prefetch("texts", queryset=texts)), written_in or language
    )


def petition_published(*, slug: str) -> Petition | None:
    """A petition the public may read, with every version and its links, its milestones and its
    organization, for a document that shows them all (the API)."""
    return (
        Petition.objects.visible()
        .select_related("organization")
        .prefetch_related("texts__links", "milestones")
        .filter(slug=slug)
        .first()
    )
