"""Items keep the wording they asked; interviewers may own question banks.

Existing items get their question's wording as it reads now (the closest record there is). The
Interviewer group gains content.add_topic, which the bank checks without importing this app.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations, models
from django.db.models import OuterRef, Subquery

INTERVIEWER_GROUP = "Interviewer"


def asked_text_fill(apps, schema_editor):
    SessionItem = apps.get_model("interviews", "SessionItem")
    Question = apps.get_model("content", "Question")
    wording = Question.objects.filter(pk=OuterRef("question_id")).values("text")[:1]
    SessionItem.objects.filter(asked_text="").update(asked_text=Subquery(wording))


def authors_grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=INTERVIEWER_GROUP)
    group.permissions.add(Permission.objects.get(content_type__app_label="content", codename="add_topic"))


def authors_revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=INTERVIEWER_GROUP):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="content", codename="add_topic")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0005_bank_owners"),
        ("interviews", "0008_review_schedule"),
    ]

    operations = [
        migrations.AddField(
            model_name="sessionitem",
            name="asked_text",
            field=models.TextField(
                blank=True,
                help_text="The question's wording when the session was made; later edits leave it alone.",
            ),
        ),
        migrations.RunPython(asked_text_fill, migrations.RunPython.noop),
        migrations.RunPython(authors_grant, authors_revoke),
    ]
