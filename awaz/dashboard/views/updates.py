"""Updates: news posted on the petition's page and, when the organizer asks, e-mailed to the
signers who wanted updates, in the language each of them signed in."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from awaz.dashboard.access import current_user, member_view, petition_of
from awaz.dashboard.forms.base import add_service_errors, write_in
from awaz.dashboard.forms.responses import ResponseForm
from awaz.dashboard.forms.updates import UpdateForm, UpdateTextForm
from awaz.http.methods import post_only
from awaz.i18n import languages
from awaz.organizations.models import Membership
from awaz.petitions import updates
from awaz.petitions.models import Petition, PetitionUpdate
from awaz.petitions.organizer_selectors import (
    petition_update_of,
    petition_update_text_in,
    petition_update_texts,
    petition_written_languages,
)
from awaz.signatures.announcements import response_announce
from awaz.signatures.selectors import signatures_update_recipients_count
from awaz.signatures.sending import update_email_start


def _update_of(petition: Petition, pk: int) -> PetitionUpdate:
    update = petition_update_of(petition=petition, pk=pk)
    if update is None:
        raise Http404
    return update


def _to_update(update: PetitionUpdate) -> HttpResponse:
    return redirect(
        "dashboard:update",
        organization=update.petition.organization.slug,
        petition=update.petition.slug,
        update=update.pk,
    )


@member_view("edit")
@require_http_methods(["GET", "HEAD", "POST"])
def update_new(request: HttpRequest, membership: Membership, petition: str) -> HttpResponse:
    found = petition_of(membership, petition)
    form = UpdateForm(
        request.POST or None, initial={"language": found.original_language}, label_suffix=""
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            update = updates.update_post(
                petition=found,
                by=current_user(request),
                language=data["language"],
                title=data["title"],
                body=data["body"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The update is on the petition's page."))
            return _to_update(update)
    return render(
        request,
        "dashboard/update_new.html",
        {"organization": membership.organization, "petition": found, "form": form},
    )


@member_view("read")
@require_http_methods(["GET", "HEAD"])
def update_detail(
    request: HttpRequest, membership: Membership, petition: str, update: int
) -> HttpResponse:
    found = petition_of(membership, petition)
    shown = _update_of(found, update)
    written = petition_update_texts(update=shown)
    return render(
        request,
        "dashboard/update_detail.html",
        {
            "membership": membership,
            "organization": membership.organization,
            "petition": found,
            "update": shown,
            "versions": [
                (language, written.get(language.code)) for language in languages.LANGUAGES
            ],
            "recipients": signatures_update_recipients_count(petition=found),
        },
    )


@member_view("edit")
@require_http_methods(["GET", "HEAD", "POST"])
def update_text_edit(
    request: HttpRequest, membership: Membership, petition: str, update: int, language: str
) -> HttpResponse:
    found = petition_of(membership, petition)
    shown = _update_of(found, update)
    if language not in languages.CODES:
        raise Http404
    current = petition_update_text_in(update=shown, language=language)
    initial = {"title": current.title, "body": current.body} if current else {}
    form = UpdateTextForm(request.POST or None, initial=initial, label_suffix="")
    write_in(form, language, fields=("title", "body"))
    if request.method == "POST" and form.is_valid():
        updates.update_text_save(update=shown, language=language, **form.cleaned_data)
        messages.success(request, _("The update's version is saved."))
        return _to_update(shown)
    return render(
        request,
        "dashboard/update_text.html",
        {
            "organization": membership.organization,
            "petition": found,
            "update": shown,
            "language": languages.get(language),
            "form": form,
        },
    )


@post_only("dashboard:update")
@member_view("edit")
def update_send(
    request: HttpRequest, membership: Membership, petition: str, update: int
) -> HttpResponse:
    found = petition_of(membership, petition)
    shown = _update_of(found, update)
    already = shown.emailed_at is not None
    count = update_email_start(update=shown, by=current_user(request))
    if already:
        messages.info(request, _("This update is already being e-mailed."))
    else:
        messages.success(
            request,
            ngettext(
                "The update is on its way to %(count)s signer.",
                "The update is on its way to %(count)s signers.",
                count,
            )
            % {"count": count},
        )
    return _to_update(shown)


@member_view("edit")
@require_http_methods(["GET", "HEAD", "POST"])
def response_new(request: HttpRequest, membership: Membership, petition: str) -> HttpResponse:
    """Record what the decision maker answered; it goes on the page and to the subscribers."""
    found = petition_of(membership, petition)
    if not found.is_visible:
        raise Http404
    written = petition_written_languages(petition=found)
    form = ResponseForm(request.POST or None, written=written, label_suffix="")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            update = response_announce(
                petition=found,
                by=current_user(request),
                responded_on=data["responded_on"],
                texts=form.texts(),
                document_url=data["document_url"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "The response is on the petition's page, and on its way to the signers "
                    "who asked for updates."
                ),
            )
            return _to_update(update)
    return render(
        request,
        "dashboard/response_new.html",
        {"organization": membership.organization, "petition": found, "form": form},
        status=400 if request.method == "POST" else 200,
    )
