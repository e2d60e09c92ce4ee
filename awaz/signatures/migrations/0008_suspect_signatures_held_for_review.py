from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('signatures', '0007_signing_policy_lists_move_here'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='signature',
            name='signature_status_known',
        ),
        migrations.AddField(
            model_name='signature',
            name='hold_reason',
            field=models.CharField(blank=True, choices=[('burst', 'more signatures from one network than the burst limit'), ('sustained', 'more signatures from one network than the sustained limit'), ('noscript', "no puzzle answer (no JavaScript), over its network's limit"), ('fast', 'form sent seconds after the page was served'), ('stamp', 'form stamp missing or forged'), ('honeypot', 'hidden field filled in'), ('puzzle', 'puzzle answer wrong, expired or used before')], max_length=16, verbose_name='held because'),
        ),
        migrations.AlterField(
            model_name='signature',
            name='status',
            field=models.CharField(choices=[('pending', 'waiting for confirmation'), ('confirmed', 'confirmed'), ('suspect', 'held for review'), ('fraudulent', 'refused as fraud'), ('invalidated', 'invalidated by a moderator')], default='pending', max_length=16, verbose_name='status'),
        ),
        migrations.AddIndex(
            model_name='signature',
            index=models.Index(fields=['network_digest', 'created_at'], name='signature_network_cap_idx'),
        ),
        migrations.AddIndex(
            model_name='signature',
            index=models.Index(fields=['email_domain', 'created_at'], name='signature_domain_cap_idx'),
        ),
        migrations.AddIndex(
            model_name='signature',
            index=models.Index(condition=models.Q(('status', 'suspect')), fields=['petition', 'created_at'], name='signature_held_idx'),
        ),
        migrations.AddConstraint(
            model_name='signature',
            constraint=models.CheckConstraint(condition=models.Q(('status__in', ['pending', 'confirmed', 'suspect', 'fraudulent', 'invalidated'])), name='signature_status_known'),
        ),
        migrations.AddConstraint(
            model_name='signature',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'suspect'), models.Q(('hold_reason', ''), _negated=True)), models.Q(models.Q(('status', 'suspect'), _negated=True), ('hold_reason', '')), _connector='OR'), name='signature_held_has_reason'),
        ),
    ]
