"""A review-log entry names the command that made it; a re-score logs each tick it moves and the
reviewed score.

Entries without an author that no deleted account explains were all made by `manage.py rescore`
(0013 marked every other one), so they name it; the log read "system" for them.
"""

from django.db import migrations, models

# As interviews.services.rescoring names it now.
RESCORE_COMMAND = "manage.py rescore"


def rescore_command_name(apps, schema_editor):
    ReviewChange = apps.get_model("interviews", "ReviewChange")
    ReviewChange.objects.filter(
        field="rescore", changed_by__isnull=True, changed_by_deleted=False
    ).update(changed_by_command=RESCORE_COMMAND)


class Migration(migrations.Migration):
    dependencies = [
        ("interviews", "0013_review_change_author_deleted"),
    ]

    operations = [
        migrations.AddField(
            model_name="reviewchange",
            name="changed_by_command",
            field=models.CharField(
                blank=True,
                default="",
                help_text="The command that made an automatic change, e.g. 'manage.py rescore'.",
                max_length=100,
            ),
        ),
        migrations.AlterField(
            model_name="reviewchange",
            name="field",
            field=models.CharField(
                choices=[
                    ("concept", "Concept ticked or unticked"),
                    ("score_override", "Score override"),
                    ("notes", "Notes"),
                    ("recommendation", "Recommendation"),
                    ("rescore", "Automatic re-score"),
                    ("rescore_reviewed", "Reviewed score, after a re-score"),
                    ("status", "Session status"),
                ],
                max_length=20,
            ),
        ),
        migrations.RunPython(rescore_command_name, migrations.RunPython.noop),
    ]
