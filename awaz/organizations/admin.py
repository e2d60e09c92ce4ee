from django.contrib import admin
from django.http import HttpRequest

from awaz.organizations.models import Invitation, Membership, Organization, OrganizationDescription


class MembershipInline(admin.TabularInline[Membership, Organization]):
    """Shown, not changed: members join by invitation and change role in the dashboard, where
    each change is audited (awaz.organizations.services)."""

    model = Membership
    extra = 0
    can_delete = False
    fields = readonly_fields = ("user", "role", "created_at")

    def has_add_permission(self, request: HttpRequest, obj: Organization | None = None) -> bool:
        return False


class DescriptionInline(admin.StackedInline[OrganizationDescription, Organization]):
    model = OrganizationDescription
    extra = 0
    fields = ["language", "text", "updated_by", "updated_at"]
    readonly_fields = ["updated_by", "updated_at"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin[Organization]):
    list_display = ["name", "slug", "website", "created_at"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [DescriptionInline, MembershipInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin[Invitation]):
    list_display = ["email", "organization", "role", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role"]
    search_fields = ["email", "organization__name"]
    # The token exists only in the e-mail; the admin never makes or shows one.
    fields = readonly_fields = (
        "organization",
        "email",
        "role",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
        "accepted_by",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
