"""Property: any document written in the format parses back to exactly what was written."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from content.parsing import ANSWER_MARKERS, POSTED_ON_RE, QUESTIONS_MARKER, parse_document

# One line of text as the format allows it: no line breaks, no surrounding whitespace, not a marker.
line_text = (
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\ufeff\x85"
        ),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(lambda line: line and line not in (QUESTIONS_MARKER, *ANSWER_MARKERS))
)
question_text = line_text.filter(lambda line: not POSTED_ON_RE.match(line))
answer = st.tuples(
    st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)),
    st.lists(line_text, min_size=1, max_size=4),
)
answers = st.sampled_from(["both", "expert", "beginner"]).flatmap(
    lambda kind: st.tuples(
        answer if kind != "beginner" else st.none(), answer if kind != "expert" else st.none()
    )
)


def _without_ambiguity(questions: list) -> bool:
    """An expert-only question right before a beginner-only one is the format's one ambiguity."""
    return not any(
        first[1][1] is None and second[1][0] is None
        for first, second in zip(questions, questions[1:], strict=False)
    )


documents = st.tuples(
    line_text,
    line_text,
    st.lists(
        st.tuples(question_text, answers), min_size=1, max_size=6, unique_by=lambda q: q[0]
    ).filter(_without_ambiguity),
)


def _write(topic: str, description: str, questions: list, *, newline: str = "\n") -> str:
    lines = [topic, description, QUESTIONS_MARKER]
    for text, (expert, beginner) in questions:
        lines.append(text)
        for marker, parsed in zip(ANSWER_MARKERS, (expert, beginner), strict=True):
            if parsed is None:
                continue
            posted_on, body = parsed
            stamp = f"{posted_on:%b} {posted_on.day}, {posted_on.year:04d}"
            lines += [marker, f"Posted on {stamp}{body[0]}", *body[1:]]
    return newline.join(lines) + newline


@settings(max_examples=150, deadline=None)
@given(documents)
def test_generated_documents_parse_back_to_what_was_generated(document):
    topic, description, questions = document
    parsed = parse_document(_write(topic, description, questions))

    assert (parsed.topic_name, parsed.description) == (topic, description)
    assert len(parsed.questions) == len(questions)
    for got, (text, (expert, beginner)) in zip(parsed.questions, questions, strict=True):
        assert got.text == text
        for parsed_answer, written in ((got.expert, expert), (got.beginner, beginner)):
            if written is None:
                assert parsed_answer is None
            else:
                assert (parsed_answer.posted_on, parsed_answer.text) == (
                    written[0],
                    "\n".join(written[1]),
                )
    missing = sum((expert is None) + (beginner is None) for _, (expert, beginner) in questions)
    assert len(parsed.warnings) == missing


@settings(max_examples=60, deadline=None)
@given(documents, st.sampled_from(["\r\n", "\n\n", " \r\n\r\n"]), st.booleans())
def test_line_endings_blank_lines_and_bom_never_change_the_result(document, newline, bom):
    clean = parse_document(_write(*document))
    varied = parse_document(("\ufeff" if bom else "") + _write(*document, newline=newline))

    def content(parsed):
        return [
            (
                q.text,
                q.expert and (q.expert.text, q.expert.posted_on),
                q.beginner and (q.beginner.text, q.beginner.posted_on),
            )
            for q in parsed.questions
        ]

    assert (varied.topic_name, varied.description, content(varied)) == (
        clean.topic_name,
        clean.description,
        content(clean),
    )
