from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "awaz.moderation"
    label = "moderation"
    verbose_name = "Moderation"
