"""Access matrix: every interviewer and interview URL against every role, and CSRF on every change.

Candidates see only their own sessions; interviewers only the sessions they created; staff see all.
Refusals are 403 for a signed-in user without the interviewer role, 404 for a session that is not
yours (so ids leak nothing), and a login redirect for anonymous visitors.
"""

import pytest
from django.test import Client
from django.urls import reverse

from interviews.models import SessionTemplate

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "candidate", "other_candidate", "interviewer", "other_interviewer", "staff"]
LOGIN = "login"
# Well-formed enough that a refusal can only come from the access check.
POST_DATA = {"revision": "99", "answer_text": "x", "label": "layers", "present": "1", "notes": "n"}
ALLOWED = "allowed"


def _session_args(world):
    return [world["session"].pk]


def _item_args(world):
    return [world["session"].pk, world["item"].pk]


def _slug_args(world):
    return [world["question"].slug]


# (method, url name, args builder)
INTERVIEWER_SESSION_URLS = [
    ("get", "interviewer:session_detail", _session_args),
    ("get", "interviewer:transcript", _session_args),
    ("get", "interviewer:transcript_json", _session_args),
    ("get", "interviewer:transcript_csv", _session_args),
    ("post", "interviewer:invite_revoke", _session_args),
    ("post", "interviewer:session_end", _session_args),
    ("post", "interviewer:invite_renew", _session_args),
    ("post", "interviewer:review", _session_args),
    ("post", "interviewer:concept_verdict", _item_args),
    ("post", "interviewer:score_override", _item_args),
    ("post", "interviewer:template_use", lambda world: [world["template"].pk]),
]
INTERVIEWER_PAGES = [
    ("get", "interviewer:session_list", lambda world: []),
    ("get", "interviewer:live", lambda world: []),
    ("get", "interviewer:session_build", lambda world: []),
    ("post", "interviewer:session_build", lambda world: []),
    ("get", "interviewer:template_list", lambda world: []),
    ("get", "interviewer:agreement", lambda world: []),
    ("get", "interviewer:concepts", _slug_args),
    ("get", "interviewer:concept_preview", _slug_args),
    ("post", "interviewer:concept_add", _slug_args),
    (
        "post",
        "interviewer:concept_edit",
        lambda world: [world["question"].slug, world["concept"].pk],
    ),
    ("post", "interviewer:concepts_rescore", _slug_args),
]
CANDIDATE_SESSION_URLS = [
    ("get", "interviews:session_detail", _session_args),
    ("get", "interviews:session_results", _session_args),
    ("post", "interviews:session_begin", _session_args),
    ("post", "interviews:item_next", _session_args),
    ("post", "interviews:session_end", _session_args),
    ("post", "interviews:item_submit", lambda world: [world["session"].pk, 1]),
    ("post", "interviews:autosave", lambda world: [world["session"].pk, 1]),
]
# Pages every signed-in user may use, for their own account only.
ACCOUNT_URLS = [
    ("get", "interviews:history", lambda world: []),
    ("get", "interviews:practice_new", lambda world: []),
    ("post", "interviews:practice_new", lambda world: []),
    ("post", "password_change", lambda world: []),
]

SESSION_EXPECTED = {
    "anonymous": LOGIN,
    "candidate": 403,
    "other_candidate": 403,
    "interviewer": ALLOWED,
    "other_interviewer": 404,
    "staff": ALLOWED,
}
PAGE_EXPECTED = {
    "anonymous": LOGIN,
    "candidate": 403,
    "other_candidate": 403,
    "interviewer": ALLOWED,
    "other_interviewer": ALLOWED,
    "staff": ALLOWED,
}
ACCOUNT_EXPECTED = dict.fromkeys(ROLES, ALLOWED) | {"anonymous": LOGIN}
# Interview pages belong to the candidate alone: interviewers review through their own pages.
CANDIDATE_EXPECTED = {
    "anonymous": LOGIN,
    "candidate": ALLOWED,
    "other_candidate": 404,
    "interviewer": 404,
    "other_interviewer": 404,
    "staff": 404,
}


