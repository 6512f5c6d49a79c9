"""Every address of the site, asked for someone else's object by everyone who is not its owner.

The URLconf is walked (as test_csrf_everywhere does) and each route name must be listed below: an
object route with a real object of its owner (access_world), a page without object parameters
with who may open it, or the short allow-list of public pages. A route added without a line here
fails `test_every_route_is_covered`, so the sweep cannot silently fall behind the URLconf.

The rules (interviews.access, content.access, TopicQuerySet) as the responses show them:

- anonymous visitors go to the login page (a bank page they may not read is a 404);
- a signed-in user without the interviewer role gets a 403 on interviewer and authoring pages;
- anyone who may open the kind of page but not this object gets a 404, so ids leak nothing:
  another candidate, another interviewer, and the interviewer who created a session on its
  candidate's pages (they review it through their own pages).

Each refusal is asked by GET and by POST, as a page and as an htmx fragment (a 405 is fine for the
method a view does not take), and none may change a row. The owner then asks the same address, so a 404 can only mean a refusal.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.core import serializers
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.security.access_world import SECRET, World, world_build

pytestmark = pytest.mark.django_db

LOGIN = "login"

# Who is refused, and how, for each kind of gate.
REFUSALS: dict[str, dict[str, int | str]] = {
    # A candidate's own session: the candidate alone (interviewers review through their pages).
    "candidate": {"anonymous": LOGIN, "bob": 404, "carl": 404, "ida": 404},
    # Interviewer and authoring pages of ida's objects.
    "interviewer": {"anonymous": LOGIN, "ann": 403, "bob": 403, "carl": 404},
    # The public bank pages: a private bank is a 404 for everyone but who may use it.
    "bank page": {"anonymous": 404, "ann": 404, "bob": 404, "carl": 404},
}
OWNER = {"candidate": "ann", "interviewer": "ida", "bank page": "ida"}

# One body that every form of the site accepts, so a refusal can only come from the access check.
POST_DATA = {
    "answer_text": "hijacked",
    "revision": "99",
    "position": "1",
    "score": "1",
    "reason": "hijacked",
    "notes": "hijacked",
    "recommendation": "no",
    "label": "hijacked",
    "present": "1",
    "variants": "",
    "weight": "1",
    "tier": "core",
    "is_active": "on",
    "new-label": "hijacked",
    "new-weight": "1",
    "new-tier": "core",
    "answer": "hijacked",
    "level": "expert",
    "text": "Hijacked question: what is it?",
    "expert_answer": "hijacked",
    "beginner_answer": "hijacked",
    "name": "Hijacked",
    "description": "hijacked",
    "direction": "down",
    "confirm": "yes",
}


@dataclass(frozen=True)
class Probe:
    urls: Callable[[World], list[str]]
    gate: str
    methods: tuple[str, ...]  # what the view takes
    reads_bank: bool = False  # only reads ida's bank: open to whoever may use it once shared


def _at(name: str, *args: Callable[[World], object]) -> Callable[[World], list[str]]:
    return lambda w: [reverse(name, args=[arg(w) for arg in args])]


def _live(w):
    return w.session_live.pk


def _done(w):
    return w.session_done.pk


def _slug(w):
    return w.question.slug


def _bank(w):
    return w.bank.slug


def _first(w):
    return 1


GET, POST, BOTH = ("get",), ("post",), ("get", "post")

OBJECT_ROUTES: dict[str, Probe] = {
    # The candidate's interview, answers and results.
    "interviews:session_detail": Probe(_at("interviews:session_detail", _live), "candidate", GET),
    "interviews:session_begin": Probe(_at("interviews:session_begin", _live), "candidate", POST),
    "interviews:item_next": Probe(_at("interviews:item_next", _live), "candidate", POST),
    "interviews:session_end": Probe(_at("interviews:session_end", _live), "candidate", POST),
    "interviews:session_end_confirm": Probe(
        _at("interviews:session_end_confirm", _live), "candidate", POST
    ),
    "interviews:session_results": Probe(_at("interviews:session_results", _done), "candidate", GET),
    "interviews:item_submit": Probe(
        _at("interviews:item_submit", _live, _first), "candidate", POST
    ),
    "interviews:autosave": Probe(_at("interviews:autosave", _live, _first), "candidate", POST),
    "interviews:item_retry": Probe(
        _at("interviews:item_retry", lambda w: w.practice.pk, _first), "candidate", POST
    ),
    # The interviewer's sessions, invites, live view, transcripts and exports.
    "interviewer:template_use": Probe(
        _at("interviewer:template_use", lambda w: w.template.pk), "interviewer", POST
    ),
    "interviewer:session_detail": Probe(
        _at("interviewer:session_detail", _live), "interviewer", GET
    ),
    "interviewer:session_end": Probe(_at("interviewer:session_end", _live), "interviewer", POST),
    "interviewer:session_item_move": Probe(
        _at(
            "interviewer:session_item_move",
            lambda w: w.session_new.pk,
            lambda w: w.item(w.session_new).pk,
        ),
        "interviewer",
        POST,
    ),
    "interviewer:invite_revoke": Probe(
        _at("interviewer:invite_revoke", lambda w: w.session_new.pk), "interviewer", POST
    ),
    "interviewer:invite_renew": Probe(
        _at("interviewer:invite_renew", lambda w: w.session_new.pk), "interviewer", POST
    ),
    "interviewer:transcript": Probe(_at("interviewer:transcript", _done), "interviewer", GET),
    "interviewer:transcript_json": Probe(
        _at("interviewer:transcript_json", _done), "interviewer", GET
    ),
    "interviewer:transcript_csv": Probe(
        _at("interviewer:transcript_csv", _done), "interviewer", GET
    ),
    "interviewer:review": Probe(_at("interviewer:review", _done), "interviewer", POST),
    "interviewer:concept_verdict": Probe(
        _at("interviewer:concept_verdict", _done, lambda w: w.item(w.session_done).pk),
        "interviewer",
        POST,
    ),
    "interviewer:score_override": Probe(
        _at("interviewer:score_override", _done, lambda w: w.item(w.session_done).pk),
        "interviewer",
        POST,
    ),
    # Concepts of a question of ida's bank.
    "interviewer:concepts": Probe(
        _at("interviewer:concepts", _slug), "interviewer", GET, reads_bank=True
    ),
    "interviewer:concept_add": Probe(_at("interviewer:concept_add", _slug), "interviewer", POST),
    "interviewer:concept_edit": Probe(
        _at("interviewer:concept_edit", _slug, lambda w: w.concept.pk), "interviewer", POST
    ),
    "interviewer:concept_preview": Probe(
        _at("interviewer:concept_preview", _slug), "interviewer", BOTH, reads_bank=True
    ),
    "interviewer:concepts_rescore": Probe(
        _at("interviewer:concepts_rescore", _slug), "interviewer", POST, reads_bank=True
    ),
    # The bank: reading, exporting, importing, writing, copying, deleting, history.
    "content:topic_detail": Probe(_at("content:topic_detail", _bank), "bank page", GET),
    "content:question_detail": Probe(_at("content:question_detail", _slug), "bank page", GET),
    "content:bank_export": Probe(
        lambda w: [
            reverse("content:bank_export", args=[w.bank.slug, name])
            for name in ("json", "csv", "seed", "markdown")
        ],
        "interviewer",
        GET,
        reads_bank=True,
    ),
    "content:bank_import_preview": Probe(
        _at("content:bank_import_preview", lambda w: w.upload.pk), "interviewer", BOTH
    ),
    "content:topic_edit": Probe(_at("content:topic_edit", _bank), "interviewer", BOTH),
    "content:topic_copy": Probe(
        _at("content:topic_copy", _bank), "interviewer", POST, reads_bank=True
    ),
    "content:topic_delete": Probe(_at("content:topic_delete", _bank), "interviewer", BOTH),
    "content:question_new": Probe(_at("content:question_new", _bank), "interviewer", BOTH),
    "content:question_edit": Probe(_at("content:question_edit", _slug), "interviewer", BOTH),
    "content:question_copy": Probe(
        _at("content:question_copy", _slug), "interviewer", GET, reads_bank=True
    ),
    "content:question_delete": Probe(_at("content:question_delete", _slug), "interviewer", BOTH),
    "content:question_history": Probe(_at("content:question_history", _slug), "interviewer", GET),
    "content:revision_restore": Probe(
        _at("content:revision_restore", _slug, _first), "interviewer", POST
    ),
}

# Pages without object parameters: who may open them. Nobody but ann and ida may find a SECRET
# text of theirs on any of them.
PAGES: dict[str, str] = {
    "interviews:home": "public",
    "content:topic_list": "public",
    "interviews:landing": "signed in",
    "password_change": "signed in",
    "password_change_done": "signed in",
    "interviews:logout_confirm": "signed in",
    "interviews:practice_new": "signed in",
    "interviews:practice_chosen": "signed in",
    "interviews:review": "signed in",
    "interviews:mastery": "signed in",
    "interviews:attempts_export": "signed in",
    "interviews:history": "signed in",
    "interviewer:session_list": "interviewer",
    "interviewer:live": "interviewer",
    "interviewer:session_build": "interviewer",
    "interviewer:template_list": "interviewer",
    "interviewer:agreement": "interviewer",
    "content:bank_import": "interviewer",
    "content:bank_list": "interviewer",
    "content:topic_new": "interviewer",
    "content:preview": "interviewer",
}
PAGE_READERS = {
    "public": ("anonymous", "bob", "carl"),
    "signed in": ("bob", "carl"),
    "interviewer": ("carl",),
}

# Public on purpose, with nothing of anyone's to show, or tested on their own.
PUBLIC_ROUTES = {
    "healthz",  # the load balancer's probe: "ok" and nothing else
    "favicon",  # a redirect to a static file
    "login",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",  # Django's signed one-time token
    "password_reset_complete",
    "interviews:signup",
    # The invite link is a bearer token by design: tests/interviews/test_access_invite_links.py covers it (used, expired,
    # revoked, renewed, guessed, opened by the wrong person), with test_invites.py.
    "interviewer:invite_open",
    "interviewer:invite",
}


def route_names() -> set[str]:
    """Every named route outside the admin (test_admin_refuses_everyone_but_staff covers it)."""

    def walk(resolver, namespace=""):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
                if inner != "admin:":
                    yield from walk(pattern, inner)
            elif isinstance(pattern, URLPattern):
                yield namespace + (pattern.name or str(pattern.pattern))

    return set(walk(get_resolver()))


def test_every_route_is_covered():
    listed = [set(OBJECT_ROUTES), set(PAGES), PUBLIC_ROUTES]
    assert sum(len(names) for names in listed) == len(set().union(*listed)), "listed twice"
    assert set().union(*listed) == route_names()


def rows() -> dict[str, str]:
    """Every row of the two apps, to prove a refused request changed nothing."""
    models = [
        model
        for label in ("content", "interviews")
        for model in apps.get_app_config(label).get_models()
    ]
    return {
        model._meta.label: serializers.serialize("json", model.objects.order_by("pk"))
        for model in models
    }


def clients(world: World) -> dict[str, Client]:
    signed_in = {name: Client() for name in world.users}
    for name, client in signed_in.items():
        client.force_login(world.users[name])
    return {"anonymous": Client(), **signed_in}


def refusal_problem(response, expected) -> str:
    """Why this response is not the expected refusal; empty when it is."""
    if expected == LOGIN:
        location = response.get("Location", "")
        if response.status_code == 302 and location.startswith(reverse("login")):
            return ""
        # htmx is told to reload the page, which then goes to log in (HtmxLoginRefreshMiddleware).
        if response.get("HX-Refresh") == "true" and not response.content:
            return ""
    elif response.status_code == expected:
        return ""
    return f"{response.status_code} {response.get('Location', '')}".strip()


HTMX = {"HX-Request": "true"}


def ask(client: Client, method: str, url: str, headers: dict | None = None):
    if method == "post":
        return client.post(url, POST_DATA, headers=headers)
    return client.get(url, headers=headers)


def _object_cases() -> list:
    """Each route with ida's bank private; the bank's routes again once it is shared and published."""
    cases = [pytest.param(name, False, id=f"{name}-private") for name in sorted(OBJECT_ROUTES)]
    return cases + [
        pytest.param(name, True, id=f"{name}-shared")
        for name in sorted(OBJECT_ROUTES)
        if name.startswith(("content:", "interviewer:concept"))
    ]


@pytest.mark.parametrize(("name", "shared"), _object_cases())
def test_only_the_owner_reaches_an_object(name, shared):
    probe, world = OBJECT_ROUTES[name], world_build()
    if shared:  # carl may now use ida's bank, and everyone reads it: writing stays ida's
        world.bank.shared_with_everyone = world.bank.is_published = True
        world.bank.save()
    refused = dict(REFUSALS[probe.gate])
    if shared and probe.gate == "bank page":
        refused = {}
    elif shared and probe.reads_bank:
        refused.pop("carl")
    http, before, problems = clients(world), rows(), []
    for url in probe.urls(world):
        for who, expected in refused.items():
            for method, headers in itertools.product(("get", "post"), ({}, HTMX)):
                response = ask(http[who], method, url, headers)
                if method not in probe.methods and response.status_code == 405:
                    continue
                if problem := refusal_problem(response, expected):
                    asked = f"{method.upper()} {url} {headers or ''} as {who}"
                    problems.append(f"{asked}: {problem}, not {expected}")
    assert problems == []
    assert rows() == before, "a refused request changed something"
    owner = http[OWNER[probe.gate]]
    for url in probe.urls(world):
        for method in probe.methods:
            response = ask(owner, method, url)
            assert response.status_code not in (403, 404, 405), f"{method} {url} as the owner"
            assert refusal_problem(response, LOGIN), f"{method} {url}: owner sent to log in"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages_refuse_who_may_not_open_them_and_show_nobody_else_s_objects(name):
    world, url = world_build(), reverse(name)
    http, readers = clients(world), PAGE_READERS.get(PAGES[name], ())
    refused = {
        "public": {},
        "signed in": {"anonymous": LOGIN},
        "interviewer": {"anonymous": LOGIN, "bob": 403, "ann": 403},
    }[PAGES[name]]
    before = rows()
    for who, expected in refused.items():
        for method in ("get", "post"):
            response = ask(http[who], method, url)
            if response.status_code != 405:
                assert not refusal_problem(response, expected), f"{method} {url} as {who}"
    assert rows() == before
    for who in readers:
        response = http[who].get(url, follow=True)
        if response.status_code == 405:  # the editor's live preview takes only a POST
            response = http[who].post(url, POST_DATA)
        assert response.status_code == 200, f"{url} as {who}"
        assert SECRET not in response.content.decode(), f"{url} shows {who} ida's or ann's data"


# Someone's own parent object with ida's child object in the same address, or ida's ids in a
# form: each must reach nothing of ida's. (name, who, args, extra POST data)
FOREIGN_IDS = [
    (
        "interviewer:concept_verdict",
        "carl",
        lambda w: [w.carl_session.pk, w.item(w.session_done).pk],
        {},
    ),
    (
        "interviewer:score_override",
        "carl",
        lambda w: [w.carl_session.pk, w.item(w.session_done).pk],
        {},
    ),
    ("interviewer:concept_edit", "carl", lambda w: [w.carl_question.slug, w.concept.pk], {}),
    (
        "interviewer:session_item_move",
        "carl",
        lambda w: [w.carl_session.pk, w.item(w.session_new).pk],
        {},
    ),
    (
        "content:question_copy",
        "carl",
        lambda w: [w.carl_question.slug],
        lambda w: {"topic": w.bank.pk},
    ),
    (
        "interviewer:session_build",
        "carl",
        lambda w: [],
        lambda w: {"questions": [w.question.pk], "action": "create"},
    ),
    ("interviews:practice_chosen", "bob", lambda w: [], lambda w: {"questions": [w.question.pk]}),
    ("interviews:practice_chosen", "ann", lambda w: [], lambda w: {"questions": [w.question.pk]}),
    (
        "interviews:practice_new",
        "bob",
        lambda w: [],
        lambda w: {"topics": [w.bank.pk], "count": "1"},
    ),
]


@pytest.mark.parametrize(
    ("name", "who", "args", "extra"),
    [pytest.param(*case, id=f"{case[0]}-{case[1]}") for case in FOREIGN_IDS],
)
def test_ids_of_someone_else_s_objects_reach_nothing(name, who, args, extra):
    world = world_build()
    url = reverse(name, args=args(world))
    data = {**POST_DATA, **(extra(world) if callable(extra) else extra)}
    before = rows()
    response = clients(world)[who].post(url, data)
    assert response.status_code in (200, 302, 400, 404), url
    assert rows() == before, f"{url} as {who} changed something"
    assert SECRET not in response.content.decode()


def admin_urls() -> list[str]:
    """Every admin route, its parameters filled with anything: the staff check comes first."""

    def walk(resolver, prefix=""):
        for pattern in resolver.url_patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern, route)
            else:
                yield route

    urls = []
    for route in walk(get_resolver()):
        if not route.startswith("admin/") or route in ("admin/login/", "admin/logout/"):
            continue
        if "(?P<app_label>" in route:
            route = "admin/content/"
        elif "(?P<url>" in route:
            route = "admin/no-such-page/"
        urls.append(
            "/" + route.replace("<path:content_type_id>", "1").replace("<path:object_id>", "1")
        )
    return urls


def test_admin_refuses_everyone_but_staff():
    world = world_build()
    http, problems = clients(world), []
    urls = admin_urls()
    assert len(urls) > 50
    for url in urls:
        for who in ("anonymous", "ann", "carl"):
            response = http[who].get(url)
            location = response.get("Location", "")
            if not (response.status_code == 302 and location.startswith("/admin/login/")):
                problems.append(f"{url} as {who}: {response.status_code} {location}")
    assert problems == []
