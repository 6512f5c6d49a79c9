"""manage.py backfill_review_cards: review cards for questions practised before cards existed,
the same cards the live code gives the same answers."""

import datetime as dt
import io

import pytest
import time_machine
from django.core.management import call_command

from content.scoring import SCORER_VERSION
from interviews.models import ReviewCard, SessionItem
from interviews.services import item_activate, item_finish, session_abandon
from interviews.services.learning import PracticeSettings, chosen_session_create
from interviews.services.schedule import CARD_FIELDS

pytestmark = pytest.mark.django_db
DAY1 = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)
SECOND = dt.timedelta(seconds=1)
GOOD_ANSWER = "Build an image, then run the image as a container."
WEAK_ANSWER = "An image."


def run(*args) -> str:
    out = io.StringIO()
    call_command("backfill_review_cards", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def practise(candidate, questions, at, *, per_item_seconds=None):
    with time_machine.travel(at, tick=False):
        settings = PracticeSettings(level="expert", per_item_seconds=per_item_seconds)
        return chosen_session_create(
            candidate=candidate, question_ids=[q.pk for q in questions], settings=settings
        )


def answer(session, text, at):
    item = session.items.filter(status=SessionItem.Status.ACTIVE).first()
    if item is None:  # the candidate read the feedback, then asked for the next question
        with time_machine.travel(at - 20 * SECOND, tick=False):
            item = item_activate(session=session)
    item_finish(item_id=item.pk, text=text, revision=1, now=at)
    session.refresh_from_db()
    return item


def cards(candidate) -> dict[int, dict]:
    return {
        row["question_id"]: {name: row[name] for name in CARD_FIELDS}
        for row in ReviewCard.objects.filter(candidate=candidate).values()
    }


@pytest.fixture
def practised(candidate, make_question, finished_session):
    """Three questions practised over nine days, the way the live code schedules them, and an
    invited interview of the same candidate (which feeds no schedule)."""
    q1, q2, q3 = (make_question("docker", number) for number in (1, 2, 3))
    first = practise(candidate, [q1, q2, q3], DAY1, per_item_seconds=60)
    answer(first, GOOD_ANSWER, DAY1 + 10 * SECOND)
    with time_machine.travel(DAY1 + 20 * SECOND, tick=False):
        item = item_activate(session=first)
    # The browser submits at zero: timed out, on the server's clock.
    item_finish(item_id=item.pk, text="", revision=1, now=item.deadline_at)
    # q3 is skipped: never shown, so neither the live code nor the backfill gives it a card.
    session_abandon(session=first, now=item.deadline_at + 5 * SECOND)
    second = practise(candidate, [q1], DAY1 + 3 * DAY)
    answer(second, WEAK_ANSWER, DAY1 + 3 * DAY + 40 * SECOND)
    third = practise(candidate, [q2, q1], DAY1 + 8 * DAY)
    answer(third, GOOD_ANSWER, DAY1 + 8 * DAY + 30 * SECOND)
    answer(third, GOOD_ANSWER, DAY1 + 8 * DAY + 90 * SECOND)
    live = cards(candidate)
    assert set(live) == {q1.pk, q2.pk}
    assert live[q1.pk]["review_count"] == 3 and live[q2.pk]["review_count"] == 2
    return (q1, q2, q3), live


def test_gives_the_cards_the_live_code_gave_the_same_answers(
    client, candidate, practised, finished_session
):
    questions, live = practised
    ReviewCard.objects.all().delete()  # as a database from before review cards existed

    out = run()

    assert cards(candidate) == live
    assert not ReviewCard.objects.filter(question__in=finished_session.items.values("question"))
    assert "Created 2 review cards for 1 candidate from 5 practice answers." in out
    with time_machine.travel(DAY1 + 400 * DAY, tick=False):
        client.force_login(candidate)
        page = client.get("/review/").content.decode()
    (q1, q2, q3) = questions
    assert q1.text in page and q2.text in page and q3.text not in page


def test_keeps_existing_cards_writes_nothing_on_a_dry_run_and_nothing_the_second_time(
    candidate, practised
):
    (q1, q2, q3), live = practised
    ReviewCard.objects.exclude(question=q1).delete()
    # The candidate practised q1 since cards exist: its card stays as the live code left it.
    ReviewCard.objects.filter(question=q1).update(review_count=1)
    kept = cards(candidate)[q1.pk]

    dry = run("--dry-run")
    assert "Dry run: would create 1 review card for 1 candidate from 2 practice answers." in dry
    assert "Nothing was written." in dry
    assert set(cards(candidate)) == {q1.pk}

    out = run()
    again = run()

    assert "Created 1 review card for 1 candidate from 2 practice answers." in out
    assert cards(candidate) == {q1.pk: kept, q2.pk: live[q2.pk]}
    assert "Created 0 review cards" in again
    assert cards(candidate) == {q1.pk: kept, q2.pk: live[q2.pk]}


def test_waits_for_rescore_where_another_scorer_version_scored_an_answer(candidate, practised):
    (q1, q2, q3), live = practised
    ReviewCard.objects.all().delete()
    # q2's good answer was scored by an older scorer: its score is on another scale.
    SessionItem.objects.filter(question=q2, status="submitted").update(scorer_version="0")

    out = run()

    assert set(cards(candidate)) == {q1.pk}
    assert "Created 1 review card " in out
    assert "1 question was left without a card" in out
    assert "manage.py rescore" in out
    call_command("rescore", stdout=io.StringIO(), stderr=io.StringIO())
    scored = SessionItem.objects.filter(score__isnull=False)
    assert set(scored.values_list("scorer_version", flat=True)) == {SCORER_VERSION}

    after = run()

    assert "Created 1 review card for 1 candidate from 2 practice answers." in after
    assert "left without a card" not in after
    assert cards(candidate) == live
