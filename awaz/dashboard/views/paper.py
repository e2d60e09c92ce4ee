"""Paper signatures in the workspace: print a sheet, record the valid lines as batches, undo one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from awaz.dashboard.access import check, current_user, member_view, petition_of
from awaz.dashboard.forms.base import add_service_errors
from awaz.dashboard.forms.paper import PaperBatchForm
from awaz.dashboard.paper import paper_sheet_pdf
from awaz.dashboard.views.signatures import document_language
from awaz.http.methods import post_only
from awaz.organizations.models import Membership
from awaz.petitions import organizer_selectors
from awaz.signatures import paper
from awaz.signatures.counting import live_count
from awaz.signatures.selectors import paper_batches_of_petition, paper_count


def _to_paper(membership: Membership, slug: str) -> HttpResponse:
    return redirect("dashboard:paper", organization=membership.organization.slug, petition=slug)


@member_view("read")
@require_http_methods(["GET", "HEAD", "POST"])
def paper_batches(request: HttpRequest, membership: Membership, petition: str) -> HttpResponse:
    found = petition_of(membership, petition)
    form = PaperBatchForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        check(membership, "edit")
        if form.is_valid():
            try:
                batch = paper.paper_batch_record(
                    petition=found,
                    by=current_user(request),
                    count=form.cleaned_data["count"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)s paper signature recorded. The public count shows it shortly.",
                        "%(count)s paper signatures recorded. The public count shows them shortly.",
                        batch.count,
                    )
                    % {"count": f"{batch.count:,}"},
                )
                return _to_paper(membership, found.slug)
    on_paper = paper_count(found.pk)
    total = live_count(found.pk)
    return render(
        request,
        "dashboard/paper.html",
        {
            "membership": membership,
            "organization": membership.organization,
            "petition": found,
            "form": form,
            "batches": paper_batches_of_petition(petition=found),
            "on_paper": on_paper,
            "online": total - on_paper,
            "versions": [
                version
                for version in organizer_selectors.petition_workspace(petition=found).versions
                if version.text is not None
            ],
        },
        status=400 if form.errors else 200,
    )


@post_only("dashboard:paper", keep=("organization", "petition"))
@member_view("edit")
def paper_batch_undo(
    request: HttpRequest, membership: Membership, petition: str, batch: int
) -> HttpResponse:
    found = petition_of(membership, petition)
    chosen = next((b for b in paper_batches_of_petition(petition=found) if b.pk == batch), None)
    if chosen is None:
        raise Http404
    try:
        paper.paper_batch_undo(batch=chosen, by=current_user(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The batch of %(count)s is undone: the count no longer includes it.")
            % {"count": f"{chosen.count:,}"},
        )
    return _to_paper(membership, found.slug)


@member_view("read")
@require_safe
@never_cache
def paper_sheet(request: HttpRequest, membership: Membership, petition: str) -> HttpResponse:
    """The printable sheet in ?language= (else the petition's original language)."""
    found = petition_of(membership, petition)
    language = document_language(request, found)
    response = HttpResponse(paper_sheet_pdf(petition=found, language=language), "application/pdf")
    response["Content-Disposition"] = f'inline; filename="{found.slug}-paper-sheet-{language}.pdf"'
    return response
