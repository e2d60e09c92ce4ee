from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "awaz.public"
    label = "public"
