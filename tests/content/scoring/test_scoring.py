"""Table-driven robustness cases for matching and scoring."""

import dataclasses

import pytest

from content.scoring import (
    ANSWER_TOO_LONG_MESSAGE,
    MAX_ANSWER_CHARS,
    AnswerTooLong,
    Concept,
    ConceptHit,
    Score,
    score,
)
from content.scoring.scoring import _concept_hit

QUESTION = "How do Docker containers isolate applications from each other and from the host?"

CONCEPTS = (
    Concept("namespaces", ("namespace",), 1.0, "core"),
    Concept("control groups", ("cgroups", "cgroup", "control group"), 1.0, "core"),
    Concept("shared kernel", ("share the kernel", "kernel sharing"), 0.9, "core"),
    Concept("union file system", ("union filesystem", "UnionFS"), 0.8, "advanced"),
    Concept("copy-on-write", ("CoW", "copy on write"), 0.8, "advanced"),
    Concept("virtual machine", ("VM", "VMs"), 0.6, "core"),
    Concept("multi-stage build", ("multistage build",), 0.6, "advanced"),
    Concept("seccomp profiles", ("seccomp",), 0.5, "advanced"),
)

EXPLANATION = (
    "Each container gets its own namespaces, so it has a private view of processes and the "
    "network. Control groups limit how much CPU and memory it can use. All containers share "
    "the kernel of the host, unlike a virtual machine, and images are stacked in a union file "
    "system that uses copy-on-write."
)


def labels(result: Score) -> set[str]:
    return {hit.label for hit in result.matched}


@pytest.mark.parametrize(
    ("case", "answer", "label"),
    [
        ("case", "Docker relies on NAMESPACES for isolation.", "namespaces"),
        ("inflection", "Each container has its own namespace for isolation.", "namespaces"),
        ("abbreviation", "Docker limits memory with cgroups for each container.", "control groups"),
        ("expansion", "Docker limits memory with control groups per container.", "control groups"),
        ("abbreviation CoW", "Layers are shared and CoW keeps them intact.", "copy-on-write"),
        (
            "hyphen as space",
            "Files are copied on change: copy on write semantics.",
            "copy-on-write",
        ),
        ("joined", "A multistage build keeps the final image small.", "multi-stage build"),
        ("split", "A multi stage build keeps the final image small.", "multi-stage build"),
        (
            "joined compound",
            "Images are stacked in a union filesystem of layers.",
            "union file system",
        ),
        ("word order", "The kernel is shared by every container on the host.", "shared kernel"),
        ("plural", "The host kernel is shared with all containers, unlike VMs.", "virtual machine"),
        ("typo", "Docker uses namespcaes to keep processes apart.", "namespaces"),
        ("typo long", "Limits come from the controll groups of the kernel.", "control groups"),
        ("variant", "The kernel sharing makes containers start fast.", "shared kernel"),
    ],
)
def test_concept_is_matched(case: str, answer: str, label: str) -> None:
    assert label in labels(score(answer, CONCEPTS)), case


@pytest.mark.parametrize(
    ("answer", "label"),
    [
        ("Docker uses namescape.", "namespaces"),  # short-ish word: two edits is too many
        ("A VM is heavy; that is all I know.", "shared kernel"),
        ("The cgroup of the vim editor.", "virtual machine"),  # 'vim' is not 'VM'
    ],
)
def test_concept_is_not_matched(answer: str, label: str) -> None:
    assert label not in labels(score(answer, CONCEPTS))


def test_typos_are_never_forgiven_on_short_words() -> None:
    concepts = (Concept("heap"), Concept("stack"))
    assert score("It uses a heat and a stock.", concepts).matched == ()


def test_match_spans_point_into_the_original_answer() -> None:
    answer = "Isolation?  It's done by  <b>Namespaces</b> and by Control\u00a0Groups (cgroups)."
    result = score(answer, CONCEPTS)
    spans = {hit.label: answer[hit.start : hit.end] for hit in result.matched}
    assert spans["namespaces"] == "Namespaces"
    assert spans["control groups"] in {"Control\u00a0Groups", "cgroups"}


def test_word_order_window_spans_the_words_in_the_answer() -> None:
    answer = "The kernel is shared by every container."
    hit = next(h for h in score(answer, CONCEPTS).matched if h.label == "shared kernel")
    assert answer[hit.start : hit.end] == "kernel is shared"


def test_words_far_apart_do_not_make_a_phrase() -> None:
    answer = (
        "The kernel schedules every process on the machine in turn and then, much later on, "
        "after many other unrelated things happen, files get shared."
    )
    result = score(answer, CONCEPTS)
    assert "shared kernel" not in labels(result)


@pytest.mark.parametrize(
    "answer",
    [
        "Containers do not use namespaces.",
        "Containers don't use namespaces at all.",
        "There are no namespaces involved.",
        "Docker never relies on namespaces.",
        "Isolation works without namespaces.",
    ],
)
def test_negated_concept_earns_no_credit(answer: str) -> None:
    result = score(answer, CONCEPTS)
    assert "namespaces" not in labels(result)
    assert "namespaces" in result.negated
    assert result.value == 0.0


def test_negation_stops_at_the_clause_boundary() -> None:
    result = score("Containers are not virtual machines, but they use namespaces.", CONCEPTS)
    assert "namespaces" in labels(result)
    assert "virtual machine" not in labels(result)


def test_not_only_affirms() -> None:
    result = score("Docker uses not only namespaces but also cgroups.", CONCEPTS)
    assert {"namespaces", "control groups"} <= labels(result)


