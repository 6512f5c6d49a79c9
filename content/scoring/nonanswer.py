"""Non-answers: an answer that only says the candidate does not know, or only repeats the question.

Such an answer scores 0 with its own feedback line. The test is general, not per question: take
away the admission phrases below ("I don't know", "never used it", "skip"), the hedges ("I think")
and the question's own words. If a word the model answers (or the concepts) support is left, the
answer says something and is scored as usual: "I'm not sure, but a volume keeps data" is a hedged
answer. If not, it is a non-answer when it held an admission, or when it only asks the question
back or says it back; an answer of its own words that no model answer supports (off topic) keeps
its usual, low, score and feedback."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from .neighbours import neighbours_of
from .support import _misspells
from .text import Tokens, content_stems, tokenize
from .types import Concept

FEEDBACK_NON_ANSWER = (
    "This reads as no answer: it only says you do not know, or repeats the question. "
    "Write down what you do know, even a part of it, in your own words."
)

# Words that admit not knowing when a negation comes just before them: "I do not know",
# "no idea", "not a clue", "I have never used it", "I can't remember", "not sure".
NEGATED_ADMISSIONS = frozenset(
    """know knew sure certain remember recall idea clue used worked heard familiar understand
    seen touched tried experience answer answered comment""".split()  # noqa: SIM905
)
# The speaker's own admission: the negation opens its sentence ("No idea.", "Never used it.") or
# follows one of these within NEGATION_GAP words ("I have never used it", "I'm not sure"), so that
# "If we do not know the mass" or "Containers have not used it" is a claim, not an admission.
FIRST_PERSON = frozenset("i i'm i've i'd im ive".split())  # noqa: SIM905
# Of those, the ones that say what was never used: the next words of their clause name it and are
# no answer either ("I have never used Docker", "never heard of Compose"), up to OBJECT_WORDS
# content words.
USAGE = frozenset("used worked heard touched tried seen familiar experience".split())  # noqa: SIM905
OBJECT_WORDS = 2
# Words that admit it on their own: "idk", "unsure", "I forgot", "I would google it", "sorry".
ADMISSIONS = frozenset(
    "idk dunno unsure unfamiliar forgot forget forgotten google googled googling sorry "  # noqa: SIM905
    "unanswered".split()
)
# Phrases that admit it: "I would look it up", "I give up".
ADMISSION_PHRASES = (("look", "it", "up"), ("look", "that", "up"), ("i", "give", "up"))
# Sentences that are a non-answer only when they stand alone: "Skip.", "pass", "n/a", "Next."
ALONE = frozenset(
    [("skip",), ("pass",), ("next",), ("n", "a"), ("na",), ("none",), ("nothing",), ("nope",)]
)
# Neutral words: neither an answer nor an admission ("I think", "maybe", "I guess").
HEDGES = frozenset(
    """think believe guess maybe perhaps probably possibly honestly really actually basically
    exactly quite fully totally even ever um uh hmm er well ok okay""".split()  # noqa: SIM905
)
# Negations written without their apostrophe ("I dont know"), which are not negation cues for
# the rest of the scorer.
PLAIN_NEGATIONS = frozenset(
    "dont cant wont havent hasnt didnt doesnt couldnt isnt wasnt aint".split()  # noqa: SIM905
)
# An answer made only of question words that says back this share of them repeats the question.
ECHO_SHARE = 0.5
# At most this many of these words or hedges stand between a negation and its admission word
# ("I do not really know", "not a clue", "have never even used"); any other word breaks the link
# ("No, because they used ..." is an answer).
NEGATION_GAP = 3
GAP_WORDS = frozenset("a an the any much very so too that have had been at all".split())  # noqa: SIM905
_VOCABULARY = (
    NEGATED_ADMISSIONS
    | ADMISSIONS
    | HEDGES
    | PLAIN_NEGATIONS
    | frozenset(word for phrase in (*ADMISSION_PHRASES, *ALONE) for word in phrase)
)


def is_non_answer(
    tokens: Tokens,
    judged: tuple[Concept, ...],
    *,
    asked: frozenset[str],
    question: str,
    supported: frozenset[str],
) -> bool:
    """says_nothing for an answer to a question with these concepts (`judged`), question words
    (`asked`) and model answers' supported stems (`supported`): the quick test first."""
    backed = _backed_by(judged, supported)
    return not answers_something(tokens, asked, backed) and says_nothing(
        tokens, _not_options(judged, asked), backed, question_words=_question_words(question)
    )


def _backed_by(judged: tuple[Concept, ...], supported: frozenset[str]) -> Callable[[str], bool]:
    """Whether a stem is supported: a model answer's word or neighbour, a concept's, or a
    misspelling of one (the words the support precision counts as backed)."""

    own: frozenset[str] | None = None

    def backed(word_stem: str) -> bool:
        nonlocal own
        if word_stem in supported:
            return True
        if own is None:
            own = _concept_stems(judged)
        return word_stem in own or _misspells(word_stem, supported or own)

    return backed


@lru_cache(maxsize=1024)
def _not_options(judged: tuple[Concept, ...], asked: frozenset[str]) -> frozenset[str]:
    """The question's words, less those of concepts made only of question words: such concepts
    are judged only when the question names the options ("acid or sugar?"), and then the answer
    that picks one answers it."""
    echoes = {
        word_stem
        for c in judged
        if set(stems := content_stems(c.label)) <= asked
        for word_stem in stems
    }
    return asked - echoes if echoes else asked


@lru_cache(maxsize=1024)
def _question_words(question: str) -> frozenset[str]:
    return frozenset(tokenize(question).stems)


