"""The review schedule across days and months, driven by time-machine."""

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone
from fsrs import Rating

from interviews.models import ReviewCard, SessionItem, day_end
from interviews.services import item_finish, session_abandon
from interviews.services.schedule import (
    AGAIN_BELOW,
    CARD_FIELDS,
    EASY_FROM,
    GOOD_FROM,
    card_review,
    cards_review,
    rating_for,
)

DAY = dt.timedelta(days=1)
MORNING = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)
GOOD_ANSWER = "Build an image, then run the image as a container."


def _due(candidate, now):
    return list(ReviewCard.objects.for_candidate(candidate).due(now))


@pytest.mark.parametrize(
    ("status", "score", "missed", "rating"),
    [
        ("submitted", 100.0, 0, Rating.Easy),
        ("submitted", EASY_FROM, 0, Rating.Easy),
        ("submitted", 100.0, 1, Rating.Good),
        ("submitted", EASY_FROM - 0.1, 0, Rating.Good),
        ("submitted", GOOD_FROM, 2, Rating.Good),
        ("submitted", GOOD_FROM - 0.1, 2, Rating.Hard),
        ("submitted", AGAIN_BELOW, 3, Rating.Hard),
        ("submitted", AGAIN_BELOW - 0.1, 3, Rating.Again),
        ("submitted", 0.0, 3, Rating.Again),
        ("submitted", None, 0, Rating.Again),
        ("timed_out", 100.0, 0, Rating.Again),
        ("skipped", None, 0, Rating.Again),
    ],
)
def test_rating_from_status_score_and_missed(status, score, missed, rating):
    assert rating_for(status=status, score=score, missed_count=missed) == rating


@pytest.mark.django_db
def test_a_question_answered_well_moves_out(start_practice, candidate):
    with time_machine.travel(MORNING, tick=False):
        _session, item = start_practice(1)
        item_finish(item_id=item.pk, text=GOOD_ANSWER)
    card = ReviewCard.objects.get(candidate=candidate, question=item.question)
    assert card.last_rating == Rating.Easy
    assert card.due_at - MORNING >= 7 * DAY
    assert _due(candidate, MORNING + 3 * DAY) == []
    assert _due(candidate, card.due_at) == [card]


@pytest.mark.django_db
def test_a_question_answered_badly_comes_back_the_next_day(start_practice, candidate):
    with time_machine.travel(MORNING, tick=False):
        _session, item = start_practice(1)
        item_finish(item_id=item.pk, text="No idea.")
    card = ReviewCard.objects.get(candidate=candidate)
    assert card.last_rating == Rating.Again
    assert card.due_at == MORNING + DAY
    # Not due for the rest of today, due from the first minute of tomorrow.
    assert _due(candidate, MORNING.replace(hour=23, minute=59)) == []
    tomorrow = (MORNING + DAY).replace(hour=0, minute=0, second=1)
    assert _due(candidate, tomorrow) == [card]


@pytest.mark.django_db
def test_a_lapse_after_several_good_answers_shortens_the_interval(candidate, make_question):
    question = make_question("docker", 1)
    now = MORNING
    intervals = []
    for _ in range(4):
        card = card_review(
            candidate_id=candidate.pk, question_id=question.pk, rating=Rating.Good, now=now
        )
        intervals.append(card.due_at - now)
        now = card.due_at  # answered on the day it was due
    assert intervals == sorted(intervals) and intervals[-1] > intervals[0]
    assert now - MORNING > 60 * DAY  # the good answers carried it months out
    lapsed = card_review(
        candidate_id=candidate.pk, question_id=question.pk, rating=Rating.Again, now=now
    )
    assert lapsed.due_at - now < intervals[-1]
    assert lapsed.due_at - now < 7 * DAY
    assert lapsed.lapse_count == 1
    assert lapsed.stability < card.stability
    recovered = card_review(
        candidate_id=candidate.pk, question_id=question.pk, rating=Rating.Good, now=lapsed.due_at
    )
    assert recovered.due_at - lapsed.due_at > lapsed.due_at - now


@pytest.mark.django_db
@pytest.mark.parametrize("zone", ["UTC", "Pacific/Auckland", "America/Los_Angeles"])
def test_time_zones_do_not_shift_a_due_date(candidate, make_question, settings, zone):
    settings.TIME_ZONE = zone
    question = make_question("docker", 1)
    with time_machine.travel(MORNING, tick=False), timezone.override(zone):
        card = card_review(
            candidate_id=candidate.pk, question_id=question.pk, rating=Rating.Again, now=MORNING
        )
    card.refresh_from_db()
    assert card.due_at == MORNING + DAY
    assert card.due_at.astimezone(dt.UTC).date() == dt.date(2026, 1, 6)


