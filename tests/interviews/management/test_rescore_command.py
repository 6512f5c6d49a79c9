"""manage.py rescore: batches, resume, overrides, dry run, idempotence, progress."""

import io

import pytest
from django.core.management import CommandError, call_command

from content.models import Question
from content.scoring import SCORER_VERSION
from interviews.models import ConceptVerdict, ReviewChange, SessionItem
from interviews.services import item_activate, item_finish
from interviews.services import rescoring as rescoring_service

OLD = "0"  # a version older than any the scorer has had
STALE = 3.0  # no answer below scores exactly this, so a re-score always changes it
ANSWERS = [
    "An image is read-only; a container is a running image.",
    "The container runs from the image.",
    "Images are layers; each container adds a writable layer.",
    "A container is an image at run time.",
    "Image and container.",
]


@pytest.fixture
def scored_items(start_practice):
    """Five finished, scored answers, then aged: four hold a stale score by an older scorer,
    the last its true score by an older scorer (a re-score leaves the value as it is)."""
    session, item = start_practice(len(ANSWERS))
    for text in ANSWERS:
        item_finish(item_id=item.pk, text=text, revision=1)
        session.refresh_from_db()
        if session.is_running:
            item = item_activate(session=session)
    items = list(SessionItem.objects.order_by("pk"))
    true_scores = {item.pk: item.score for item in items}
    assert len(items) == len(ANSWERS) and STALE not in true_scores.values()
    SessionItem.objects.filter(pk__in=[i.pk for i in items[:4]]).update(
        score=STALE, scorer_version=OLD
    )
    SessionItem.objects.filter(pk=items[4].pk).update(scorer_version=OLD)
    return items, true_scores


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("rescore", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def versions():
    return list(SessionItem.objects.order_by("pk").values_list("scorer_version", flat=True))


@pytest.mark.django_db
def test_rescores_older_items_in_batches_and_keeps_the_previous_score(scored_items, monkeypatch):
    items, true_scores = scored_items
    sizes = []
    real = rescoring_service.items_rescore_batch

    def counting(**kwargs):
        batch = real(**kwargs)
        sizes.append(batch.rescored)
        return batch

    monkeypatch.setattr("interviews.management.commands.rescore.items_rescore_batch", counting)

    out, err = run("--batch-size", "2")

    assert sizes == [2, 2, 1, 0]
    assert f"Re-scored 5 answers with scorer {SCORER_VERSION}: 4 scores changed" in out
    assert "5/5 answers (100%)" in err
    for item in SessionItem.objects.order_by("pk"):
        assert item.scorer_version == SCORER_VERSION
        assert item.score == true_scores[item.pk]
    changed = SessionItem.objects.filter(pk__in=[i.pk for i in items[:4]])
    assert {(i.previous_score, i.previous_scorer_version) for i in changed} == {(STALE, OLD)}
    unchanged = SessionItem.objects.get(pk=items[4].pk)
    assert unchanged.previous_score is None and unchanged.rescore_note == ""
    log = ReviewChange.objects.filter(field=ReviewChange.Field.RESCORE)
    assert sorted(log.values_list("item_id", flat=True)) == [i.pk for i in items[:4]]
    assert {(c.old_value, c.changed_by) for c in log} == {(STALE, None)}


@pytest.mark.django_db(transaction=True)
def test_an_interrupted_run_keeps_finished_batches_and_the_next_run_continues(
    scored_items, monkeypatch
):
    items, true_scores = scored_items
    real = rescoring_service.item_score_apply
    calls = []

    def interrupted_on_third(**kwargs):
        calls.append(kwargs["item"].pk)
        if len(calls) == 3:
            raise KeyboardInterrupt
        real(**kwargs)

    monkeypatch.setattr(rescoring_service, "item_score_apply", interrupted_on_third)
    with pytest.raises(CommandError, match="Interrupted after 2 answers") as raised:
        run("--batch-size", "2")
    assert raised.value.returncode == 130
    # The first batch committed; the second rolled back whole; the last was never reached.
    assert versions() == [SCORER_VERSION] * 2 + [OLD] * 3
    assert SessionItem.objects.get(pk=items[3].pk).score == STALE

    monkeypatch.setattr(rescoring_service, "item_score_apply", real)
    out, _ = run("--batch-size", "2")

    assert "Re-scored 3 answers" in out and "2 scores changed" in out
    assert versions() == [SCORER_VERSION] * 5
    assert {i.pk: i.score for i in SessionItem.objects.all()} == true_scores
    assert ReviewChange.objects.filter(field=ReviewChange.Field.RESCORE).count() == 4


@pytest.mark.django_db
def test_human_overrides_and_verdicts_stay_and_still_win(scored_items):
    items, true_scores = scored_items
    first = SessionItem.objects.get(pk=items[0].pk)
    first.score_override, first.override_reason = 90.0, "Explained it well aloud."
    first.save(update_fields=["score_override", "override_reason"])
    # The person says "container" is missing and the stale scorer said so too; the re-score
    # finds it, and only the verdict's record of the scorer's view may follow.
    verdict = ConceptVerdict.objects.create(
        item=first, concept_label="container", present=False, auto_present=False
    )

    run()

    first.refresh_from_db()
    verdict.refresh_from_db()
    assert first.score_override == 90.0 and first.override_reason == "Explained it well aloud."
    assert first.final_score == 90.0
    assert first.score == true_scores[first.pk] and first.previous_score == STALE
    assert "container" in first.matched_labels
    assert verdict.present is False and verdict.auto_present is True
    # The reviewed score follows the new automatic score, less the concept the person unticked.
    assert first.score_reviewed is not None and first.score_reviewed < first.score
    # The override, not the re-score, is the final score, and the note says so.
    assert first.final_score_note.startswith("set by a reviewer; the automatic score was")
    assert "re-scored" not in first.final_score_note
    assert first.rescore_note


@pytest.mark.django_db
def test_dry_run_counts_and_writes_nothing(scored_items):
    items, _ = scored_items
    before = list(SessionItem.objects.order_by("pk").values())

    out, err = run("--dry-run", "--batch-size", "3")

    assert "Dry run: 5 answers are due a re-score (scored by another scorer version" in out
    assert "re-scoring would change 4 scores" in out and "Nothing was written" in out
    assert "Checking: 5/5 answers (100%)" in err
    assert list(SessionItem.objects.order_by("pk").values()) == before
    assert not ReviewChange.objects.exists()


@pytest.mark.django_db
def test_a_second_run_finds_nothing_to_do(scored_items):
    run()
    after_first = list(SessionItem.objects.order_by("pk").values())
    changes = ReviewChange.objects.count()

    out, _ = run()

    assert f"Re-scored 0 answers with scorer {SCORER_VERSION}: 0 scores changed" in out
    assert list(SessionItem.objects.order_by("pk").values()) == after_first
    assert ReviewChange.objects.count() == changes


@pytest.mark.django_db
def test_unscored_and_current_items_are_left_alone(start_practice):
    session, active = start_practice(2)  # one active item, one pending: neither has a score
    assert SessionItem.objects.filter(score__isnull=True).count() == 2
    item_finish(item_id=active.pk, text="An image and a container.", revision=1)
    current = SessionItem.objects.get(pk=active.pk)
    assert current.scorer_version == SCORER_VERSION
    before = list(SessionItem.objects.order_by("pk").values())

    out, _ = run()

    assert "Re-scored 0 answers" in out
    assert list(SessionItem.objects.order_by("pk").values()) == before


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["0", "-3", "ten", "2.5"])
def test_a_bad_batch_size_gets_a_clear_message(value):
    with pytest.raises(CommandError, match="--batch-size: must be a whole number of 1 or more"):
        run("--batch-size", value)


