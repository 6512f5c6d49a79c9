"""Concepts ticked or unticked before reviewed scores existed move their item's score.

0006 added the reviewed score (the automatic score moved by each concept an interviewer ticked or
unticked, by its share of the question's weights) empty on every item, also where concepts had
been ticked already. Those ticks showed on the transcript but counted nowhere, until something
re-scored the item (`manage.py rescore` after an upgrade, a concept page's re-score, another
tick) and the final score moved without a word. This gives those items the score every tick made
since gets; items reviewed since 0006 keep theirs. The arithmetic is written out as
services/review.py has it, so that later changes there cannot alter this history.
"""

from collections import defaultdict

from django.db import migrations


def _reviewed(*, automatic, weights, auto_present, present):
    if present == auto_present:
        return None
    total = sum(weights.values())
    if not total:
        return automatic
    gained = sum(weights.get(label, 0.0) for label in present - auto_present)
    lost = sum(weights.get(label, 0.0) for label in auto_present - present)
    return round(min(100.0, max(0.0, automatic + 100.0 * (gained - lost) / total)), 1)


def reviewed_scores_fill(apps, schema_editor):
    SessionItem = apps.get_model("interviews", "SessionItem")
    ConceptVerdict = apps.get_model("interviews", "ConceptVerdict")
    Concept = apps.get_model("content", "Concept")
    verdicts = defaultdict(list)
    for verdict in ConceptVerdict.objects.filter(
        item__score__isnull=False, item__score_reviewed__isnull=True
    ):
        verdicts[verdict.item_id].append(verdict)
    if not verdicts:
        return
    items = list(SessionItem.objects.filter(pk__in=verdicts))
    stored = defaultdict(dict)
    rows = Concept.objects.filter(question_id__in={item.question_id for item in items})
    for question_id, label, weight in rows.values_list("question_id", "label", "weight"):
        stored[question_id][label] = weight
    for item in items:
        matched = [str(row["label"]) for row in item.matched or ()]
        labels = dict.fromkeys(matched + list(item.missed or ()))
        # A concept renamed or removed since scoring still counts, at the default weight.
        weights = {label: stored[item.question_id].get(label, 1.0) for label in labels}
        present = set(matched)
        for verdict in verdicts[item.pk]:
            (present.add if verdict.present else present.discard)(verdict.concept_label)
        item.score_reviewed = _reviewed(
            automatic=item.score, weights=weights, auto_present=set(matched), present=present
        )
    SessionItem.objects.bulk_update(items, ["score_reviewed"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0002_concept_negated"),
        ("interviews", "0010_session_ended_by_interviewer"),
    ]

    operations = [migrations.RunPython(reviewed_scores_fill, migrations.RunPython.noop)]
