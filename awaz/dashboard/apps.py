from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "awaz.dashboard"
    label = "dashboard"
