from django.db import migrations


def is_staff_follows_staff_role(apps, schema_editor):
    """Only admins may log in to the admin site now; moderators work in Awaz's own pages."""
    user_model = apps.get_model("accounts", "User")
    user_model.objects.filter(staff_role="admin").update(is_staff=True)
    user_model.objects.exclude(staff_role="admin").update(is_staff=False)


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0003_user_staff_role"),
    ]

    operations = [
        migrations.RunPython(is_staff_follows_staff_role, migrations.RunPython.noop),
    ]
