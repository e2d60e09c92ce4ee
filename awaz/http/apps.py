from django.apps import AppConfig


class HttpConfig(AppConfig):
    name = "awaz.http"
    label = "http"
    verbose_name = "HTTP hardening"
