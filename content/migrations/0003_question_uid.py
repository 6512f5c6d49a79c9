"""Give every question a stable UUID: added nullable, filled row by row, then made unique."""

import uuid

from django.db import migrations, models


def uids_fill(apps, schema_editor):
    Question = apps.get_model("content", "Question")
    for question in Question.objects.filter(uid__isnull=True).only("pk"):
        question.uid = uuid.uuid4()
        question.save(update_fields=["uid"])


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0002_concept_negated"),
    ]

    operations = [
        migrations.AddField(
            model_name="question",
            name="uid",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(uids_fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="question",
            name="uid",
            field=models.UUIDField(
                default=uuid.uuid4,
                editable=False,
                unique=True,
                help_text="Stable identity written into exported documents; it survives edits of the wording.",
            ),
        ),
    ]
