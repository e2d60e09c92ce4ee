from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "awaz.webhooks"
    label = "webhooks"

    def ready(self) -> None:
        from awaz.webhooks import checks, signals

        del checks  # registered on import

        signals.connect()
