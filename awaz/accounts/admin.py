from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils import timezone

from awaz.accounts.models import User
from awaz.accounts.roles import StaffRole
from awaz.accounts.services import user_staff_role_set
from awaz.accounts.two_factor import two_factor_remove


class UserCreationForm(AdminUserCreationForm[User]):
    class Meta:
        model = User
        fields = ("email",)


class UserEditForm(UserChangeForm[User]):
    class Meta:
        model = User
        fields = ("email", "name")


@admin.register(User)
class UserAdmin(BaseUserAdmin[User]):
    add_form = UserCreationForm
    form = UserEditForm
    ordering = ["email"]
    list_display = [
        "email",
        "name",
        "is_staff",
        "staff_role",
        "is_active",
        "email_verified_at",
        "date_joined",
    ]
    search_fields = ["email", "name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Profile", {"fields": ("name",)}),
        (
            "Permissions",
            {"fields": ("is_active", "staff_role", "is_staff", "is_superuser", "groups")},
        ),
        ("Dates", {"fields": ("email_verified_at", "last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    # Follows the staff role (admins only): set by save_model, never by hand.
    readonly_fields = ["is_staff"]
    actions = ["remove_two_factor"]

    @admin.action(description="Remove two-factor log-in (a lost phone): set it up again")
    def remove_two_factor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        if not isinstance(request.user, User):  # the admin site only lets admins in
            return
        removed = [user for user in queryset if two_factor_remove(user=user, by=request.user)]
        self.message_user(
            request, f"Two-factor removed for {len(removed)} account(s).", messages.SUCCESS
        )

    def save_model(
        self, request: HttpRequest, obj: User, form: ModelForm[User], change: bool
    ) -> None:
        # An account an administrator opens needs no e-mailed confirmation: they vouch for it.
        if not change and obj.email_verified_at is None:
            obj.email_verified_at = timezone.now()
        obj.is_staff = obj.staff_role == StaffRole.ADMIN
        super().save_model(request, obj, form, change)
        if "staff_role" in form.changed_data:  # the role's change is audited by its service
            by = request.user if isinstance(request.user, User) else None
            user_staff_role_set(
                user=obj,
                role=StaffRole(obj.staff_role),
                by=by,
                before=str(form.initial.get("staff_role", "")),
            )
