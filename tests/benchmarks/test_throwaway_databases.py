"""The benchmarks that make a throwaway SQLite database remove it, and the bank file, when done."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "command",
    [
        ["benchmarks/bank_import.py", "--questions", "3", "--short"],
        ["benchmarks/learning_pages.py", "--questions", "12", "--attempts", "20", "--runs", "1"],
        [
            "benchmarks/list_pages.py",
            *("--interviewer-sessions", "4", "--candidate-sessions", "4", "--questions", "3"),
            *("--runs", "1"),
        ],
    ],
    ids=["bank_import", "learning_pages", "list_pages"],
)
def test_the_benchmark_leaves_nothing_in_the_temporary_folder(command, tmp_path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL"))
    }
    env["TMPDIR"] = str(tmp_path)

    result = subprocess.run(
        [sys.executable, *command],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert result.returncode == 0, result.stderr[-2000:]
    assert list(tmp_path.iterdir()) == []
