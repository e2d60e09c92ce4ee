"""Moderation in the admin: to look things up only. Changes go through the dashboard, where they
are audited and clear the cached lists and limits."""

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from awaz.moderation.models import Invalidation, ListEntry, Report, SiteSettings, TrendingSource


class ReadOnlyAdmin[M: models.Model](admin.ModelAdmin[M]):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin[Report]):
    list_display = ["created_at", "petition", "reason", "status", "resolved_by"]
    list_filter = ["status", "reason"]


@admin.register(Invalidation)
class InvalidationAdmin(ReadOnlyAdmin[Invalidation]):
    list_display = ["created_at", "created_by", "status", "expected", "invalidated"]


@admin.register(ListEntry)
class ListEntryAdmin(ReadOnlyAdmin[ListEntry]):
    list_display = ["kind", "value", "note", "created_by", "created_at"]
    list_filter = ["kind"]


@admin.register(TrendingSource)
class TrendingSourceAdmin(ReadOnlyAdmin[TrendingSource]):
    list_display = ["hour", "petition", "kind", "signatures", "is_spike", "alerted_at"]
    list_filter = ["kind", "is_spike"]


@admin.register(SiteSettings)
class SiteSettingsAdmin(ReadOnlyAdmin[SiteSettings]):
    list_display = ["updated_at", "challenge_everywhere", "sign_burst_limit"]
