"""A petition in the workspace: writing it, its settings and image, its state, its history."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe
from django_stubs_ext import StrPromise

from awaz.dashboard.access import current_user, member_view, petition_of
from awaz.dashboard.forms.base import add_service_errors
from awaz.dashboard.forms.petitions import (
    ImageForm,
    LinkFormSet,
    PetitionSettingsForm,
    PetitionStartForm,
    links_from,
)
from awaz.dashboard.forms.responses import VictoryStatementsForm
from awaz.dashboard.statistics import petition_statistics
from awaz.http.methods import post_only
from awaz.moderation.selectors import rejection_of
from awaz.organizations.models import Membership
from awaz.petitions import history, lifecycle, organizer_selectors, services, writing
from awaz.petitions.models import Petition
from awaz.signatures.announcements import victory_declare


def _to_petition(petition: Petition) -> HttpResponse:
    return redirect(
        "dashboard:petition", organization=petition.organization.slug, petition=petition.slug
    )


@member_view("edit")
@require_http_methods(["GET", "HEAD", "POST"])
def petition_new(request: HttpRequest, membership: Membership) -> HttpResponse:
    posted = request.method == "POST"
    form = PetitionStartForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        initial={"original_language": request.LANGUAGE_CODE},
    )
    links = LinkFormSet(request.POST if posted else None, prefix="links")
    for link in links:
        link.fields["title"].widget.attrs["dir"] = "auto"
    if posted and form.is_valid() and links.is_valid():
        data = form.cleaned_data
        try:
            petition = writing.petition_start(
                organization=membership.organization,
                by=current_user(request),
                original_language=data["original_language"],
                title=data["title"],
                target=data["target"],
                summary=data["summary"],
                body=data["body"],
                links=links_from(links),
                image_alt=data["image_alt"],
                image=data["image"],
                slug=data["slug"],
                first_goal=data["first_goal"],
                closes_at=form.closes_at(),
                offered_languages=data["offered_languages"],
                proper_nouns=data["proper_nouns"],
                cyrillic_spelling=data["cyrillic_spelling"] or Petition.CyrillicSpelling.KAZAKHSTAN,
            )
        except ValidationError as error:
            add_service_errors(form, error, fields={"closes_at": "closes_on"})
        else:
            messages.success(request, _("Your draft is saved. Nobody else can see it yet."))
            return _to_petition(petition)
    return render(
        request,
        "dashboard/petition_new.html",
        {
            "membership": membership,
            "organization": membership.organization,
            "form": form,
            "links": links,
        },
        status=400 if posted else 200,
    )


@member_view("read")
@require_safe
def petition_detail(request: HttpRequest, membership: Membership, petition: str) -> HttpResponse:
    """The petition's home in the workspace: its state, versions, signatures and updates."""
    found = petition_of(membership, petition)
    return render(
        request,
        "dashboard/petition_detail.html",
        {
            "membership": membership,
            "organization": membership.organization,
            "petition": found,
            "workspace": organizer_selectors.petition_workspace(petition=found),
            "statistics": petition_statistics(found),
            "updates": found.updates.prefetch_related("texts")[:20],
            "embed_url": _embed_url(request, found),
            "rejection": rejection_of(petition=found),
        },
    )


def _embed_url(request: HttpRequest, petition: Petition) -> str:
    """The embed card's address, in the language the petition was written in."""
    with translation.override(petition.original_language):
        path = reverse("public:petition-embed", args=[petition.slug])
    return request.build_absolute_uri(path)


