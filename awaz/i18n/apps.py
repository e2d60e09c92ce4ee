from django.apps import AppConfig


class I18nConfig(AppConfig):
    name = "awaz.i18n"
    label = "i18n"
    verbose_name = "Languages and catalogs"

    def ready(self) -> None:
        from awaz.i18n import direction
        from awaz.i18n.catalogs import checks  # noqa: F401 - registers the system check

        direction.install_script_aware_direction()
