"""The second step of a staff member's log-in: set up an authenticator app, or enter a code."""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_totp.models import TOTPDevice

from awaz.accounts import two_factor
from awaz.accounts.models import User
from awaz.accounts.roles import is_moderator, is_two_factor_verified
from awaz.dashboard.forms.accounts import CodeForm, SetupCodeForm


def _staff(request: HttpRequest) -> User:
    if not is_moderator(request.user) or not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


def _next_url(request: HttpRequest) -> str:
    """Where to go once verified: the `next` asked for, if it stays on this site."""
    wanted = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return resolve_url("dashboard:home")


def _with_next(name: str, request: HttpRequest) -> str:
    return f"{resolve_url(name)}?{urlencode({REDIRECT_FIELD_NAME: _next_url(request)})}"


def _qr_code(device: TOTPDevice) -> SafeString:
    """The app's set-up address as an SVG drawn here: no image service ever sees the secret."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    svg: str = image.to_string(encoding="unicode")
    label: str = format_html(
        '<svg class="qr-code" role="img" aria-label="{}" ', _("QR code for your authenticator app")
    )
    # The markup is qrcode's own, from a URL we built: only our label goes in, escaped.
    return mark_safe(svg.replace("<svg ", label, 1))  # noqa: S308 # nosec B308 B703


def _grouped(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    user = _staff(request)
    if two_factor.has_two_factor(user):
        return redirect(_with_next("accounts:two-factor", request))
    device = two_factor.two_factor_setup_start(user=user)
    form = SetupCodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        codes = two_factor.two_factor_setup_confirm(
            request=request, user=user, code=form.cleaned_data["code"]
        )
        if codes is not None:
            return render(
                request,
                "dashboard/account_two_factor_codes.html",
                {"codes": codes, "next": _next_url(request)},
            )
        form.add_error("code", _("That code is not right. Check the app and try the next one."))
    context = {
        "form": form,
        "qr_code": _qr_code(device),
        "secret": _grouped(b32encode(device.bin_key).decode("ascii")),
        "config_url": device.config_url,
        "next": _next_url(request),
    }
    return render(request, "dashboard/account_two_factor_setup.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    user = _staff(request)
    if not two_factor.has_two_factor(user):
        return redirect(_with_next("accounts:two-factor-setup", request))
    if is_two_factor_verified(request.user):
        return redirect(_next_url(request))
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        device = two_factor.two_factor_verify(
            request=request, user=user, code=form.cleaned_data["code"]
        )
        if device is not None:
            if two_factor.is_backup_code_device(device):
                left = two_factor.backup_codes_left(user=user)
                messages.warning(
                    request,
                    ngettext(
                        "You used a backup code: %(count)d is left.",
                        "You used a backup code: %(count)d are left.",
                        left,
                    )
                    % {"count": left},
                )
            return redirect(_next_url(request))
        form.add_error("code", _("That code is not right, or was used before. Try again."))
    return render(
        request, "dashboard/account_two_factor.html", {"form": form, "next": _next_url(request)}
    )
