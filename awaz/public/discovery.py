"""The pages for finding petitions: the home page, browsing by state and language, and search.
All of them plain GET forms and links: they work without JavaScript."""

from urllib.parse import urlencode

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from awaz.core.replicas import from_replica
from awaz.core.widgets import LanguageSelect
from awaz.discovery.selectors import (
    MAX_RESULTS,
    petitions_featured,
    petitions_search,
    petitions_trending,
)
from awaz.i18n import languages
from awaz.petitions import selectors
from awaz.petitions.models import Petition

MAX_QUERY = 200
HOME_NEWEST = 10
HOME_VICTORIES = 5


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search petitions"),
        max_length=MAX_QUERY,
        required=False,
        error_messages={
            "max_length": _(
                "Search for at most %(limit_value)d characters (this has %(show_value)d)."
            )
        },
    )
    page = forms.IntegerField(min_value=1, required=False)

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data["q"].split())


class BrowseForm(forms.Form):
    status = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("All"))]
        + [(value, label) for value, label in Petition.Status.choices if value in Petition.VISIBLE],
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All"))] + [(item.code, item.name_local) for item in languages.LANGUAGES],
        widget=LanguageSelect,
    )
    page = forms.IntegerField(min_value=1, required=False)


@require_safe
@from_replica
def home(request: HttpRequest) -> HttpResponse:
    language = get_language()
    context = {
        "search_form": SearchForm(),
        "featured": petitions_featured(language=language),
        "trending": petitions_trending(language=language),
        "newest": selectors.petitions_open(language=language, limit=HOME_NEWEST),
        "victories": selectors.petitions_browse(
            language=language, status=Petition.Status.VICTORY
        ).results[:HOME_VICTORIES],
        "browse_form": BrowseForm(),
    }
    return render(request, "public/home.html", context)


@require_safe
@from_replica
def browse(request: HttpRequest) -> HttpResponse:
    form = BrowseForm(request.GET)
    page, query_string = None, ""
    if form.is_valid():
        data = form.cleaned_data
        page = selectors.petitions_browse(
            language=get_language(),
            status=data["status"] or None,
            written_in=data["language"] or None,
            page=data["page"] or 1,
        )
        chosen = {key: data[key] for key in ("status", "language") if data[key]}
        query_string = urlencode(chosen) + "&" if chosen else ""
    context = {"form": form, "page": page, "query_string": query_string}
    return render(request, "public/browse.html", context, status=200 if page else 400)


@require_safe
@from_replica
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    result, query_string = None, ""
    if form.is_valid() and form.cleaned_data["q"]:
        query = form.cleaned_data["q"]
        result = petitions_search(
            query=query, language=get_language(), page=form.cleaned_data["page"] or 1
        )
        query_string = urlencode({"q": query}) + "&"
    context = {
        "form": form,
        "result": result,
        "query_string": query_string,
        "max_results": MAX_RESULTS,
    }
    return render(request, "public/search.html", context, status=400 if form.errors else 200)
