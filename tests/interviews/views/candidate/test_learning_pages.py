"""Review, chosen questions, retry, mastery and the attempts CSV, as plain (JavaScript-off) forms."""

import codecs
import csv
import datetime as dt
import io
import re

import pytest
import time_machine
from fsrs import Rating

from content.models import Topic
from interviews.models import InterviewSession, ReviewCard, SessionItem
from interviews.services import item_finish
from interviews.services.learning import RETRY_UNAVAILABLE_MESSAGE
from interviews.services.schedule import card_review

NOW = dt.datetime(2026, 5, 12, 10, 0, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)


@pytest.fixture
def signed_in(client, candidate):
    client.force_login(candidate)
    return client


@pytest.fixture
def make_attempt(candidate):
    """make_attempt(question, score, covered, missed, at): a finished practice answer."""

    def make(question, score, covered=(), missed=(), at=NOW, user=None):
        session = InterviewSession.objects.create(
            candidate=user or candidate,
            created_by=user or candidate,
            status=InterviewSession.Status.COMPLETED,
            started_at=at,
            finished_at=at,
        )
        return SessionItem.objects.create(
            session=session,
            question=question,
            position=1,
            status=SessionItem.Status.SUBMITTED,
            answer_text="An answer.",
            started_at=at,
            finished_at=at,
            score=score,
            matched=[{"label": label, "start": 0, "end": 1} for label in covered],
            missed=list(missed),
        )

    return make


def _invited_running(question, user):
    session = InterviewSession.objects.create(
        kind=InterviewSession.Kind.INVITED,
        created_by=user,
        candidate_email=user.email,
        status=InterviewSession.Status.CREATED,
    )
    SessionItem.objects.create(session=session, question=question, position=1)


@pytest.mark.django_db
def test_review_page_with_nothing_due_says_when_the_next_one_is(
    signed_in, candidate, make_question
):
    question = make_question("docker", 1)
    card_review(candidate_id=candidate.pk, question_id=question.pk, rating=Rating.Good, now=NOW)
    with time_machine.travel(NOW, tick=False):
        page = signed_in.get("/review/").content.decode()
    assert "Nothing is due for review today" in page
    due_on = ReviewCard.objects.get().due_at
    assert f"{due_on:%A} {due_on.day} {due_on:%B %Y}" in page
    assert 'href="/practice/"' in page


@pytest.mark.django_db
def test_review_now_starts_a_timed_session_most_overdue_first(signed_in, candidate, make_question):
    questions = [make_question("docker", number) for number in (1, 2, 3)]
    for days_ago, question in zip((1, 3, 2), questions, strict=True):
        card_review(
            candidate_id=candidate.pk,
            question_id=question.pk,
            rating=Rating.Again,
            now=NOW - (days_ago + 1) * DAY,
        )
    with time_machine.travel(NOW, tick=False):
        page = signed_in.get("/review/").content.decode()
        assert page.index(questions[1].text) < page.index(questions[2].text)
        assert page.index(questions[2].text) < page.index(questions[0].text)
        response = signed_in.post(
            "/review/", {"count": "2", "level": "expert", "per_item_minutes": "4"}
        )
    session = InterviewSession.objects.get(title__startswith="Review: ")
    assert session.title == "Review: 2 questions due"
    assert response.status_code == 302 and response["Location"] == session.get_absolute_url()
    assert list(session.items.values_list("question_id", flat=True)) == [
        questions[1].pk,
        questions[2].pk,
    ]
    assert session.status == "in_progress" and session.per_item_seconds == 240
    first = session.items.get(position=1)
    assert first.status == "active" and first.deadline_at == NOW + dt.timedelta(minutes=4)


@pytest.mark.django_db
def test_review_leaves_out_questions_of_a_running_interview(
    signed_in, candidate, make_question, other_user
):
    held, free = make_question("docker", 1), make_question("docker", 2)
    for question in (held, free):
        card_review(
            candidate_id=candidate.pk, question_id=question.pk, rating=Rating.Again, now=NOW - DAY
        )
    _invited_running(held, candidate)
    with time_machine.travel(NOW, tick=False):
        page = signed_in.get("/review/").content.decode()
        signed_in.post("/review/", {"count": "5", "level": "expert", "per_item_minutes": ""})
    assert held.text not in page and free.text in page
    session = InterviewSession.objects.get(title__startswith="Review: ")
    assert list(session.items.values_list("question_id", flat=True)) == [free.pk]


