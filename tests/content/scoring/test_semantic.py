"""The optional semantic layer: the numpy encoder, the blend and its guards.

The encoder tests need the extra (`make install-semantic`, which `make install-test` runs), so
they run in `make test`; where it is missing they are skipped with a reason that -ra prints.
"""

import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from content.scoring import (
    MAX_ANSWER_CHARS,
    AnswerTooLong,
    Concept,
    ConceptHit,
    Score,
    score,
    semantic,
)
from content.scoring.minilm import MAX_TOKENS, MAX_WINDOWS
from content.scoring.semantic import (
    SentenceEncoder,
    answer_novelty,
    blended_value,
    reference_coverage,
    score_semantic,
    semantic_available,
    semantic_similarity,
)

needs_extra = pytest.mark.skipif(
    not semantic_available(), reason="semantic extra not installed (make install-semantic)"
)

QUESTION = "How do Docker containers isolate applications from each other and from the host?"
REFERENCE = (
    "Containers use kernel namespaces to give each process its own view of the system, and "
    "control groups to limit the CPU and memory it may use. All containers share the host's "
    "kernel instead of booting their own operating system."
)
CONCEPTS = (
    Concept("namespaces", ("namespace",), 1.0, "core"),
    Concept("control groups", ("cgroups", "cgroup", "control group"), 1.0, "core"),
    Concept("shared kernel", ("share the kernel", "kernel sharing"), 0.9, "core"),
)
EXPLANATION = (
    "Each container gets its own namespaces, so it has a private view of processes and the "
    "network. Control groups limit how much CPU and memory it can use. All containers share "
    "the kernel of the host."
)


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return SentenceEncoder(cache_size=64)


def test_package_imports_without_the_extra() -> None:
    # numpy, safetensors, tokenizers and the model hidden: importing still works.
    code = (
        "import sys\n"
        "for name in ('numpy', 'safetensors', 'tokenizers', 'all_minilm_l6_v2'):\n"
        "    sys.modules[name] = None\n"
        "import content.scoring\n"
        "from content.scoring.semantic import semantic_available\n"
        "print(semantic_available())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert (result.returncode, result.stdout.strip()) == (0, "False"), result.stderr


def lexical(value: float, *, negated: tuple[str, ...] = (), matched: int = 2) -> Score:
    hits = tuple(ConceptHit(f"c{i}", 0, 1) for i in range(matched))
    return Score(value, hits, (), "beginner", "", negated=negated)


@pytest.mark.parametrize(
    ("case", "value", "similarity", "novelty", "negated", "expected"),
    [
        ("below the floor earns nothing", 40.0, semantic.COVERAGE_FLOOR, 1.0, (), 20.0),
        ("at the ceiling earns in full", 40.0, semantic.COVERAGE_CEILING, 1.0, (), 70.0),
        ("past the ceiling is capped", 100.0, 1.0, 1.0, (), 100.0),
        ("halfway up", 0.0, 0.4, 1.0, (), 25.0),
        ("an answer that only echoes the question", 0.0, 0.9, 0.0, (), 0.0),
        ("half the echo gate", 0.0, 0.9, semantic.ECHO_GATE / 2, (), 25.0),
        ("one of two mentioned concepts negated", 0.0, 0.9, 1.0, ("x",), 25.0),
        ("the only mentioned concept negated", 0.0, 0.9, 1.0, ("x",), 0.0),
    ],
)
def test_blended_value(
    case: str,
    value: float,
    similarity: float,
    novelty: float,
    negated: tuple[str, ...],
    expected: float,
) -> None:
    matched = 0 if case == "the only mentioned concept negated" else 1 if negated else 2
    result = lexical(value, negated=negated, matched=matched)
    assert blended_value(result, similarity, novelty=novelty) == pytest.approx(expected), case


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("", 0.0),
        ("How do containers isolate applications?", 0.0),
        ("Containers use namespaces.", 2 / 3),
        ("Namespaces and control groups.", 1.0),
    ],
)
def test_answer_novelty(answer: str, expected: float) -> None:
    assert answer_novelty(answer, QUESTION) == pytest.approx(expected)


@needs_extra
def test_encoder_matches_the_published_similarities(encoder: SentenceEncoder) -> None:
    # The sentence-transformers README's example for all-MiniLM-L6-v2, computed with PyTorch.
    vectors = encoder.encode(
        ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."]
    )
    similarities = vectors @ vectors.T
    assert vectors.shape == (3, 384)
    assert similarities[0, 1] == pytest.approx(0.6660, abs=1e-3)
    assert similarities[0, 2] == pytest.approx(0.1046, abs=1e-3)
    assert similarities[1, 2] == pytest.approx(0.1411, abs=1e-3)
    assert [similarities[i, i] for i in range(3)] == pytest.approx([1.0, 1.0, 1.0], abs=1e-5)


@needs_extra
def test_encoder_is_deterministic_and_independent_of_batching(encoder: SentenceEncoder) -> None:
    texts = ["A short one.", REFERENCE, EXPLANATION]
    together = encoder.encode(texts)
    alone = SentenceEncoder().encode([REFERENCE])
    assert together[1] == pytest.approx(alone[0], abs=1e-5)
    assert (encoder.encode(texts) == together).all()
    assert encoder.encode([]).shape == (0, 384)


