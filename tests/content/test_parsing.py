"""The Q&A document parser: real excerpts of the Docker bank, tolerated variations, and bad input."""

from datetime import date
from pathlib import Path

import pytest

from content import parsing
from content.parsing import DocumentError, parse_document

BANK = Path(__file__).resolve().parents[2] / "content" / "sources" / "docker.txt"

# The first question of the bundled bank, cut short (real text).
EXCERPT = """Docker
A set of platform as a service products that use OS-level virtualization to deliver software in packages called containers.
Questions
Explain Docker and its key differences compared to traditional virtualization technologies like virtual machines.
Expert Answer
Posted on Mar 26, 2025Docker is an open-source containerization platform that automates the deployment, scaling, and management of applications through OS-level virtualization.
Technical Comparison with Traditional Virtualization:
Feature | Docker Containers | Traditional VMs |
---|---|---|
Beginner Answer
Posted on Mar 26, 2025Docker is a platform that uses containerization to package and run applications.
Tip: Think of Docker containers like lightweight, portable packages.
Describe the main components that make up the Docker architecture and how they interact with each other.
Expert Answer
Posted on Mar 26, 2025Docker implements a client-server architecture with several distinct components.
Beginner Answer
Posted on Mar 26, 2025Docker architecture has several key components that work together to build, run, and manage containers.
"""


def test_excerpt_parses_into_topic_questions_and_dated_answers():
    document = parse_document(EXCERPT, source="docker.txt")

    assert document.topic_name == "Docker"
    assert document.description.startswith("A set of platform as a service products")
    assert [q.line for q in document.questions] == [4, 13]
    first = document.questions[0]
    assert first.text.startswith("Explain Docker and its key differences")
    assert first.expert.posted_on == date(2025, 3, 26)
    assert first.expert.line == 6
    assert first.expert.text == (
        "Docker is an open-source containerization platform that automates the deployment, scaling, "
        "and management of applications through OS-level virtualization.\n"
        "Technical Comparison with Traditional Virtualization:\n"
        "Feature | Docker Containers | Traditional VMs |\n"
        "---|---|---|"
    )
    assert first.beginner.text.endswith(
        "Tip: Think of Docker containers like lightweight, portable packages."
    )
    assert "Posted on" not in first.beginner.text
    assert document.warnings == ()


def test_the_bundled_bank_has_24_questions_each_with_both_answers():
    document = parse_document(BANK.read_text(encoding="utf-8"), source=BANK.name)

    assert len(document.questions) == 24
    assert all(q.expert and q.beginner for q in document.questions)
    assert document.warnings == ()
    assert len({q.text for q in document.questions}) == 24


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda text: text.replace("\n", "\r\n"), id="crlf"),
        pytest.param(lambda text: "\ufeff" + text, id="bom"),
        pytest.param(lambda text: text.replace("\n", "  \t\n"), id="trailing-spaces"),
        pytest.param(lambda text: "\n\n" + text.replace("\n", "\n\n") + "\n\n", id="blank-lines"),
        pytest.param(lambda text: "\ufeff" + text.replace("\n", " \r\n\r\n"), id="all-at-once"),
    ],
)
def test_tolerated_variations_give_the_same_result_as_the_clean_file(variant):
    clean = parse_document(EXCERPT, source="docker.txt")
    varied = parse_document(variant(EXCERPT), source="docker.txt")

    def without_lines(document):
        return [
            (q.text, q.expert.text, q.expert.posted_on, q.beginner.text, q.beginner.posted_on)
            for q in document.questions
        ]

    assert (varied.topic_name, varied.description) == (clean.topic_name, clean.description)
    assert without_lines(varied) == without_lines(clean)


def test_the_whole_bank_with_crlf_and_bom_parses_the_same():
    text = BANK.read_text(encoding="utf-8")
    clean = parse_document(text)
    varied = parse_document("\ufeff" + text.replace("\n", " \r\n"))
    assert varied == clean


def test_a_question_with_one_answer_imports_with_a_warning():
    text = """Kubernetes
Container orchestration.
Questions
What is a pod?
Beginner Answer
Posted on Jan 5, 2025A group of containers.
What is a node?
Expert Answer
Posted on Feb 1, 2025A worker machine.
It runs pods.
"""
    document = parse_document(text, source="k8s.txt")

    pod, node = document.questions
    assert pod.expert is None and pod.beginner.text == "A group of containers."
    assert node.beginner is None and node.expert.text == "A worker machine.\nIt runs pods."
    assert node.expert.posted_on == date(2025, 2, 1)
    assert document.warnings == (
        "k8s.txt, line 4: question has no expert answer: What is a pod?",
        "k8s.txt, line 7: question has no beginner answer: What is a node?",
    )


def test_nothing_is_docker_specific():
    text = "Cooking\nKitchen basics.\nQuestions\nHow do you boil an egg?\nExpert Answer\nPosted on Dec 31, 2024Gently.\nBeginner Answer\nPosted on Dec 31, 2024In water.\n"
    document = parse_document(text)
    assert document.topic_name == "Cooking"
    assert document.questions[0].beginner.text == "In water."


