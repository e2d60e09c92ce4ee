from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "awaz.accounts"
    label = "accounts"

    def ready(self) -> None:
        from awaz.accounts import signals

        signals.connect()
