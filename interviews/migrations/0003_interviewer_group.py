"""Create the Interviewer group with its permissions.

The list is frozen here as it was when this migration was written; interviews.access keeps the live
list and interviewer_group_ensure() adds whatever later versions grant.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

INTERVIEWER_GROUP = "Interviewer"
INTERVIEWER_PERMISSIONS = (
    ("interviews", "run_interviews"),
    ("interviews", "add_sessiontemplate"),
    ("interviews", "change_sessiontemplate"),
    ("interviews", "delete_sessiontemplate"),
    ("interviews", "view_sessiontemplate"),
    ("content", "view_question"),
    ("content", "add_concept"),
    ("content", "change_concept"),
    ("content", "view_concept"),
)


def group_create(apps, schema_editor):
    # Permissions are normally created after migrate finishes; make them exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=INTERVIEWER_GROUP)
    for app_label, codename in INTERVIEWER_PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def group_delete(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=INTERVIEWER_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("content", "0001_initial"),
        ("interviews", "0002_interviewer"),
    ]

    operations = [migrations.RunPython(group_create, group_delete)]
