"""sitemap.xml through `django.contrib.sitemaps`: every language version of every petition the
public may read, every organization page and the home page, each with its `hreflang` alternates.

A petition is listed only in the languages it has a version in (its other addresses show a
fallback, which search engines should not index twice). Addresses are built from SITE_URL, not
from the request's Host header, so the sitemap names the site's public address.
"""

from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from awaz.organizations.models import Organization
from awaz.petitions import selectors
from awaz.petitions.models import Petition


class SiteSitemap[Item](Sitemap[Item]):
    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site: Any = None) -> str:
        return urlsplit(settings.SITE_URL).netloc


class HomeSitemap(SiteSitemap[str]):
    changefreq = "daily"

    def items(self) -> list[str]:
        return ["public:home"]

    def location(self, item: str) -> str:
        return reverse(item)


class OrganizationSitemap(SiteSitemap[Organization]):
    changefreq = "weekly"

    def items(self) -> list[Organization]:
        return selectors.organizations_with_visible_petitions()

    def location(self, item: Organization) -> str:
        return reverse("public:organization-detail", args=[item.slug])


PetitionItem = tuple[Petition, list[str]]


class PetitionSitemap(SiteSitemap[PetitionItem]):
    changefreq = "daily"

    def items(self) -> list[PetitionItem]:
        return selectors.petitions_for_sitemap()

    def get_languages_for_item(self, item: PetitionItem) -> list[str]:
        return item[1]

    def location(self, item: PetitionItem) -> str:
        return reverse("public:petition-detail", args=[item[0].slug])

    def lastmod(self, item: PetitionItem) -> datetime | None:
        petition = item[0]
        return max(filter(None, (petition.published_at, petition.edited_at)), default=None)


SITEMAPS: dict[str, type[Sitemap[Any]] | Sitemap[Any]] = {
    "home": HomeSitemap,
    "organizations": OrganizationSitemap,
    "petitions": PetitionSitemap,
}


@require_safe
def sitemap_xml(request: HttpRequest) -> HttpResponse:
    """The whole sitemap; `p` (a page number past 50,000 addresses) is its only parameter."""
    if set(request.GET) - {"p"}:
        raise Http404
    return sitemap(request, sitemaps=SITEMAPS)


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    """What crawlers may read: public pages, not the workspace, tokens or a signer's pages."""
    if request.GET:
        raise Http404
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/dashboard/",
        "Disallow: /*/accounts/",
        "Disallow: /*/my-signatures/",
        "Disallow: /*/signatures/",
        "Disallow: /*/petitions/*/sign/",
        "Disallow: /*/petitions/*/report/",
        "",
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
