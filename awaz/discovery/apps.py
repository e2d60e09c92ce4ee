from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    name = "awaz.discovery"
    label = "discovery"

    def ready(self) -> None:
        from awaz.discovery import signals

        signals.connect()
