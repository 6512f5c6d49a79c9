"""score_answers: the JSON-lines contract other tools rely on."""

import io
import json
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from content import batch_scoring, scoring
from content.batch_scoring import read_lines, score_lines
from content.concepts import concepts_refresh
from content.models import Concept

ROOT = Path(__file__).resolve().parents[2]
GOOD = (
    "Docker containers share the host OS kernel and get isolation from namespaces and control "
    "groups, while virtual machines each run a full operating system on a hypervisor."
)
REFERENCE = (
    "A stack is a last-in first-out data structure. Push adds an element on top of the stack and "
    "pop removes the top element. A stack overflow happens when the call stack exceeds its memory."
)


@pytest.fixture
def bank(docker_question, layers_question):
    for question in (docker_question, layers_question):
        concepts_refresh(question=question)
    return docker_question, layers_question


def run(lines: list) -> list[dict]:
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    return list(score_lines(read_lines(io.BytesIO(text.encode()))))


def command(tmp_path, lines: list) -> tuple[list[dict], CommandError | None]:
    path = tmp_path / "answers.jsonl"
    path.write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n"
    )
    out, error = io.StringIO(), None
    try:
        call_command("score_answers", str(path), stdout=out)
    except CommandError as raised:
        error = raised
    return [json.loads(line) for line in out.getvalue().splitlines()], error


@pytest.mark.parametrize("by", ["text", "slug", "id", "id as string"])
def test_question_by_text_slug_or_id(bank, by):
    question = bank[0]
    value = {
        "text": question.text,
        "slug": question.slug,
        "id": question.pk,
        "id as string": str(question.pk),
    }[by]

    [result] = run([{"id": "a1", "question": value, "answer": GOOD}])

    assert result["id"] == "a1"
    assert result["line"] == 1
    assert 20 < result["score"] <= 100
    assert "namespaces" in result["matched"]
    labels = {c.label for c in question.concepts.all()}
    assert set(result["matched"]) | set(result["missed"]) <= labels
    assert not set(result["matched"]) & set(result["missed"])
    span = next(s for s in result["spans"] if s["label"] == "namespaces")
    assert GOOD[span["start"] : span["end"]].lower().startswith("namespace")
    assert result["level_estimate"] in {"below beginner", "beginner", "between", "expert"}
    assert isinstance(result["feedback"], str)
    assert result["scorer_version"] == scoring.SCORER_VERSION


def test_result_matches_scoring_the_stored_concepts_directly(bank):
    from content.concepts import answer_score

    [result] = run([{"id": 1, "question": bank[0].slug, "answer": GOOD, "level": "beginner"}])
    expected = answer_score(question=bank[0], answer=GOOD, level="beginner")
    assert result["score"] == round(expected.value, 2)
    assert result["missed"] == [c.label for c in expected.missed]


def test_reference_path_extracts_once_per_distinct_reference(db, monkeypatch):
    calls = []
    real = scoring.extract_concepts

    def counting(*args, **kwargs):
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(batch_scoring.scoring, "extract_concepts", counting)
    lines = [
        {"id": n, "reference": REFERENCE, "answer": answer}
        for n, answer in enumerate(
            ["Push puts an element on top and pop removes the top element.", "No idea.", ""]
        )
    ]

    results = run(lines)

    assert len(calls) == 1
    assert [r["id"] for r in results] == [0, 1, 2]
    assert results[0]["score"] > results[1]["score"]
    assert results[2]["score"] == 0
    assert "pop" in " ".join(results[0]["matched"]).lower()


def test_levels_differ_and_default_to_expert(bank):
    base = {"id": "x", "question": bank[0].slug, "answer": GOOD}
    default, expert, beginner = run(
        [base, {**base, "level": "expert"}, {**base, "level": "beginner"}]
    )
    assert default == {**expert, "line": 1}
    advanced = set(bank[0].concepts.filter(tier="advanced").values_list("label", flat=True))
    assert advanced
    assert advanced & set(expert["matched"] + expert["missed"])
    assert not advanced & set(beginner["matched"] + beginner["missed"])


