"""A review-log entry records that its author's account was deleted: the log said "system".

Entries stored before lost their author the same way. Only the scorer's re-score writes an entry
without an author; every other entry with none, a re-score after concept curation included, was
made by a person, so those are marked too.
"""

from django.conf import settings
from django.db import migrations, models

import interviews.models.interviewer

# The note transcripts_rescore (interviews.services.curation) writes, as it reads here.
CURATED_RESCORE_REASON = "Concepts of the question were curated."


def deleted_authors_mark(apps, schema_editor):
    ReviewChange = apps.get_model("interviews", "ReviewChange")
    authorless = ReviewChange.objects.filter(changed_by__isnull=True)
    authorless.exclude(field="rescore").update(changed_by_deleted=True)
    authorless.filter(field="rescore", reason=CURATED_RESCORE_REASON).update(
        changed_by_deleted=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("interviews", "0012_item_score_reviewed_dropped_ticks"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="reviewchange",
            name="changed_by_deleted",
            field=models.BooleanField(
                default=False, help_text="Made by a person whose account was deleted since."
            ),
        ),
        migrations.AlterField(
            model_name="reviewchange",
            name="changed_by",
            field=models.ForeignKey(
                help_text=(
                    "Who made it; empty for an automatic change, or once their account is deleted."
                ),
                null=True,
                on_delete=interviews.models.interviewer.changed_by_account_deleted,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RunPython(deleted_authors_mark, migrations.RunPython.noop),
    ]
