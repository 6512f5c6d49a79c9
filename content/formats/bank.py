"""A stored topic as the in-memory bank (content.parsing.ParsedDocument) that every format writes."""

from content.concepts import variants_clean
from content.models import Level, Question, Topic
from content.parsing import ParsedAnswer, ParsedDocument, ParsedQuestion


def _answer(question: Question, level: str) -> ParsedAnswer | None:
    answer = question.model_answer(level)
    return ParsedAnswer(answer.text, answer.posted_on, 0) if answer else None


def _concepts(question: Question) -> dict[str, dict]:
    rows = sorted(question.concepts.all(), key=lambda row: (row.rank, row.pk))
    return {
        row.label: {
            "variants": list(variants_clean(row.variants)),
            "weight": row.weight,
            "tier": row.tier,
            "origin": row.origin,
            "negated": row.negated,
            "is_active": row.is_active,
            "rank": row.rank,
        }
        for row in rows
    }


def bank_document(topic: Topic, *, with_concepts: bool = False) -> ParsedDocument:
    """The topic's questions in order, with their ids and answers (and concepts when asked)."""
    questions = Question.objects.filter(topic=topic).order_by("position", "id")
    questions = questions.prefetch_related("model_answers", *(["concepts"] * with_concepts))
    return ParsedDocument(
        topic.name,
        topic.description,
        tuple(
            ParsedQuestion(
                question.text,
                index,
                _answer(question, Level.EXPERT),
                _answer(question, Level.BEGINNER),
                question.uid,
                _concepts(question) if with_concepts else None,
            )
            for index, question in enumerate(questions, start=1)
        ),
    )