def test_order_is_preserved_and_errors_carry_line_numbers(bank):
    lines = [
        {"id": "first", "question": bank[1].slug, "answer": "Layers are shared, copy-on-write."},
        "{not json",
        "",
        '["an", "array"]',
        {"id": "no-answer", "question": bank[0].slug},
        {"answer": "no id", "question": bank[0].slug},
        {"id": "nothing-to-score-against", "answer": "x"},
        {"id": "both", "question": bank[0].slug, "reference": REFERENCE, "answer": "x"},
        {"id": "unknown", "question": "What is Kubernetes?", "answer": "x"},
        {"id": "missing-id", "question": 999999, "answer": "x"},
        {"id": "level", "question": bank[0].slug, "answer": "x", "level": "guru"},
        {"id": "long", "question": bank[0].slug, "answer": "a" * (scoring.MAX_ANSWER_CHARS + 1)},
        {"id": "empty-reference", "reference": "  ", "answer": "x"},
        {"id": ["bad"], "question": bank[0].slug, "answer": "x"},
        {"id": "last", "question": bank[0].pk, "answer": GOOD},
    ]

    results = run(lines)

    assert [r["line"] for r in results] == [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]
    assert "error" not in results[0] and "error" not in results[-1]
    assert results[0]["id"] == "first" and results[-1]["id"] == "last"
    errors = {r["line"]: (r["id"], r["error"]) for r in results if "error" in r}
    assert errors == {
        2: (None, errors[2][1]),
        4: (None, batch_scoring.ERROR_NOT_OBJECT),
        5: ("no-answer", batch_scoring.ERROR_NO_ANSWER),
        6: (None, batch_scoring.ERROR_NO_ID),
        7: ("nothing-to-score-against", batch_scoring.ERROR_NEITHER),
        8: ("both", batch_scoring.ERROR_BOTH),
        9: ("unknown", batch_scoring.ERROR_UNKNOWN_QUESTION.format(value='"What is Kubernetes?"')),
        10: ("missing-id", batch_scoring.ERROR_UNKNOWN_QUESTION.format(value="999999")),
        11: ("level", batch_scoring.ERROR_BAD_LEVEL.format(value='"guru"')),
        12: ("long", scoring.ANSWER_TOO_LONG_MESSAGE),
        13: ("empty-reference", batch_scoring.ERROR_BAD_REFERENCE),
        14: (None, batch_scoring.ERROR_BAD_ID),
    }
    assert errors[2][1].startswith("invalid JSON")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"level": 0}, batch_scoring.ERROR_BAD_LEVEL.format(value="0")),
        ({"level": "Expert"}, batch_scoring.ERROR_BAD_LEVEL.format(value='"Expert"')),
        (
            {"reference": "x" * (scoring.MAX_ANSWER_CHARS + 1)},
            batch_scoring.ERROR_REFERENCE_TOO_LONG,
        ),
        ({"reference": REFERENCE, "question_text": 5}, batch_scoring.ERROR_BAD_QUESTION_TEXT),
        ({"reference": "the and of"}, batch_scoring.ERROR_REFERENCE_NO_CONCEPTS),
        ({"answer": None, "reference": REFERENCE}, batch_scoring.ERROR_NO_ANSWER),
    ],
)
def test_bad_fields_on_the_reference_path(db, fields, message):
    [result] = run([{"id": "r", "answer": "x", **fields}])
    assert result == {"line": 1, "id": "r", "error": message}


def test_null_level_means_expert(db):
    line = {"id": 1, "reference": REFERENCE, "answer": "A stack is last-in first-out."}
    plain, null_level = run([line, {**line, "level": None}])
    assert plain["score"] == null_level["score"] > 0


def test_question_text_keeps_an_echo_of_the_question_from_earning_credit(db):
    echo = {"id": 1, "reference": REFERENCE, "answer": "A stack overflow happens with a stack."}
    without, with_question = run([echo, {**echo, "question_text": "What is a stack overflow?"}])
    assert with_question["score"] < without["score"]
    assert "stack" not in with_question["matched"] + with_question["missed"]


def test_question_without_active_concepts_is_an_error(bank):
    Concept.objects.filter(question=bank[0]).update(is_active=False)
    [result] = run([{"id": 7, "question": bank[0].slug, "answer": GOOD}])
    assert result == {
        "line": 1,
        "id": 7,
        "error": batch_scoring.ERROR_NO_CONCEPTS.format(value=f'"{bank[0].slug}"'),
    }


def test_ambiguous_question_text_asks_for_slug_or_id(bank):
    docker_question = bank[0]
    docker_question.pk = None
    docker_question.slug = "same-text-again"
    docker_question.uid = uuid.uuid4()
    docker_question.save()
    [result] = run([{"id": 1, "question": docker_question.text, "answer": GOOD}])
    assert "matches several questions" in result["error"]


@pytest.mark.parametrize(
    "raw",
    [
        b'{"id": 1, "answer": "\xff\xfe", "reference": "x"}',
        b'{"id": 1e400, "answer": "x", "question": "nul\\u0000"}',
        b'{"id": 1, "answer": "x", "question": "' + "²".encode() + b'"}',
        b'{"id": 1, "answer": "x", "question": "' + b"9" * 5000 + b'"}',
        b'{"id": 1, "answer": "x", "question": true}',
        b'{"id": 1, "answer": "<script>alert(1)</script> \xf0\x9f\x90\xb3", "question": [1]}',
        b'{"id": NaN, "answer": "x", "question": 1}',
    ],
)
def test_hostile_lines_give_error_objects(bank, raw):
    [result] = list(score_lines(read_lines(io.BytesIO(raw))))
    assert result["line"] == 1
    assert "error" in result
    json.dumps(result, allow_nan=False)


def test_over_long_line_is_skipped_without_reading_it_whole(db):
    stream = io.BytesIO(b'{"id": 1, "answer": "' + b"a" * 5000 + b'"}\n{"id": 2}\n')
    results = list(score_lines(read_lines(stream, limit=1000)))
    assert results[0] == {"line": 1, "id": None, "error": batch_scoring.ERROR_LINE_TOO_LONG}
    assert results[1]["line"] == 2