@pytest.mark.django_db
def test_review_leaves_out_banks_no_longer_published(signed_in, candidate, make_question):
    """An owner may unpublish a bank after it was practised: its cards stop coming back."""
    draft, kept = make_question("drafts", 1), make_question("docker", 1)
    for question in (draft, kept):
        card_review(
            candidate_id=candidate.pk, question_id=question.pk, rating=Rating.Again, now=NOW - DAY
        )
    Topic.objects.filter(slug="drafts").update(is_published=False)
    with time_machine.travel(NOW, tick=False):
        home = signed_in.get("/").content.decode()
        page = signed_in.get("/review/").content.decode()
        signed_in.post("/review/", {"count": "5", "level": "expert", "per_item_minutes": ""})
    assert "<strong data-due-count>1</strong> question due for review today" in home
    assert draft.text not in page and kept.text in page
    session = InterviewSession.objects.get(title__startswith="Review: ")
    assert list(session.items.values_list("question_id", flat=True)) == [kept.pk]


@pytest.mark.django_db
def test_the_home_page_shows_what_is_due(signed_in, candidate, make_question):
    for number in (1, 2):
        question = make_question("docker", number)
        card_review(
            candidate_id=candidate.pk, question_id=question.pk, rating=Rating.Again, now=NOW - DAY
        )
    with time_machine.travel(NOW, tick=False):
        page = signed_in.get("/").content.decode()
    assert "<strong data-due-count>2</strong> questions due for review today" in page
    assert 'action="/review/"' in page and "Review now" in page


def _posted_by_review_now(home: str) -> dict[str, str]:
    """What the home page's Review now button posts: the hidden fields of its form."""
    form = re.search(r'<form method="post" action="/review/".*?</form>', home, re.DOTALL).group()
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', form))


@pytest.mark.django_db
@pytest.mark.parametrize("last_level", ["beginner", "expert"])
def test_review_runs_at_the_level_the_candidate_last_practised_at(
    signed_in, candidate, make_question, make_attempt, last_level
):
    """Review now keeps the level the candidate practises at, as Try again does: a beginner is not
    judged against the expert answer for pressing the button on the home page."""
    earlier_level = "expert" if last_level == "beginner" else "beginner"
    question = make_question("docker", 1)
    for level in (earlier_level, last_level):
        attempt = make_attempt(question, 40.0, at=NOW - 2 * DAY)
        InterviewSession.objects.filter(pk=attempt.session_id).update(level=level)
    card_review(
        candidate_id=candidate.pk, question_id=question.pk, rating=Rating.Again, now=NOW - DAY
    )
    with time_machine.travel(NOW, tick=False):
        posted = _posted_by_review_now(signed_in.get("/").content.decode())
        urls = ("/review/", "/practice/chosen/", "/practice/")
        pages = [signed_in.get(url).content.decode() for url in urls]
        signed_in.post("/review/", posted)
    assert posted["level"] == last_level
    assert InterviewSession.objects.get(title__startswith="Review: ").level == last_level
    # The set-up forms start from that level too; the candidate may still pick the other.
    for page in pages:
        checked = re.findall(r'<input type="radio" name="level" value="(\w+)"[^>]* checked', page)
        assert checked == [last_level]


