"""Weighted concept coverage of a free-text answer, with level estimate and feedback."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import compress, count

from .bands import RECALLED_FROM, SOLID_FROM
from .calibration import calibrated_value, evidence, reference_recall
from .code_lines import code_words, prose_counts
from .matching import ConceptMatch, Matcher, compile_concepts, sentence_factors
from .nonanswer import FEEDBACK_NON_ANSWER, is_non_answer
from .pairs import pair_factors
from .support import support, supported_stems
from .text import Tokens, content_stems, tokenize
from .types import (
    MAX_ANSWER_CHARS,
    AnswerTooLong,
    Concept,
    ConceptHit,
    Level,
    Score,
)
from .vectors import reference_similarity

# On-topic content words expected per concept word for full elaboration credit.
ELABORATION_WORDS_PER_UNIT = 1.0
# A bare keyword list (content words with almost no function words, so no predicates) scores
# at most KEYWORD_LIST_CAP.
KEYWORD_LIST_CAP = 15.0
KEYWORD_LIST_RATIO = 0.15
KEYWORD_LIST_MIN_WORDS = 5
# A key concept (weight from KEY_CONCEPT_WEIGHT) that the answer negates or states the other way
# round caps the whole answer, not only that concept's credit: at the lowest score of a partial
# recall (40 on a straight scale), so the cap moves with the published curve as the bands do.
KEY_CONCEPT_WEIGHT = 0.0
CONTRADICTED_CAP = RECALLED_FROM
# What an answer that covers the whole beginner reference earns at most at the expert level.
BEGINNER_REACH = 0.7
# A concept counts as matched (rather than missed) from this credit on.
MATCHED_FROM = 0.5
FEEDBACK_NAMES = 3

LEVEL_BELOW_BEGINNER = "below beginner"
LEVEL_BEGINNER = "beginner"
LEVEL_BETWEEN = "between"
LEVEL_EXPERT = "expert"

FEEDBACK_EMPTY = "Write an answer in your own words to get feedback."
FEEDBACK_NO_CONCEPTS = "This question has no key concepts yet, so the answer cannot be scored."
FEEDBACK_COMPLETE = "You covered all the key concepts."
FEEDBACK_LIST_CAPPED = (
    "This reads as a list of terms, so it scores at most {cap}: say in sentences what they do "
    "and how they fit together."
)
FEEDBACK_CONTRADICTED_CAPPED = (
    "A key point reads the other way round, so the score stops at {cap} until it is put right."
)
LEVELS = (LEVEL_BELOW_BEGINNER, LEVEL_BEGINNER, LEVEL_BETWEEN, LEVEL_EXPERT)


def score(
    answer: str,
    concepts: Sequence[Concept],
    *,
    level: Level = "expert",
    question: str = "",
    references: Sequence[str] = (),
) -> Score:
    """Score an answer 0-100 by weighted coverage of the concepts it expresses.

    `references` are the model answers' texts: words they contain count as supported when the
    support precision is measured (without them, only the concepts' words do)."""
    if len(answer) > MAX_ANSWER_CHARS:
        raise AnswerTooLong()
    key = tuple(concepts)
    try:
        judged, matcher, beginner_matcher, asked = _prepared(key, level, question)
    except TypeError:  # variants given as a list: unhashable, so normalise them once
        key = tuple(replace(c, variants=tuple(c.variants)) for c in key)
        judged, matcher, beginner_matcher, asked = _prepared(key, level, question)
    if not judged:
        return Score(0.0, (), (), LEVEL_BELOW_BEGINNER, FEEDBACK_NO_CONCEPTS)
    if not answer.strip():
        return Score(0.0, (), judged, LEVEL_BELOW_BEGINNER, FEEDBACK_EMPTY)

    tokens = tokenize(answer)
    references = tuple(references)
    supported = supported_stems(references) if references else frozenset()
    if is_non_answer(tokens, judged, asked=asked, question=question, supported=supported):
        feedback = f"{FEEDBACK_NON_ANSWER} {_feedback(judged, ())}"
        return Score(0.0, (), judged, LEVEL_BELOW_BEGINNER, feedback)
    # A sentence that pairs the model answers' words as no model answer does earns less for
    # them (pairs.py): in the reference recall and in the concepts' credit alike.
    factors = sentence_factors(tokens)
    damp = pair_factors(tokens, references, asked) if references else None
    if damp is not None:
        factors = [f * d for f, d in zip(factors, damp, strict=True)]
    recall = reference_recall(tokens, references, asked, factors) if references else None
    # The concepts' labels count as one more model answer: concepts a person added need not be
    # in the model answers' words.
    labels = "\n".join([c.label for c in judged])
    similarity = reference_similarity(tokens, (*references, labels), asked) if references else None
    # Whether the answer is a bare keyword list depends on its words alone, not on the concept
    # set: found once for the expert and the beginner evaluation.
    listed = _is_keyword_list(tokens)
    matches, value, components = _evaluate(
        matcher, tokens, asked, supported, recall, similarity, factors, listed
    )
    concept_coverage, word_coverage, elaboration, precision, recall_used, similarity_used, focus = (
        components
    )
    if beginner_matcher is not None and value < 100.0 * BEGINNER_REACH:
        # The beginner answer is a reference of its own: an answer that covers it in plain
        # words earns up to BEGINNER_REACH of the full score even where the expert's words are
        # missing.
        _, beginner_value, _ = _evaluate(
            beginner_matcher, tokens, asked, supported, recall, similarity, factors, listed
        )
        value = max(value, BEGINNER_REACH * beginner_value)

    matched, partial, missed = _sorted_matches(matches)
    negated = tuple(m.concept.label for m in matches if m.negated)
    soft = tuple(hit.label for hit in matched if hit.in_other_words)
    value = min(100.0, max(0.0, value))
    # A cap that holds the value says so: "15" with six concepts covered explains nothing.
    cap = None
    if listed and value >= KEYWORD_LIST_CAP:
        cap = FEEDBACK_LIST_CAPPED.format(cap=f"{KEYWORD_LIST_CAP:.0f}")
    elif value >= CONTRADICTED_CAP and any(
        m.negated and m.concept.weight >= KEY_CONCEPT_WEIGHT for m in matches
    ):
        cap = FEEDBACK_CONTRADICTED_CAPPED.format(cap=f"{CONTRADICTED_CAP:.0f}")
    return Score(
        value=round(value, 1),
        matched=matched,
        missed=missed,
        level_estimate=_level_in_band(_level_estimate(matches), value),
        feedback=_feedback(missed, negated, soft, cap),
        negated=negated,
        partial=partial,
        concept_coverage=round(concept_coverage, 4),
        word_coverage=round(word_coverage, 4),
        elaboration=round(elaboration, 4),
        support_precision=round(precision, 4),
        sentence_precision=round(focus, 4),
        reference_recall=round(recall_used, 4),
        reference_similarity=round(similarity_used, 4),
    )


def _evaluate(
    matcher: Matcher,
    tokens: Tokens,
    asked: frozenset[str],
    supported: frozenset[str],
    recall: float | None,
    similarity: float | None = None,
    factors: list[float] | None = None,
    listed: bool = False,
) -> tuple[list[ConceptMatch], float, tuple[float, ...]]:
    """Matches, the guarded value, and its components against one compiled concept set.

    The recall counts as at least the word coverage: concepts an interviewer added need not be
    in the model answers' words (and without model answers it is the word coverage). Without
    model answers the vector similarity is the word coverage too. `factors` are the sentences'
    credit factors (matching.sentence_factors, with the pair support applied); `listed`, whether
    the answer is a bare keyword list (_is_keyword_list)."""
    matches, where, factors, soft = matcher.evidence(tokens.text, tokens, asked, factors)
    concept_coverage = _weighted_coverage(matches)
    precision, focus, backed = support(tokens, where, asked, supported)
    word_coverage, elaboration = _word_coverage(
        matcher, matches, tokens, where, factors, soft, asked, backed if supported else None
    )
    recall = word_coverage if recall is None else max(recall, word_coverage)
    similarity = word_coverage if similarity is None else similarity
    components = (
        concept_coverage,
        word_coverage,
        elaboration,
        precision,
        recall,
        similarity,
        focus,
    )
    value = calibrated_value(
        evidence(concept_coverage, word_coverage, elaboration, recall, similarity, focus)
    )
    return matches, _guarded(value, matches, listed), components


@lru_cache(maxsize=1024)
def _prepared(
    concepts: tuple[Concept, ...], level: Level, question: str
) -> tuple[tuple[Concept, ...], Matcher | None, Matcher | None, frozenset[str]]:
    """Per question and level: the judged concepts, their compiled matcher, the matcher of the
    beginner reference when it is a smaller set of its own (expert level only), and the
    question's words."""
    judged = _judged_concepts(concepts, level=level, question=question)
    if not judged:
        return judged, None, None, _asked(question)
    core = tuple(c for c in judged if c.tier == "core")
    beginner = compile_concepts(core) if core and len(core) < len(judged) else None
    return judged, compile_concepts(judged), beginner, _asked(question)


def _judged_concepts(
    concepts: tuple[Concept, ...], *, level: Level, question: str
) -> tuple[Concept, ...]:
    """The concepts an answer at this level is judged on, minus those that echo the question."""
    concepts = tuple(c for c in concepts if c.weight > 0 and c.label.strip())
    if level == "beginner":
        core = tuple(c for c in concepts if c.tier == "core")
        concepts = core or concepts
    if question:
        asked = set(content_stems(question))
        fresh = tuple(c for c in concepts if not set(content_stems(c.label)) <= asked)
        concepts = fresh or concepts
    return concepts


# The scorer makes a ConceptHit for about ten concepts per answer. A frozen dataclass's __init__
# sets each field through object.__setattr__; setting the slots directly makes the same frozen
# object in half the time (tests/content/scoring/test_scoring.py holds the two equal).
_new_object = object.__new__
_SET_LABEL = ConceptHit.label.__set__  # type: ignore[attr-defined]
_SET_START = ConceptHit.start.__set__  # type: ignore[attr-defined]
_SET_END = ConceptHit.end.__set__  # type: ignore[attr-defined]
_SET_CREDIT = ConceptHit.credit.__set__  # type: ignore[attr-defined]
_SET_SOFT = ConceptHit.in_other_words.__set__  # type: ignore[attr-defined]


def _concept_hit(
    label: str, start: int, end: int, credit: float, in_other_words: bool = False
) -> ConceptHit:
    hit = _new_object(ConceptHit)
    _SET_LABEL(hit, label)
    _SET_START(hit, start)
    _SET_END(hit, end)
    _SET_CREDIT(hit, credit)
    _SET_SOFT(hit, in_other_words)
    return hit


def _sorted_matches(
    matches: Sequence[ConceptMatch],
) -> tuple[tuple[ConceptHit, ...], tuple[ConceptHit, ...], tuple[Concept, ...]]:
    """Matched concepts, partial ones (some credit, below MATCHED_FROM) and missed ones."""
    matched: list[ConceptHit] = []
    partial: list[ConceptHit] = []
    missed: list[Concept] = []
    for m in matches:
        if m.complete or m.credit >= MATCHED_FROM:
            # Most concepts found earn full credit, and round() of a float costs as much as
            # the rest of the hit: 1.0 is kept as it is (round(1.0, 3) is 1.0).
            credit = m.credit if m.credit == 1.0 else round(m.credit, 3)
            matched.append(_concept_hit(m.concept.label, m.start, m.end, credit, m.soft))
            continue
        missed.append(m.concept)
        if m.credit > 0:
            partial.append(
                _concept_hit(m.concept.label, m.start, m.end, round(m.credit, 3), m.soft)
            )
    return tuple(matched), tuple(partial), tuple(missed)


def _guarded(value: float, matches: Sequence[ConceptMatch], listed: bool) -> float:
    """The value under its caps: a bare keyword list (`listed`), and a negated or contradicted
    key concept."""
    if listed:
        value = min(value, KEYWORD_LIST_CAP)
    if any(m.negated and m.concept.weight >= KEY_CONCEPT_WEIGHT for m in matches):
        value = min(value, CONTRADICTED_CAP)
    return value


def _is_keyword_list(tokens: Tokens) -> bool:
    """Whether the answer is a bare keyword list, its value capped at KEYWORD_LIST_CAP."""
    # Lines of code are statements (a command and its arguments), not a list: only an answer
    # whose prose outside them is a list stays capped.
    return _keyword_list(tokens, tokens.sentence_function) and (
        not (code := code_words(tokens)) or _keyword_list(tokens, prose_counts(tokens)[0], code)
    )


def _keyword_list(
    tokens: Tokens, functions: Sequence[int], code: Collection[int] = frozenset()
) -> bool:
    """Whether the words outside `code` (with `functions` function words per sentence) are a
    bare list."""
    # "FROM" and "COPY" in capitals are Dockerfile instructions listed, not function words.
    # Words in capitals are few: one pass of str.isupper finds them, and only they are checked.
    words, stop = tokens.words, tokens.stop
    listed = sum(
        1
        for index in compress(count(), map(str.isupper, words))
        if stop[index] and len(words[index]) > 1 and index not in code
    )
    function = sum(functions) - listed
    outside = len(words) - len(code)
    return outside - function >= KEYWORD_LIST_MIN_WORDS and function < KEYWORD_LIST_RATIO * outside


def _weighted_coverage(matches: Sequence[ConceptMatch]) -> float:
    total = sum([m.concept.weight for m in matches])
    return sum([m.concept.weight * m.credit for m in matches]) / total if total else 0.0


def _asked(question: str) -> frozenset[str]:
    return frozenset(content_stems(question)) if question else frozenset()


def _word_coverage(
    matcher: Matcher,
    matches: Sequence[ConceptMatch],
    tokens: Tokens,
    where: dict[str, list[int]],
    factors: list[float],
    soft: dict[int, float],
    asked: frozenset[str],
    backed: list[int] | None = None,
) -> tuple[float, float]:
    """Share of the concepts' label words the answer uses (question words left out), and
    elaboration: on-topic content words relative to the number of those words, capped at 1."""
    units = matcher.units(asked)
    if not units:
        return 0.0, 0.0
    total = 0.0
    sentence, negated = tokens.sentence, tokens.negated
    whole_credit = [m.credit if m.complete else 0.0 for m in matches]
    # Dict tests and subscripts rather than calls: this runs for every label word.
    for word_stem, owners in units:
        if len(owners) == 1:  # most label words are one concept's
            credit = whole_credit[owners[0]]
        else:
            credit = max([whole_credit[owner] for owner in owners])
        if credit < 1.0 and word_stem in where:
            for index in where[word_stem]:
                found = factors[sentence[index]]
                if index in soft:
                    found *= soft[index]
                if index not in negated and found > credit:
                    credit = found
                    if credit >= 1.0:
                        break
        total += credit
    # Elaboration counts the sentences that affirm something about the concepts: a sentence
    # whose only mentions are negated ("containers do not use namespaces") adds nothing.
    on_topic = {
        sentence[index]
        for positions in where.values()
        for index in positions
        if index not in negated
    }
    if backed is not None:
        # With the model answers at hand, only the words they back count: an on-topic false
        # claim earns no elaboration credit (and costs nothing, so adding a fact never does).
        relevant_words = sum([backed[s] for s in on_topic])
    else:
        relevant_words = sum([tokens.sentence_content[s] for s in on_topic])
    elaboration = min(1.0, relevant_words / (ELABORATION_WORDS_PER_UNIT * len(units)))
    return total / len(units), elaboration


def _level_estimate(matches: Sequence[ConceptMatch]) -> str:
    core = [m for m in matches if m.concept.tier == "core"]
    advanced = [m for m in matches if m.concept.tier == "advanced"]
    core_coverage = _weighted_coverage(core) if core else 0.0
    if not advanced:
        if core_coverage >= 0.75:
            return LEVEL_EXPERT
        if core_coverage >= 0.5:
            return LEVEL_BETWEEN
        return LEVEL_BEGINNER if core_coverage >= 0.3 else LEVEL_BELOW_BEGINNER
    advanced_coverage = _weighted_coverage(advanced)
    if core and core_coverage < 0.5:
        return LEVEL_BELOW_BEGINNER
    if advanced_coverage >= 0.6:
        return LEVEL_EXPERT
    return LEVEL_BETWEEN if advanced_coverage >= 0.25 else LEVEL_BEGINNER


def _level_in_band(level: str, value: float) -> str:
    """The concepts' level estimate, kept within what the score says: an answer that scores
    where an answer recalled in full does never reads "below beginner", and one below a partial
    recall never reads above beginner (the level counts concepts only, the score all the
    evidence, so a plain-spoken answer could score 79 and read "below beginner")."""
    rank = LEVELS.index(level)
    if value >= SOLID_FROM:
        rank = max(rank, LEVELS.index(LEVEL_BETWEEN))
    elif value >= RECALLED_FROM:
        rank = max(rank, LEVELS.index(LEVEL_BEGINNER))
    else:
        rank = min(rank, LEVELS.index(LEVEL_BEGINNER))
    if value < SOLID_FROM:
        rank = min(rank, LEVELS.index(LEVEL_BETWEEN))
    return LEVELS[rank]


def _names(labels: Sequence[str]) -> str:
    """ "a, b and c (and 2 more)": the first FEEDBACK_NAMES labels, and how many are left out."""
    names = list(labels[:FEEDBACK_NAMES])
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return listed + (f" (and {len(labels) - len(names)} more)" if len(labels) > len(names) else "")


def _feedback(
    missed: Sequence[Concept],
    negated: Sequence[str],
    soft: Sequence[str] = (),
    cap: str | None = None,
) -> str:
    parts = [cap] if cap else []
    # A concept the answer states the other way round is told to be checked, not added too.
    to_add = [c for c in missed if c.label not in negated]
    if to_add:
        ranked = sorted(to_add, key=lambda c: (c.tier != "core", -c.weight))
        parts.append(f"Add: {_names([c.label for c in ranked])}.")
    if negated:
        parts.append(f"Check what you said about: {_names(negated)}.")
    if soft:
        parts.append(f"Matched in other words: {_names(soft)}.")
    return " ".join(parts) or FEEDBACK_COMPLETE
