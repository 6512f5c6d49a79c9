"""Answers written in the browser before they were dated get the day they were last saved.

The seed format writes every answer with its date ("Posted on Mar 26, 2025..."); an answer
without one exported to a file the reader refused.
"""

from django.db import migrations
from django.utils import timezone


def answers_date(apps, schema_editor):
    ModelAnswer = apps.get_model("content", "ModelAnswer")
    undated = list(ModelAnswer.objects.filter(posted_on__isnull=True))
    for answer in undated:
        answer.posted_on = timezone.localdate(answer.updated_at)
    ModelAnswer.objects.bulk_update(undated, ["posted_on"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("content", "0005_bank_owners")]

    operations = [migrations.RunPython(answers_date, migrations.RunPython.noop)]
