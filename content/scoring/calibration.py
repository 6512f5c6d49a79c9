"""The fitted map from an answer's evidence to its 0-100 value.

The value is a weighted sum of a few evidence measures, each 0..1 and each 0 for an empty or
off-topic answer, each placed on a curve with a published power (`curved`). The weights are
non-negative and add up to 1, so more evidence never lowers the value and an answer with full
evidence on every measure (a model answer) scores 100. They are fitted by benchmarks/scoring_fit.py on public training data only and published in
data/calibration.json; reading them needs the standard library only.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import accumulate, chain, compress
from operator import mul, not_
from pathlib import Path

from . import typos
from .neighbours import neighbours_of
from .text import Tokens, tokenize

WEIGHTS_PATH = Path(__file__).resolve().parent / "data" / "calibration.json"

# The evidence measures, in the order of the published weights.
FEATURES = (
    "concept_coverage",
    "word_coverage",
    "elaboration",
    "reference_recall",
    "reference_similarity",
    "sentence_precision",
)
# Elaboration counts in proportion to the coverage, in full from COVERAGE_GATE on, so padding an
# off-topic answer with words earns nothing. (Support precision is no measure of its own: it would
# let an added true sentence lower the value; it only decides which words count as elaboration.)
COVERAGE_GATE = 0.25
# The vector similarity counts in proportion to the reference recall, in full from
# SIMILARITY_GATE on: closeness in meaning backs up words the answer shares with a model answer
# (as written or through a neighbour), it does not stand in for them ("No idea." is close to
# nothing, but a single word's vector lands near some model answer by chance).
SIMILARITY_GATE = 0.1
# See `curved`.
CURVE_OFFSET = 0.01
# A reference word found through a neighbour in the word table earns this share of its similarity.
SOFT_RECALL_SCALE = 0.8
# A model answer's word that is also in the question weighs this share of another word in the
# reference recall (Sultan et al. 2016 demote question words; dropping them altogether leaves
# some model answers with nothing to recall).
QUESTION_WORD_WEIGHT = 0.25
# ... unless the answer restates a model answer's sentence with it: a question word weighs in full
# where an answer's sentence (prose, not a bare list) shares at least two content words with one
# sentence of the model answer, among them this question word and one word not in the question;
# the shared words must be at least RESTATED_SHARE of the answer sentence's content words, and
# the shared words not in the question at least RESTATED_SHARE of the model sentence's.
# "First you create a container from an image, then you start it" restates "Docker creates a
# container instance from an image but doesn't start it" for a question on creating and starting
# containers. Echoing the question ("containers are created and started") shares no other word,
# and the question said back with one word a model sentence also has ("... consists of") shares
# too few of that sentence's own words.
RESTATED_SHARE = 0.5


@cache
def weights() -> tuple[tuple[float, ...], float]:
    """The published weights, one per FEATURES entry, and the power the measures are raised to."""
    published = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    if tuple(published["features"]) != FEATURES:
        raise ValueError(f"{WEIGHTS_PATH.name} weighs {published['features']}, not {FEATURES}")
    return tuple(float(w) for w in published["weights"]), float(published["power"])


def evidence(
    concept_coverage: float,
    word_coverage: float,
    elaboration: float,
    reference_recall: float,
    reference_similarity: float,
    sentence_precision: float,
) -> tuple[float, ...]:
    """The measures the weights apply to, in FEATURES order, with the coverage gate applied."""
    coverage = 0.5 * (concept_coverage + word_coverage)
    gate = min(1.0, coverage / COVERAGE_GATE)
    return (
        concept_coverage,
        word_coverage,
        elaboration * gate,
        reference_recall,
        reference_similarity * min(1.0, reference_recall / SIMILARITY_GATE),
        sentence_precision * gate,
    )


def calibrated_value(measures: Sequence[float]) -> float:
    """The 0-100 value of the measures (from `evidence`) under the published weights."""
    published, power = weights()
    if power == 1.0:
        return 100.0 * sum(w * m for w, m in zip(published, measures, strict=True))
    return 100.0 * sum(w * curved(m, power) for w, m in zip(published, measures, strict=True))


def curved(measure, power: float):  # noqa: ANN001, ANN201 (a float, or a numpy array when fitting)
    """A measure on the published curve: 0 at 0, 1 at 1, rising fastest near 0 for a power below
    1 (the first evidence counts most, as graders count it). The offset keeps the slope at 0
    finite, so one word an off-topic answer shares with a model answer by chance earns little."""
    if power == 1.0:
        return measure
    low = CURVE_OFFSET**power
    return ((measure + CURVE_OFFSET) ** power - low) / ((1.0 + CURVE_OFFSET) ** power - low)


# A model answer's sentences that mix question words with others: their content stems, how many
# of those are not in the question, and per word not in the question, the sentences that hold it.
_Restatable = tuple[tuple[frozenset[str], ...], tuple[int, ...], dict[str, tuple[int, ...]]]
_ReferenceWords = tuple[
    dict[str, float],
    float,
    dict[str, tuple[tuple[str, float], ...]],
    _Restatable,
    typos.Candidates,
]


@lru_cache(maxsize=256)
def _reference_words(
    references: tuple[str, ...], asked: frozenset[str]
) -> tuple[_ReferenceWords, ...]:
    """Per model answer: its content stems, each with its weight (QUESTION_WORD_WEIGHT for a
    question word), the weights' total, the stems' neighbours, the content stems of its
    sentences that mix question words with others (those an answer can restate), and the
    stems long enough to be misspelt, as the targets of a typo search (_credit_typos)."""
    found = []
    for text in references:
        tokens = tokenize(text)
        own = {
            word_stem: QUESTION_WORD_WEIGHT if word_stem in asked else 1.0
            for word_stem, stop in zip(tokens.stems, tokens.stop, strict=True)
            if not stop
        }
        total = sum(own.values())
        if total > 0:
            mixed = tuple(s for s in _sentence_stems(tokens) if s & asked and not s <= asked)
            index: dict[str, list[int]] = {}
            for number, stems in enumerate(mixed):
                for word_stem in stems - asked:
                    index.setdefault(word_stem, []).append(number)
            fresh = tuple(len(stems - asked) for stems in mixed)
            restatable = (mixed, fresh, {k: tuple(v) for k, v in index.items()})
            misspellable = typos.Candidates([s for s in own if len(s) >= typos.MIN_LETTERS])
            found.append((own, total, neighbours_of(frozenset(own)), restatable, misspellable))
    return tuple(found)


def _sentence_stems(tokens: Tokens) -> list[frozenset[str]]:
    """The content stems of each sentence."""
    return [frozenset(stems) for stems in _sentence_content(tokens)]


def _sentence_content(tokens: Tokens) -> list[list[str]]:
    """The content stems of each sentence, in text order."""
    # Content words in text order, cut at each sentence's count of them.
    stems = list(compress(tokens.stems, map(not_, tokens.stop)))
    ends = list(accumulate(tokens.sentence_content))
    return [stems[begin:end] for begin, end in zip([0, *ends], ends, strict=False)]


# An answer's sentence that can restate: its content stems not in the question, those in the
# question, and how many it must share with a model answer's sentence.
_Restating = tuple[frozenset[str], frozenset[str], float]


def _restating(
    sentences: Sequence[list[str]], asked: frozenset[str], factors: Sequence[float] | None
) -> list[_Restating]:
    """The answer's sentences (their content stems, _sentence_content) that can restate a model
    answer's: prose sentences that use a question word and another word (a bare list of terms,
    damped by its factor, restates nothing)."""
    found = []
    for number, stems in enumerate(sentences):
        if (factors is not None and factors[number] < 1.0) or asked.isdisjoint(stems):
            continue
        own = frozenset(stems)
        fresh = own - asked
        if fresh:
            found.append((fresh, own & asked, max(2.0, RESTATED_SHARE * len(own))))
    return found


def _restated(answer_sentences: Sequence[_Restating], restatable: _Restatable) -> set[str]:
    """The question words that an answer's sentence shares with a model answer's sentence it
    restates (see RESTATED_SHARE)."""
    model_sentences, model_fresh, index = restatable
    found: set[str] = set()
    for fresh, question, needed in answer_sentences:
        if question <= found:
            continue
        # Only the model sentences that share a word not in the question can be restated, and
        # only those that could share enough words with its question words added.
        # Per model sentence, how many of the answer sentence's words not in the question it
        # has (a plain dictionary: a Counter per sentence costs twice as much).
        shared_fresh: dict[int, int] = {}
        for word_stem in fresh & index.keys():
            for number in index[word_stem]:
                shared_fresh[number] = shared_fresh.get(number, 0) + 1
        reach = needed - len(question)
        for number, count in shared_fresh.items():
            if count >= reach and count >= RESTATED_SHARE * model_fresh[number]:
                shared = question & model_sentences[number]
                if count + len(shared) >= needed:
                    found |= shared
    return found


def reference_recall(
    tokens: Tokens,
    references: tuple[str, ...],
    asked: frozenset[str],
    factors: Sequence[float] | None = None,
) -> float | None:
    """The best weighted share, over the model answers, of a model answer's content words that
    the answer uses, as written, misspelt (typos.py; as a neighbour's share) or through a
    neighbour; None without references.

    A word of the question weighs QUESTION_WORD_WEIGHT: echoing the question earns little, but
    where the model answer picks among what the question names ("the food contains sugar" for
    "acid or sugar?") or restates it, those words still tell a right answer from a wrong one.
    `factors` (per sentence, matching.sentence_factors) damp a word said only in a bare list of
    terms as the concept credit is damped: naming a word is not saying something with it."""
    words = _reference_words(references, asked)
    if not words:
        return None
    if factors is not None and min(factors, default=1.0) == 1.0:
        factors = None  # every sentence counts in full: no factor to look up
    sentences = _sentence_content(tokens)
    used = _used_stems(sentences, factors)
    misspelt = typos.unknown(used)
    restating = _restating(sentences, asked, factors) if not asked.isdisjoint(used) else []
    best = 0.0
    for own, total, near, restatable, misspellable in words:
        # In the answer's order, one pass over its stems: the credits' order is not fixed (it
        # used to be a set's, which follows the hash seed), as sum() adds floats with
        # compensation and the order does not move the share.
        credit = {stem: value for stem, value in used.items() if stem in own}
        lifted = 0.0
        if restating and restatable[2]:
            # A restated question word is used as written in a prose sentence (credit 1), so
            # weighing it in full can only raise the share.
            lifted = (1.0 - QUESTION_WORD_WEIGHT) * len(_restated(restating, restatable))
        # Only the answer's stems that are some model-answer word's neighbours are looked at.
        for word_stem in near.keys() & used.keys():
            for target, similarity in near[word_stem]:
                found = SOFT_RECALL_SCALE * similarity * used[word_stem]
                if credit.get(target, 0.0) < found:
                    credit[target] = found
        if misspelt:
            _credit_typos(credit, own, misspellable, misspelt, used)
        weighted = sum(map(mul, map(own.__getitem__, credit), credit.values())) + lifted
        best = max(best, weighted / (total + lifted))
    return best


def _used_stems(
    sentences: Sequence[list[str]], factors: Sequence[float] | None
) -> dict[str, float]:
    """Each content stem the answer uses (sentence by sentence, _sentence_content), in the order
    it first uses them, with the highest factor among the sentences that use it (a stem used only
    where the factor is 0 is left out); each at 1.0 without factors."""
    if factors is None:
        return dict.fromkeys(chain.from_iterable(sentences), 1.0)
    used: dict[str, float] = {}
    for stems, factor in zip(sentences, factors, strict=True):
        for word_stem in stems:
            if used.get(word_stem, 0.0) < factor:
                used[word_stem] = factor
    return used


def _credit_typos(
    credit: dict[str, float],
    own: dict[str, float],
    misspellable: typos.Candidates,
    misspelt: list[str],
    used: dict[str, float],
) -> None:
    """Credit the model answer's words not yet credited that one of the answer's unknown words
    (not a word of the model answer nor a neighbour of one) misspells, each word once: the
    closest of the words still open (typos.closest), found as the first of the stem's ranked
    candidates (`misspellable`, kept per model answer) that is not credited yet."""
    for word_stem in misspelt:
        if word_stem in own:
            continue
        for target in misspellable.of(word_stem):
            if target not in credit:
                credit[target] = SOFT_RECALL_SCALE * used[word_stem]
                break
