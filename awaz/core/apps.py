from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "awaz.core"
    label = "core"

    def ready(self) -> None:
        from awaz.core import i18n

        i18n.install_script_aware_direction()
