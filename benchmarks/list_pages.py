"""Time the session lists with a long history: an interviewer's 3,000 sessions, a candidate's 1,500.

Builds a throwaway SQLite database (or uses DATABASE_URL when given), fills it through the ORM,
then requests each list with Django's test client and prints the median time, the page's size
and the number of queries. Run from the project root:

    .venv/bin/python benchmarks/list_pages.py [--interviewer-sessions 3000]
        [--candidate-sessions 1500] [--questions 500] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_DIR))

from benchmarks.page_timing import django_database, page_timing  # noqa: E402

ITEMS_PER_SESSION = 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviewer-sessions", type=int, default=3000)
    parser.add_argument("--candidate-sessions", type=int, default=1500)
    parser.add_argument("--questions", type=int, default=500, help="in the one bank")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="list-bench-") as folder:
        run(args, folder)


def run(args: argparse.Namespace, folder: str) -> None:
    """Fill the database (a SQLite file in `folder` unless DATABASE_URL names one), time the pages."""
    with django_database(folder):
        interviewer, candidate, slug = fill(args)
        pages = [
            (interviewer, "/interviewer/"),
            (interviewer, "/interviewer/?status=completed&sort=-score"),
            (interviewer, "/interviewer/?sort=candidate&page=20"),
            (candidate, "/sessions/"),
            (candidate, "/sessions/?page=10"),
            (candidate, f"/topics/{slug}/"),
        ]
        print(
            f"{args.interviewer_sessions} interviewer sessions, {args.candidate_sessions} "
            f"candidate sessions, {ITEMS_PER_SESSION} questions each, a bank of "
            f"{args.questions}, {args.runs} runs each"
        )
        measure(pages, runs=args.runs)


def fill(args: argparse.Namespace):
    from django.contrib.auth import get_user_model

    from content.models import Question, Topic
    from interviews.access import interviewer_grant
    from interviews.models import InterviewSession, SessionItem

    rng = random.Random(17)
    users = get_user_model().objects
    interviewer = users.create_user("interviewer", "i@example.com", "x" * 20)
    interviewer_grant(user=interviewer)
    interviewer = users.get(pk=interviewer.pk)  # the granted permission, read back
    candidate = users.create_user("candidate", "c@example.com", "x" * 20)
    topic = Topic.objects.create(name="Bank", slug="bank", is_published=True)
    questions = Question.objects.bulk_create(
        Question(topic=topic, text=f"Question {n}: explain it.", slug=f"q-{n}", position=n)
        for n in range(args.questions)
    )
    invited = [
        InterviewSession(
            kind=InterviewSession.Kind.INVITED,
            created_by=interviewer,
            title=f"Screen {n}",
            candidate_name=f"Candidate {rng.randrange(10_000)}",
            status="completed",
        )
        for n in range(args.interviewer_sessions)
    ]
    practice = [
        InterviewSession(candidate=candidate, created_by=candidate, status="completed")
        for _ in range(args.candidate_sessions)
    ]
    sessions = InterviewSession.objects.bulk_create(invited + practice, batch_size=500)
    # Spread over two years, as a long history would be (created_at is set on insert).
    now = datetime.now(UTC)
    for session in sessions:
        session.created_at = now - timedelta(minutes=rng.randrange(2 * 365 * 24 * 60))
    InterviewSession.objects.bulk_update(sessions, ["created_at"], batch_size=500)
    SessionItem.objects.bulk_create(
        (
            SessionItem(
                session=session,
                question=rng.choice(questions),
                position=position,
                status="submitted",
                answer_text="An answer.",
                score=rng.uniform(0, 100),
            )
            for session in sessions
            for position in range(1, ITEMS_PER_SESSION + 1)
        ),
        batch_size=1000,
    )
    return interviewer, candidate, topic.slug


def measure(pages, *, runs: int) -> None:
    from django.db import connection
    from django.test import Client

    print(f"database: {connection.vendor}, load average {os.getloadavg()[0]:.1f}")
    header = f"{'page':44} {'median ms':>10} {'min ms':>8} {'CPU ms':>8} {'KiB':>7} {'queries':>8}"
    print(header)
    for user, url in pages:
        client = Client()
        client.force_login(user)
        t = page_timing(client, url, runs=runs)
        print(
            f"{url:44} {t.median_ms:10.1f} {t.min_ms:8.1f} {t.cpu_ms:8.1f} {t.kib:7.0f} "
            f"{t.queries:8d}"
        )


if __name__ == "__main__":
    main()
