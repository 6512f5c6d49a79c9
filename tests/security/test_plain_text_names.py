"""What people name and write besides answers is shown as text on every page that shows it.

Bank names and descriptions, question wordings, model answers (rendered line by line), concept
labels and variants, template and session titles, candidate and guest names, interviewer notes,
override reasons and uploaded file names, on the interviewer's pages, the candidate's pages, the
bank pages and the htmx fragments.
"""

import pytest
from django.test import Client
from django.utils import timezone

from content.models import BankUpload, Concept, ModelAnswer, Question, Topic
from interviews.access import interviewer_grant
from interviews.models import SessionTemplate, SessionTemplateQuestion
from interviews.services import (
    item_activate,
    item_finish,
    practice_session_create,
    session_start,
)
from interviews.services.building import SessionPlan, invited_session_create
from interviews.services.review import (
    concept_verdict_set,
    score_override_set,
    session_review_update,
)

HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)><b hx-get="/admin/">'
LIVE_MARKUP = ("<script>alert", "<img src=x", '<b hx-get="/admin/"')
# A model answer whose lines become a list, a call-out, a table and a code block.
SHAPED_ANSWER = (
    f"- item {HOSTILE}\nTip: {HOSTILE}\n| a {HOSTILE} | b |\n|---|---|\n| c | {HOSTILE} |\n"
    f"$ docker run {HOSTILE}"
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(django_user_model):
    interviewer = django_user_model.objects.create_user(
        "ivy", "ivy@example.com", "pw-ivy-123!", first_name=HOSTILE
    )
    interviewer_grant(user=interviewer)
    candidate = django_user_model.objects.create_user(
        "cara", "cara@example.com", "pw-cara-123!", first_name=HOSTILE
    )
    topic = Topic.objects.create(
        name=f"Bank {HOSTILE}", slug="bank", description=HOSTILE, owner=interviewer
    )
    question = Question.objects.create(topic=topic, text=f"Q {HOSTILE}", slug="q1", position=1)
    ModelAnswer.objects.create(question=question, level="expert", text=SHAPED_ANSWER)
    ModelAnswer.objects.create(question=question, level="beginner", text=HOSTILE)
    Concept.objects.create(question=question, label=f"lab {HOSTILE}", variants=[HOSTILE], rank=0)
    Concept.objects.create(question=question, label="docker", rank=1)
    template = SessionTemplate.objects.create(
        name=f"T {HOSTILE}", created_by=interviewer, notes=HOSTILE
    )
    SessionTemplateQuestion.objects.create(template=template, question=question, position=1)
    plan = SessionPlan(
        title=f"S {HOSTILE}",
        level="expert",
        questions=[question],
        candidate_name=HOSTILE,
        candidate_email="cara@example.com",
        notes=HOSTILE,
    )
    session = invited_session_create(interviewer=interviewer, plan=plan)
    session.candidate, session.guest_name = candidate, HOSTILE
    session.save()
    session.invite.accepted_at, session.invite.accepted_by = timezone.now(), candidate
    session.invite.save()
    session_start(session=session)
    item = item_activate(session=session)
    item_finish(item_id=item.pk, text=f"docker lab {HOSTILE}", revision=1)
    item.refresh_from_db()
    score_override_set(item=item, score=50, reason=HOSTILE, by=interviewer)
    session_review_update(session=session, notes=HOSTILE, recommendation="yes", by=interviewer)
    concept_verdict_set(item=item, label=f"lab {HOSTILE}", present=True, by=interviewer)
    # The bank published, so the candidate practises on it as well.
    topic.is_published = True
    topic.save()
    practice = practice_session_create(
        candidate=candidate,
        topics=[topic],
        count=1,
        level="expert",
        per_item_seconds=None,
        total_seconds=None,
        feedback_mode="after_each",
    )
    session_start(session=practice)
    item_finish(item_id=practice.items.get().pk, text=f"docker {HOSTILE}", revision=1)
    upload = BankUpload.objects.create(
        uploaded_by=interviewer,
        file_name=f"{HOSTILE}.md",
        format_name="markdown",
        text="# X\n\n## Q?\n\n### Expert answer\n\nA layered image.",
    )
    return {
        "interviewer": interviewer,
        "candidate": candidate,
        "question": question,
        "session": session,
        "item": item,
        "practice": practice,
        "upload": upload,
    }


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def live_markup(response) -> list[str]:
    html = response.content.decode()
    return [fragment for fragment in LIVE_MARKUP if fragment in html]


def test_pages_show_names_and_texts_as_text(world):
    slug, pk = world["question"].slug, world["session"].pk
    pages = {
        world["interviewer"]: [
            "/interviewer/",
            "/interviewer/live/",
            "/interviewer/sessions/new/?search=Q",
            "/interviewer/templates/",
            f"/interviewer/sessions/{pk}/",
            f"/interviewer/sessions/{pk}/transcript/",
            "/interviewer/agreement/",
            f"/interviewer/questions/{slug}/concepts/",
            f"/interviewer/questions/{slug}/concepts/preview/?answer=docker+lab",
            "/bank/",
            "/bank/bank/",
            f"/bank/questions/{slug}/",
            f"/bank/questions/{slug}/history/",
            f"/bank/questions/{slug}/copy/",
            "/topics/",
            "/topics/bank/",
            f"/questions/{slug}/",
            f"/banks/import/{world['upload'].pk}/",
        ],
        world["candidate"]: [
            "/",
            "/sessions/",
            f"/sessions/{pk}/results/",
            f"/sessions/{world['practice'].pk}/results/",
            "/progress/",
            "/practice/",
            "/practice/chosen/?topic=bank",
            f"/questions/{slug}/",
        ],
    }
    problems = []
    for user, urls in pages.items():
        client = signed_in(user)
        for url in urls:
            response = client.get(url)
            if response.status_code != 200:
                problems.append(f"{url}: {response.status_code}")
            problems += [f"{url}: live {fragment}" for fragment in live_markup(response)]
    assert problems == []


def test_htmx_fragments_show_names_and_texts_as_text(world):
    client = signed_in(world["interviewer"])
    pk, item_pk, slug = world["session"].pk, world["item"].pk, world["question"].slug
    htmx = {"HX-Request": "true"}
    fragments = {
        "override refused": client.post(
            f"/interviewer/sessions/{pk}/items/{item_pk}/override/",
            {"score": "not a number", "reason": HOSTILE},
            headers=htmx,
        ),
        "concept verdict": client.post(
            f"/interviewer/sessions/{pk}/items/{item_pk}/concept/",
            {"label": f"lab {HOSTILE}", "present": "0"},
            headers=htmx,
        ),
        "live progress": client.get(f"/interviewer/sessions/{pk}/", headers=htmx),
        "editor preview": client.post(
            "/bank/preview/",
            {"text": HOSTILE, "expert_answer": SHAPED_ANSWER, "beginner_answer": HOSTILE},
            headers=htmx,
        ),
        "concept preview": client.post(
            f"/interviewer/questions/{slug}/concepts/preview/",
            {"answer": f"docker lab {HOSTILE}", "level": "expert"},
            headers=htmx,
        ),
        "re-score": client.post(f"/interviewer/questions/{slug}/concepts/rescore/"),
    }
    problems = [
        f"{name}: {response.status_code}"
        for name, response in fragments.items()
        if response.status_code != 200
    ]
    for name, response in fragments.items():
        problems += [f"{name}: live {fragment}" for fragment in live_markup(response)]
    assert problems == []
