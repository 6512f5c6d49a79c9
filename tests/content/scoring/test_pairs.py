"""Pair support: an answer that recombines the model answers' words earns less for them."""

import re
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from content.scoring import extract_concepts, pairs, score
from content.scoring.text import content_stems, tokenize

QUESTION = "What are the essential Docker CLI commands for managing containers?"
MODEL = (
    "docker ps: Lists running containers.\n"
    "docker rm: Removes one or more stopped containers.\n"
    "docker stop: Stops a running container gracefully.\n"
    "docker pull: Downloads an image from a registry.\n"
)
REFERENCES = (MODEL,)
ASKED = frozenset(content_stems(QUESTION))
RIGHT = "With docker ps you list what is running, and with docker rm you remove what has stopped."
WRONG = "With docker ps you remove what has stopped, and with docker rm you list what is running."


def shares(text: str) -> list[tuple[int, int]]:
    return pairs.pair_shares(tokenize(text), REFERENCES, ASKED)


def test_words_of_one_model_sentence_are_partners_and_of_two_are_not() -> None:
    partners = pairs.reference_pairs(REFERENCES)
    assert "list" in partners["ps"] and "ps" in partners["list"]
    assert "remov" in partners["rm"]
    assert "remov" not in partners["ps"] and "list" not in partners["rm"]


def test_pairs_said_together_in_a_model_answer_are_supported() -> None:
    # (ps, list), (ps, run), (list, run) and (rm, remov), (rm, stop), (remov, stop): all backed
    # ("docker" is a question word: it forms no pair).
    assert shares(RIGHT) == [(6, 6)]
    assert pairs.pair_factors(tokenize(RIGHT), REFERENCES, ASKED) is None


def test_swapped_facts_use_the_same_words_but_pairs_no_model_answer_supports() -> None:
    # The same words as RIGHT; of the pairs only (remov, stop) and (list, run) are said together
    # in a model answer's sentence.
    assert shares(WRONG) == [(2, 6)]
    (factor,) = pairs.pair_factors(tokenize(WRONG), REFERENCES, ASKED)
    assert factor == pairs.PAIR_FLOOR + (1 - pairs.PAIR_FLOOR) * (2 / 6) / pairs.FULL_SHARE


def test_a_sentence_with_no_supported_pair_gets_the_floor() -> None:
    (factor,) = pairs.pair_factors(tokenize("With docker ps you download."), REFERENCES, ASKED)
    assert factor == pairs.PAIR_FLOOR


def test_pairs_are_taken_within_a_clause_and_counted_per_sentence() -> None:
    # Two clauses: (ps, list) and (rm, remov), both backed. One clause: (ps, rm), (ps, remov),
    # (list, rm) and (list, remov) too, none backed.
    assert shares("docker ps lists, docker rm removes.") == [(2, 2)]
    assert shares("docker ps lists docker rm removes.") == [(2, 6)]
    assert shares("ps lists; rm removes. It downloads an image, and it removes.") == [
        (2, 2),
        (1, 1),
    ]


def test_question_words_and_unknown_words_form_no_pairs() -> None:
    # "docker", "container" and "command" are in the question; "quickly" is no model word.
    assert shares("docker containers commands quickly ps.") == [(0, 0)]
    assert (
        pairs.pair_factors(tokenize("Containers are managed with docker ps."), REFERENCES, ASKED)
        is None
    )


def test_a_command_line_with_options_forms_no_pairs_and_one_without_does() -> None:
    # Options combine freely; "docker ps downloads" is a claim whether or not it reads as code.
    assert shares("docker run --rm --pull always --stop-timeout 5 nginx") == [(0, 0)]
    assert shares("docker ps downloads images") == [(1, 3)]


def test_without_pairs_nothing_is_judged() -> None:
    assert pairs.pair_factors(tokenize("ps"), REFERENCES, ASKED) is None
    assert pairs.pair_factors(tokenize(""), REFERENCES, ASKED) is None


