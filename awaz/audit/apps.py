from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "awaz.audit"
    label = "audit"
    verbose_name = "Audit log"
