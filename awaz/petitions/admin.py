from collections.abc import Callable

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest

from awaz.accounts.models import User
from awaz.audit.services import audit_record
from awaz.petitions import lifecycle
from awaz.petitions.models import Petition, PetitionLink, PetitionRevision, PetitionText


class PetitionTextInline(admin.StackedInline[PetitionText, Petition]):
    model = PetitionText
    extra = 0
    show_change_link = True
    fields = [
        "language",
        "title",
        "target",
        "summary",
        "body",
        "image_alt",
        "origin",
        "converted_from",
    ]


class PetitionRevisionInline(admin.TabularInline[PetitionRevision, Petition]):
    model = PetitionRevision
    extra = 0
    can_delete = False
    fields = ["edited_at", "edited_by", "language", "title", "target"]
    readonly_fields = ("edited_at", "edited_by", "language", "title", "target")

    def has_add_permission(self, request: HttpRequest, obj: Petition | None = None) -> bool:
        return False


def _run(
    request: HttpRequest,
    queryset: QuerySet[Petition],
    move: Callable[..., Petition],
    done: str,
) -> None:
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    changed = 0
    for petition in queryset:
        try:
            with transaction.atomic():
                move(petition=petition, by=user)
                action = move.__name__.removeprefix("petition_")
                audit_record(
                    actor=user,
                    action=f"petition.{action}",
                    target=petition,
                    details={"via": "admin"},
                )
        except ValidationError as error:
            messages.error(request, f"{petition.slug}: {' '.join(error.messages)}")
        else:
            changed += 1
    if changed:
        messages.success(request, f"{done}: {changed}")


@admin.register(Petition)
class PetitionAdmin(admin.ModelAdmin[Petition]):
    list_display = ["slug", "organization", "status", "signature_count", "published_at"]
    list_filter = ["status", "organization"]
    search_fields = ["slug", "texts__title"]
    readonly_fields = ["signature_count", "created_at", "created_by", "edited_at", "ended_at"]
    inlines = [PetitionTextInline, PetitionRevisionInline]
    actions = ["approve", "reject", "remove", "reopen"]

    @admin.action(description="Approve: publish the selected petitions waiting for review")
    def approve(self, request: HttpRequest, queryset: QuerySet[Petition]) -> None:
        _run(request, queryset, lifecycle.petition_approve, "Published")

    @admin.action(description="Reject the selected petitions waiting for review")
    def reject(self, request: HttpRequest, queryset: QuerySet[Petition]) -> None:
        _run(request, queryset, lifecycle.petition_reject, "Rejected")

    @admin.action(description="Remove: take the selected petitions down")
    def remove(self, request: HttpRequest, queryset: QuerySet[Petition]) -> None:
        _run(request, queryset, lifecycle.petition_remove, "Removed")

    @admin.action(description="Reopen the selected closed or won petitions")
    def reopen(self, request: HttpRequest, queryset: QuerySet[Petition]) -> None:
        _run(request, queryset, lifecycle.petition_reopen, "Reopened")


class PetitionLinkInline(admin.TabularInline[PetitionLink, PetitionText]):
    model = PetitionLink
    extra = 1
    fields = ["position", "title", "url"]


@admin.register(PetitionText)
class PetitionTextAdmin(admin.ModelAdmin[PetitionText]):
    list_display = ["petition", "language", "title", "origin", "updated_at"]
    list_filter = ["language", "origin"]
    search_fields = ["title", "petition__slug"]
    readonly_fields = ["updated_by", "updated_at"]
    inlines = [PetitionLinkInline]
