"""Property: any document written in the format parses back to exactly what was written."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from content.formats import markdown, seed
from content.parsing import (
    ANSWER_MARKERS,
    ID_RE,
    NO_DESCRIPTION,
    POSTED_ON_RE,
    QUESTIONS_MARKER,
    DocumentError,
    ParsedAnswer,
    ParsedDocument,
    ParsedQuestion,
    parse_document,
)

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
    # A line 'Id: ...' right before an answer marker is, by the format, an id line: as the last
    # line of a question or an expert answer it cannot be text (test_identity covers the others).
    .filter(lambda line: not ID_RE.match(line))
)
question_text = line_text.filter(lambda line: not POSTED_ON_RE.match(line))
# The format writes an empty description as this line, so it cannot stand for itself.
description_text = line_text.filter(lambda line: line != NO_DESCRIPTION)
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
    description_text,
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


# Body lines after the first may be anything but a new posting line.
body_text = line_text.filter(lambda line: not POSTED_ON_RE.match(line))
body_answer = st.tuples(
    st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)),
    st.lists(body_text, min_size=1, max_size=4),
)
body_answers = st.sampled_from(["both", "expert", "beginner"]).flatmap(
    lambda kind: st.tuples(
        body_answer if kind != "beginner" else st.none(),
        body_answer if kind != "expert" else st.none(),
    )
)
clean_documents = st.tuples(
    line_text,
    line_text,
    st.lists(
        st.tuples(question_text, body_answers), min_size=1, max_size=5, unique_by=lambda q: q[0]
    ).filter(_without_ambiguity),
)


def _structural_lines(questions: list) -> list[int]:
    """Indexes (into the written lines) of the lines that carry the structure.

    The header's three lines, the first question line, every marker and every 'Posted on' line.
    Any later question line is left out: without it, the last line of the answer before reads as
    the question, a document as valid as the original (docs/question-bank.md says so).
    """
    indexes, index = [0, 1, 2, 3], 3
    for _, (expert, beginner) in questions:
        index += 1  # the question line
        for parsed in (expert, beginner):
            if parsed is not None:
                indexes += [index, index + 1]  # the marker and its 'Posted on' line
                index += 1 + len(parsed[1])
    return indexes


def _content(parsed) -> list:
    return [
        (q.text, q.expert and (q.expert.text, q.expert.posted_on), q.beginner and q.beginner.text)
        for q in parsed.questions
    ]


@settings(max_examples=200, deadline=None)
@given(clean_documents, st.data())
def test_deleting_one_structural_line_is_an_error_or_loses_exactly_one_answer(document, data):
    written = _write(*document).splitlines()
    original = parse_document("\n".join(written))
    deleted = data.draw(st.sampled_from(_structural_lines(document[2])))
    damaged = "\n".join(written[:deleted] + written[deleted + 1 :])

    try:
        parsed = parse_document(damaged, source="doc.txt")
    except DocumentError as error:
        assert error.line is not None and 1 <= error.line <= len(written)
        assert str(error).startswith(f"doc.txt, line {error.line}: ")
        return
    # No error: the same questions, in the same order, with exactly one answer fewer and a warning.
    before, after = _content(original), _content(parsed)
    assert [q[0] for q in after] == [q[0] for q in before]
    lost = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert len(lost) == 1
    old, new = lost[0]
    assert (new[1] is None) != (new[2] is None)
    assert new[1] in (None, old[1]) and new[2] in (None, old[2])
    assert len(parsed.warnings) == len(original.warnings) + 1


# A description of several lines; the first cannot be a marker, none can be the 'Questions' line.
several_lines = st.lists(line_text, min_size=1, max_size=5).filter(
    lambda lines: "\n".join(lines) != NO_DESCRIPTION
)


@settings(max_examples=100, deadline=None)
@given(several_lines, st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_a_description_of_several_lines_is_written_and_read_back(lines, newline, bom):
    description = "\n".join(lines)
    answer = ParsedAnswer("Yes.", date(2025, 3, 1), 0)
    document = ParsedDocument("Topic", description, (ParsedQuestion("What?", 1, answer, None),))
    for module in (seed, markdown):
        text = module.write(document).replace("\n", newline)
        parsed = module.read(("\ufeff" if bom else "") + text)
        assert parsed.description == description
        assert [q.text for q in parsed.questions] == ["What?"]
