"""Help texts and errors reach screen readers: every field, or the fieldset grouping it, names
the text that describes it (aria-describedby), and every id it names is on the page."""

import datetime as dt
from html.parser import HTMLParser

import pytest
from django.utils import timezone
from fsrs import Rating

from interviews.services.schedule import card_review

pytestmark = pytest.mark.django_db


class Described(HTMLParser):
    """The ids on a page, and for each field (or fieldset) its aria-describedby and aria-invalid."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.fieldsets: list[dict] = []  # open fieldsets, innermost last
        self.fields: dict[str, dict] = {}  # name -> {"describedby": set, "invalid": bool}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "fieldset":
            self.fieldsets.append(attrs)
        if tag in ("input", "select", "textarea") and attrs.get("name"):
            refs = set((attrs.get("aria-describedby") or "").split())
            for fieldset in self.fieldsets:
                refs |= set((fieldset.get("aria-describedby") or "").split())
            field = self.fields.setdefault(attrs["name"], {"describedby": set(), "invalid": False})
            field["describedby"] |= refs
            field["invalid"] |= attrs.get("aria-invalid") == "true"

    def handle_endtag(self, tag):
        if tag == "fieldset" and self.fieldsets:
            self.fieldsets.pop()


def described(html: str) -> Described:
    parser = Described()
    parser.feed(html)
    missing = {ref for field in parser.fields.values() for ref in field["describedby"]} - parser.ids
    assert not missing, f"aria-describedby names ids that are not on the page: {missing}"
    return parser


def test_session_builder_ties_the_draw_error_and_the_hide_scores_help_to_their_fields(
    client, interviewer, bank
):
    client.force_login(interviewer)
    page = client.post(
        "/interviewer/sessions/new/",
        {"action": "draw", "draw_count": "0", "level": "expert", "time_mode": "none"},
    ).content.decode()
    fields = described(page).fields
    assert fields["draw_count"]["invalid"]
    assert "id_draw_count_error" in fields["draw_count"]["describedby"]
    assert "id_hide_scores_helptext" in fields["hide_scores"]["describedby"]


def test_practice_set_up_describes_its_groups_by_their_help_and_errors(client, candidate, bank):
    client.force_login(candidate)
    page = client.post(
        "/practice/",
        {"count": "2", "level": "expert", "time_mode": "per_item", "feedback_mode": "after_each"},
    ).content.decode()
    fields = described(page).fields
    assert fields["topics"]["invalid"] and "id_topics_error" in fields["topics"]["describedby"]
    assert "id_level_helptext" in fields["level"]["describedby"]


def test_picked_practice_ties_its_error_to_the_questions_and_its_help_to_the_level(
    client, candidate, bank
):
    client.force_login(candidate)
    page = client.post("/practice/chosen/?topic=docker", {"level": "expert"}).content.decode()
    fields = described(page).fields
    assert fields["questions"]["invalid"]
    assert "id_questions_error" in fields["questions"]["describedby"]
    assert "id_level_helptext" in fields["level"]["describedby"]


def test_review_describes_the_level_by_its_help(client, candidate, bank):
    card_review(
        candidate_id=candidate.pk,
        question_id=bank[0].pk,
        rating=Rating.Again,
        now=timezone.now() - dt.timedelta(days=2),
    )
    client.force_login(candidate)
    fields = described(client.get("/review/").content.decode()).fields
    assert "id_level_helptext" in fields["level"]["describedby"]
    assert "id_count_helptext" in fields["count"]["describedby"]