@needs_extra
def test_long_texts_are_read_in_windows(encoder: SentenceEncoder) -> None:
    sentences = [f"Sentence number {n} talks about containers and kernels." for n in range(80)]
    long_text = " ".join(sentences)
    (pieces,) = encoder.encode_tokens([long_text])
    window = MAX_TOKENS - 2
    assert window < len(pieces) <= MAX_WINDOWS * window
    # The last sentence of a long reference still counts (it lies past the first window).
    tail = reference_coverage(sentences[40], long_text, encoder=encoder)
    assert tail > reference_coverage("Bananas are yellow.", long_text, encoder=encoder)
    assert encoder.encode([long_text])[0] @ encoder.encode([long_text])[0] == pytest.approx(1.0)


@needs_extra
def test_weights_other_than_the_published_model_are_refused(tmp_path: Path) -> None:
    genuine = semantic._model_archive()
    assert genuine is not None
    tampered = tmp_path / "model.zip"
    with zipfile.ZipFile(genuine) as source, zipfile.ZipFile(tampered, "w") as target:
        for name in ("config.json", "tokenizer.json"):
            target.writestr(name, source.read(name))
        target.writestr("model.safetensors", b"not the model")
    with pytest.raises(RuntimeError, match="published"):
        SentenceEncoder(tampered).encode(["hello"])


@needs_extra
def test_encoder_cache_is_bounded() -> None:
    small = SentenceEncoder(cache_size=2)
    small.encode(["one", "two", "three"])
    assert list(small._cache) == ["two", "three"]
    small.encode(["two"])
    small.encode(["four"])
    assert list(small._cache) == ["two", "four"]


@needs_extra
def test_paraphrase_is_closer_than_an_unrelated_text(encoder: SentenceEncoder) -> None:
    paraphrase = (
        "Every container sees only its own processes thanks to kernel isolation features, and "
        "resource limits cap its memory and processor use; the host's kernel is shared."
    )
    unrelated = "My favourite recipe for banana bread needs three ripe bananas and some walnuts."
    close = semantic_similarity(paraphrase, REFERENCE, encoder=encoder)
    far = semantic_similarity(unrelated, REFERENCE, encoder=encoder)
    assert close > 0.6
    assert far < 0.2
    assert semantic_similarity("", REFERENCE, encoder=encoder) == 0.0


@needs_extra
@pytest.mark.parametrize(
    ("answer", "low", "high"),
    [
        (REFERENCE, 0.99, 1.0),
        (EXPLANATION, 0.5, 0.9),
        ("I enjoy hiking in the mountains with my dog on sunny weekends.", 0.0, 0.1),
        ("", 0.0, 0.0),
        ("!!!", 0.0, 0.1),
    ],
)
def test_reference_coverage(answer: str, low: float, high: float, encoder: SentenceEncoder) -> None:
    assert low <= reference_coverage(answer, REFERENCE, encoder=encoder) <= high


def semantic_value(answer: str, encoder: SentenceEncoder) -> float:
    return score_semantic(
        answer, CONCEPTS, question=QUESTION, reference=REFERENCE, encoder=encoder
    ).value


@needs_extra
@pytest.mark.parametrize(
    ("case", "answer", "at_most"),
    [
        ("empty", "", 0.0),
        ("blank", "   \n ", 0.0),
        ("question echo", QUESTION, 5.0),
        ("off-topic", "I enjoy hiking in the mountains with my dog on sunny weekends.", 5.0),
        ("hostile markup", "<script>alert(1)</script> 😀 " * 50, 5.0),
    ],
)
def test_guards_keep_non_answers_near_zero(
    case: str, answer: str, at_most: float, encoder: SentenceEncoder
) -> None:
    assert semantic_value(answer, encoder) <= at_most, case


@needs_extra
@pytest.mark.parametrize(
    "answer", ["I have never used Docker.", "No idea, sorry.", "I don't know."]
)
def test_closeness_in_meaning_never_lifts_a_non_answer(
    answer: str, encoder: SentenceEncoder
) -> None:
    result = score_semantic(
        answer, CONCEPTS, question=QUESTION, reference=REFERENCE, encoder=encoder
    )
    assert result == score(answer, CONCEPTS, question=QUESTION)
    assert result.value == 0.0


@needs_extra
def test_negation_and_keyword_lists_earn_less(encoder: SentenceEncoder) -> None:
    explanation = semantic_value(EXPLANATION, encoder)
    keywords = semantic_value("namespaces control groups shared kernel", encoder)
    negated = semantic_value(
        "Containers do not use namespaces and do not use control groups.", encoder
    )
    assert keywords < explanation
    assert negated < explanation / 2


@needs_extra
def test_paraphrase_gains_over_the_lexical_score(encoder: SentenceEncoder) -> None:
    paraphrase = (
        "Each one sees only its own processes and network through kernel isolation, resource "
        "limits cap its memory and processor use, and they all run on the host's kernel."
    )
    plain = score(paraphrase, CONCEPTS, question=QUESTION)
    blended = score_semantic(
        paraphrase, CONCEPTS, question=QUESTION, reference=REFERENCE, encoder=encoder
    )
    assert blended.value > plain.value
    assert replace(blended, value=plain.value) == plain
    assert 0.0 <= blended.value <= 100.0


@needs_extra
def test_no_usable_concepts_keeps_the_lexical_verdict(encoder: SentenceEncoder) -> None:
    unweighted = (Concept("namespaces", weight=0.0),)
    result = score_semantic(
        EXPLANATION, unweighted, question=QUESTION, reference=REFERENCE, encoder=encoder
    )
    assert result == score(EXPLANATION, unweighted, question=QUESTION)
    assert result.value == 0.0


@needs_extra
def test_too_long_answer_is_refused_before_encoding(encoder: SentenceEncoder) -> None:
    with pytest.raises(AnswerTooLong):
        semantic_value("word " * (MAX_ANSWER_CHARS // 4), encoder)
