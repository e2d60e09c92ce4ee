from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "awaz.privacy"
    label = "privacy"
    verbose_name = "Privacy primitives"