@pytest.fixture
def world(finished_session, bank, interviewer):
    template = SessionTemplate.objects.create(name="T", created_by=interviewer)
    template.template_questions.create(question=bank[0], position=1)
    return {
        "session": finished_session,
        "item": finished_session.items.get(position=1),
        "question": bank[0],
        "concept": bank[0].concepts.first(),
        "template": template,
    }


def client_for(role: str, request, *, enforce_csrf_checks: bool = False) -> Client:
    client = Client(enforce_csrf_checks=enforce_csrf_checks)
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    return client


def check(response, expected, url: str) -> None:
    if expected == LOGIN:
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url
    elif expected == ALLOWED:
        assert response.status_code not in (403, 404, 405), url
        assert not (response.status_code == 302 and "/login" in response["Location"]), url
    else:
        assert response.status_code == expected, url


def _cases(urls, expected):
    """Every refusal, and every allowed read; allowed changes have their own tests."""
    return [
        pytest.param(method, name, args, role, expected[role], id=f"{name}-{method}-{role}")
        for method, name, args in urls
        for role in ROLES
        if not (method == "post" and expected[role] == ALLOWED)
    ]


@pytest.mark.parametrize(
    ("method", "name", "args", "role", "expected"),
    _cases(INTERVIEWER_SESSION_URLS, SESSION_EXPECTED)
    + _cases(INTERVIEWER_PAGES, PAGE_EXPECTED)
    + _cases(CANDIDATE_SESSION_URLS, CANDIDATE_EXPECTED)
    + _cases(ACCOUNT_URLS, ACCOUNT_EXPECTED),
)
def test_access_matrix(request, world, method, name, args, role, expected):
    url = reverse(name, args=args(world))
    client = client_for(role, request)
    response = client.post(url, POST_DATA) if method == "post" else client.get(url)
    check(response, expected, url)


@pytest.mark.parametrize(
    ("method", "name", "args", "role"),
    [
        pytest.param(method, name, args, role, id=f"{name}-{role}")
        for urls, expected in (
            (INTERVIEWER_SESSION_URLS, SESSION_EXPECTED),
            (INTERVIEWER_PAGES, PAGE_EXPECTED),
            (CANDIDATE_SESSION_URLS, CANDIDATE_EXPECTED),
            (ACCOUNT_URLS, ACCOUNT_EXPECTED),
        )
        for method, name, args in urls
        if method == "post"
        for role in ROLES
        if expected[role] == ALLOWED
    ],
)
def test_every_change_needs_a_csrf_token(request, world, method, name, args, role):
    client = client_for(role, request, enforce_csrf_checks=True)
    response = client.post(reverse(name, args=args(world)), POST_DATA)
    assert response.status_code == 403


def test_invite_accept_needs_a_csrf_token(invited_session):
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("interviewer:invite_open", args=[invited_session.invite.token]))
    assert client.post(reverse("interviewer:invite"), {"name": "Gina"}).status_code == 403
    invited_session.refresh_from_db()
    assert invited_session.candidate is None


def test_other_interviewer_does_not_see_the_session_in_lists(client, other_interviewer, world):
    client.force_login(other_interviewer)
    page = client.get(reverse("interviewer:session_list")).content.decode()
    assert world["session"].title not in page
    data = client.get(reverse("interviewer:agreement")).content.decode()
    assert world["question"].text not in data


def test_staff_see_every_session_in_the_list(client, staff, world):
    client.force_login(staff)
    page = client.get(reverse("interviewer:session_list")).content.decode()
    assert world["session"].title in page


def test_signup_needs_a_csrf_token():
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("interviews:signup"),
        {"username": "new", "password1": "a-long-passphrase-9", "password2": "a-long-passphrase-9"},
    )
    assert response.status_code == 403


def test_logout_needs_a_csrf_token(candidate):
    client = Client(enforce_csrf_checks=True)
    client.force_login(candidate)
    assert client.post(reverse("logout")).status_code == 403
    assert client.get(reverse("interviews:history")).status_code == 200  # still signed in
