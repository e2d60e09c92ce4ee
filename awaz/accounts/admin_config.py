from django.contrib.admin.apps import AdminConfig


class StaffAdminConfig(AdminConfig):
    """Django's admin with our site class (imported once the models are ready)."""

    default_site = "awaz.accounts.admin_site.StaffAdminSite"
