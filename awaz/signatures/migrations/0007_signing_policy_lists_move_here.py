# The block/allow lists and the live limits belong to signing: their models move here from
# `moderation` with their tables unchanged (state only), so signing never imports moderation.

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

MOVED = ("listentry", "sitesettings")


def content_types_follow(apps, schema_editor):
    """Audit entries and permissions keep pointing at the same models under their new app."""
    content_type = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not content_type.objects.filter(app_label="signatures", model=model).exists():
            content_type.objects.filter(app_label="moderation", model=model).update(
                app_label="signatures"
            )


def content_types_go_back(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not content_type.objects.filter(app_label="moderation", model=model).exists():
            content_type.objects.filter(app_label="signatures", model=model).update(
                app_label="moderation"
            )


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('moderation', '0001_reports_invalidations_trending_and_lists'),
        ('signatures', '0006_signature_country_index'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='ListEntry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('blocked_domain', 'blocked e-mail domain'), ('blocked_network', 'blocked network'), ('allowed_network', 'allowed network (no rate limits)')], max_length=16, verbose_name='list')),
                        ('value', models.CharField(max_length=255, verbose_name='value')),
                        ('note', models.CharField(blank=True, max_length=200, verbose_name='note')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='added')),
                        ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='added by')),
                    ],
                    options={
                        'verbose_name': 'list entry',
                        'verbose_name_plural': 'list entries',
                        'db_table': 'moderation_listentry',
                        'ordering': ['kind', 'value'],
                        'constraints': [models.UniqueConstraint(fields=('kind', 'value'), name='list_entry_once'), models.CheckConstraint(condition=models.Q(('kind__in', ['blocked_domain', 'blocked_network', 'allowed_network'])), name='list_kind_known')],
                    },
                ),
                migrations.CreateModel(
                    name='SiteSettings',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('challenge_everywhere', models.BooleanField(blank=True, null=True, verbose_name='proof-of-work challenge on every petition')),
                        ('sign_burst_limit', models.PositiveIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1)], verbose_name='signatures per network per petition in a burst')),
                        ('sign_burst_seconds', models.PositiveIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1)], verbose_name='burst window, seconds')),
                        ('sign_sustained_limit', models.PositiveIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1)], verbose_name='signatures per network per petition, sustained')),
                        ('sign_sustained_seconds', models.PositiveIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1)], verbose_name='sustained window, seconds')),
                        ('trending_network_per_hour', models.PositiveIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1)], verbose_name='spike: signatures from one network in an hour')),
                        ('trending_domain_per_hour', models.PositiveIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1)], verbose_name='spike: signatures from one e-mail domain in an hour')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='changed')),
                    ],
                    options={
                        'verbose_name': 'site settings',
                        'verbose_name_plural': 'site settings',
                        'db_table': 'moderation_sitesettings',
                    },
                ),
            ],
        ),
        migrations.RunPython(content_types_follow, content_types_go_back),
    ]