@member_view("edit")
@require_http_methods(["GET", "HEAD", "POST"])
def petition_settings(request: HttpRequest, membership: Membership, petition: str) -> HttpResponse:
    found = petition_of(membership, petition)
    if request.method == "POST":
        form = PetitionSettingsForm(request.POST, petition=found)
    else:
        form = PetitionSettingsForm(petition=found, initial=PetitionSettingsForm.initial_for(found))
    if form.is_valid():
        try:
            writing.petition_settings_update(
                petition=found,
                first_goal=form.cleaned_data["first_goal"],
                closes_at=form.closes_at(),
                offered_languages=form.cleaned_data["offered_languages"],
                proper_nouns=form.cleaned_data["proper_nouns"],
                risky_email_countries=form.cleaned_data["risky_email_countries"],
                cyrillic_spelling=form.cleaned_data["cyrillic_spelling"] or None,
            )
        except ValidationError as error:
            add_service_errors(form, error, fields={"closes_at": "closes_on"})
            found.refresh_from_db()
        else:
            messages.success(request, _("The settings are saved."))
            return _to_petition(found)
    return render(
        request,
        "dashboard/petition_settings.html",
        {
            "membership": membership,
            "organization": membership.organization,
            "petition": found,
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


@member_view("edit")
@require_http_methods(["GET", "HEAD", "POST"])
def petition_image(request: HttpRequest, membership: Membership, petition: str) -> HttpResponse:
    found = petition_of(membership, petition)
    posted = request.method == "POST"
    form = ImageForm(request.POST if posted else None, request.FILES if posted else None)
    if form.is_valid():
        try:
            services.petition_image_set(
                petition=found,
                image=None if form.cleaned_data["remove"] else form.cleaned_data["image"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
            found.refresh_from_db()
        else:
            messages.success(request, _("The image is saved."))
            return _to_petition(found)
    return render(
        request,
        "dashboard/petition_image.html",
        {
            "membership": membership,
            "organization": membership.organization,
            "petition": found,
            "form": form,
        },
        status=400 if posted else 200,
    )


MOVES: dict[str, tuple[Callable[..., Petition], StrPromise]] = {
    "submit": (
        lifecycle.petition_submit,
        gettext_lazy("Submitted: the moderators will review it, then it is published."),
    ),
    "withdraw": (
        lifecycle.petition_withdraw,
        gettext_lazy("Taken back from review: it is a draft again."),
    ),
    "close": (lifecycle.petition_close, gettext_lazy("Closed: it takes no more signatures.")),
    "reopen": (lifecycle.petition_reopen, gettext_lazy("Reopened: it takes signatures again.")),
}


@post_only("dashboard:petition", keep=("organization", "petition"))
@member_view("edit")
def petition_move(
    request: HttpRequest, membership: Membership, petition: str, move: str
) -> HttpResponse:
    if move not in MOVES:
        raise Http404
    found = petition_of(membership, petition)
    service, done = MOVES[move]
    try:
        service(petition=found, by=current_user(request))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return _to_petition(found)


@member_view("edit")
@require_http_methods(["GET", "HEAD", "POST"])
def petition_victory(request: HttpRequest, membership: Membership, petition: str) -> HttpResponse:
    found = petition_of(membership, petition)
    posted = request.method == "POST"
    written = organizer_selectors.petition_written_languages(petition=found)
    form = VictoryStatementsForm(request.POST if posted else None, written=written)
    if form.is_valid():
        try:
            victory_declare(petition=found, by=current_user(request), statements=form.texts())
        except ValidationError as error:
            add_service_errors(form, error, fields={"victory_statement": "statement"})
        else:
            messages.success(request, _("Congratulations! The petition's page shows your victory."))
            return _to_petition(found)
    return render(
        request,
        "dashboard/petition_victory.html",
        {
            "membership": membership,
            "organization": membership.organization,
            "petition": found,
            "form": form,
        },
        status=400 if posted else 200,
    )


@member_view("read")
@require_safe
def petition_history(request: HttpRequest, membership: Membership, petition: str) -> HttpResponse:
    found = petition_of(membership, petition)
    return render(
        request,
        "dashboard/petition_history.html",
        {
            "membership": membership,
            "organization": membership.organization,
            "petition": found,
            "edits": history.petition_history(petition=found),
        },
    )
