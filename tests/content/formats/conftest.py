"""Helpers for the bank-format tests: run a command, snapshot every row an import may write."""

from io import StringIO
from pathlib import Path

from django.core.management import call_command

from content.models import Concept, ModelAnswer, Question, Topic

BANK = Path(__file__).resolve().parents[3] / "content" / "sources" / "docker.txt"
FORMAT_NAMES = ("seed", "markdown", "csv", "json")
EXTENSIONS = {"seed": ".txt", "markdown": ".md", "csv": ".csv", "json": ".json"}


def command(name: str, *args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(name, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def snapshot() -> dict:
    """Every row with its updated_at, so an import that changes nothing can be proven."""
    return {
        "topics": sorted(Topic.objects.values_list("slug", "name", "description", "updated_at")),
        "questions": sorted(
            Question.objects.values_list(
                "uid", "slug", "text", "topic_id", "position", "updated_at"
            )
        ),
        "answers": sorted(
            ModelAnswer.objects.values_list(
                "question__uid", "level", "text", "posted_on", "updated_at"
            )
        ),
        "concepts": sorted(
            Concept.objects.values_list("question__uid", "label", "origin", "rank", "updated_at")
        ),
    }
