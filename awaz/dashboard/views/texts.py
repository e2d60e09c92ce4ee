"""One version of a petition: writing or editing it, previewing it, reviewing a generated one.

The preview is the public petition template itself, given the draft's data: what the organizer
sees is what readers will see.
"""

import typing

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseFormSet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from awaz.dashboard.access import current_user, member_view, petition_of
from awaz.dashboard.forms.base import add_service_errors, write_in
from awaz.dashboard.forms.petitions import (
    TEXT_FIELDS,
    LinkForm,
    LinkFormSet,
    NamesForm,
    TextForm,
    links_from,
    links_initial,
)
from awaz.http.methods import post_only
from awaz.i18n import languages
from awaz.organizations.models import Membership
from awaz.petitions import conversion, names, organizer_selectors, services, writing
from awaz.petitions.models import Petition, PetitionLink, PetitionText
from awaz.petitions.selectors import PetitionPage
from awaz.public.views import petition_page_context


def _language(code: str) -> languages.Language:
    if code not in languages.CODES:
        raise Http404
    return languages.get(code)


def _to_petition(petition: Petition) -> HttpResponse:
    return redirect(
        "dashboard:petition", organization=petition.organization.slug, petition=petition.slug
    )


def _preview(request: HttpRequest, language: str, context: dict[str, object]) -> HttpResponse:
    """The public template, in the version's own language as its readers get it; the banner
    above it stays in the language of the workspace."""
    workspace_language = translation.get_language()
    with translation.override(language):
        page = typing.cast(PetitionPage, context["page"])
        return render(
            request,
            "dashboard/petition_preview.html",
            {**petition_page_context(page), **context, "workspace_language": workspace_language},
        )


def _unsaved(petition: Petition, language: str, form: TextForm) -> PetitionText:
    data = form.cleaned_data
    return PetitionText(
        petition=petition,
        language=language,
        title=data["title"],
        target=data["target"],
        summary=data["summary"],
        body=data["body"],
        image_alt=data["image_alt"],
    )


@member_view("edit")
@require_http_methods(["GET", "HEAD", "POST"])
def text_edit(
    request: HttpRequest, membership: Membership, petition: str, language: str
) -> HttpResponse:
    found = petition_of(membership, petition)
    shown_language = _language(language)
    if not found.is_editable:
        messages.error(
            request,
            _("A petition that is %(status)s cannot be changed.")
            % {"status": found.get_status_display()},
        )
        return _to_petition(found)
    current = organizer_selectors.petition_text_in(petition=found, language=language)
    posted = request.method == "POST"
    form = TextForm(request.POST if posted else None, initial=TextForm.initial_for(current))
    links = LinkFormSet(
        request.POST if posted else None, prefix="links", initial=links_initial(current)
    )
    write_in(form, language, fields=TEXT_FIELDS)
    for link in links:
        write_in(link, language, fields=("title",))
    if posted and form.is_valid() and links.is_valid():
        action = request.POST.get("action", "save")
        if action == "preview":
            unsaved = _unsaved(found, language, form)
            link_rows = [
                PetitionLink(text=unsaved, title=link.title, url=link.url)
                for link in links_from(links)
            ]
            return _preview(
                request,
                language,
                {
                    "page": organizer_selectors.petition_preview_page(
                        petition=found, text=unsaved, links=link_rows
                    ),
                    "organization": membership.organization,
                    "dashboard_petition": found,
                    "unsaved": {"form": form, "links": links},
                },
            )
        if action == "save":
            try:
                writing.petition_text_write(
                    petition=found,
                    language=language,
                    by=current_user(request),
                    links=links_from(links),
                    **form.cleaned_data,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("The %(language)s version is saved.")
                    % {"language": shown_language.name_local},
                )
                return _to_petition(found)
    return _edit_page(
        request,
        membership,
        found,
        language,
        current,
        form,
        links,
        status=400 if posted and (form.errors or links.total_error_count()) else 200,
    )


def _suggestions(text: PetitionText) -> list[dict[str, object]]:
    shown: list[dict[str, object]] = []
    for suggestion in names.petition_name_suggestions(text=text):
        seen_in = languages.get(suggestion.seen_in) if suggestion.seen_in else None
        shown.append(
            {
                "name": suggestion.name,
                "lang": (seen_in or languages.get(text.language)).bcp47,
                "seen_in": seen_in,
            }
        )
    return shown


