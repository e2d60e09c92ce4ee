"""The public read API: what the public pages show, as JSON, for anyone (no key).

Only petitions the public may read exist here (draft, pending, rejected and removed ones are
404, like their pages). Answers are the same for every reader, so shared caches may keep them
for the count interval, and any site may read them (CORS, set at the edge).
"""

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from ninja import Query, Router, Schema
from pydantic import ConfigDict, Field

from awaz.api import schemas
from awaz.api.cursors import CursorError, cursor_make, cursor_read, moment, moment_read
from awaz.api.problems import Problem
from awaz.core.markdown import render_markdown
from awaz.core.replicas import from_replica
from awaz.discovery.selectors import petitions_search
from awaz.i18n import languages
from awaz.organizations.models import Organization
from awaz.organizations.selectors import organization_description_shown
from awaz.petitions import selectors
from awaz.petitions.models import Petition, PetitionStatus, PetitionText
from awaz.petitions.updates import updates_for_page
from awaz.signatures.statistics import counts_by_country

router = Router(tags=["public"])

PER_PAGE = 20
NOT_FOUND = "No petition the public may read has this slug."


def absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def petition_url(request: HttpRequest, slug: str, language: str) -> str:
    with translation.override(language):
        return absolute(request, reverse("public:petition-detail", args=[slug]))


def organization_url(request: HttpRequest, slug: str, language: str) -> str:
    with translation.override(language):
        return absolute(request, reverse("public:organization-detail", args=[slug]))


def cacheable(response: HttpResponse) -> None:
    patch_cache_control(response, public=True, max_age=settings.AWAZ_COUNT_INTERVAL)


def _organization_ref(
    request: HttpRequest, organization: Organization, language: str
) -> dict[str, str]:
    return {
        "name": organization.name,
        "slug": organization.slug,
        "browser_url": organization_url(request, organization.slug, language),
    }


def _summary(request: HttpRequest, petition: Petition, text: PetitionText) -> dict[str, Any]:
    progress = petition.progress
    return {
        "identifiers": [f"awaz:{petition.slug}"],
        "slug": petition.slug,
        "status": petition.status,
        "language": text.language,
        "title": text.title,
        "description": text.summary,
        "target": [{"name": text.target}],
        "total_signatures": progress.count,
        "goal": progress.goal,
        "browser_url": petition_url(request, petition.slug, text.language),
        "created_date": petition.published_at,
        "organization": _organization_ref(request, petition.organization, text.language),
    }


class ListFilters(Schema):
    model_config = ConfigDict(extra="forbid")

    status: PetitionStatus | None = Field(
        default=None, description="open, closed or victory (the others are never public)."
    )
    organization: str | None = Field(default=None, max_length=80, description="Its slug.")
    language: str | None = Field(
        default=None, description="Only petitions with a version in this language, shown in it."
    )
    search: str | None = Field(
        default=None, max_length=200, description="Words, in any language or Uyghur script."
    )
    cursor: str | None = Field(default=None, max_length=500, description="From `next`.")


def _language(code: str | None) -> str | None:
    if code is None:
        return None
    if code not in languages.CODES:
        raise CursorError(f"Unknown language {code!r}; known: {', '.join(languages.CODES)}.")
    return code


@router.get(
    "/petitions",
    response={200: schemas.PetitionList, 400: Problem},
    summary="Petitions the public may read, newest first (or best match first with `search`)",
)
@from_replica
def petition_list(
    request: HttpRequest, response: HttpResponse, filters: Query[ListFilters]
) -> dict[str, Any]:
    written_in = _language(filters.language)
    language = written_in or translation.get_language()
    if filters.status is not None and filters.status not in Petition.VISIBLE:
        return {"petitions": [], "next": None}
    if filters.search:
        return _search(request, response, filters, language)
    after = None
    if filters.cursor:
        position = cursor_read("petitions", filters.cursor)
        after = selectors.Position(
            published_at=moment_read(position.get("p")), pk=int(position.get("i", 0))
        )
    found = selectors.petitions_listed(
        language=language,
        status=filters.status,
        organization_slug=filters.organization,
        written_in=written_in,
        after=after,
        limit=PER_PAGE + 1,
    )
    shown = found[:PER_PAGE]
    following = None
    if len(found) > PER_PAGE and shown[-1].petition.published_at is not None:
        last = shown[-1].petition
        following = cursor_make(
            "petitions",
            {"p": moment(last.published_at), "i": last.pk},  # type: ignore[arg-type]
        )
    cacheable(response)
    return {
        "petitions": [_summary(request, s.petition, s.text) for s in shown],
        "next": following,
    }


