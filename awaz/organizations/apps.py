from django.apps import AppConfig


class OrganizationsConfig(AppConfig):
    name = "awaz.organizations"
    label = "organizations"
