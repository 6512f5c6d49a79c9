"""Questions skipped unanswered lose the score a concept page's re-score gave them.

Before it re-scored answered items only, a concept page's re-score scored every finished item,
so a question the session ended before it was reached got an automatic score of 0 with every
concept missed: its transcript and exports showed that, and the scorer-agreement figures counted
it as a scored answer. The engine never scores a skipped item, so any score one holds came from
there. It goes back to unscored (the session score is the same: a skipped question counts 0),
and the review log records the change, as a re-score's changes are recorded.
"""

from django.db import migrations
from django.utils import timezone

# As the review log names the command that made a change no person made.
COMMAND = "manage.py migrate"
REASON = "A skipped question has no answer to score: the score a re-score gave it is removed."


def skipped_items_unscore(apps, schema_editor):
    SessionItem = apps.get_model("interviews", "SessionItem")
    ReviewChange = apps.get_model("interviews", "ReviewChange")
    scored = SessionItem.objects.filter(status="skipped", score__isnull=False)
    now = timezone.now()
    ReviewChange.objects.bulk_create(
        ReviewChange(
            session_id=session_id,
            item_id=item_id,
            changed_by_command=COMMAND,
            changed_at=now,
            field="rescore",
            old_value=score,
            new_value=None,
            reason=REASON,
        )
        for item_id, session_id, score in scored.values_list("pk", "session_id", "score")
    )
    scored.update(
        score=None,
        scorer_version="",
        semantic_scoring=None,
        previous_score=None,
        previous_scorer_version="",
        matched=[],
        missed=[],
        level_estimate="",
        feedback="",
        score_reviewed=None,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("interviews", "0015_item_semantic_scoring"),
    ]

    operations = [migrations.RunPython(skipped_items_unscore, migrations.RunPython.noop)]
