from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "awaz.api"
    label = "api"