def test_concept_stated_negatively_in_the_model_answer_matches_a_negative_answer() -> None:
    concepts = (Concept("hypervisor", negated=True), Concept("namespaces"))
    assert "hypervisor" in labels(score("Containers need no hypervisor.", concepts))
    assert "hypervisor" not in labels(score("Containers need a hypervisor.", concepts))


def test_keyword_stuffing_scores_clearly_below_an_explanation() -> None:
    stuffed = "namespaces, cgroups, shared kernel, VM, union file system, copy-on-write"
    explained = score(EXPLANATION, CONCEPTS).value
    listed = score(stuffed, CONCEPTS).value
    assert listed < 0.7 * explained
    assert explained > 60


@pytest.mark.parametrize(
    ("case", "answer"),
    [
        ("empty", ""),
        ("whitespace", "   \n\t "),
        ("off-topic", "I enjoy hiking in the mountains and baking bread on Sundays."),
        ("question echo", QUESTION),
        ("echo rephrased", "Docker containers isolate applications from each other and the host."),
        ("html and script", "<script>alert('x')</script><img src=x onerror=alert(1)>"),
        ("emoji", "\U0001f433\U0001f680\u2728 " * 50),
        ("control characters", "\x00\x01\x02\u200b\ufeff" * 100),
        ("sql", "'; DROP TABLE concepts; --"),
        ("digits", "1234567890 " * 500),
    ],
)
def test_answers_without_content_score_near_zero(case: str, answer: str) -> None:
    result = score(answer, CONCEPTS, question=QUESTION)
    assert 0.0 <= result.value <= 5.0, case
    assert result.level_estimate == "below beginner"


def test_hostile_text_around_a_concept_still_finds_it() -> None:
    answer = "<script>alert(1)</script> \U0001f433 It uses <i>namespaces</i>! \u202e"
    result = score(answer, CONCEPTS)
    assert "namespaces" in labels(result)


def test_answer_at_the_cap_is_scored_quickly_and_over_the_cap_is_refused() -> None:
    at_cap = ("namespaces and cgroups " * MAX_ANSWER_CHARS)[:MAX_ANSWER_CHARS]
    assert score(at_cap, CONCEPTS).value > 0
    with pytest.raises(AnswerTooLong) as raised:
        score("x" * 100_000, CONCEPTS)
    assert str(raised.value) == ANSWER_TOO_LONG_MESSAGE


def test_full_explanation_scores_high_and_reads_as_expert() -> None:
    result = score(EXPLANATION + " Multi-stage builds and seccomp profiles help too.", CONCEPTS)
    assert result.value >= 80
    assert result.missed == ()
    assert result.level_estimate == "expert"


def test_level_estimate_follows_core_and_advanced_coverage() -> None:
    beginner = (
        "Containers get their own namespaces and control groups limit their resources. "
        "They share the kernel of the host instead of running a full virtual machine."
    )
    assert score(beginner, CONCEPTS).level_estimate == "beginner"
    assert score("Something about namespaces.", CONCEPTS).level_estimate == "below beginner"


def test_beginner_level_judges_core_concepts_only() -> None:
    beginner = (
        "Containers get their own namespaces and control groups limit their resources. "
        "They share the kernel of the host instead of running a full virtual machine."
    )
    as_beginner = score(beginner, CONCEPTS, level="beginner")
    as_expert = score(beginner, CONCEPTS, level="expert")
    assert as_beginner.value > as_expert.value
    assert all(concept.tier == "core" for concept in as_beginner.missed)


def test_feedback_names_the_most_important_missed_concepts() -> None:
    result = score("Containers get their own namespaces.", CONCEPTS)
    assert "control groups" in result.feedback
    assert "shared kernel" in result.feedback
    assert "namespaces" not in result.feedback
    assert [c.label for c in result.missed][:2] == ["control groups", "shared kernel"]


def test_partial_credit_for_part_of_a_phrase() -> None:
    full = score("Images live in a union file system.", CONCEPTS).value
    part = score("Images live in a file system.", CONCEPTS).value
    assert 0 < part < full


def test_score_value_is_rounded_and_bounded() -> None:
    result = score(EXPLANATION, CONCEPTS)
    assert result.value == round(result.value, 1)
    assert 0 <= result.value <= 100


def test_no_concepts_gives_zero_with_a_message() -> None:
    result = score("Anything at all.", ())
    assert result.value == 0.0
    assert result.feedback


def test_deterministic() -> None:
    first = [score(EXPLANATION, CONCEPTS, question=QUESTION) for _ in range(3)]
    assert first[0] == first[1] == first[2]


def test_variants_given_as_a_list_are_accepted() -> None:
    concepts = (Concept("control groups", ["cgroups"]),)  # type: ignore[arg-type]
    assert labels(score("It uses cgroups.", concepts)) == {"control groups"}


def test_hits_built_by_the_scorer_are_ordinary_frozen_concept_hits() -> None:
    # The scorer sets a ConceptHit's slots directly for speed; the object must be the same as
    # one made by the dataclass, and stay frozen.
    fast, usual = _concept_hit("namespaces", 3, 13, 0.8), ConceptHit("namespaces", 3, 13, 0.8)
    assert fast == usual and hash(fast) == hash(usual) and repr(fast) == repr(usual)
    assert dataclasses.asdict(fast) == dataclasses.asdict(usual)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.start = 0  # type: ignore[misc]