@pytest.mark.django_db
def test_midnight_does_not_shift_a_due_date(candidate, make_question):
    before = make_question("docker", 1)
    after = make_question("docker", 2)
    last_second = dt.datetime(2026, 1, 31, 23, 59, 59, tzinfo=dt.UTC)
    first_second = last_second + dt.timedelta(seconds=1)
    late = card_review(
        candidate_id=candidate.pk, question_id=before.pk, rating=Rating.Again, now=last_second
    )
    early = card_review(
        candidate_id=candidate.pk, question_id=after.pk, rating=Rating.Again, now=first_second
    )
    # One second apart across a month's end: due one day apart, each a whole day later.
    assert late.due_at.date() == dt.date(2026, 2, 1)
    assert early.due_at.date() == dt.date(2026, 2, 2)
    assert day_end(last_second) == first_second
    assert _due(candidate, last_second) == []
    assert _due(candidate, first_second) == [late]
    assert _due(candidate, dt.datetime(2026, 2, 1, 23, 59, tzinfo=dt.UTC)) == [late]
    assert _due(candidate, dt.datetime(2026, 2, 2, 0, 0, tzinfo=dt.UTC)) == [late, early]


@pytest.mark.django_db
def test_a_daylight_saving_change_keeps_whole_days(candidate, make_question, settings):
    settings.TIME_ZONE = "Europe/Berlin"  # clocks go forward on 29 March 2026
    question = make_question("docker", 1)
    before_change = dt.datetime(2026, 3, 28, 22, 30, tzinfo=dt.UTC)
    card = card_review(
        candidate_id=candidate.pk, question_id=question.pk, rating=Rating.Good, now=before_change
    )
    card.refresh_from_db()
    interval = card.due_at - before_change
    assert interval.seconds == 0 and interval.days >= 1


@pytest.mark.django_db
def test_a_timed_out_answer_counts_as_again(start_practice, candidate):
    with time_machine.travel(MORNING, tick=False) as traveller:
        session, item = start_practice(1, per_item_seconds=60)
        traveller.shift(dt.timedelta(minutes=5))
        item_finish(item_id=item.pk, text=GOOD_ANSWER)
    assert session.items.get().status == SessionItem.Status.TIMED_OUT
    card = ReviewCard.objects.for_candidate(candidate).get()
    assert card.last_rating == Rating.Again


@pytest.mark.django_db
def test_questions_never_reached_stay_out_of_review(start_practice, candidate):
    """Ending a ten-question practice after one answer reviews that answer, not the nine the
    candidate never saw."""
    with time_machine.travel(MORNING, tick=False):
        session, item = start_practice(10)
        item_finish(item_id=item.pk, text=GOOD_ANSWER)
        session_abandon(session=session)
    assert session.items.filter(status=SessionItem.Status.SKIPPED).count() == 9
    card = ReviewCard.objects.for_candidate(candidate).get()
    assert (card.question, card.review_count) == (item.question, 1)
    assert _due(candidate, MORNING + DAY) == []


@pytest.mark.django_db
def test_a_second_attempt_reviews_the_same_card(start_practice, candidate):
    with time_machine.travel(MORNING, tick=False):
        _session, item = start_practice(1)
        item_finish(item_id=item.pk, text="No idea.")
    with time_machine.travel(MORNING + DAY, tick=False):
        _session, item = start_practice(1)
        item_finish(item_id=item.pk, text=GOOD_ANSWER)
    card = ReviewCard.objects.get(candidate=candidate)
    assert card.review_count == 2
    assert card.due_at > MORNING + 2 * DAY


@pytest.mark.django_db
def test_reviewing_several_cards_at_once_is_reviewing_them_in_turn(
    candidate, other_user, make_question
):
    """What ending a session does to its skipped questions' cards, one rating after another."""
    first, second, third = (make_question("docker", number).pk for number in (1, 2, 3))
    ratings = [(first, Rating.Good), (second, Rating.Again), (first, Rating.Hard)]
    ratings.append((third, Rating.Easy))
    for user in (candidate, other_user):  # a card reviewed before, in review by now
        for days in (0, 3, 12):
            card_review(
                candidate_id=user.pk,
                question_id=second,
                rating=Rating.Good,
                now=MORNING + days * DAY,
            )
    later = MORNING + 40 * DAY
    for question_id, rating in ratings:
        card_review(candidate_id=other_user.pk, question_id=question_id, rating=rating, now=later)
    cards_review(candidate_id=candidate.pk, ratings=ratings, now=later)

    def cards_of(user):
        cards = ReviewCard.objects.filter(candidate=user).order_by("question_id")
        return list(cards.values_list("question_id", *CARD_FIELDS))

    assert cards_of(candidate) == cards_of(other_user)
    assert [row[0] for row in cards_of(candidate)] == [first, second, third]
    assert ReviewCard.objects.get(candidate=candidate, question_id=second).lapse_count == 1