def _edit_page(
    request: HttpRequest,
    membership: Membership,
    petition: Petition,
    language: str,
    current: PetitionText | None,
    form: TextForm,
    links: BaseFormSet[LinkForm],
    *,
    names_form: NamesForm | None = None,
    status: int = 200,
) -> HttpResponse:
    # A converted Latin or Cyrillic version offers the Names list and names to add to it.
    offers_names = (
        current is not None
        and current.origin == PetitionText.Origin.CONVERTED
        and current.language in names.NAMED_SCRIPTS
    )
    if offers_names and names_form is None:
        names_form = NamesForm(initial={"proper_nouns": petition.proper_nouns})
    return render(
        request,
        "dashboard/text_edit.html",
        {
            "membership": membership,
            "organization": membership.organization,
            "petition": petition,
            "language": languages.get(language),
            "current": current,
            "form": form,
            "links": links,
            "names_form": names_form if offers_names else None,
            "suggestions": _suggestions(current) if offers_names and current else [],
        },
        status=status,
    )


@member_view("read")
@require_safe
def text_preview(
    request: HttpRequest, membership: Membership, petition: str, language: str
) -> HttpResponse:
    found = petition_of(membership, petition)
    _language(language)
    text = organizer_selectors.petition_text_in(petition=found, language=language)
    if text is None:
        raise Http404
    return _preview(
        request,
        language,
        {
            "page": organizer_selectors.petition_preview_page(
                petition=found, text=text, links=organizer_selectors.petition_text_links(text=text)
            ),
            "organization": membership.organization,
            "dashboard_petition": found,
            "membership": membership,
            "unsaved": None,
        },
    )


def _text_or_404(petition: Petition, language: str) -> PetitionText:
    _language(language)
    text = organizer_selectors.petition_text_in(petition=petition, language=language)
    if text is None:
        raise Http404
    return text


@post_only("dashboard:text-edit")
@member_view("edit")
def text_review(
    request: HttpRequest, membership: Membership, petition: str, language: str
) -> HttpResponse:
    found = petition_of(membership, petition)
    text = _text_or_404(found, language)
    try:
        services.petition_text_review(text=text, by=current_user(request))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("The %(language)s version is marked as reviewed.")
            % {"language": languages.get(language).name_local},
        )
    return _to_petition(found)


@post_only("dashboard:text-edit")
@member_view("edit")
def text_convert_again(
    request: HttpRequest, membership: Membership, petition: str, language: str
) -> HttpResponse:
    found = petition_of(membership, petition)
    text = _text_or_404(found, language)
    try:
        services.check_editable(found)
        conversion.petition_text_convert_again(text=text, by=current_user(request))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("The %(language)s version is converted again; review it.")
            % {"language": languages.get(language).name_local},
        )
    return _to_petition(found)


@post_only("dashboard:text-edit")
@member_view("edit")
def text_names(
    request: HttpRequest, membership: Membership, petition: str, language: str
) -> HttpResponse:
    """The Names list from the review of a converted version: add one suggested name, or save
    the whole list; either converts again the versions nobody has reviewed."""
    found = petition_of(membership, petition)
    text = _text_or_404(found, language)
    back = redirect(
        "dashboard:text-edit",
        organization=membership.organization.slug,
        petition=found.slug,
        language=language,
    )
    if "add" in request.POST:
        try:
            names.petition_name_add(petition=found, name=request.POST["add"])
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _(
                    "“%(name)s” is added to the names; the versions not yet reviewed are converted "
                    "again."
                )
                % {"name": " ".join(request.POST["add"].split())},
            )
        return back
    names_form = NamesForm(request.POST)
    if names_form.is_valid():
        try:
            names.petition_names_update(
                petition=found, proper_nouns=names_form.cleaned_data["proper_nouns"]
            )
        except ValidationError as error:
            add_service_errors(names_form, error)
        else:
            messages.success(
                request,
                _("The names are saved; the versions not yet reviewed are converted again."),
            )
            return back
    form = TextForm(initial=TextForm.initial_for(text))
    links = LinkFormSet(prefix="links", initial=links_initial(text))
    write_in(form, language, fields=TEXT_FIELDS)
    for link in links:
        write_in(link, language, fields=("title",))
    return _edit_page(
        request, membership, found, language, text, form, links, names_form=names_form, status=400
    )
