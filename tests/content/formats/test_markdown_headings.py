"""The Markdown reader's quick heading search finds exactly what a parse of the whole text finds."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from content.formats import FORMATS, markdown
from content.parsing import ParsedAnswer, ParsedDocument, ParsedQuestion

# Lines that open, continue or end each kind of Markdown block, headings among them.
LINES = (
    "",
    "# Topic",
    "## A question?",
    "### Expert answer",
    "### Beginner answer",
    "#### Deeper",
    "#",
    "##no space",
    "  ## indented two",
    "    ## indented four",
    "\t# after a tab",
    "\\## escaped",
    "Plain answer text.",
    "Answer: with a colon",
    "- a list item",
    "- ## heading in a list",
    "  - a nested item",
    "    code or a deeper item",
    "1. ordered",
    "> quoted",
    "> ## heading in a quote",
    "`inline` code first",
    "``",
    "~~ tildes",
    "```",
    "```python",
    "~~~",
    "  ```",
    "- ```",
    "<div>",
    "</div>",
    "<!-- comment",
    "-->",
    "<pre>",
    "</pre>",
    "===",
    "---",
    "  ---  ",
    "- - -",
    "***",
    "[ref]: /url",
    '"title"',
    "> > > > > > > > > > > > > > > > > > > > > deep quotes",
    "- - - - - - - - - - - deep lists",
    "  " * 9 + "- deep by indentation",
)


# Most lines of a bank are headings, text and lists; the rest are rarer, so that many examples
# have none of the lines that make the whole text parsed.
COMMON = LINES[:5] + LINES[12:16]
line = st.one_of(st.sampled_from(COMMON), st.sampled_from(COMMON), st.sampled_from(LINES))


@settings(max_examples=500, deadline=None)
@given(st.lists(line, max_size=30))
def test_headings_are_those_of_the_whole_parse(lines):
    text = "\n".join(lines)
    assert markdown._headings(text) == markdown._parsed_headings(text)


@pytest.mark.parametrize("middle", LINES)
@pytest.mark.parametrize("indent", ["", "- ", "  "])
def test_each_kind_of_line_between_two_questions(middle, indent):
    text = (
        f"# Topic\n\n## First?\n\n### Expert answer\n\nText\n{indent}{middle}\n"
        "\n## Second?\n\n### Expert answer\n\nMore text\n## Third?\n"
    )
    assert markdown._headings(text) == markdown._parsed_headings(text)


def test_an_exported_bank_takes_the_quick_search_and_finds_the_same_headings():
    # Answer lines that Markdown would read as a heading, a fence or HTML are escaped on export.
    tricky = (
        "Intro\n# not a heading\n```\n<b>bold</b>\n===\n---\n  - item\n    more\n"
        "`docker ps` lists containers"
    )
    answer = ParsedAnswer(tricky, None, 0)
    questions = tuple(
        ParsedQuestion(f"Question {number}?", 0, answer, answer) for number in range(50)
    )
    text = FORMATS["markdown"].write(ParsedDocument("Bank", "About it.", questions))
    skeleton = markdown._skeleton(text)
    assert skeleton is not None
    assert len(skeleton) < len(text) / 2
    headings = markdown._headings(text)
    assert len(headings) == 1 + 3 * 50
    assert headings == markdown._parsed_headings(text)


def test_a_code_fence_makes_the_whole_text_parsed():
    text = "# Topic\n\n## Question\n\n### Expert answer\n\n```\n## inside the fence\n```\n"
    assert markdown._skeleton(text) is None
    assert [title for *_, title in markdown._headings(text)] == [
        "Topic",
        "Question",
        "Expert answer",
    ]