@pytest.mark.django_db
def test_try_again_keeps_the_old_attempt_and_shows_the_change(signed_in, start_practice):
    with time_machine.travel(NOW, tick=False):
        session, item = start_practice(1)
        item_finish(item_id=item.pk, text="An image.")
        response = signed_in.post(f"/sessions/{session.pk}/items/1/retry/")
        retry = InterviewSession.objects.get(title__startswith="Try again: ")
        assert response["Location"] == retry.get_absolute_url()
        again = retry.items.get()
        assert again.question_id == item.question_id and again.status == "active"
        item_finish(item_id=again.pk, text="An image, run as a container.")
        page = signed_in.get(f"/sessions/{retry.pk}/results/").content.decode()
    item.refresh_from_db()
    again.refresh_from_db()
    assert item.answer_text == "An image." and item.score < again.score
    assert (
        f"Last time <strong>{item.score:.0f}</strong>, now <strong>{again.score:.0f}</strong>"
        in page
    )
    assert "Newly covered: container." in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("per_item_seconds", "total_seconds", "limit_shown"),
    [
        (300, None, "/ 5 min</td>"),
        (None, 1200, "/ 20 min for the session</td>"),
        (None, None, "/ no limit</td>"),
    ],
)
def test_try_again_keeps_the_time_limits_of_the_original(
    signed_in, start_practice, per_item_seconds, total_seconds, limit_shown
):
    """A session timed as a whole gave its questions no limit of their own: the retry is timed as a
    whole too, with the same minutes, and its results name the limit as the original's do."""
    with time_machine.travel(NOW, tick=False):
        session, item = start_practice(
            1, per_item_seconds=per_item_seconds, total_seconds=total_seconds
        )
        item_finish(item_id=item.pk, text="An image.")
        signed_in.post(f"/sessions/{session.pk}/items/1/retry/")
        retry = InterviewSession.objects.get(title__startswith="Try again: ")
        again = retry.items.get()
        limit = per_item_seconds or total_seconds
        assert again.deadline_at == (NOW + dt.timedelta(seconds=limit) if limit else None)
        item_finish(item_id=again.pk, text="An image, run as a container.")
        pages = [
            signed_in.get(f"/sessions/{pk}/results/").content.decode()
            for pk in (session.pk, retry.pk)
        ]
    assert (retry.per_item_seconds, retry.total_seconds) == (per_item_seconds, total_seconds)
    assert all(limit_shown in page for page in pages)


@pytest.mark.django_db
def test_only_an_own_practice_answer_can_be_retried(client, other_user, start_practice):
    with time_machine.travel(NOW, tick=False):
        session, item = start_practice(1)
        item_finish(item_id=item.pk, text="An image.")
    client.force_login(other_user)
    assert client.post(f"/sessions/{session.pk}/items/1/retry/").status_code == 404
    assert client.get(f"/sessions/{session.pk}/items/1/retry/").status_code == 405


@pytest.mark.django_db
def test_feedback_says_a_missed_concept_was_missed_before(signed_in, make_question, make_attempt):
    question = make_question("docker", 1)
    make_attempt(question, 50, covered=["image"], missed=["container"], at=NOW - 2 * DAY)
    make_attempt(question, 50, covered=["image"], missed=["container"], at=NOW - DAY)
    latest = make_attempt(question, 50, covered=["image"], missed=["container"], at=NOW)
    page = signed_in.get(f"/sessions/{latest.session_id}/results/").content.decode()
    assert "container" in page and "missed before (third time)" in page
    first = SessionItem.objects.order_by("finished_at").first()
    page = signed_in.get(f"/sessions/{first.session_id}/results/").content.decode()
    assert "missed before" not in page


@pytest.mark.django_db
def test_chosen_questions_start_a_session_in_the_picked_order(signed_in, make_question):
    one, two, three = (make_question("docker", number) for number in (1, 2, 3))
    page = signed_in.get("/practice/chosen/?topic=docker").content.decode()
    assert all(question.text in page for question in (one, two, three))
    assert 'method="post" action="/practice/chosen/' in page
    response = signed_in.post(
        "/practice/chosen/",
        {"questions": [three.pk, one.pk], "level": "beginner", "per_item_minutes": "2"},
    )
    session = InterviewSession.objects.get()
    assert response["Location"] == session.get_absolute_url()
    assert set(session.items.values_list("question_id", flat=True)) == {one.pk, three.pk}
    assert session.level == "beginner" and session.status == "in_progress"


@pytest.mark.django_db
def test_chosen_questions_refuse_a_question_held_for_an_interview(
    signed_in, candidate, make_question
):
    held, free = make_question("docker", 1), make_question("docker", 2)
    _invited_running(held, candidate)
    page = signed_in.get("/practice/chosen/?topic=docker").content.decode()
    assert held.text not in page and free.text in page
    response = signed_in.post(
        "/practice/chosen/", {"questions": [held.pk], "level": "expert", "per_item_minutes": "3"}
    )
    assert response.status_code == 200
    assert "A question you picked is not available for practice." in response.content.decode()
    assert not InterviewSession.objects.filter(kind="practice").exists()
    empty = signed_in.post("/practice/chosen/", {"level": "expert"})
    assert "Pick at least one question." in empty.content.decode()


