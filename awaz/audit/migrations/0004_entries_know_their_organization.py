"""Entries written before 0003 learn the organization they concern, for its owners' page.

Only the new, derived column is filled (who, what, when and the target stay as written): from
the details where they name it, else from the target (the organization, its petition, or a
thing of either). On PostgreSQL the append-only trigger is paused for this one statement set,
inside the migration's transaction.
"""

from collections import defaultdict

from django.db import migrations

# A target's app label and model -> how to reach its organization's id.
THROUGH = {
    "organizations.organization": "pk",
    "organizations.membership": "organization_id",
    "organizations.invitation": "organization_id",
    "organizations.apikey": "organization_id",
    "webhooks.endpoint": "organization_id",
    "petitions.petition": "organization_id",
    "petitions.petitionupdate": "petition__organization_id",
    "signatures.paperbatch": "petition__organization_id",
}
TRIGGER = "audit_auditentry_append_only"


def _organizations_of(apps, label: str, pks: set[int]) -> dict[int, int]:
    app_label, model_name = label.split(".")
    model = apps.get_model(app_label, model_name)
    return dict(model._base_manager.filter(pk__in=pks).values_list("pk", THROUGH[label]))


def backfill(apps, schema_editor):
    entry_model = apps.get_model("audit", "AuditEntry")
    entries = entry_model._base_manager.filter(organization_pk__isnull=True)
    found: dict[int, list[int]] = defaultdict(list)
    wanted: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for pk, target, details in entries.values_list("pk", "target", "details").iterator():
        named = details.get("organization") if isinstance(details, dict) else None
        if isinstance(named, int):
            found[named].append(pk)
            continue
        label, _sep, target_pk = target.partition(":")
        if label in THROUGH and target_pk.isdigit():
            wanted[label][int(target_pk)].append(pk)
    for label, by_target in wanted.items():
        for target_pk, organization_pk in _organizations_of(apps, label, set(by_target)).items():
            if organization_pk is not None:
                found[organization_pk].extend(by_target[target_pk])
    if not found:
        return
    postgresql = schema_editor.connection.vendor == "postgresql"
    if postgresql:
        # ALTER TABLE refuses while deferred key checks of this transaction are pending.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        schema_editor.execute(f"ALTER TABLE audit_auditentry DISABLE TRIGGER {TRIGGER}")
    for organization_pk, pks in found.items():
        entry_model._base_manager.filter(pk__in=pks).update(organization_pk=organization_pk)
    if postgresql:
        schema_editor.execute(f"ALTER TABLE audit_auditentry ENABLE TRIGGER {TRIGGER}")


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0003_entry_organization"),
        ("organizations", "0003_api_keys"),
        ("petitions", "0008_responses_and_kinds_of_update"),
        ("signatures", "0010_signature_source"),
        ("webhooks", "0001_endpoints_deliveries_attempts"),
    ]
    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