@pytest.mark.django_db
def test_an_item_made_current_meanwhile_is_left_as_the_other_writer_left_it(
    scored_items, monkeypatch
):
    items, _ = scored_items
    real = rescoring_service.item_score_apply

    def another_writer_first(**kwargs):
        # While this batch scores, something else re-scores the second item with this scorer.
        SessionItem.objects.filter(pk=items[1].pk).update(score=42.0, scorer_version=SCORER_VERSION)
        real(**kwargs)

    monkeypatch.setattr(rescoring_service, "item_score_apply", another_writer_first)
    out, _ = run()

    assert "Re-scored 4 answers" in out
    second = SessionItem.objects.get(pk=items[1].pk)
    assert second.score == 42.0 and second.previous_score is None
    assert not ReviewChange.objects.filter(item=second).exists()
    assert versions() == [SCORER_VERSION] * 5


@pytest.mark.django_db
def test_answers_to_a_wording_the_question_no_longer_has_keep_their_score(scored_items):
    items, true_scores = scored_items
    # After the first answer, the owner reworded its question into another one: the current
    # concepts describe that other question, not the one the candidate answered.
    reworded = items[0]
    Question.objects.filter(pk=reworded.question_id).update(text="What is a Compose file?")

    dry, _ = run("--dry-run")
    out, _ = run()

    assert "Dry run: 4 answers are due a re-score (scored by another scorer version" in dry
    assert "1 answer to an earlier wording of its question would be left as scored" in dry
    assert "Re-scored 4 answers" in out and "3 scores changed" in out
    assert "1 answer to an earlier wording of its question was left as scored" in out
    kept = SessionItem.objects.get(pk=reworded.pk)
    assert (kept.score, kept.scorer_version, kept.previous_score) == (STALE, OLD, None)
    assert not ReviewChange.objects.filter(item=kept).exists()
    assert versions() == [OLD] + [SCORER_VERSION] * 4
    again, _ = run()
    assert "Re-scored 0 answers" in again
    assert SessionItem.objects.get(pk=reworded.pk).score == STALE