@pytest.mark.django_db
def test_chosen_questions_offer_only_banks_published_for_practice(signed_in, make_question):
    """A bank not published for practice is neither listed, nor shown by its link, nor started."""
    draft = make_question("drafts", 1)
    Topic.objects.filter(slug="drafts").update(name="Secret drafts", is_published=False)
    listing = signed_in.get("/practice/chosen/").content.decode()
    by_link = signed_in.get("/practice/chosen/?topic=drafts").content.decode()
    assert "Secret drafts" not in listing
    assert draft.text not in by_link and "Secret drafts" not in by_link
    response = signed_in.post(
        "/practice/chosen/", {"questions": [draft.pk], "level": "expert", "per_item_minutes": "3"}
    )
    assert "A question you picked is not available for practice." in response.content.decode()
    assert not InterviewSession.objects.exists()


@pytest.mark.django_db
def test_try_again_is_refused_once_the_bank_is_unpublished(signed_in, start_practice):
    with time_machine.travel(NOW, tick=False):
        session, item = start_practice(1)
        item_finish(item_id=item.pk, text="An image.")
    Topic.objects.filter(pk=item.question.topic_id).update(is_published=False)
    response = signed_in.post(f"/sessions/{session.pk}/items/1/retry/")
    assert response["Location"] == f"/sessions/{session.pk}/results/"
    assert not InterviewSession.objects.filter(title__startswith="Try again: ").exists()
    # Said of this question: the candidate picked nothing.
    page = signed_in.get(response["Location"]).content.decode()
    assert RETRY_UNAVAILABLE_MESSAGE in page and "A question you picked" not in page


@pytest.mark.django_db
def test_mastery_page_counts_charts_and_links(signed_in, make_question, make_attempt):
    one, two = make_question("docker", 1), make_question("docker", 2)
    make_attempt(one, 100, covered=["image", "container"], missed=[], at=NOW - DAY)
    make_attempt(one, 50, covered=["image"], missed=["container"], at=NOW)
    make_attempt(two, 0, covered=[], missed=["image", "container"], at=NOW)
    page = signed_in.get("/progress/?topic=docker").content.decode()
    assert "3 answers in this topic" in page
    assert "<svg" in page and "data-coverage-chart" in page and "<polyline" in page
    # The chart's text equivalent: 2 of 2 concepts on the first day, 1 of 4 on the second.
    assert "<td>2026-05-11</td><td>1</td><td>100%</td>" in page
    assert "<td>2026-05-12</td><td>2</td><td>25%</td>" in page
    assert "<strong>container</strong>: missed 2 times, covered 1." in page
    assert f"/practice/chosen/?questions={one.pk}&amp;questions={two.pk}" in page
    assert "<td>image</td><td>2</td><td>1</td><td>2026-05-12</td>" in page


@pytest.mark.django_db
def test_keep_missing_leaves_out_a_concept_covered_since(signed_in, make_question, make_attempt):
    """Missed twice, then covered every time since: the candidate no longer misses it. Missed
    again, it is back."""
    one = make_question("docker", 1)
    for days in (4, 3):
        make_attempt(one, 40, covered=["image"], missed=["container"], at=NOW - days * DAY)
    for days in (2, 1):
        make_attempt(one, 100, covered=["image", "container"], at=NOW - days * DAY)
    page = signed_in.get("/progress/?topic=docker").content.decode()
    assert "<strong>container</strong>" not in page
    assert "<td>container</td><td>2</td><td>2</td>" in page
    assert "No concept you still miss" in page

    make_attempt(one, 40, covered=["image"], missed=["container"], at=NOW)
    page = signed_in.get("/progress/?topic=docker").content.decode()
    assert "<strong>container</strong>: missed 3 times, covered 2." in page


