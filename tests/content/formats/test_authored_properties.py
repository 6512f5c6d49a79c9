"""Property: whatever the authoring forms store, every format writes and reads back unchanged."""

from datetime import date

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from content.formats import FORMATS, document_parse
from content.forms import _answer_tidied
from content.parsing import (
    ANSWER_MARKERS,
    QUESTIONS_MARKER,
    ParsedAnswer,
    ParsedDocument,
    ParsedQuestion,
    description_lines,
    question_line,
    structure_line,
)

# What a person may type in a textarea: any characters but line breaks inside a line.
typed_line = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\ufeff\x85"
    ),
    max_size=30,
)
typed = st.tuples(
    st.lists(typed_line, min_size=1, max_size=5), st.sampled_from(["\n", "\r\n", "\r\n\r\n"])
).map(lambda parts: parts[1].join(parts[0]))


def _stored(text: str, tidy) -> str:
    """What the form stores, or nothing when it refuses or the field is left empty."""
    lines = text.replace("\r", "\n").split("\n")
    assume(not any(structure_line(line) for line in lines))
    stored = tidy(text)
    assume(stored.strip())
    return stored


@pytest.mark.parametrize("format_name", ["seed", "markdown", "csv", "json"])
@settings(max_examples=80, deadline=None)
@given(question=typed, expert=typed, beginner=typed, description=typed)
def test_what_the_forms_store_reads_back_from_every_format(
    format_name, question, expert, beginner, description
):
    question = _stored(question, question_line)
    expert, beginner = _stored(expert, _answer_tidied), _stored(beginner, _answer_tidied)
    lines = description_lines(description)
    assume(not any(line in (QUESTIONS_MARKER, *ANSWER_MARKERS) for line in lines))
    answers = [ParsedAnswer(text, date(2025, 3, 26), 0) for text in (expert, beginner)]
    document = ParsedDocument("Topic", "\n".join(lines), (ParsedQuestion(question, 1, *answers),))
    text = FORMATS[format_name].write(document)
    source = (
        "topic" + {"seed": ".txt", "markdown": ".md", "csv": ".csv", "json": ".json"}[format_name]
    )
    parsed = document_parse(text, source=source, format_name=format_name, topic_name="Topic")
    read = parsed.questions[0]
    assert (read.text, read.expert.text, read.beginner.text) == (question, expert, beginner)
    if format_name != "csv":  # CSV holds no description
        assert parsed.description == document.description
