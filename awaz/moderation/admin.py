"""Moderation in the admin: to look things up only. Changes go through the dashboard, where they
are audited and clear the cached lists and limits."""

from django.contrib import admin

from awaz.core.readonly_admin import ReadOnlyAdmin
from awaz.moderation.models import Invalidation, Report, TrendingSource
from awaz.signatures.models import ListEntry, SiteSettings


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