def test_text_may_start_on_the_line_after_the_posting_date():
    text = "T\nD\nQuestions\nQ?\nExpert Answer\nPosted on Mar 1, 2025\nFirst line.\nBeginner Answer\nPosted on Mar 2, 2025 Spaced.\n"
    question = parse_document(text).questions[0]
    assert question.expert.text == "First line."
    assert question.beginner.text == "Spaced."


def test_a_topic_without_a_description_says_so_on_its_description_line():
    text = "Cooking\n(no description)\nQuestions\nHow do you boil an egg?\nExpert Answer\nPosted on Dec 31, 2024Gently.\n"
    document = parse_document(text)
    assert (document.topic_name, document.description) == ("Cooking", "")


HEAD = "Topic\nDescription\nQuestions\n"


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("", 1, "expected the topic name"),
        ("Topic\n", 2, "expected the topic description, found the end of the document"),
        ("Topic\nQuestions\n", 2, "expected the topic description, found 'Questions'"),
        (
            "Topic\nDescription\nQuestion list\n",
            3,
            "expected the line 'Questions', found 'Question list'",
        ),
        (
            "Topic\nDescription\n  continued\nWhat?\nExpert Answer\n",
            4,
            "expected the line 'Questions', found 'What?'",
        ),
        ("Topic\nDescription\n  continued\n", 4, "expected the line 'Questions', found the end"),
        ("Topic\nDescription\n  continued\nQuestions\n", 5, "expected at least one question"),
        (HEAD, 4, "expected at least one question"),
        (HEAD + "What?\n", 5, "expected 'Expert Answer' or 'Beginner Answer' after a question"),
        (HEAD + "Expert Answer\n", 4, "expected a question line before 'Expert Answer'"),
        (
            HEAD + "stray\nWhat?\nExpert Answer\nPosted on Mar 1, 2025x\n",
            4,
            "expected a question followed by 'Expert Answer' or 'Beginner Answer', found 'stray'",
        ),
        (
            HEAD + "What?\nExpert Answer\nMar 1, 2025 text\n",
            6,
            "expected 'Posted on <Mon D, YYYY>' to start the expert answer, found 'Mar 1, 2025 text'",
        ),
        (
            HEAD + "What?\nExpert Answer\nPosted on Mar 1, 2025x\nBeginner Answer\n",
            8,
            "to start the beginner answer, found the end of the document",
        ),
        (
            HEAD + "What?\nExpert Answer\nBeginner Answer\nPosted on Mar 1, 2025x\n",
            6,
            "to start the expert answer, found 'Beginner Answer'",
        ),
        (
            HEAD + "What?\nExpert Answer\nPosted on Feb 30, 2025x\n",
            6,
            "expected a real date",
        ),
        (
            HEAD
            + "What?\nExpert Answer\nPosted on Mar 1, 2025a\nExpert Answer\nPosted on Mar 1, 2025b\n",
            7,
            "expected a question line before 'Expert Answer', found 'Posted on Mar 1, 2025a'",
        ),
        (
            HEAD
            + "What?\nExpert Answer\nPosted on Mar 1, 2025a\nWhat?\nExpert Answer\nPosted on Mar 1, 2025b\n",
            7,
            "repeats the question on line 4",
        ),
    ],
)
def test_bad_input_names_the_file_the_line_and_what_was_expected(text, line, expected):
    with pytest.raises(DocumentError) as caught:
        parse_document(text, source="bank.txt")

    assert caught.value.line == line
    assert str(caught.value).startswith(f"bank.txt, line {line}: ")
    assert expected in str(caught.value)


def test_line_numbers_count_blank_lines_as_an_editor_does():
    text = "Topic\r\n\r\nDescription\r\n\r\nQuestions\r\n\r\nWhat?\r\nExpert Answer\r\nnope\r\n"
    with pytest.raises(DocumentError) as caught:
        parse_document(text, source="bank.txt")
    assert caught.value.line == 9


def test_error_messages_are_module_constants():
    assert "{found}" in parsing.MISSING_POSTED_ON
    assert DocumentError("f.txt", None, "file not found").args == ("f.txt: file not found",)


def test_an_id_line_after_an_answer_body_is_an_error_naming_its_line():
    text = (
        "Topic\nAbout it\nQuestions\n"
        "What is A?\nExpert Answer\nPosted on Mar 26, 2025\nA is a thing.\n"
        "Id: 3f2b8c1e-0a4d-4b6e-9f1a-2c3d4e5f6a7b\n"
        "Beginner Answer\nPosted on Mar 26, 2025\nA is simple.\n"
    )
    with pytest.raises(DocumentError) as raised:
        parse_document(text, source="bank.txt")
    assert raised.value.line == 8
    assert parsing.ID_MISPLACED in str(raised.value)


def test_a_description_continues_on_indented_lines_and_a_one_line_header_reads_as_before():
    body = "What?\nExpert Answer\nPosted on Mar 1, 2025 Yes.\n"
    several = parse_document("Topic\nFirst line.\n  Second line.\n\tThird.\nQuestions\n" + body)
    assert several.description == "First line.\nSecond line.\nThird."
    assert [q.line for q in several.questions] == [6]
    # An indented 'Questions' line ends the header as it always did.
    one = parse_document("Topic\n Description \n  Questions\n" + body)
    assert (one.description, one.questions[0].text) == ("Description", "What?")
