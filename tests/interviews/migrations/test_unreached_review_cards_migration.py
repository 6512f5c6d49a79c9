"""Review cards made only by questions their candidate was never shown are removed."""

import datetime as dt

import pytest

from interviews.models import ReviewCard
from tests.interviews.migrations.past_state import migrate_forward, migrated_back_to

BEFORE = [("interviews", "0016_skipped_items_unscored")]
WHEN = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)


@pytest.mark.django_db(transaction=True)
def test_only_cards_of_questions_never_shown_to_their_candidate_go():
    old, latest = migrated_back_to(BEFORE)
    User = old.get_model("auth", "User")
    casey, carl = User.objects.create(username="casey"), User.objects.create(username="carl")
    topic = old.get_model("content", "Topic").objects.create(slug="docker", name="Docker")
    Question = old.get_model("content", "Question")
    shown, unseen = (
        Question.objects.create(topic=topic, text=f"Q{n}?", slug=f"q{n}", position=n)
        for n in (1, 2)
    )
    session = old.get_model("interviews", "InterviewSession").objects.create(
        created_by=casey, candidate=casey, status="abandoned"
    )
    Item = old.get_model("interviews", "SessionItem")
    # Casey answered the first question and ended the session before the second was shown.
    Item.objects.create(
        session=session, question=shown, position=1, status="submitted", started_at=WHEN
    )
    Item.objects.create(session=session, question=unseen, position=2, status="skipped")
    Card = old.get_model("interviews", "ReviewCard")
    for candidate, question in ((casey, shown), (casey, unseen), (carl, shown)):
        Card.objects.create(candidate=candidate, question=question, due_at=WHEN, review_count=1)

    migrate_forward(latest)

    kept = set(ReviewCard.objects.values_list("candidate__username", "question__slug"))
    # Carl's card has no session of his behind it at all: nothing he was shown made it either.
    assert kept == {("casey", "q1")}
