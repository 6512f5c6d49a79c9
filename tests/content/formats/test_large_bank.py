"""A thousand questions import within seconds, with progress lines along the way."""

import time
from datetime import date

import pytest

from content.formats import FORMATS
from content.models import Concept, Question
from content.parsing import ParsedAnswer, ParsedDocument, ParsedQuestion
from tests.content.formats.conftest import EXTENSIONS, FORMAT_NAMES, command

pytestmark = pytest.mark.django_db

# CPU time, so a machine busy with other work does not fail the test; an idle one takes about
# as long on the clock (docs/benchmarks.md has both figures). Generous for slow CI machines.
CPU_SECONDS = 15
POSTED_ON = date(2025, 1, 5)
SYLLABLES = ("ka", "lo", "mi", "nu", "pe", "ri", "so", "tu", "va", "ze")


def made_up_word(number: int) -> str:
    """A distinct word per number, so no word is common to the whole bank (which extraction skips)."""
    return "".join(SYLLABLES[int(digit)] for digit in f"{number:04d}")


def large_bank(count: int) -> ParsedDocument:
    """Distinct questions with short, distinct answers, like an interviewer's own spreadsheet."""
    questions = []
    for number in range(1, count + 1):
        service, store = made_up_word(number), made_up_word(number + count)
        expert = (
            f"The {service} service keeps state in a replicated {store} log.\n"
            f"- Failover: a standby {service} takes over within seconds\n"
            f"Tip: watch the {store} latency percentiles, not the average."
        )
        beginner = f"The {service} stores data in {store} and another copy takes over on failure."
        questions.append(
            ParsedQuestion(
                f"How does the {service} service survive a node failure?",
                number,
                ParsedAnswer(expert, POSTED_ON, number),
                ParsedAnswer(beginner, POSTED_ON, number),
            )
        )
    return ParsedDocument("Large bank", "Generated.", tuple(questions))


@pytest.mark.parametrize("format_name", FORMAT_NAMES)
def test_a_thousand_questions_import_within_seconds_with_progress(format_name, tmp_path):
    path = tmp_path / f"large-bank{EXTENSIONS[format_name]}"
    path.write_text(FORMATS[format_name].write(large_bank(1000)), encoding="utf-8")
    started = time.process_time()
    out, _ = command("import_questions", str(path))
    elapsed = time.process_time() - started
    assert "1000 questions: 1000 created" in out
    assert "  500/1000 questions compared or written" in out
    assert "  concepts extracted for 500/1000 questions" in out
    assert Question.objects.count() == 1000
    assert Concept.objects.values("question").distinct().count() == 1000
    assert elapsed < CPU_SECONDS, f"{elapsed:.1f} s of CPU"
