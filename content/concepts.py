"""Bridge between Concept rows and the pure-Python scorer (interviews.scoring)."""

from content.models import Question


def concepts_refresh(*, question: Question) -> None:
    """Re-extract a question's concepts from its model answers, keeping what people curated."""
