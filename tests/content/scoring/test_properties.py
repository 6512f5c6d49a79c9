"""Property tests: bounds, monotonicity when a further concept is stated, determinism."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from content.scoring import MAX_ANSWER_CHARS, Concept, extract_concepts, grouping, score
from tests.content.scoring.fixtures_docker import BEGINNER_ANSWER, EXPERT_ANSWER, QUESTION

CONCEPTS = (
    Concept("namespaces", ("namespace",), 1.0, "core"),
    Concept("control groups", ("cgroups",), 1.0, "core"),
    Concept("shared kernel", ("kernel sharing",), 0.9, "core"),
    Concept("union file system", ("union filesystem",), 0.8, "advanced"),
    Concept("copy-on-write", ("CoW",), 0.8, "advanced"),
    Concept("virtual machine", ("VM",), 0.6, "core"),
    Concept("image layers", ("layered image",), 0.7, "advanced"),
)

SENTENCES = (
    "Each container runs in its own namespaces.",
    "Control groups limit the memory a container may use.",
    "All containers share the kernel of the host.",
    "Images are stacked in a union file system.",
    "Files are copied only when written, which is copy-on-write.",
    "A virtual machine boots a whole guest system instead.",
    "Every image is made of read-only image layers.",
    "I think the weather is nice today.",
    "Docker is popular.",
    "Containers do not use namespaces.",
)

FURTHER = {
    "namespaces": "It also gives every container its own namespaces.",
    "control groups": "It also relies on control groups to cap resources.",
    "shared kernel": "It also means the containers share the kernel.",
    "union file system": "It also keeps images in a union file system.",
    "copy-on-write": "It also copies files with copy-on-write.",
    "virtual machine": "It also differs from a virtual machine.",
    "image layers": "It also builds images from image layers.",
}

words = st.sampled_from(
    [
        "the",
        "a",
        "container",
        "namespaces",
        "kernel",
        "not",
        "no",
        "cgroups",
        "layer",
        "image",
        "VM",
        "host",
        "process",
        "memory",
        "is",
        "uses",
        "and",
        "but",
        "never",
        "shared",
        "union",
        "file",
        "system",
        "copy",
        "on",
        "write",
        "<b>",
        "</b>",
        "🐳",
        ",",
        ".",
        ";",
    ]  # noqa: SIM905
)
free_text = st.one_of(
    st.text(max_size=400),
    st.lists(words, max_size=80).map(" ".join),
    st.lists(st.sampled_from(SENTENCES), max_size=8).map(" ".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer=free_text, level=st.sampled_from(["expert", "beginner"]))
def test_score_stays_within_bounds(answer: str, level: str) -> None:
    result = score(answer, CONCEPTS, level=level)
    assert 0.0 <= result.value <= 100.0
    assert 0.0 <= result.concept_coverage <= 1.0
    assert 0.0 <= result.word_coverage <= 1.0
    for hit in result.matched:
        assert 0 <= hit.start < hit.end <= len(answer)


@settings(max_examples=300, deadline=None)
@given(
    sentences=st.lists(st.sampled_from(SENTENCES), max_size=6),
    further=st.sampled_from(sorted(FURTHER)),
)
def test_stating_a_further_concept_never_lowers_the_score(
    sentences: list[str], further: str
) -> None:
    answer = " ".join(sentences)
    before = score(answer, CONCEPTS)
    after = score(f"{answer} {FURTHER[further]}".strip(), CONCEPTS)
    assert after.value >= before.value
    assert further in {hit.label for hit in after.matched}


@settings(max_examples=100, deadline=None)
@given(answer=free_text)
def test_same_input_same_output(answer: str) -> None:
    assert score(answer, CONCEPTS) == score(answer, CONCEPTS)


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=2000))
def test_extraction_never_fails_and_is_deterministic(text: str) -> None:
    concepts = extract_concepts(text)
    assert concepts == extract_concepts(text)
    assert len(concepts) <= 20
    assert all(c.label and 0 < c.weight <= 1 for c in concepts)


@settings(max_examples=20, deadline=None)
@given(noise=st.text(min_size=1, max_size=50))
def test_long_answers_up_to_the_cap_are_scored(noise: str) -> None:
    answer = (noise * (MAX_ANSWER_CHARS // len(noise) + 1))[:MAX_ANSWER_CHARS]
    assert 0.0 <= score(answer, CONCEPTS).value <= 100.0


EXTRACTED = extract_concepts(EXPERT_ANSWER, beginner_answer=BEGINNER_ANSWER, question=QUESTION)


@settings(max_examples=200, deadline=None)
@given(
    start=st.integers(min_value=0, max_value=len(BEGINNER_ANSWER)),
    length=st.integers(min_value=0, max_value=600),
    concept=st.sampled_from(EXTRACTED),
)
def test_extracted_concepts_never_lose_score_when_a_concept_is_added(
    start: int, length: int, concept: Concept
) -> None:
    answer = BEGINNER_ANSWER[start : start + length].strip()
    before = score(answer, EXTRACTED, question=QUESTION)
    after = score(f"{answer}. Another point is the {concept.label}.", EXTRACTED, question=QUESTION)
    assert after.value >= before.value


@settings(max_examples=300, deadline=None)
@given(
    positions=st.lists(
        st.integers(min_value=0, max_value=80), min_size=2, max_size=60, unique=True
    ),
    split=st.data(),
    window=st.integers(min_value=2, max_value=8),
)
def test_two_word_groups_are_the_general_groups(positions: list[int], split, window: int) -> None:
    # The shortcut for two-word phrases must give the same candidates, in the same order, as the
    # grouping for any number of words. Each word's positions are sorted and the words' disjoint.
    mine = split.draw(st.lists(st.booleans(), min_size=len(positions), max_size=len(positions)))
    first = sorted(p for p, is_first in zip(positions, mine, strict=True) if is_first)
    second = sorted(p for p, is_first in zip(positions, mine, strict=True) if not is_first)
    # Sentence breaks at random word positions: a group never spans two sentences.
    breaks = split.draw(st.lists(st.integers(min_value=0, max_value=80), max_size=6))
    sentence = [sum(1 for b in breaks if b <= index) for index in range(81)]
    if first and second:
        for words in (2, 3):
            general = list(grouping.any_groups([first, second], window, words, sentence))
            pair = list(grouping.pair_groups(first, second, window, words, sentence))
            assert pair == general
            for _, group in general:
                assert len({sentence[i] for i in group}) == 1