def _search(
    request: HttpRequest, response: HttpResponse, filters: ListFilters, language: str
) -> dict[str, Any]:
    page = 1
    if filters.cursor:
        position = cursor_read("search", filters.cursor)
        if position.get("q") != filters.search:
            raise CursorError("This cursor belongs to another search.")
        page = int(position.get("page", 1))
    found = petitions_search(query=filters.search or "", language=language, page=page)
    results = [
        s
        for s in found.results
        if (filters.status is None or s.petition.status == filters.status)
        and (filters.organization is None or s.petition.organization.slug == filters.organization)
    ]
    following = None
    if found.page < found.pages:
        following = cursor_make("search", {"q": filters.search, "page": found.page + 1})
    cacheable(response)
    return {
        "petitions": [_summary(request, s.petition, s.text) for s in results],
        "next": following,
    }


@router.get(
    "/petitions/{slug}",
    response={200: schemas.Petition, 404: Problem},
    summary="One petition: every version, its count, goal, milestones, updates and countries",
)
@from_replica
def petition_detail(request: HttpRequest, response: HttpResponse, slug: str) -> dict[str, Any]:
    petition = selectors.petition_published(slug=slug)
    if petition is None:
        raise Http404(NOT_FOUND)
    versions = sorted(petition.texts.all(), key=lambda t: languages.CODES.index(t.language))
    text = selectors.text_preferred(
        versions, language=petition.original_language, original_language=petition.original_language
    )
    if text is None:
        raise Http404(NOT_FOUND)
    countries = counts_by_country(petition)
    document = {
        **_summary(request, petition, text),
        "original_language": petition.original_language,
        "petition_text": text.body,
        "featured_image_url": absolute(request, petition.image.url) if petition.image else None,
        "action_date": petition.closes_at,
        "end_date": petition.ended_at,
        "modified_date": petition.edited_at,
        "victory_statement": petition.victory_statement,
        "signable": petition.is_signable,
        "versions": [
            {
                "language": version.language,
                "title": version.title,
                "description": version.summary,
                "petition_text": version.body,
                "petition_text_html": str(render_markdown(version.body)),
                "target": [{"name": version.target}],
                "featured_image_alt": version.image_alt,
                "links": [{"title": link.title, "url": link.url} for link in version.links.all()],
                "browser_url": petition_url(request, petition.slug, version.language),
            }
            for version in versions
        ],
        "milestones": [
            {"goal": m.goal, "reached_date": m.reached_at} for m in petition.milestones.all()
        ],
        "updates": [
            {
                "created_date": update.created_at,
                "language": update_text.language,
                "title": update_text.title,
                "text": update_text.body,
            }
            for update, update_text in updates_for_page(
                petition=petition, language=petition.original_language
            )
        ],
        "countries": {
            "shown": [
                {"country": country, "total_signatures": total}
                for country, total in countries.shown
            ],
            "other_countries": countries.hidden,
            "smallest_group": countries.k,
        },
    }
    cacheable(response)
    return document


@router.get(
    "/petitions/{slug}/count",
    response={200: schemas.Count, 404: Problem},
    summary="The published count and the next goal, for live counters",
)
@from_replica
def petition_count(request: HttpRequest, response: HttpResponse, slug: str) -> dict[str, Any]:
    petition = selectors.petition_visible(slug=slug)
    if petition is None:
        raise Http404(NOT_FOUND)
    progress = petition.progress
    cacheable(response)
    return {"slug": petition.slug, "total_signatures": progress.count, "goal": progress.goal}


@router.get(
    "/organizations/{slug}",
    response={200: schemas.Organization, 404: Problem},
    summary="An organization and the petitions of it that the public may read",
)
@from_replica
def organization_detail(request: HttpRequest, response: HttpResponse, slug: str) -> dict[str, Any]:
    language = translation.get_language()
    page = selectors.organization_page(slug=slug, language=language)
    if page is None:
        raise Http404("No organization has this slug.")
    organization = page.organization
    description = organization_description_shown(organization=organization, language=language)
    cacheable(response)
    return {
        "name": organization.name,
        "slug": organization.slug,
        "description": description.text,
        "website": organization.website,
        "logo_url": absolute(request, organization.logo.url) if organization.logo else None,
        "browser_url": organization_url(request, organization.slug, language),
        "petitions": [_summary(request, s.petition, s.text) for s in page.petitions],
    }