def test_one_failed_line_of_one_is_said_in_the_singular(bank, tmp_path):
    _, error = command(tmp_path, [{"id": 1, "question": "nope", "answer": GOOD}])
    assert str(error) == "1 of 1 line failed; see their error objects."


def test_command_writes_json_lines_and_exits_non_zero_when_a_line_failed(bank, tmp_path):
    results, error = command(
        tmp_path,
        [
            {"id": 1, "question": bank[0].slug, "answer": GOOD},
            {"id": 2, "question": "nope", "answer": GOOD},
            {"id": 3, "reference": REFERENCE, "answer": "Push and pop on a stack."},
        ],
    )
    assert [r["id"] for r in results] == [1, 2, 3]
    assert "error" in results[1] and "score" in results[2]
    assert error is not None
    assert error.returncode == 1
    assert "1 of 3 lines failed" in str(error)


def test_command_succeeds_when_every_line_scores(bank, tmp_path):
    results, error = command(tmp_path, [{"id": 1, "question": bank[0].slug, "answer": GOOD}])
    assert error is None
    assert results[0]["score"] > 0


def test_command_reports_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match="Cannot read") as raised:
        call_command("score_answers", str(tmp_path / "missing.jsonl"))
    assert raised.value.returncode == 2


def manage(tmp_path, *args, stdin: bytes = b"") -> subprocess.CompletedProcess:
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        check=False,
    )


def test_unmigrated_database_is_a_message_not_a_traceback(tmp_path):
    line = json.dumps({"id": 1, "question": "some-slug", "answer": "x"}).encode()
    completed = manage(tmp_path, "score_answers", "-", stdin=line)
    assert completed.returncode == 2
    assert b"run `manage.py migrate`" in completed.stderr
    assert b"Traceback" not in completed.stderr


def test_stdin_dash_in_a_real_process(tmp_path):
    """End to end through manage.py: stdin, stdout, exit status, a fresh SQLite database."""
    assert manage(tmp_path, "migrate", "-v", "0", "--skip-checks").returncode == 0
    lines = [
        {"id": "s1", "reference": REFERENCE, "answer": "Push adds on top, pop takes from the top."},
        {"id": "s2", "question": "unknown", "answer": "x"},
    ]
    stdin = "\n".join(json.dumps(line) for line in lines).encode()

    completed = manage(tmp_path, "score_answers", "-", stdin=stdin)

    results = [json.loads(line) for line in completed.stdout.decode().splitlines()]
    assert [r["id"] for r in results] == ["s1", "s2"]
    assert results[0]["score"] > 0
    assert results[1]["line"] == 2 and "error" in results[1]
    assert completed.returncode == 1
    assert b"Traceback" not in completed.stderr


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(), children),
    max_leaves=6,
)
records = st.fixed_dictionaries(
    {},
    optional={
        "id": json_values,
        "answer": st.text(max_size=200) | json_values,
        "question": st.sampled_from(["docker-image-layers", "1", "nope", ""]) | json_values,
        "reference": st.just(REFERENCE) | json_values,
        "level": st.sampled_from(["expert", "beginner", "guru"]) | json_values,
    },
)
lines = st.lists(
    records.map(json.dumps) | st.text(max_size=40).filter(lambda t: "\n" not in t), max_size=6
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=lines)
def test_any_input_gives_one_valid_json_object_per_non_blank_line(bank, lines):
    stream = io.BytesIO("\n".join(lines).encode("utf-8", "surrogatepass"))

    results = list(score_lines(read_lines(stream)))

    expected = [n for n, line in enumerate(lines, start=1) if line.strip()]
    assert [r["line"] for r in results] == expected
    for result in results:
        json.dumps(result, allow_nan=False)
        if "error" in result:
            assert set(result) == {"line", "id", "error"}
        else:
            assert 0 <= result["score"] <= 100


def test_deeply_nested_lines_get_their_error_and_the_run_carries_on(bank, tmp_path):
    from content.json_input import NESTED_TOO_DEEP

    good = {"id": "after", "question": bank[0].slug, "answer": GOOD}
    results, error = command(
        tmp_path,
        [
            "[" * 200_000,  # a 200 KB line: a RecursionError that ended the run before
            '{"id": "deep", "answer": "x", "question": ' + "[" * 100 + "]" * 100 + "}",
            good,
        ],
    )

    # Every line was read and answered; the exit status only says some failed.
    assert str(error) == "2 of 3 lines failed; see their error objects."
    assert [result["line"] for result in results] == [1, 2, 3]
    assert results[0] == {
        "line": 1,
        "id": None,
        "error": batch_scoring.ERROR_NOT_JSON.format(detail=NESTED_TOO_DEEP),
    }
    assert results[1]["error"] == batch_scoring.ERROR_NOT_JSON.format(detail=NESTED_TOO_DEEP)
    assert results[2]["id"] == "after" and "score" in results[2]