@pytest.mark.django_db
def test_attempts_csv_dates_are_to_the_second_with_the_offset(
    signed_in, make_question, make_attempt, settings
):
    """Spreadsheets read 2026-05-12T10:00:00+00:00 as a date, not one with microseconds; the
    transcript CSV writes the same UTC offset."""
    settings.TIME_ZONE = "Europe/Berlin"
    make_attempt(make_question("docker", 1), 50, at=NOW.replace(microsecond=123456))
    content = signed_in.get("/progress/attempts.csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert [row["date"] for row in rows] == ["2026-05-12T10:00:00+00:00"]


@pytest.mark.django_db
def test_mastery_page_before_any_answer(signed_in):
    page = signed_in.get("/progress/").content.decode()
    assert "Nothing to show yet" in page and "<svg" not in page


@pytest.mark.django_db
def test_attempts_csv_has_every_column_and_safe_cells(
    signed_in, make_question, make_attempt, other_user
):
    question = make_question("docker", 1)
    question.text = '=HYPERLINK("http://example.com")'
    question.save()
    make_attempt(question, 62.5, covered=["image"], missed=["container", "-rm"], at=NOW)
    make_attempt(question, 10, at=NOW, user=other_user)
    response = signed_in.get("/progress/attempts.csv")
    assert response["Content-Type"].startswith("text/csv")
    # With a byte-order mark, so that spreadsheets read the UTF-8 questions as UTF-8.
    assert response.content.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["question", "date", "score", "level", "level_estimate", "covered", "missed"]
    assert rows[1:] == [
        [
            '\'=HYPERLINK("http://example.com")',
            "2026-05-12T10:00:00+00:00",
            "62.5",
            "expert",
            "",
            "image",
            "container; -rm",
        ]
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/review/", "/progress/?topic=docker", "/"])
def test_pages_cost_the_same_queries_for_many_questions(
    signed_in, candidate, make_question, make_attempt, django_assert_max_num_queries, url
):
    def grow(first, last):
        for number in range(first, last):
            question = make_question("docker", number)
            make_attempt(question, 30, covered=["image"], missed=["container"], at=NOW - DAY)
            card_review(
                candidate_id=candidate.pk, question_id=question.pk, rating=Rating.Again, now=NOW
            )

    grow(1, 3)
    with time_machine.travel(NOW + 2 * DAY, tick=False):
        with django_assert_max_num_queries(12) as few:
            signed_in.get(url)
        grow(3, 40)
        with django_assert_max_num_queries(len(few.captured_queries)):
            assert signed_in.get(url).status_code == 200


@pytest.mark.django_db
def test_a_score_corrected_by_concept_counts_in_the_comparison_and_the_csv(
    signed_in, make_question, make_attempt
):
    """Ticked concepts give an answer its reviewed score; results show it, so the learning pages
    compare with it too."""
    question = make_question("docker", 1)
    earlier = make_attempt(question, 50.0, covered=["image"], missed=["container"], at=NOW - DAY)
    SessionItem.objects.filter(pk=earlier.pk).update(score_reviewed=80.0)
    latest = make_attempt(question, 85.0, covered=["image", "container"], at=NOW)
    page = signed_in.get(f"/sessions/{latest.session_id}/results/").content.decode()
    assert "Last time <strong>80</strong>, now <strong>85</strong> (+5)." in page
    rows = list(
        csv.DictReader(
            io.StringIO(signed_in.get("/progress/attempts.csv").content.decode("utf-8-sig"))
        )
    )
    assert [row["score"] for row in rows] == ["80.0", "85.0"]


@pytest.mark.django_db
def test_the_change_since_last_time_compares_answers_at_the_same_level(
    signed_in, make_question, make_attempt
):
    """A beginner's answer is scored against another model answer: comparing it with an expert
    one would read as progress or loss that is only the change of level."""
    question = make_question("docker", 1)
    make_attempt(question, 50.0, covered=["image"], missed=["container"], at=NOW - 2 * DAY)
    beginner = make_attempt(question, 90.0, covered=["image", "container"], at=NOW - DAY)
    InterviewSession.objects.filter(pk=beginner.session_id).update(level="beginner")
    page = signed_in.get(f"/sessions/{beginner.session_id}/results/").content.decode()
    assert "data-score-change" not in page and "Last time" not in page
    expert = make_attempt(question, 70.0, covered=["image", "container"], at=NOW)
    page = signed_in.get(f"/sessions/{expert.session_id}/results/").content.decode()
    assert "Last time <strong>50</strong>, now <strong>70</strong> (+20)." in page
    assert "Newly covered: container." in page


@pytest.mark.django_db
def test_the_change_since_last_time_is_the_difference_of_the_scores_shown(
    signed_in, make_question, make_attempt
):
    """62.4 then 62.6 show as 62 and 63: the change shown is +1, not the +0.2 rounded to +0."""
    question = make_question("docker", 1)
    make_attempt(question, 62.4, covered=["image"], missed=["container"], at=NOW - DAY)
    latest = make_attempt(question, 62.6, covered=["image"], missed=["container"], at=NOW)
    page = signed_in.get(f"/sessions/{latest.session_id}/results/").content.decode()
    assert "Last time <strong>62</strong>, now <strong>63</strong> (+1)." in page
    falling = make_attempt(question, 62.4, covered=["image"], at=NOW + DAY)
    page = signed_in.get(f"/sessions/{falling.session_id}/results/").content.decode()
    assert "Last time <strong>63</strong>, now <strong>62</strong> (-1)." in page


@pytest.mark.django_db
def test_the_csv_names_each_attempts_question_as_it_was_asked(
    signed_in, make_question, make_attempt
):
    question = make_question("docker", 1)
    asked = question.text
    old = make_attempt(question, 50.0, at=NOW - DAY)
    SessionItem.objects.filter(pk=old.pk).update(asked_text=asked)
    question.text = "Docker question 1, reworded: explain how it works."
    question.save()
    new = make_attempt(question, 60.0, at=NOW)
    SessionItem.objects.filter(pk=new.pk).update(asked_text=question.text)
    legacy = make_attempt(question, 70.0, at=NOW + DAY)  # made before questions kept their wording
    rows = list(
        csv.DictReader(
            io.StringIO(signed_in.get("/progress/attempts.csv").content.decode("utf-8-sig"))
        )
    )
    assert [row["question"] for row in rows] == [asked, question.text, question.text]
    assert legacy.asked_text == ""


@pytest.mark.django_db
def test_keep_missing_links_only_questions_open_for_practice(
    signed_in, candidate, make_question, make_attempt
):
    """A question held for an interview or in a bank no longer published cannot be practised: the
    link to practise a slipping concept leaves it out, instead of opening an empty picker. (The
    held question's own misses leave the counts too: its concepts wait for the interview.)"""
    one, two = make_question("docker", 1), make_question("docker", 2)
    for question in (one, one, two):
        make_attempt(question, 40, covered=["image"], missed=["container"], at=NOW - DAY)
    _invited_running(two, candidate)
    page = signed_in.get("/progress/?topic=docker").content.decode()
    assert "<strong>container</strong>: missed 2 times" in page
    assert f'href="/practice/chosen/?questions={one.pk}"' in page
    assert f"questions={two.pk}" not in page and two.text[:40] not in page

    Topic.objects.filter(slug="docker").update(is_published=False)
    page = signed_in.get("/progress/?topic=docker").content.decode()
    assert "<strong>container</strong>: missed 2 times" in page
    assert "/practice/chosen/?questions=" not in page
    assert "not open for practice now" in page


@pytest.mark.django_db
def test_review_table_counts_answers_not_skips_and_says_due_not_due_since(
    signed_in, candidate, make_question, make_attempt
):
    """A question skipped when a session ended early is rescheduled, but it was not answered; and
    a question due later today is not yet "due since" that hour."""
    question = make_question("docker", 1)
    make_attempt(question, 30, covered=[], missed=["image", "container"], at=NOW - 3 * DAY)
    for days in (3, 2):  # the answer above, then a skip in a session ended before it
        card_review(
            candidate_id=candidate.pk,
            question_id=question.pk,
            rating=Rating.Again,
            now=NOW - days * DAY,
        )
    with time_machine.travel(NOW - DAY - dt.timedelta(hours=2), tick=False):  # due at 10:00
        page = signed_in.get("/review/").content.decode()
    assert '<th scope="col">Due (UTC)</th>' in page
    row = re.search(r"<tbody>\s*<tr>(.*?)</tr>", page, re.S).group(1)
    assert re.findall(r"<td>(.*?)</td>", row)[2:] == ["2026-05-11 10:00", "1"]


@pytest.mark.django_db
def test_a_retry_is_titled_after_its_question(signed_in, start_practice):
    with time_machine.travel(NOW, tick=False):
        session, item = start_practice(1)
        item_finish(item_id=item.pk, text="An image.")
        signed_in.post(f"/sessions/{session.pk}/items/1/retry/")
    retry = InterviewSession.objects.exclude(pk=session.pk).get()
    assert retry.title == f"Try again: {item.question.text}"
    assert retry.title in signed_in.get("/sessions/").content.decode()
