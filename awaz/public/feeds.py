"""Atom feeds, through Django's syndication framework: new petitions site-wide, in one language
and of one organization, and the updates of one petition.

Only what the public page shows: petitions the public may read (`.visible()`), their titles,
summaries and organizations; never a signer. Every address in a feed is absolute and built from
SITE_URL, so a feed reader that fetched it through a proxy or an onion address still links to the
site's own pages. A query string names nothing a feed knows: it answers 404, like an unknown slug.
"""

from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from awaz.core.markdown import render_markdown
from awaz.i18n import languages
from awaz.organizations.models import Organization
from awaz.organizations.selectors import organization_by_slug
from awaz.petitions import selectors
from awaz.petitions.models import PetitionUpdate, PetitionUpdateText
from awaz.petitions.updates import updates_for_page

ENTRIES = 50


def absolute(path: str) -> str:
    return settings.SITE_URL + path


class AtomFeed(Feed[Any, Any]):
    """A feed in the page's language, refusing parameters it does not know."""

    feed_type = Atom1Feed

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.GET:
            raise Http404
        response = super().__call__(request, *args, **kwargs)
        response["Content-Type"] = "application/atom+xml; charset=utf-8"
        return response

    def author_name(self, obj: Any) -> str:
        # A feed names an author even while it has no entry (RFC 4287 4.1.1).
        return settings.SITE_NAME

    def feed_url(self, obj: Any) -> str:
        return absolute(self.request_path)

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        self.request_path = request.path
        self.language = languages.get(get_language()).bcp47
        return self.object_for(**kwargs)

    def object_for(self, **kwargs: Any) -> Any:
        return None


class PetitionsFeed(AtomFeed):
    """New petitions: site-wide, shown in the reader's language where a version exists."""

    def title(self, obj: Any) -> str:
        return _("New petitions on %(site)s") % {"site": settings.SITE_NAME}

    def link(self, obj: Any) -> str:
        return absolute(reverse("public:home"))

    def subtitle(self, obj: Any) -> str:
        return _("Petitions as they are published, in every language.")

    def summaries(self, obj: Any) -> list[selectors.PetitionSummary]:
        return selectors.petitions_newest(language=get_language(), limit=ENTRIES)

    def items(self, obj: Any) -> list[selectors.PetitionSummary]:
        return self.summaries(obj)

    def item_title(self, item: selectors.PetitionSummary) -> str:
        return item.text.title

    def item_description(self, item: selectors.PetitionSummary) -> str:
        return item.text.summary

    def item_link(self, item: selectors.PetitionSummary) -> str:
        # The entry links to the version it shows, whatever the feed's own language.
        with override(item.text.language):
            return absolute(reverse("public:petition-detail", args=[item.petition.slug]))

    def item_guid(self, item: selectors.PetitionSummary) -> str:
        # One entry per petition and language version: stable however often it is edited.
        return self.item_link(item)

    def item_guid_is_permalink(self, item: selectors.PetitionSummary) -> bool:
        return True

    def item_pubdate(self, item: selectors.PetitionSummary) -> datetime | None:
        return item.petition.published_at

    def item_updateddate(self, item: selectors.PetitionSummary) -> datetime | None:
        petition = item.petition
        changes = (petition.published_at, petition.edited_at, item.text.updated_at)
        return max(filter(None, changes), default=None)

    def item_author_name(self, item: selectors.PetitionSummary) -> str:
        return item.petition.organization.name

    def item_author_link(self, item: selectors.PetitionSummary) -> str:
        return absolute(
            reverse("public:organization-detail", args=[item.petition.organization.slug])
        )


class LanguagePetitionsFeed(PetitionsFeed):
    """Petitions that have a version in the page's language, in that version."""

    def title(self, obj: Any) -> str:
        return _("New petitions in %(language)s on %(site)s") % {
            "language": languages.get(get_language()).name_local,
            "site": settings.SITE_NAME,
        }

    def subtitle(self, obj: Any) -> str:
        return _("Petitions published in this language.")

    def summaries(self, obj: Any) -> list[selectors.PetitionSummary]:
        return selectors.petitions_newest(
            language=get_language(), written_in=get_language(), limit=ENTRIES
        )


class OrganizationPetitionsFeed(PetitionsFeed):
    """One organization's petitions."""

    def object_for(self, **kwargs: Any) -> Organization:
        organization = organization_by_slug(slug=kwargs["slug"])
        if organization is None:
            raise Http404
        return organization

    def title(self, obj: Organization) -> str:
        return _("Petitions of %(organization)s") % {"organization": obj.name}

    def subtitle(self, obj: Organization) -> str:
        return _("New petitions of this organization.")

    def link(self, obj: Organization) -> str:
        return absolute(reverse("public:organization-detail", args=[obj.slug]))

    def summaries(self, obj: Organization) -> list[selectors.PetitionSummary]:
        return selectors.petitions_newest(language=get_language(), organization=obj, limit=ENTRIES)


Entry = tuple[PetitionUpdate, PetitionUpdateText]


# Where the page shows an update of each kind: news in the list, the response in its own place.
ANCHORS = {"response": "#response", "victory": ""}


class PetitionUpdatesFeed(AtomFeed):
    """News from the organizer on one petition, in the reader's language where it has one."""

    def object_for(self, **kwargs: Any) -> selectors.PetitionPage:
        page = selectors.petition_page(slug=kwargs["slug"], language=get_language())
        if page is None:
            raise Http404
        return page

    def title(self, obj: selectors.PetitionPage) -> str:
        return _("Updates: %(title)s") % {"title": obj.text.title}

    def subtitle(self, obj: selectors.PetitionPage) -> str:
        return obj.text.summary

    def link(self, obj: selectors.PetitionPage) -> str:
        return absolute(reverse("public:petition-detail", args=[obj.petition.slug]))

    def items(self, obj: selectors.PetitionPage) -> list[Entry]:
        self.petition = obj.petition
        return updates_for_page(petition=obj.petition, language=get_language(), limit=ENTRIES)

    def item_title(self, item: Entry) -> str:
        return item[1].title

    def item_description(self, item: Entry) -> str:
        return render_markdown(item[1].body)

    def item_link(self, item: Entry) -> str:
        path = reverse("public:petition-detail", args=[self.petition.slug])
        anchor = ANCHORS.get(item[0].kind, f"#update-{item[0].pk}")
        return absolute(f"{path}{anchor}")

    def item_guid(self, item: Entry) -> str:
        path = reverse("public:petition-detail", args=[self.petition.slug])
        return absolute(f"{path}#update-{item[0].pk}")

    def item_pubdate(self, item: Entry) -> datetime:
        return item[0].created_at

    def item_updateddate(self, item: Entry) -> datetime:
        return item[0].created_at

    def item_author_name(self, item: Entry) -> str:
        return self.petition.organization.name
