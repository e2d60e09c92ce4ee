# The lists and live limits now belong to `signatures` (same tables): state only.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('moderation', '0001_reports_invalidations_trending_and_lists'),
        ('signatures', '0007_signing_policy_lists_move_here'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name='SiteSettings'),
                migrations.DeleteModel(name='ListEntry'),
            ],
        ),
    ]
