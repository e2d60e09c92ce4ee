"""An organization's API keys, for its owners: made (the key shown once), named, scoped, revoked."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from awaz.dashboard.access import current_user, member_view
from awaz.dashboard.forms.api_keys import ApiKeyForm
from awaz.http.methods import post_only
from awaz.organizations import keys, selectors
from awaz.organizations.models import Membership


@member_view("manage")
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache  # the page that shows a new key must stay off every disk and proxy
def api_keys(request: HttpRequest, membership: Membership) -> HttpResponse:
    organization = membership.organization
    form = ApiKeyForm(request.POST if request.method == "POST" else None)
    created = None
    if request.method == "POST" and form.is_valid():
        created = keys.api_key_create(
            organization=organization,
            name=form.cleaned_data["name"],
            scope=form.cleaned_data["scope"],
            by=current_user(request),
        )
        form = ApiKeyForm()
    return render(
        request,
        "dashboard/api_keys.html",
        {
            "organization": organization,
            "membership": membership,
            "form": form,
            "created": created,
            "keys": selectors.api_keys_of(organization=organization),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@post_only("dashboard:api-keys", keep=("organization",))
@member_view("manage")
def api_key_revoke(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    key = selectors.api_key_of_organization(organization=membership.organization, pk=pk)
    if key is None:
        raise Http404
    keys.api_key_revoke(key=key, by=current_user(request))
    messages.success(request, _("The key is revoked: the API refuses it from now on."))
    return redirect("dashboard:api-keys", organization=membership.organization.slug)
