"""Moderators and the signatures held for review: per petition, by burst; released or
invalidated in bulk (in the background, audited, each count moving exactly)."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from awaz.dashboard.access import current_user, staff_view
from awaz.dashboard.forms.moderation import HeldActionForm
from awaz.http.methods import post_only
from awaz.moderation import selectors
from awaz.moderation.models import InvalidationAction
from awaz.moderation.services import invalidation_request
from awaz.petitions.models import Petition


@staff_view()
@require_safe
def held(request: HttpRequest) -> HttpResponse:
    return render(
        request, "dashboard/moderation/held.html", {"petitions": selectors.petitions_with_held()}
    )


@staff_view()
@require_safe
def held_petition(request: HttpRequest, pk: int) -> HttpResponse:
    petition = Petition.objects.filter(pk=pk).first()
    if petition is None:
        raise Http404
    bursts = selectors.bursts_held(petition=petition)
    return render(
        request,
        "dashboard/moderation/held_petition.html",
        {
            "petition": petition,
            "bursts": bursts,
            "total": sum(burst.signatures for burst in bursts),
            "confirmed": sum(burst.confirmed for burst in bursts),
        },
    )


@staff_view()
@post_only("moderation:held-petition")
def held_act(request: HttpRequest, pk: int) -> HttpResponse:
    petition = Petition.objects.filter(pk=pk).first()
    if petition is None:
        raise Http404
    form = HeldActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nothing was changed: the request was not understood."))
        return redirect("moderation:held-petition", pk=pk)
    action = form.cleaned_data["action"]
    invalidation = invalidation_request(
        criteria=form.criteria(petition), by=current_user(request), action=action
    )
    if action == InvalidationAction.RELEASE:
        text = _("Queued: %(count)s held signatures will be released in the background.")
    else:
        text = _("Queued: %(count)s signatures will be invalidated in the background.")
    messages.success(request, text % {"count": invalidation.expected})
    return redirect("moderation:held-petition", pk=pk)
