"""Signing up, confirming the address, logging in and out, choosing a new password.

No page here answers differently for an address that has an account and one that has not:
whatever happened, the next page is "check your inbox", and the e-mail tells the rest.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from awaz.accounts import services
from awaz.accounts.models import User
from awaz.accounts.roles import is_moderator
from awaz.accounts.two_factor import second_step_url
from awaz.dashboard.forms.accounts import EmailForm, LanguageForm, LoginForm, SignUpForm
from awaz.dashboard.forms.base import add_service_errors


@require_http_methods(["GET", "HEAD", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    form = SignUpForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.user_sign_up(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password"],
                name=form.cleaned_data["name"],
                language=get_language(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("accounts:sent")
    return render(request, "dashboard/account_signup.html", {"form": form})


@require_safe
def sent(request: HttpRequest) -> HttpResponse:
    return render(request, "dashboard/account_sent.html")


@require_http_methods(["GET", "HEAD", "POST"])
def verify(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the e-mail opens a page whose button confirms: mail scanners only GET."""
    if request.method == "POST":
        user = services.user_verify_email(token=token)
        if user is not None:
            messages.success(request, _("Your e-mail address is confirmed: you can log in."))
            return redirect("accounts:login")
        return render(request, "dashboard/account_verify.html", {"invalid": True}, status=400)
    return render(request, "dashboard/account_verify.html", {"invalid": False})


@require_http_methods(["GET", "HEAD", "POST"])
def verify_again(request: HttpRequest) -> HttpResponse:
    form = EmailForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        services.user_verification_resend(email=form.cleaned_data["email"])
        return redirect("accounts:sent")
    return render(request, "dashboard/account_verify_again.html", {"form": form})


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "dashboard/account_login.html"
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        if is_moderator(form.get_user()):
            # Staff pass the second step (or set it up) before going where they were going.
            return redirect_to_login(self.get_success_url(), second_step_url(form.get_user()))
        return response


@require_http_methods(["GET", "HEAD", "POST"])
def password_reset(request: HttpRequest) -> HttpResponse:
    form = EmailForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        services.user_password_reset_request(email=form.cleaned_data["email"])
        return redirect("accounts:sent")
    return render(request, "dashboard/account_password_reset.html", {"form": form})


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's handling of the link (the token leaves the address bar at once), our service."""

    template_name = "dashboard/account_password_set.html"
    success_url = reverse_lazy("accounts:login")

    def form_valid(self, form: SetPasswordForm[Any]) -> HttpResponse:
        user: User = form.user
        try:
            services.user_password_set(user=user, password=form.cleaned_data["new_password1"])
        except ValidationError as error:
            # A form field's name, not a password.
            add_service_errors(form, error, fields={"password": "new_password1"})  # nosec B105
            return self.form_invalid(form)
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        messages.success(self.request, _("Your new password is set: you can log in."))
        return redirect(self.success_url)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def account(request: HttpRequest) -> HttpResponse:
    """The person's own account: the language of the mail Awaz sends them."""
    user = request.user
    if not isinstance(user, User):  # login_required guarantees it; never silently pass
        raise TypeError("the account page without a signed-in person")
    form = LanguageForm(
        request.POST if request.method == "POST" else None, initial={"language": user.language}
    )
    if form.is_valid():
        services.user_language_set(user=user, language=form.cleaned_data["language"])
        messages.success(request, _("Saved: Awaz writes to you in the language you chose."))
        return redirect("accounts:account")
    return render(request, "dashboard/account_detail.html", {"form": form})
