"""A revision records that its author's account was deleted: its history said "by the importer".

Revisions stored before lost their author the same way; those whose note is not the importer's
were saved by a person (the editor, a restore, a copy), so they are marked too.
"""

from django.conf import settings
from django.db import migrations, models

import content.models

# The notes the importer writes (content.revisions, content.importer), as they read here.
IMPORT_NOTE = "As imported"
IMPORTED_FROM_PREFIX = "Imported from "


def deleted_authors_mark(apps, schema_editor):
    QuestionRevision = apps.get_model("content", "QuestionRevision")
    QuestionRevision.objects.filter(author__isnull=True).exclude(note=IMPORT_NOTE).exclude(
        note__startswith=IMPORTED_FROM_PREFIX
    ).update(author_deleted=True)


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0007_bank_names_unique_per_owner"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="questionrevision",
            name="author_deleted",
            field=models.BooleanField(
                default=False, help_text="Saved by a person whose account was deleted since."
            ),
        ),
        migrations.AlterField(
            model_name="questionrevision",
            name="author",
            field=models.ForeignKey(
                blank=True,
                help_text=(
                    "Who saved it; empty for the state as imported, or once their account is "
                    "deleted."
                ),
                null=True,
                on_delete=content.models.author_account_deleted,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RunPython(deleted_authors_mark, migrations.RunPython.noop),
    ]
