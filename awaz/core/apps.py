"""The small core: base models (their tables keep the label `core`), shared model fields and
form widgets, template tags, the frame templates of every page, database set-up."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "awaz.core"
    label = "core"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from awaz.core import db

        connection_created.connect(db.use_wal_journal, dispatch_uid="awaz.core.db.wal")
