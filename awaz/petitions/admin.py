from collections.abc import Callable

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from awaz.accounts.models import User
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
    """Make one lifecycle move on each selected petition; the move audits itself."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    changed = 0
    for petition in queryset:
        try:
            move(petition=petition, by=user, details={"via": "admin"})
        except ValidationError as error:
            messages.error(request, f"{petition.slug}: {' '.join(error.messages)}")
        else:
            changed += 1
    if changed:
        messages.success(request, f"{done}: {changed}")


@admin.register(Petition)
class PetitionAdmin(admin.ModelAdmin[Petition]):
    """Petitions for staff. The state is never edited here: it changes only by the lifecycle's
    moves (audited), and publishing or rejecting only by the moderators' decision, with its
    reason and the organizers' e-mail (the "decide" link opens it in the moderation queue)."""

    list_display = [
        "slug",
        "organization",
        "status",
        "signature_count",
        "published_at",
        "decision_link",
    ]
    list_filter = ["status", "organization"]
    search_fields = ["slug", "texts__title"]
    readonly_fields = [
        "status",
        "decision_link",
        "signature_count",
        "published_at",
        "ended_at",
        "victory_statement",
        "challenge_required",
        "cyrillic_spelling",  # the settings page regenerates the Cyrillic versions; admin would not
        "created_at",
        "created_by",
        "edited_at",
    ]
    inlines = [PetitionTextInline, PetitionRevisionInline]
    actions = ["remove", "reopen"]

    @admin.display(description="Decision")
    def decision_link(self, petition: Petition) -> str:
        if petition.status != Petition.Status.PENDING:
            return "-"
        url = reverse("moderation:petition", args=[petition.pk])
        return format_html('<a href="{}">Decide in the moderation queue</a>', url)

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