@pytest.mark.django_db
def test_one_answer_is_counted_in_the_singular(scored_items):
    items, _ = scored_items
    SessionItem.objects.exclude(pk=items[0].pk).update(scorer_version=SCORER_VERSION)

    dry, err = run("--dry-run")
    out, _ = run()

    assert dry.startswith(
        "Dry run: 1 answer is due a re-score (scored by another scorer version than "
        f"{SCORER_VERSION}); re-scoring would change 1 score."
    )
    assert "Checking: 1/1 answer (100%)" in err
    assert out.startswith(
        f"Re-scored 1 answer with scorer {SCORER_VERSION}: 1 score changed, 0 stayed the same."
    )


@pytest.mark.django_db
def test_the_log_names_the_command_and_each_tick_it_moved(scored_items):
    items, true_scores = scored_items
    first = SessionItem.objects.get(pk=items[0].pk)
    assert first.matched_labels == ["image", "container"]
    # The older scorer found neither concept; this one finds both.
    SessionItem.objects.filter(pk=first.pk).update(matched=[], missed=["image", "container"])

    run()

    changes = first.review_changes.order_by("id")
    assert [(c.concept_label, c.old_value, c.new_value) for c in changes] == [
        ("image", False, True),
        ("container", False, True),
        ("", STALE, true_scores[first.pk]),
    ]
    assert {c.changed_by_shown for c in changes} == {"manage.py rescore"}
    assert {c.reason for c in changes} == {
        rescoring_service.RESCORE_REASON.format(new=SCORER_VERSION, old=OLD)
    }


@pytest.mark.django_db
def test_a_reviewed_score_the_rescore_moves_is_logged(scored_items):
    items, _ = scored_items
    first = SessionItem.objects.get(pk=items[0].pk)
    ConceptVerdict.objects.create(
        item=first, concept_label="container", present=False, auto_present=True
    )
    SessionItem.objects.filter(pk=first.pk).update(score_reviewed=1.0)

    run()

    first.refresh_from_db()
    change = first.review_changes.get(field=ReviewChange.Field.RESCORE_REVIEWED)
    assert (change.old_value, change.new_value) == (1.0, first.score_reviewed)
    # The person's tick stays, so the tick the transcript shows did not move.
    assert not first.review_changes.exclude(concept_label="").exists()
