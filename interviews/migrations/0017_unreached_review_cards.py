"""Review cards made only by questions the candidate was never shown are removed.

Until questions never reached stayed out of review, ending a practice session early rated every
question it skipped unseen "again": each got a review card, due the next day, with no answer
behind it ("Answers so far: 0"). A card whose candidate was never shown its question in any
session came only from that, so it goes. A card for a question the candidate was shown keeps
its schedule, and `manage.py backfill_review_cards` never makes such a card again.
"""

from django.db import migrations
from django.db.models import Exists, OuterRef


def unreached_cards_delete(apps, schema_editor):
    ReviewCard = apps.get_model("interviews", "ReviewCard")
    SessionItem = apps.get_model("interviews", "SessionItem")
    shown = SessionItem.objects.filter(
        session__candidate_id=OuterRef("candidate_id"),
        question_id=OuterRef("question_id"),
        started_at__isnull=False,
    )
    ReviewCard.objects.filter(~Exists(shown)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("interviews", "0016_skipped_items_unscored"),
    ]

    operations = [migrations.RunPython(unreached_cards_delete, migrations.RunPython.noop)]
