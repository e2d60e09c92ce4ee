"""Moderators against abuse: trending sources, bulk invalidation, lists and live limits."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from awaz.dashboard.access import current_user, staff_view
from awaz.dashboard.forms.base import add_service_errors
from awaz.dashboard.forms.moderation import InvalidationForm, ListEntryForm, SiteSettingsForm
from awaz.http.methods import post_only
from awaz.moderation import selectors
from awaz.moderation.invalidations import invalidation_preview
from awaz.moderation.services import (
    invalidation_request,
    list_entry_add,
    list_entry_remove,
    site_settings_save,
)
from awaz.signatures.policy import policy_in_force


@staff_view()
@require_safe
def trending(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "dashboard/moderation/trending.html",
        {"petitions": selectors.petitions_with_spikes(), "policy": policy_in_force()},
    )


@staff_view()
@require_safe
def trending_petition(request: HttpRequest, pk: int) -> HttpResponse:
    petition = selectors.petition_for_moderation(pk=pk)
    if petition is None:
        raise Http404
    return render(
        request,
        "dashboard/moderation/trending_petition.html",
        {
            "petition": petition,
            "sources": selectors.trending_of(petition=petition),
            "policy": policy_in_force(),
        },
    )


@staff_view()
@require_http_methods(["GET", "HEAD", "POST"])
def invalidations(request: HttpRequest) -> HttpResponse:
    """GET: the criteria (prefilled from a link); POST: preview the number, then confirm."""
    posted = request.method == "POST"
    form = InvalidationForm(request.POST if posted else None, initial=request.GET.dict())
    matching = None
    if posted and form.is_valid():
        criteria = form.criteria()
        try:
            if "confirm" in request.POST:
                invalidation = invalidation_request(criteria=criteria, by=current_user(request))
                messages.success(
                    request,
                    _("Queued: %(count)s signatures will be invalidated in the background.")
                    % {"count": invalidation.expected},
                )
                return redirect("moderation:invalidations")
            matching = invalidation_preview(criteria=criteria)
        except ValidationError as error:
            add_service_errors(form, error)
    return render(
        request,
        "dashboard/moderation/invalidations.html",
        {
            "form": form,
            "matching": matching,
            "recent": selectors.invalidations_recent(),
        },
    )


@staff_view("admin")
@require_http_methods(["GET", "HEAD", "POST"])
def lists(request: HttpRequest) -> HttpResponse:
    posted = request.method == "POST"
    form = ListEntryForm(request.POST if posted else None)
    if posted and form.is_valid():
        data = form.cleaned_data
        try:
            list_entry_add(
                kind=data["kind"], value=data["value"], note=data["note"], by=current_user(request)
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Added. It applies to signatures from now on."))
            return redirect("moderation:lists")
    return render(
        request,
        "dashboard/moderation/lists.html",
        {"form": form, "entries": selectors.list_entries()},
    )


@staff_view("admin")
@post_only("moderation:lists", keep=())
def list_remove(request: HttpRequest, pk: int) -> HttpResponse:
    if list_entry_remove(entry_id=pk, by=current_user(request)):
        messages.success(request, _("Removed from the list."))
    return redirect("moderation:lists")


@staff_view("admin")
@require_http_methods(["GET", "HEAD", "POST"])
def site_settings(request: HttpRequest) -> HttpResponse:
    posted = request.method == "POST"
    form = SiteSettingsForm(request.POST if posted else None, instance=selectors.site_settings())
    if posted and form.is_valid():
        try:
            site_settings_save(by=current_user(request), values=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved. The new limits apply now."))
            return redirect("moderation:settings")
    return render(
        request,
        "dashboard/moderation/settings.html",
        {"form": form, "policy": policy_in_force()},
    )
