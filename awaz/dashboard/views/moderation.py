"""The moderators' queue: petitions waiting for publication, and visitors' reports."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from awaz.dashboard.access import current_user, staff_view
from awaz.dashboard.forms.base import add_service_errors
from awaz.dashboard.forms.moderation import RejectForm
from awaz.discovery.selectors import petition_is_featured
from awaz.http.methods import post_only
from awaz.moderation import selectors
from awaz.moderation.publication import Decision, petition_decide
from awaz.moderation.reports import report_resolve
from awaz.moderation.services import petition_challenge_set
from awaz.petitions.models import Petition


@staff_view()
@require_safe
def queue(request: HttpRequest) -> HttpResponse:
    waiting = selectors.petitions_waiting(language=get_language())
    reports = len(selectors.reports_open())
    return render(
        request, "dashboard/moderation/queue.html", {"waiting": waiting, "open_reports": reports}
    )


def _review(request: HttpRequest, pk: int, form: RejectForm) -> HttpResponse:
    entry = selectors.petition_for_review(pk=pk, language=get_language())
    if entry is None:
        raise Http404
    return render(
        request,
        "dashboard/moderation/petition.html",
        {
            "entry": entry,
            "petition": entry.petition,
            "form": form,
            "featured": petition_is_featured(petition=entry.petition),
        },
    )


@staff_view()
@require_safe
def petition_review(request: HttpRequest, pk: int) -> HttpResponse:
    return _review(request, pk, RejectForm())


def _decided(request: HttpRequest, petition: Petition, decision: Decision, changed: bool) -> None:
    if not changed:
        messages.info(
            request,
            _("Nothing changed: this petition was decided already (it is %(status)s).")
            % {"status": petition.get_status_display()},
        )
    elif decision == "approve":
        messages.success(request, _("Published. Its organizers were told by e-mail."))
    else:
        messages.success(request, _("Rejected. Its organizers were told why by e-mail."))


@staff_view()
@post_only("moderation:petition")
def petition_approve(request: HttpRequest, pk: int) -> HttpResponse:
    petition = selectors.petition_for_moderation(pk=pk)
    if petition is None:
        raise Http404
    try:
        changed = petition_decide(petition=petition, by=current_user(request), decision="approve")
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("moderation:petition", pk=pk)
    _decided(request, petition, "approve", changed)
    return redirect("moderation:queue")


@staff_view()
@post_only("moderation:petition")
def petition_reject(request: HttpRequest, pk: int) -> HttpResponse:
    petition = selectors.petition_for_moderation(pk=pk)
    if petition is None:
        raise Http404
    form = RejectForm(request.POST)
    if form.is_valid():
        try:
            changed = petition_decide(
                petition=petition,
                by=current_user(request),
                decision="reject",
                reason=form.cleaned_data["reason"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            _decided(request, petition, "reject", changed)
            return redirect("moderation:queue")
    return _review(request, pk, form)


@staff_view()
@post_only("moderation:petition")
def petition_challenge(request: HttpRequest, pk: int) -> HttpResponse:
    petition = selectors.petition_for_moderation(pk=pk)
    if petition is None:
        raise Http404
    required = request.POST.get("required") == "on"
    petition_challenge_set(petition=petition, required=required, by=current_user(request))
    if required:
        messages.success(request, _("Signers of this petition now solve the puzzle."))
    else:
        messages.success(request, _("Signers of this petition no longer solve the puzzle."))
    return redirect("moderation:trending-petition", pk=pk)


@staff_view()
@require_safe
def reports(request: HttpRequest) -> HttpResponse:
    return render(
        request, "dashboard/moderation/reports.html", {"reports": selectors.reports_open()}
    )


@staff_view()
@post_only("moderation:reports", keep=())
def report_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    report = selectors.report_get(pk=pk)
    if report is None or action not in ("remove", "hide", "dismiss"):
        raise Http404
    if action == "hide" and report.signature_id is None:
        raise Http404
    closed = report_resolve(report=report, by=current_user(request), action=action)  # type: ignore[arg-type]
    if not closed:
        messages.info(request, _("Nothing changed: another moderator dealt with it already."))
    elif action == "remove":
        messages.success(request, _("The petition is taken down; its page says so."))
    elif action == "hide":
        messages.success(request, _("The comment is hidden from the petition's page."))
    else:
        messages.success(request, _("The report is dismissed."))
    return redirect("moderation:reports")
