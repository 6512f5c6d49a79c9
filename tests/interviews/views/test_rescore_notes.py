"""Pages show both scores when a newer scorer changed one: the transcript and the candidate's."""

import pytest
from django.urls import reverse

from content.scoring import SCORER_VERSION
from interviews.models import SessionItem
from interviews.services import item_finish

pytestmark = pytest.mark.django_db

NOTE = f"(re-scored by scorer {SCORER_VERSION}; was 55 with scorer 0)"


@pytest.fixture
def rescored(start_practice):
    """A finished practice answer whose automatic score a newer scorer moved from 55 to 62."""
    session, item = start_practice(1)
    item_finish(item_id=item.pk, text="An image and a container.", revision=1)
    SessionItem.objects.filter(pk=item.pk).update(
        score=62.0, previous_score=55.0, previous_scorer_version="0"
    )
    return SessionItem.objects.get(pk=item.pk)


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("sam", "sam@example.com", "pw", is_staff=True)


def transcript(client, staff, item) -> str:
    client.force_login(staff)
    url = reverse("interviewer:transcript", args=[item.session_id])
    return client.get(url).content.decode()


def results(client, item) -> str:
    client.force_login(item.session.candidate)
    url = reverse("interviews:session_results", args=[item.session_id])
    return client.get(url).content.decode()


def test_transcript_shows_both_scores(client, staff, rescored):
    page = transcript(client, staff, rescored)
    assert f'<strong class="auto-score">62</strong> <span class="muted rescore-note">{NOTE}' in page


def test_candidate_results_show_both_scores(client, rescored):
    page = results(client, rescored)
    assert f'62 <span class="muted rescore-note">{NOTE}</span></td>' in page  # the table
    assert page.count(NOTE) == 2  # and the feedback's score line


def test_no_note_when_the_rescore_kept_the_score(client, staff, rescored):
    SessionItem.objects.filter(pk=rescored.pk).update(previous_score=61.7)  # both show as 62
    assert "re-scored" not in transcript(client, staff, rescored)
    assert "re-scored" not in results(client, rescored)


def test_no_note_before_any_rescore(client, staff, rescored):
    SessionItem.objects.filter(pk=rescored.pk).update(previous_score=None)
    assert "re-scored" not in transcript(client, staff, rescored)


def test_an_override_hides_the_note_from_the_candidate_not_the_interviewer(client, staff, rescored):
    SessionItem.objects.filter(pk=rescored.pk).update(score_override=80.0, override_reason="ok")
    assert NOTE in transcript(client, staff, rescored)
    assert "re-scored" not in results(client, rescored)
