"""Moderators choose the petitions featured on the home page (audited in the service)."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from awaz.dashboard.access import current_user, staff_view
from awaz.discovery.services import petition_feature, petition_unfeature
from awaz.http.methods import post_only
from awaz.petitions.models import Petition


@staff_view()
@post_only("moderation:petition")
def petition_featured(request: HttpRequest, pk: int) -> HttpResponse:
    petition = Petition.objects.visible().filter(pk=pk).first()
    if petition is None:
        raise Http404
    if request.POST.get("featured") == "on":
        petition_feature(petition=petition, by=current_user(request))
        messages.success(request, _("This petition is now featured on the home page."))
    else:
        petition_unfeature(petition=petition, by=current_user(request))
        messages.success(request, _("This petition is no longer featured on the home page."))
    return redirect("moderation:petition", pk=pk)
