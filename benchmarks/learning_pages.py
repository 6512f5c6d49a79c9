"""Time the review, mastery and home pages with a large history: 1,000 questions, 5,000 attempts.

Builds a throwaway SQLite database (or uses DATABASE_URL when given), fills it through the ORM,
then requests each page with Django's test client and prints the median time and the number of
queries of each. Run from the project root:

    .venv/bin/python benchmarks/learning_pages.py [--questions 1000] [--attempts 5000] [--runs 7]
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

CONCEPTS_PER_QUESTION = 6
TOPICS = 10


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=1000)
    parser.add_argument("--attempts", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="learning-bench-") as folder:
        run(args, folder)


def run(args: argparse.Namespace, folder: str) -> None:
    """Fill the database (a SQLite file in `folder` unless DATABASE_URL names one), time the pages."""
    with django_database(folder):
        user, slug = fill(args.questions, args.attempts)
        measure(user, slug, runs=args.runs, questions=args.questions, attempts=args.attempts)


def fill(question_count: int, attempt_count: int):
    from django.contrib.auth import get_user_model
    from fsrs import Rating

    from content.models import Concept, Question, Topic
    from interviews.models import InterviewSession, SessionItem
    from interviews.services.schedule import card_review

    rng = random.Random(13)
    now = datetime.now(UTC)
    user = get_user_model().objects.create_user("bench", "bench@example.com", "x" * 20)
    topics = Topic.objects.bulk_create(
        Topic(name=f"Topic {n}", slug=f"topic-{n}") for n in range(TOPICS)
    )
    questions = Question.objects.bulk_create(
        Question(topic=topics[n % TOPICS], text=f"Question {n}: explain it.", slug=f"q-{n}")
        for n in range(question_count)
    )
    Concept.objects.bulk_create(
        Concept(question=q, label=f"concept {q.pk % 40 + c}", rank=c)
        for q in questions
        for c in range(CONCEPTS_PER_QUESTION)
    )
    sessions = InterviewSession.objects.bulk_create(
        InterviewSession(candidate=user, created_by=user, status="completed")
        for _ in range(attempt_count // 5)
    )
    items = []
    for n in range(attempt_count):
        question = rng.choice(questions)
        labels = [f"concept {question.pk % 40 + c}" for c in range(CONCEPTS_PER_QUESTION)]
        covered = [label for label in labels if rng.random() < 0.6]
        finished = now - timedelta(days=rng.randrange(365), minutes=rng.randrange(1440))
        items.append(
            SessionItem(
                session=sessions[n // 5],
                question=question,
                position=n % 5 + 1,
                status="submitted",
                answer_text="An answer.",
                started_at=finished - timedelta(minutes=2),
                finished_at=finished,
                score=100.0 * len(covered) / len(labels),
                matched=[{"label": label, "start": 0, "end": 1} for label in covered],
                missed=[label for label in labels if label not in covered],
            )
        )
    SessionItem.objects.bulk_create(items, batch_size=500)
    for question in questions:
        rating = rng.choice([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy])
        when = now - timedelta(days=rng.randrange(30))
        card_review(candidate_id=user.pk, question_id=question.pk, rating=rating, now=when)
    return user, topics[0].slug


def measure(user, slug: str, *, runs: int, questions: int, attempts: int) -> None:
    from django.db import connection
    from django.test import Client

    from interviews.models import ReviewCard

    client = Client()
    client.force_login(user)
    due = ReviewCard.objects.for_candidate(user).due(datetime.now(UTC)).count()
    print(f"{questions} questions, {attempts} attempts, {due} due today, {runs} runs each")
    print(f"database: {connection.vendor}, load average {os.getloadavg()[0]:.1f}")
    print(f"{'page':26} {'median ms':>10} {'min ms':>8} {'CPU ms':>8} {'queries':>8}")
    pages = ["/review/", f"/progress/?topic={slug}", "/", "/progress/attempts.csv"]
    for url in pages:
        t = page_timing(client, url, runs=runs)
        print(f"{url:26} {t.median_ms:10.1f} {t.min_ms:8.1f} {t.cpu_ms:8.1f} {t.queries:8d}")


if __name__ == "__main__":
    main()
