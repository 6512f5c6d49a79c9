"""The stem-vector table and the reference similarity measure built on it."""

import gzip
from array import array
from functools import cache
from math import sqrt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from content.scoring import Concept, score, vectors
from content.scoring.text import stem, tokenize
from content.scoring.vectors import DIMENSIONS, centroid, reference_similarity, vector_table

REFERENCE = ("Containers share the host kernel and are isolated with namespaces and cgroups.",)
CONCEPTS = (Concept("shared kernel"), Concept("namespaces"), Concept("cgroups"))


@cache
def plain_vectors() -> dict[str, list[int]]:
    """The table read the obvious way: signed bytes, DIMENSIONS per stem."""
    _, names, payload = gzip.decompress(vectors.TABLE_PATH.read_bytes()).split(b"\n", 2)
    values = array("b", payload)
    return {
        s: list(values[i * DIMENSIONS : (i + 1) * DIMENSIONS])
        for i, s in enumerate(names.decode("ascii").split(" "))
    }


def test_the_table_ships_small_and_its_vectors_have_unit_length() -> None:
    assert vectors.TABLE_PATH.stat().st_size < 1_500_000
    table = plain_vectors()
    assert len(table) > 10_000 and len(vector_table()) == len(table)
    lengths = [sqrt(sum(v * v for v in table[s])) for s in ("contain", "kernel", "fast")]
    assert max(lengths) - min(lengths) < 0.05 * max(lengths)


def test_packed_sums_equal_the_plain_sums_of_the_signed_vectors() -> None:
    table = plain_vectors()
    stems = ["contain", "kernel", "namespac", "fast", "slow", "isol", "unknownword"]
    total, length = centroid(stems + stems)  # each distinct stem counts once
    expected = [
        sum(column) for column in zip(*(table[s] for s in stems if s in table), strict=True)
    ]
    assert total == expected
    assert length == pytest.approx(sqrt(sum(v * v for v in expected)))
    assert centroid(["unknownword"]) is None and centroid([]) is None


@settings(max_examples=100, deadline=None)
@given(picks=st.lists(st.integers(min_value=0, max_value=10_000), max_size=400))
def test_the_signed_sums_read_from_the_packed_sum_are_the_plain_sums(picks: list[int]) -> None:
    # centroid reads the signed sums out of the packed sum with a bias and a flip of each
    # field's top bit: the same sums, and the same length, as adding the signed bytes, for up
    # to hundreds of stems (sums far below and above zero).
    table = plain_vectors()
    names = sorted(table)
    stems = {names[pick] for pick in picks}
    found = centroid(stems)
    if not stems:
        assert found is None
        return
    expected = [sum(column) for column in zip(*(table[s] for s in stems), strict=True)]
    assert found == (expected, sqrt(sum(v * v for v in expected)))


def cos(a: str, b: str) -> float:
    (x, lx), (y, ly) = centroid([stem(a)]), centroid([stem(b)])
    return sum(p * q for p, q in zip(x, y, strict=True)) / (lx * ly)


def test_words_close_in_meaning_have_close_vectors() -> None:
    assert cos("fast", "quick") > cos("fast", "banana") + 0.3
    assert cos("kernel", "cpu") > cos("kernel", "cheese")


def test_a_paraphrase_is_close_to_the_model_answer_and_an_off_topic_answer_is_not() -> None:
    asked = frozenset()
    paraphrase = "They use the same operating system core as the machine, kept apart by namespaces."
    found = reference_similarity(tokenize(paraphrase), REFERENCE, asked)
    off_topic = reference_similarity(
        tokenize("I like pizza with cheese and tomato."), REFERENCE, asked
    )
    assert found > 0.4 and off_topic == 0.0
    assert reference_similarity(tokenize(""), REFERENCE, asked) == 0.0
    assert reference_similarity(tokenize(REFERENCE[0]), REFERENCE, asked) == pytest.approx(1.0)
    assert reference_similarity(tokenize("anything"), (), asked) is None


def test_question_words_do_not_count() -> None:
    asked = frozenset({"contain", "kernel"})
    echo = tokenize("Containers and the kernel.")
    assert reference_similarity(echo, REFERENCE, asked) == 0.0
    assert reference_similarity(echo, REFERENCE, frozenset()) > 0.0


def test_the_best_model_answer_counts() -> None:
    answer = tokenize("Layers are cached and reused between builds.")
    alone = reference_similarity(answer, REFERENCE, frozenset())
    both = reference_similarity(answer, (*REFERENCE, "Docker caches image layers."), frozenset())
    assert both > alone


def test_the_score_reports_the_similarity_and_at_least_the_word_coverage() -> None:
    answer = "The same operating system core is used, kept apart by namespaces."
    given = score(answer, CONCEPTS, references=REFERENCE)
    found = reference_similarity(tokenize(answer), REFERENCE, frozenset())
    assert given.word_coverage < found
    assert given.reference_similarity == round(found, 4)
    alone = score(answer, CONCEPTS)
    assert alone.reference_similarity == alone.word_coverage > 0
    # Concepts a person added need not be in the model answer's words.
    curated = score("Namespaces and cgroups.", CONCEPTS[1:], references=("Something else.",))
    assert curated.reference_similarity == curated.word_coverage == 1.0
