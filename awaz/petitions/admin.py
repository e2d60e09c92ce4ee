from django.contrib import admin

from awaz.petitions.models import Petition, PetitionLink, PetitionText


class PetitionTextInline(admin.StackedInline[PetitionText, Petition]):
    model = PetitionText
    extra = 0
    show_change_link = True
    fields = ["language", "title", "target", "summary", "body", "origin", "converted_from"]


@admin.register(Petition)
class PetitionAdmin(admin.ModelAdmin[Petition]):
    list_display = ["slug", "organization", "status", "signature_count", "published_at"]
    list_filter = ["status", "organization"]
    search_fields = ["slug", "texts__title"]
    readonly_fields = ["signature_count", "created_at"]
    inlines = [PetitionTextInline]


class PetitionLinkInline(admin.TabularInline[PetitionLink, PetitionText]):
    model = PetitionLink
    extra = 1
    fields = ["position", "title", "url"]


@admin.register(PetitionText)
class PetitionTextAdmin(admin.ModelAdmin[PetitionText]):
    list_display = ["petition", "language", "title", "origin", "updated_at"]
    list_filter = ["language", "origin"]
    search_fields = ["title", "petition__slug"]
    inlines = [PetitionLinkInline]
