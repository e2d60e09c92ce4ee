from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "awaz.accounts"
    label = "accounts"
