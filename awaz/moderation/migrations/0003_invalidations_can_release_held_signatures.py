from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('moderation', '0002_signing_policy_lists_move_to_signatures'),
    ]

    operations = [
        migrations.AddField(
            model_name='invalidation',
            name='action',
            field=models.CharField(choices=[('invalidate', 'invalidate'), ('release', 'release held signatures')], default='invalidate', max_length=16, verbose_name='action'),
        ),
        migrations.AddConstraint(
            model_name='invalidation',
            constraint=models.CheckConstraint(condition=models.Q(('action__in', ['invalidate', 'release'])), name='invalidation_action_known'),
        ),
    ]
