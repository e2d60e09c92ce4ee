from django.apps import AppConfig


class SignaturesConfig(AppConfig):
    name = "awaz.signatures"
    label = "signatures"
