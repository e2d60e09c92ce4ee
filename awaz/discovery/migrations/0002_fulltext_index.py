"""The database's own full-text index over SearchDocument, which Django does not model.

SQLite: an FTS5 table with the documents as external content, kept in step by triggers.
PostgreSQL: a generated tsvector column (titles weigh more) with a GIN index. The 'simple'
configuration: no stemming, since one index holds every language; normalization (case,
diacritics, scripts) happens before the text is stored (awaz.discovery.text).
"""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE discovery_fts USING fts5(
        title, body, content='discovery_searchdocument', content_rowid='petition_id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER discovery_fts_insert AFTER INSERT ON discovery_searchdocument BEGIN
        INSERT INTO discovery_fts(rowid, title, body)
        VALUES (new.petition_id, new.title, new.body);
    END""",
    """CREATE TRIGGER discovery_fts_delete AFTER DELETE ON discovery_searchdocument BEGIN
        INSERT INTO discovery_fts(discovery_fts, rowid, title, body)
        VALUES ('delete', old.petition_id, old.title, old.body);
    END""",
    """CREATE TRIGGER discovery_fts_update AFTER UPDATE ON discovery_searchdocument BEGIN
        INSERT INTO discovery_fts(discovery_fts, rowid, title, body)
        VALUES ('delete', old.petition_id, old.title, old.body);
        INSERT INTO discovery_fts(rowid, title, body)
        VALUES (new.petition_id, new.title, new.body);
    END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER discovery_fts_update",
    "DROP TRIGGER discovery_fts_delete",
    "DROP TRIGGER discovery_fts_insert",
    "DROP TABLE discovery_fts",
]
POSTGRESQL = [
    """ALTER TABLE discovery_searchdocument ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, title), 'A')
        || setweight(to_tsvector('simple'::regconfig, body), 'B')) STORED""",
    "CREATE INDEX discovery_document_tsv ON discovery_searchdocument USING gin (tsv)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX discovery_document_tsv",
    "ALTER TABLE discovery_searchdocument DROP COLUMN tsv",
]


def _run(statements: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("discovery", "0001_discovery")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        ),
    ]
