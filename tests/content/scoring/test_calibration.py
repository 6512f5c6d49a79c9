"""The published calibration: its weights, its evidence measures and the recall of model answers."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from content.scoring import calibration, matching, score, typos
from content.scoring.calibration import (
    FEATURES,
    QUESTION_WORD_WEIGHT,
    calibrated_value,
    curved,
    evidence,
    reference_recall,
    weights,
)
from content.scoring.support import PRECISION_MIN_WORDS, _misspells, support, supported_stems
from content.scoring.text import tokenize
from content.scoring.types import Concept


def test_published_weights_are_non_negative_and_add_up_to_one() -> None:
    published, power = weights()
    assert len(published) == len(FEATURES)
    assert all(w >= 0 for w in published)
    assert math.isclose(sum(published), 1.0, abs_tol=1e-9)
    assert 0 < power <= 1


def test_full_evidence_scores_100_and_none_scores_0() -> None:
    assert calibrated_value((1.0,) * len(FEATURES)) == pytest.approx(100.0)
    assert calibrated_value((0.0,) * len(FEATURES)) == 0.0


@pytest.mark.parametrize("measure", ["elaboration", "sentence_precision"])
def test_elaboration_and_precision_without_coverage_earn_nothing(measure: str) -> None:
    off_topic = evidence(0.0, 0.0, 1.0, 0.0, 0.0, 1.0)
    assert off_topic[FEATURES.index(measure)] == 0.0
    half_gate = evidence(0.1, 0.15, 1.0, 0.0, 0.0, 1.0)
    assert half_gate[FEATURES.index(measure)] == pytest.approx(0.5)


def test_a_mismatched_weights_file_is_refused(tmp_path, monkeypatch) -> None:
    stale = tmp_path / "calibration.json"
    stale.write_text('{"features": ["concept_coverage"], "weights": [1.0], "power": 1.0}')
    monkeypatch.setattr(calibration, "WEIGHTS_PATH", stale)
    weights.cache_clear()
    try:
        with pytest.raises(ValueError, match="not"):
            weights()
    finally:
        weights.cache_clear()


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("Lemons taste sour.", 1.0),
        # "lemon" and "sour" restate the model answer's sentence: "lemon" weighs in full.
        ("A lemon is sour.", 2 / 3),
        ("Sour.", 1 / 2.25),
        ("Lemons are lemons.", 0.25 / 2.25),
        ("Rocks are heavy.", 0.0),
    ],
)
def test_recall_counts_the_model_answers_words_as_written(answer: str, expected: float) -> None:
    # "lemon" is in the question, so it weighs a quarter of "taste" or "sour": 2.25 in all.
    assert QUESTION_WORD_WEIGHT == 0.25
    found = reference_recall(tokenize(answer), ("Lemons taste sour.",), frozenset({"lemon"}))
    assert found == pytest.approx(expected)


LIFECYCLE = ("Docker creates a container from an image but does not start it.",)
# The question's words: "container", "start" and "stop" weigh a quarter in the recall.
LIFECYCLE_ASKED = frozenset({"contain", "start", "stop"})


def test_question_words_restating_a_model_sentence_weigh_in_full() -> None:
    # Model-answer words: docker, creat, image (1 each), contain, start (a quarter each): 3.5.
    restated = tokenize("You create a container from an image, then you start it.")
    found = reference_recall(restated, LIFECYCLE, LIFECYCLE_ASKED)
    assert found == pytest.approx(4 / 5)
    # The same words without the sentence that restates: the question words weigh a quarter.
    apart = tokenize("You create an image. A container can start.")
    assert reference_recall(apart, LIFECYCLE, LIFECYCLE_ASKED) == pytest.approx(2.5 / 3.5)


@pytest.mark.parametrize(
    "answer",
    [
        # Only question words: an echo of the question restates nothing.
        "A container can start and stop.",
        # "Docker" is no question word, but the sentence shares less than half its words
        # with the model sentence.
        "Docker lets a container start quickly, stop safely and restart automatically.",
        # The question's words and "Docker": one of the model sentence's three own words.
        "With Docker a container can start and stop.",
    ],
)
def test_echoing_the_question_keeps_question_words_demoted(answer: str) -> None:
    said = 1.0 if "Docker" in answer else 0.0
    expected = (said + 0.5) / 3.5  # "contain" and "start" a quarter each
    assert reference_recall(tokenize(answer), LIFECYCLE, LIFECYCLE_ASKED) == pytest.approx(expected)


def test_a_bare_list_restates_nothing() -> None:
    listed = tokenize("docker, container, image, start, create")
    factors = matching.sentence_factors(listed)
    assert factors[0] < 1.0
    found = reference_recall(listed, LIFECYCLE, LIFECYCLE_ASKED, factors)
    assert found == pytest.approx(factors[0] * 1.0)  # 3.5 of 3.5 at the list's share


def test_a_model_answer_made_of_question_words_is_still_recalled() -> None:
    # The question names both options; the model answer picks one of them.
    asked = frozenset({"food", "contain", "acid", "sugar"})
    references = ("The food contains sugar.",)
    right = reference_recall(tokenize("It has sugar in it."), references, asked)
    wrong = reference_recall(tokenize("It has acid in it."), references, asked)
    assert right == pytest.approx(1 / 3)
    assert wrong == 0.0


def test_recall_takes_the_best_model_answer_and_credits_neighbours() -> None:
    references = ("The train is fast.", "Trains run on rails.")
    asked = frozenset({"train"})
    assert reference_recall(tokenize("Trains run on rails."), references, asked) == 1.0
    assert reference_recall(tokenize("It runs on rails."), references, asked) == pytest.approx(
        2 / 2.25
    )
    soft = reference_recall(tokenize("It is quick."), ("The train is fast.",), asked)
    assert 0.0 < soft < 1.0


def test_without_model_answers_recall_is_the_word_coverage() -> None:
    concepts = (Concept("union file system"), Concept("copy on write"))
    result = score("Images use a union file system.", concepts)
    assert reference_recall(tokenize("anything"), (), frozenset()) is None
    assert result.reference_recall == result.word_coverage


def test_concepts_outside_the_model_answers_still_count_in_full() -> None:
    # An interviewer's concepts need not be words of the model answers.
    concepts = (Concept("image"), Concept("container"))
    result = score(
        "Build an image, then run the image as a container.",
        concepts,
        references=("An expert answer.", "A beginner answer."),
    )
    assert result.reference_recall == 1.0
    assert result.value >= 85


@pytest.mark.parametrize("power", [0.5, 1.0])
def test_the_curve_runs_from_0_to_1_and_never_falls(power: float) -> None:
    points = [curved(k / 100, power) for k in range(101)]
    assert points[0] == 0.0
    assert points[-1] == pytest.approx(1.0)
    assert all(a < b for a, b in zip(points, points[1:], strict=False))


def test_one_chance_word_in_a_hundred_earns_little() -> None:
    assert curved(0.01, 0.5) < 0.05


def test_words_named_only_in_a_bare_list_earn_the_list_share_of_recall() -> None:
    references = ("Containers use a shared kernel with namespaces and cgroups.",)
    asked = frozenset()
    listed = tokenize("kernel, namespaces, cgroups, containers")
    said = tokenize("Containers use the kernel with namespaces and cgroups.")
    factors = matching.sentence_factors(listed)
    assert factors == [pytest.approx(matching.LIST_FLOOR)]
    # Prose keeps its full recall.
    assert reference_recall(said, references, asked) == reference_recall(
        said, references, asked, matching.sentence_factors(said)
    )
    assert reference_recall(listed, references, asked, factors) == pytest.approx(
        matching.LIST_FLOOR * reference_recall(listed, references, asked)
    )


RECURSION = ("Recursion is when a function calls itself.",)


def test_a_misspelt_model_answer_word_earns_a_neighbours_share_of_recall() -> None:
    # Model-answer words: recursion, function, call. "funtion" is one edit from "function".
    misspelt = reference_recall(tokenize("A funtion that calls itself."), RECURSION, frozenset())
    assert misspelt == pytest.approx((calibration.SOFT_RECALL_SCALE + 1.0) / 3)
    as_written = reference_recall(tokenize("A function that calls itself."), RECURSION, frozenset())
    assert as_written == pytest.approx(2 / 3)


def test_a_short_word_or_a_real_different_word_is_no_misspelling() -> None:
    # "haep" is one edit from "heap" but too short to tell from another word.
    short = reference_recall(tokenize("The haep grows."), ("The heap grows.",), frozenset())
    assert short == pytest.approx(1 / 2)
    # "junction" is one edit from "function", but a word of its own.
    assert typos.closest("junction", ["function"]) == "function"
    real = reference_recall(tokenize("A junction that calls itself."), RECURSION, frozenset())
    assert real == pytest.approx(1 / 3)


# Stems zero, one or two edits apart, short ones (no edit, or one) and long ones (two).
STEMS = st.sampled_from(
    [
        "aaaa",
        "aaaaa",
        "aaaab",
        "aabaa",
        "baaaa",
        "aaaaaa",
        "aaaaaaaa",
        "aaaaaaab",
        "aabaaaab",
        "bbaaaaaa",
        "aaaaaaaaa",
    ]
)


@settings(max_examples=500, deadline=None)
@given(
    word_stem=STEMS,
    targets=st.lists(STEMS, max_size=8, unique=True),
    open_marks=st.lists(st.booleans(), min_size=8, max_size=8),
)
def test_the_first_open_ranked_candidate_is_the_closest_open_target(
    word_stem: str, targets: list[str], open_marks: list[bool]
) -> None:
    # The recall ranks a model answer's words once per misspelt stem and then takes the first
    # one not credited yet: that must be what the typo search over the open words finds.
    open_words = [t for t, is_open in zip(targets, open_marks, strict=False) if is_open]
    ranked = typos.Candidates(targets).of(word_stem)
    assert next((t for t in ranked if t in open_words), None) == typos.closest(
        word_stem, open_words
    )


def test_a_misspelt_model_answer_word_counts_as_backed_in_the_sentence_precision() -> None:
    supported = supported_stems(RECURSION)
    misspelt = support(tokenize("Recursion: a funtion calling itself."), {}, frozenset(), supported)
    assert misspelt[:2] == (1.0, 1.0)
    real = support(tokenize("Recursion: a junction calling itself."), {}, frozenset(), supported)
    assert real[:2] == pytest.approx((2 / 3, 2 / 3))


def _support_word_by_word(tokens, where, asked, supported) -> tuple[float, float, list[int]]:
    # The support precision as first written: three per-sentence counts moved word by word.
    found = {index for positions in where.values() for index in positions}
    backed_in = [0] * len(tokens.sentence_content)
    own_backed = [0] * len(tokens.sentence_content)
    own_total = [0] * len(tokens.sentence_content)
    for index, word_stem in enumerate(tokens.stems):
        if tokens.stop[index]:
            continue
        at = tokens.sentence[index]
        if index in found or word_stem in supported or _misspells(word_stem, supported):
            backed_in[at] += 1
            own_backed[at] += word_stem not in asked
        own_total[at] += word_stem not in asked
    best = max(
        (b / max(t, PRECISION_MIN_WORDS) for b, t in zip(own_backed, own_total, strict=True) if t),
        default=0.0,
    )
    total = sum(own_total)
    return (sum(own_backed) / total if total else 0.0), best, backed_in


SUPPORT_WORDS = ("function", "funtion", "calls", "itself", "junction", "recursion", "base", "the")


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from((*SUPPORT_WORDS, ".", ",")), max_size=14),
    found=st.sets(st.integers(0, 14), max_size=4),
    asked=st.sets(st.sampled_from(["recurs", "function", "base"]), max_size=2),
)
def test_the_support_precision_is_the_words_counted_one_by_one(
    words: list[str], found: set[int], asked: set[str]
) -> None:
    tokens = tokenize(" ".join(words))
    supported = supported_stems(RECURSION)
    where = {"x": sorted(found)}
    expected = _support_word_by_word(tokens, where, frozenset(asked), supported)
    assert support(tokens, where, frozenset(asked), supported) == expected


# Answers made of stopwords, content words (one stem in two forms) and sentence marks.
ANSWER_WORDS = st.sampled_from(["the", "a", "image", "images", "runs", "run", "Docker", ".", "\n"])


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(ANSWER_WORDS, max_size=30),
    levels=st.lists(st.sampled_from([0.0, 0.2, 0.5, 1.0]), min_size=30, max_size=30),
)
def test_the_used_stems_are_each_content_word_at_its_sentences_highest_factor(
    words: list[str], levels: list[float]
) -> None:
    # The recall reads the answer sentence by sentence; that must credit each content stem as a
    # walk over the words would: first use first, at the highest factor of its sentences, and
    # not at all when its only sentences have factor 0.
    tokens = tokenize(" ".join(words))
    factors = levels[: len(tokens.sentence_content)]
    expected: dict[str, float] = {}
    for word_stem, sentence, stop in zip(tokens.stems, tokens.sentence, tokens.stop, strict=True):
        if not stop and expected.get(word_stem, 0.0) < factors[sentence]:
            expected[word_stem] = factors[sentence]
    sentences = calibration._sentence_content(tokens)
    assert list(calibration._used_stems(sentences, factors).items()) == list(expected.items())
    full = calibration._used_stems(sentences, None)
    assert list(full.items()) == list(
        calibration._used_stems(sentences, [1.0] * len(sentences)).items()
    )