@pytest.mark.django_db
def test_an_invited_interview_leaves_the_schedule_alone(start_practice, candidate):
    with time_machine.travel(MORNING, tick=False):
        session, item = start_practice(1)
        session.kind = session.Kind.INVITED
        session.save(update_fields=["kind"])
        item_finish(item_id=item.pk, text=GOOD_ANSWER)
    assert not ReviewCard.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_servers_reviewing_one_card_apply_both(candidate, make_question, run_together):
    question = make_question("docker", 1)

    def review(rating):
        return card_review(
            candidate_id=candidate.pk, question_id=question.pk, rating=rating, now=MORNING
        )

    _results, errors = run_together(review, [Rating.Good, Rating.Good])
    assert errors == []
    assert ReviewCard.objects.get().review_count == 2


def test_the_learning_doc_states_the_bands_in_force():
    doc = (Path(__file__).resolve().parents[3] / "docs" / "learning.md").read_text(encoding="utf-8")
    assert f"| submitted, score below {AGAIN_BELOW:.0f} | again |" in doc
    assert f"| submitted, {AGAIN_BELOW:.0f} to below {GOOD_FROM:.0f} | hard |" in doc
    assert f"| submitted, {GOOD_FROM:.0f} to below {EASY_FROM:.0f} | good |" in doc
    assert f"| submitted, {EASY_FROM:.0f} or more **and no key concept missed** | easy |" in doc


@pytest.mark.parametrize(
    ("zone", "now", "next_midnight"),
    [
        ("UTC", dt.datetime(2026, 1, 5, 9, 0), dt.datetime(2026, 1, 6, 0, 0)),
        # Summer in Auckland (UTC+13): 09:00 UTC is already 22:00 there, midnight comes at 11:00.
        ("Pacific/Auckland", dt.datetime(2026, 1, 5, 9, 0), dt.datetime(2026, 1, 5, 11, 0)),
        # Auckland's clocks go back an hour on 5 April: that day has 25 hours, and ends at 12:00.
        ("Pacific/Auckland", dt.datetime(2026, 4, 4, 12, 0), dt.datetime(2026, 4, 5, 12, 0)),
        # 09:00 UTC is 01:00 in Los Angeles (UTC-8); its day ends at 08:00 UTC the next day.
        ("America/Los_Angeles", dt.datetime(2026, 1, 5, 9, 0), dt.datetime(2026, 1, 6, 8, 0)),
        # Los Angeles moves its clocks forward on 8 March: a day of 23 hours, ending at 07:00.
        ("America/Los_Angeles", dt.datetime(2026, 3, 8, 9, 0), dt.datetime(2026, 3, 9, 7, 0)),
    ],
)
def test_today_ends_at_the_readers_midnight(zone, now, next_midnight):
    now, next_midnight = now.replace(tzinfo=dt.UTC), next_midnight.replace(tzinfo=dt.UTC)
    with timezone.override(zone):
        assert day_end(now) == next_midnight
        assert day_end(next_midnight - dt.timedelta(seconds=1)) == next_midnight


@pytest.mark.django_db
@pytest.mark.parametrize("zone", ["Pacific/Auckland", "America/Los_Angeles"])
def test_a_card_is_due_from_the_readers_midnight(candidate, make_question, zone):
    """An answer rated 'again' at 23:59 the reader's time is due all of the reader's next day."""
    question = make_question("docker", 1)
    late_evening = dt.datetime(2026, 1, 5, 23, 59, tzinfo=ZoneInfo(zone))
    card = card_review(
        candidate_id=candidate.pk, question_id=question.pk, rating=Rating.Again, now=late_evening
    )
    midnight = dt.datetime(2026, 1, 6, 0, 0, tzinfo=ZoneInfo(zone))
    with timezone.override(zone):
        assert _due(candidate, midnight - dt.timedelta(seconds=1)) == []
        assert _due(candidate, midnight) == [card]
        assert _due(candidate, midnight + dt.timedelta(hours=23, minutes=59)) == [card]
