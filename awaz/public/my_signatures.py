"""Views of "my signatures": a signer sees, exports and withdraws what they signed.

The request page always answers "check your inbox"; the e-mailed link opens, once, a short
session that knows only the digest of the address.
"""

import json

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from awaz.core.formfields import EmailAddressField
from awaz.http.methods import post_only
from awaz.privacy.network import client_address, network_digest
from awaz.public.views import no_referrer, see_other
from awaz.signatures import access, sending

SESSION_KEY = "signer_digest"


class AccessRequestForm(forms.Form):
    email = EmailAddressField(label=_("Your e-mail address"), max_length=254)


def _signer(request: HttpRequest) -> str | None:
    return request.session.get(SESSION_KEY)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def request_link(request: HttpRequest) -> HttpResponse:
    form = AccessRequestForm(request.POST or None, label_suffix="")
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "public/my_signatures_request.html", {"form": form}, status=400)
        address = form.cleaned_data["email"]
        network = network_digest(client_address(request), timezone.now())
        if access.access_request_allowed(address=address, network=network):
            sending.request_access(address=address, language=get_language())
        # The same answer whether the address signed anything, or was refused as too frequent.
        return render(request, "public/my_signatures_sent.html")
    return render(request, "public/my_signatures_request.html", {"form": form})


@csrf_exempt  # the one-time token in the address is the proof, as for confirming
@no_referrer
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def open_link(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; the POST opens the link (mail scanners follow links, not forms)."""
    if request.method != "POST":
        return render(request, "public/my_signatures_open.html")
    try:
        digest = access.open_access_token(token)
    except access.AccessLinkError:
        return render(request, "public/link_invalid.html", status=404)
    request.session.cycle_key()
    request.session[SESSION_KEY] = digest
    request.session.set_expiry(settings.AWAZ_ACCESS_SESSION_SECONDS)
    return see_other(reverse("public:my-signatures-list"))


@never_cache
def signature_list(request: HttpRequest) -> HttpResponse:
    digest = _signer(request)
    if digest is None:
        return redirect("public:my-signatures")
    language = get_language()
    signatures = [
        (signature, access.title_of(signature.petition, language))
        for signature in access.signatures_of(digest)
    ]
    return render(request, "public/my_signatures_list.html", {"signatures": signatures})


@never_cache
def data_download(request: HttpRequest) -> HttpResponse:
    digest = _signer(request)
    if digest is None:
        return redirect("public:my-signatures")
    body = json.dumps(access.signer_data(digest), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-signatures.json"'
    return response


@post_only("public:my-signatures-list")
@never_cache
def withdraw(request: HttpRequest) -> HttpResponse:
    digest = _signer(request)
    if digest is None:
        return redirect("public:my-signatures")
    which = request.POST.get("signature", "")
    if which == "all":
        access.signer_withdraw(digest=digest)
    elif which.isdigit():
        access.signer_withdraw(digest=digest, signature_id=int(which))
    else:
        return HttpResponse(status=400)
    return see_other(reverse("public:my-signatures-list"))


@post_only("public:my-signatures-list")
@never_cache
def stop_emails(request: HttpRequest) -> HttpResponse:
    digest = _signer(request)
    if digest is None:
        return redirect("public:my-signatures")
    access.signer_stop_emails(digest=digest)
    return render(request, "public/my_signatures_stopped.html")


@post_only("public:my-signatures-list")
def finish(request: HttpRequest) -> HttpResponse:
    request.session.flush()
    return see_other(reverse("public:home"))
