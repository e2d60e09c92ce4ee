from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "awaz.public"
    label = "public"

    def ready(self) -> None:
        from awaz.public import signals

        signals.connect()
