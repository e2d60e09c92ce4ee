from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "awaz.demo"
    label = "demo"
    verbose_name = "Demo content"