def test_an_answer_that_swaps_the_model_answers_facts_scores_below_the_right_one() -> None:
    concepts = extract_concepts(MODEL, question=QUESTION)
    right = score(RIGHT, concepts, question=QUESTION, references=REFERENCES)
    wrong = score(WRONG, concepts, question=QUESTION, references=REFERENCES)
    assert wrong.value < right.value - 5, (right.value, wrong.value)


FACTS = (
    "The docker ps command lists the containers that are running.",
    "The docker rm command removes containers that have stopped.",
    "The docker stop command stops a running container gracefully.",
    "The docker pull command downloads an image from a registry.",
)
SWAPPED = (
    "The docker ps command removes containers that have stopped.",
    "The docker rm command downloads the containers that are running.",
    "The docker pull command stops a registry gracefully.",
    "The docker stop command lists an image.",
)


@settings(max_examples=200, deadline=None)
@given(
    sentences=st.lists(st.sampled_from(FACTS + SWAPPED), max_size=5),
    further=st.sampled_from(FACTS + SWAPPED),
)
def test_a_further_sentence_never_lowers_the_credit_pair_support_damps(
    sentences: list[str], further: str
) -> None:
    # The factor is per sentence, so the other sentences keep theirs, even when the further one
    # swaps facts (a share over the whole answer would fail this). The whole value is not
    # checked here: the vector similarity, a measure of the whole answer, moves with any word.
    concepts = extract_concepts(MODEL, question=QUESTION)
    answer = " ".join(sentences)
    before = score(answer, concepts, question=QUESTION, references=REFERENCES)
    after = score(f"{answer} {further}".strip(), concepts, question=QUESTION, references=REFERENCES)
    assert after.reference_recall >= before.reference_recall
    assert after.concept_coverage >= before.concept_coverage
    assert after.word_coverage >= before.word_coverage


# The option pattern as first written: the look-behind tried at every character.
PLAIN_OPTION_RE = re.compile(r"(?<![\w-])--?[A-Za-z]")


@settings(max_examples=1000, deadline=None)
@given(text=st.text(alphabet="aZ_1é -\n.", max_size=30))
def test_the_option_pattern_finds_the_options_the_plain_one_finds(text: str) -> None:
    found = [m.start() for m in pairs._OPTION_RE.finditer(text)]
    assert found == [m.start() for m in PLAIN_OPTION_RE.finditer(text)]


def _shares_pair_by_pair(text: str) -> list[tuple[int, int]]:
    # The shares as defined: per clause, every two distinct known stems (options of a command
    # line left out), supported when a model answer's sentence has both.
    tokens = tokenize(text)
    partners = pairs.reference_pairs(REFERENCES)
    options = pairs._option_words(tokens) if pairs._OPTION_RE.search(text) else set()
    clauses: dict[int, set[str]] = {}
    for index, word_stem in enumerate(tokens.stems):
        known = word_stem in partners and word_stem not in ASKED and not tokens.stop[index]
        if known and index not in options:
            clauses.setdefault(tokens.clause[index], set()).add(word_stem)
    found = [(0, 0)] * len(tokens.sentence_content)
    for clause, stems in clauses.items():
        at = tokens.sentence[tokens.clause.index(clause)]
        couples = list(combinations(sorted(stems), 2))
        supported = sum(b in partners[a] for a, b in couples)
        found[at] = (found[at][0] + supported, found[at][1] + len(couples))
    return found


MODEL_WORDS = ("docker", "ps", "lists", "rm", "removes", "stops", "running", "image", "registry")


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(
        st.sampled_from((*MODEL_WORDS, "the", "quickly", ",", ".", ";", "--rm", "-d", "\n")),
        max_size=16,
    )
)
def test_the_shares_are_the_pairs_counted_one_by_one(words: list[str]) -> None:
    text = " ".join(words).replace("\\n", "\n")
    assert shares(text) == _shares_pair_by_pair(text)