@lru_cache(maxsize=256)
def _concept_stems(judged: tuple[Concept, ...]) -> frozenset[str]:
    """The content stems of the concepts' labels and variants, and their neighbours."""
    own = {s for c in judged for text in (c.label, *c.variants) for s in content_stems(text)}
    return frozenset(own) | frozenset(neighbours_of(own))


def answers_something(tokens: Tokens, asked: frozenset[str], backed: Callable[[str], bool]) -> bool:
    """A quick test that holds for most real answers: a supported word of the answer's own that
    no admission can take (not a question word, not a word of an admission, nor one of the
    OBJECT_WORDS content words after "used"). When it holds, says_nothing is False."""
    # Most answers hold such a word among their first few: each word's lower case is read from
    # its word data, not from a list of every word's made first.
    stems, stop, infos = tokens.stems, tokens.stop, tokens.infos
    since_usage = OBJECT_WORDS
    for index, word_stem in enumerate(stems):
        if stop[index]:
            continue
        word = _plain(infos[index][0])
        if word in USAGE:
            since_usage = 0
            continue
        if (
            since_usage >= OBJECT_WORDS
            and word_stem not in asked
            and word not in _VOCABULARY
            and backed(word_stem)
        ):
            return True
        since_usage += 1
    return False


def says_nothing(
    tokens: Tokens,
    asked: frozenset[str],
    backed: Callable[[str], bool],
    *,
    question_words: frozenset[str] = frozenset(),
) -> bool:
    """True when the answer admits not knowing, or only repeats the question, and no word that
    `backed` accepts (a stem the model answers or concepts support) is left besides.

    A question word (`asked`: the question's content stems), a hedge, a function word or a word
    of an admission is not an answer. Without an admission, an answer made only of question words
    is a non-answer when it asks the question back ("What is a Docker volume?"), or when it says
    back at least ECHO_SHARE of the question's words and nothing else, not even a function word
    of its own (`question_words`: the stems of all the question's words). A short answer that
    picks some of a long question's words ("The line.") or says something of its own about them
    ("It did not have any vitamin C.") is scored as usual."""
    stems, stop, lowered = tokens.stems, tokens.stop, tokens.lowered
    taken = _admissions(tokens)
    left = [
        index
        for index, word_stem in enumerate(stems)
        if not stop[index]
        and index not in taken
        and word_stem not in asked
        and _plain(lowered[index]) not in HEDGES
    ]
    if any(backed(stems[index]) for index in left):
        return False
    if taken:
        return True
    # A stray letter ("m" of "I"m") says nothing; any other word of its own is an answer.
    if any(len(lowered[index]) > 1 for index in left):
        return False
    if tokens.text.rstrip().endswith("?"):
        return True
    said = {word_stem for word_stem, is_stop in zip(stems, stop, strict=True) if not is_stop}
    return len(said & asked) >= ECHO_SHARE * len(asked) and all(
        word_stem in question_words or word_stem in HEDGES for word_stem in stems
    )


def _plain(word: str) -> str:
    return word.replace("\u2019", "'")


def _admissions(tokens: Tokens) -> set[int]:
    """Indices of the words that belong to an admission of not knowing."""
    words = [_plain(word) for word in tokens.lowered]
    stop, sentence = tokens.stop, tokens.sentence
    taken: set[int] = set()
    for index, word in enumerate(words):
        if word in ADMISSIONS:
            taken.add(index)
        elif word in NEGATED_ADMISSIONS:
            cue = _negation_before(index, words, tokens)
            if cue is not None and _said_of_oneself(cue, words, tokens):
                taken.update(range(cue, index + 1))
                if word in USAGE:
                    taken.update(_object_after(index, tokens))
        for phrase in ADMISSION_PHRASES:
            end = index + len(phrase)
            if tuple(words[index:end]) == phrase and len(set(sentence[index:end])) == 1:
                taken.update(range(index, end))
    # A sentence that is only "skip", "pass" or "n/a" (function words and hedges aside).
    first = 0
    for last in range(len(words)):
        if last + 1 < len(words) and sentence[last + 1] == sentence[last]:
            continue
        own = [i for i in range(first, last + 1) if words[i] not in HEDGES]
        said = tuple(words[i] for i in own)
        if said in ALONE or tuple(words[i] for i in own if not stop[i]) in ALONE:
            taken.update(own)
        first = last + 1
    return taken


def _object_after(index: int, tokens: Tokens) -> list[int]:
    """The words that name what was never used: the next content words of the clause."""
    infos, clause, stop = tokens.infos, tokens.clause, tokens.stop
    found: list[int] = []
    for after in range(index + 1, len(infos)):
        if clause[after] != clause[index] or infos[after][3] or infos[after][4]:
            break
        found.append(after)
        if not stop[after] and sum(not stop[i] for i in found) >= OBJECT_WORDS:
            break
    return found


def _said_of_oneself(cue: int, words: list[str], tokens: Tokens) -> bool:
    """Whether the negation opens its sentence (hedges and admissions aside) or a first-person
    word stands just before it."""
    sentence, start = tokens.sentence, cue
    while start > 0 and sentence[start - 1] == sentence[cue]:
        start -= 1
    before = words[start:cue]
    if any(word in FIRST_PERSON for word in before[-(NEGATION_GAP + 1) :]):
        return True
    return all(word in HEDGES or word in ADMISSIONS for word in before)


def _negation_before(index: int, words: list[str], tokens: Tokens) -> int | None:
    """The index of the negation just before this word, in its sentence, or None."""
    infos, sentence = tokens.infos, tokens.sentence
    for before in range(index - 1, max(-1, index - 2 - NEGATION_GAP), -1):
        if sentence[before] != sentence[index]:
            return None
        if infos[before][3] or words[before] in PLAIN_NEGATIONS:
            return before
        if words[before] not in GAP_WORDS and words[before] not in HEDGES:
            return None
    return None
