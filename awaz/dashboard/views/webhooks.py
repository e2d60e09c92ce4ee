"""An organization's webhooks: owners register, remove and switch back on endpoints, and read
the delivery log. The secret is shown once, in the answer to the registration."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from awaz.dashboard.access import current_user, member_view
from awaz.dashboard.forms.base import add_service_errors
from awaz.dashboard.forms.webhooks import EndpointForm
from awaz.http.methods import post_only
from awaz.organizations.models import Membership
from awaz.webhooks import selectors, services, signing
from awaz.webhooks.models import Endpoint


def _endpoint(membership: Membership, pk: int) -> Endpoint:
    found = selectors.endpoint_of_organization(organization=membership.organization, pk=pk)
    if found is None:
        raise Http404
    return found


@member_view("manage")
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def webhooks(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = EndpointForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            endpoint, secret = services.endpoint_register(
                organization=membership.organization,
                by=current_user(request),
                url=form.cleaned_data["url"],
                events=form.cleaned_data["events"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            # Shown in this answer only (never_cache): the database keeps it encrypted.
            return render(
                request,
                "dashboard/webhook_created.html",
                {
                    "membership": membership,
                    "organization": membership.organization,
                    "endpoint": endpoint,
                    "secret": secret,
                    "header": signing.HEADER,
                },
            )
    return render(
        request,
        "dashboard/webhooks.html",
        {
            "membership": membership,
            "organization": membership.organization,
            "endpoints": selectors.endpoints_of_organization(organization=membership.organization),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@member_view("manage")
@require_safe
def webhook_detail(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    endpoint = _endpoint(membership, pk)
    return render(
        request,
        "dashboard/webhook_detail.html",
        {
            "membership": membership,
            "organization": membership.organization,
            "endpoint": endpoint,
            "attempts": selectors.attempts_of_endpoint(endpoint=endpoint),
        },
    )


@post_only("dashboard:webhook")
@member_view("manage")
def webhook_remove(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    endpoint = _endpoint(membership, pk)
    services.endpoint_remove(endpoint=endpoint, by=current_user(request))
    messages.success(request, _("The webhook is removed: nothing more is sent to it."))
    return redirect("dashboard:webhooks", organization=membership.organization.slug)


@post_only("dashboard:webhook")
@member_view("manage")
def webhook_enable(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    endpoint = _endpoint(membership, pk)
    try:
        services.endpoint_enable(endpoint=endpoint, by=current_user(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The webhook is switched on again."))
    return redirect("dashboard:webhook", organization=membership.organization.slug, pk=pk)
