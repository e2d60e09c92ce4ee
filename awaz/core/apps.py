from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "awaz.core"
    label = "core"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from awaz.core import db, i18n
        from awaz.core.catalogs import checks  # noqa: F401 - registers the system check

        i18n.install_script_aware_direction()
        connection_created.connect(db.use_wal_journal, dispatch_uid="awaz.core.db.wal")
