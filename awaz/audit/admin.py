from django.contrib import admin

from awaz.audit.models import AuditEntry
from awaz.core.readonly_admin import ReadOnlyAdmin


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin[AuditEntry]):
    """Read-only: the audit log cannot be edited from the web."""

    list_display = ["at", "actor", "action", "target"]
    list_filter = ["action"]
    search_fields = ["target", "action"]
