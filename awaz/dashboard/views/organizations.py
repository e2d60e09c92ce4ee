"""The workspace's home, organizations, their descriptions, members and invitations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from awaz.dashboard.access import current_user, member_view
from awaz.dashboard.forms.base import add_service_errors, write_in
from awaz.dashboard.forms.organizations import (
    DescriptionForm,
    InvitationForm,
    MembershipForm,
    OrganizationForm,
    OrganizationSettingsForm,
)
from awaz.http.methods import post_only
from awaz.i18n import languages
from awaz.organizations import selectors, services
from awaz.organizations.models import Membership
from awaz.petitions import organizer_selectors


@login_required
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    memberships = selectors.memberships_of(user=current_user(request))
    return render(request, "dashboard/home.html", {"memberships": memberships})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def organization_new(request: HttpRequest) -> HttpResponse:
    form = OrganizationForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    if form.is_valid():
        try:
            organization = services.organization_create(
                by=current_user(request), **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your organization is ready."))
            return redirect("dashboard:organization", organization=organization.slug)
    return render(request, "dashboard/organization_new.html", {"form": form})


@member_view("read")
@require_safe
def organization_detail(request: HttpRequest, membership: Membership) -> HttpResponse:
    petitions = organizer_selectors.petitions_of_organization(
        organization=membership.organization, language=request.LANGUAGE_CODE
    )
    return render(
        request,
        "dashboard/organization_detail.html",
        {"membership": membership, "organization": membership.organization, "petitions": petitions},
    )


@member_view("manage")
@require_http_methods(["GET", "HEAD", "POST"])
def organization_settings(request: HttpRequest, membership: Membership) -> HttpResponse:
    organization = membership.organization
    has_logo = bool(organization.logo)
    if request.method == "POST":
        form = OrganizationSettingsForm(request.POST, request.FILES, has_logo=has_logo)
    else:
        form = OrganizationSettingsForm(
            initial=OrganizationSettingsForm.initial_for(organization), has_logo=has_logo
        )
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.organization_update(
                organization=organization,
                name=data["name"],
                description=data["description"],
                website=data["website"],
                contact_email=data["contact_email"],
                logo=data["logo"],
                remove_logo=data.get("remove_logo", False),
            )
        except ValidationError as error:
            add_service_errors(form, error)
            organization.refresh_from_db()
        else:
            messages.success(request, _("The organization's settings are saved."))
            return redirect("dashboard:organization-settings", organization=organization.slug)
    descriptions = selectors.descriptions_of(organization=organization)
    return render(
        request,
        "dashboard/organization_settings.html",
        {
            "membership": membership,
            "organization": organization,
            "form": form,
            "descriptions": [
                (language, descriptions.get(language.code)) for language in languages.LANGUAGES
            ],
        },
    )


@member_view("manage")
@require_http_methods(["GET", "HEAD", "POST"])
def description_edit(request: HttpRequest, membership: Membership, language: str) -> HttpResponse:
    if language not in languages.CODES:
        raise Http404
    organization = membership.organization
    current = selectors.descriptions_of(organization=organization).get(language)
    form = DescriptionForm(
        request.POST if request.method == "POST" else None,
        initial={"text": current.text if current else ""},
    )
    write_in(form, language, fields=("text",))
    if form.is_valid():
        try:
            services.organization_description_save(
                organization=organization,
                language=language,
                text=form.cleaned_data["text"],
                by=current_user(request),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The description is saved."))
            return redirect("dashboard:organization-settings", organization=organization.slug)
    return render(
        request,
        "dashboard/organization_description.html",
        {
            "membership": membership,
            "organization": organization,
            "form": form,
            "language": languages.get(language),
            "current": current,
        },
    )


def _members_page(
    request: HttpRequest,
    membership: Membership,
    invitation_form: InvitationForm | None = None,
    status: int = 200,
) -> HttpResponse:
    organization = membership.organization
    return render(
        request,
        "dashboard/members.html",
        {
            "membership": membership,
            "organization": organization,
            "members": [
                (member, MembershipForm(initial={"role": member.role}, prefix=f"m{member.pk}"))
                for member in selectors.members_of(organization=organization)
            ],
            "invitations": selectors.invitations_open_for(organization=organization),
            "invitation_form": invitation_form or InvitationForm(),
        },
        status=status,
    )


@member_view("manage")
@require_safe
def members(request: HttpRequest, membership: Membership) -> HttpResponse:
    return _members_page(request, membership)


@post_only("dashboard:members", keep=("organization",))
@member_view("manage")
def invite(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            services.invitation_create(
                organization=membership.organization,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                by=current_user(request),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]},
            )
            return redirect("dashboard:members", organization=membership.organization.slug)
    return _members_page(request, membership, invitation_form=form, status=400)


@post_only("dashboard:members", keep=("organization",))
@member_view("manage")
def member_update(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    member = selectors.membership_of_organization(organization=membership.organization, pk=pk)
    if member is None:
        raise Http404
    try:
        if "remove" in request.POST:
            services.membership_remove(membership=member, by=current_user(request))
            messages.success(
                request, _("%(person)s is no longer a member.") % {"person": member.user}
            )
        else:
            form = MembershipForm(request.POST, prefix=f"m{member.pk}")
            if not form.is_valid():
                raise ValidationError(_("Choose a role from the list."))
            services.membership_role_change(
                membership=member, role=form.cleaned_data["role"], by=current_user(request)
            )
            messages.success(request, _("%(person)s's role is changed.") % {"person": member.user})
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    if member.pk == membership.pk:  # an owner who changed their own role may not be one now
        return redirect("dashboard:home")
    return redirect("dashboard:members", organization=membership.organization.slug)


@post_only("dashboard:members", keep=("organization",))
@member_view("manage")
def invitation_revoke(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    invitation = selectors.invitation_of_organization(organization=membership.organization, pk=pk)
    if invitation is None:
        raise Http404
    services.invitation_revoke(invitation=invitation, by=current_user(request))
    messages.success(request, _("The invitation is withdrawn; its link no longer works."))
    return redirect("dashboard:members", organization=membership.organization.slug)


@require_http_methods(["GET", "HEAD", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The link in an invitation: shows it, and joins on a button press by the invited person."""
    found = services.invitation_for_token(token)
    if found is None:
        raise Http404
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            joined = services.invitation_accept(token=token, user=current_user(request))
        except ValidationError as error:
            return render(
                request,
                "dashboard/invitation.html",
                {"invitation": found, "errors": error.messages},
                status=400,
            )
        messages.success(
            request, _("Welcome to %(organization)s.") % {"organization": joined.organization}
        )
        return redirect("dashboard:organization", organization=joined.organization.slug)
    return render(request, "dashboard/invitation.html", {"invitation": found, "errors": []})
