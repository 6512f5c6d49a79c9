"""Concepts ticked present that a new extraction dropped count in their item's reviewed score.

After `extract_concepts` dropped a concept and `rescore` re-scored an answer, a tick present on
that concept stayed in the database and the review log but counted nowhere: the reviewed score
was computed over the concepts of the new scoring only, so it equalled the automatic score. Such
a tick now counts as one more concept the answer was judged against, at the default weight (its
row is gone); this gives the items re-scored so before the upgrade the score a refresh gives them
now. Only items with such a tick are written. The arithmetic is written out as services/review.py
has it, so that later changes there cannot alter this history.
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


def dropped_ticks_count(apps, schema_editor):
    SessionItem = apps.get_model("interviews", "SessionItem")
    ConceptVerdict = apps.get_model("interviews", "ConceptVerdict")
    Concept = apps.get_model("content", "Concept")
    ticked_present = ConceptVerdict.objects.filter(item__score__isnull=False, present=True)
    item_ids = set(ticked_present.values_list("item_id", flat=True))
    verdicts = defaultdict(list)
    for verdict in ConceptVerdict.objects.filter(item_id__in=item_ids):
        verdicts[verdict.item_id].append(verdict)
    items = []
    for item in SessionItem.objects.filter(pk__in=item_ids).order_by("pk"):
        matched = [str(row["label"]) for row in item.matched or ()]
        labels = list(dict.fromkeys(matched + list(item.missed or ())))
        present = set(matched)
        for verdict in verdicts[item.pk]:
            (present.add if verdict.present else present.discard)(verdict.concept_label)
        dropped = sorted(present - set(labels))
        if dropped:
            items.append((item, matched, labels + dropped, present))
    if not items:
        return
    stored = defaultdict(dict)
    rows = Concept.objects.filter(question_id__in={item.question_id for item, *_ in items})
    for question_id, label, weight in rows.values_list("question_id", "label", "weight"):
        stored[question_id][label] = weight
    for item, matched, labels, present in items:
        # A concept renamed or removed since scoring still counts, at the default weight.
        weights = {label: stored[item.question_id].get(label, 1.0) for label in labels}
        item.score_reviewed = _reviewed(
            automatic=item.score, weights=weights, auto_present=set(matched), present=present
        )
    SessionItem.objects.bulk_update(
        [item for item, *_ in items], ["score_reviewed"], batch_size=500
    )


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0002_concept_negated"),
        ("interviews", "0011_item_score_reviewed_fill"),
    ]

    operations = [migrations.RunPython(dropped_ticks_count, migrations.RunPython.noop)]
