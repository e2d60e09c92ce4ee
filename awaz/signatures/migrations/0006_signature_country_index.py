from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("signatures", "0005_encrypt_names_and_comments"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="signature",
            index=models.Index(
                fields=["petition", "status", "country"], name="signature_country_idx"
            ),
        ),
    ]
