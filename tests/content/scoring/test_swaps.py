"""Opposite swaps: a model answer's term attached to the opposite word contradicts it."""

from hypothesis import given, settings
from hypothesis import strategies as st

from content.scoring import extract_concepts, score, swaps
from content.scoring.text import tokenize

QUESTION = "Describe the structure of a Dockerfile and when to use volumes."
FACTS = (
    "FROM sets the base image and is always the first instruction.",
    "RUN executes commands while the image is built.",
    "CMD names the default command to run when the container starts.",
    "Databases should always keep their data in volumes.",
    "Each container starts with identical content from its image.",
)
MODEL = "\n".join(FACTS)
REFERENCES = (MODEL,)
# The same words, in the model answer's order and the other way round.
RIGHT = "FROM comes first and sets the base image, and databases should always use volumes."
WRONG = "FROM comes last and sets the base image, and databases should never use volumes."


def swapped(text: str) -> set[int]:
    return swaps.swapped_sentences(tokenize(text), REFERENCES)


def test_a_term_put_in_the_opposite_position_is_a_swap() -> None:
    assert swapped("FROM goes at the end of the file.") == {0}
    assert swapped("You add FROM last.") == {0}
    # The model's own position, in other words alike ("beginning" shares "end" with "first").
    assert swapped("FROM goes at the beginning of the file.") == set()
    assert swapped("FROM is the first instruction.") == set()


def test_a_term_given_the_opposite_state_is_a_swap() -> None:
    assert swapped("Databases should never keep their data in volumes.") == {0}
    assert swapped("Each container starts with different content.") == {0}
    # "same" is alike "identical": both are opposite "different".
    assert swapped("Each container starts with the same content.") == set()


def test_both_sides_a_negated_opposite_and_the_narrations_order_are_no_swap() -> None:
    assert swapped("FROM can go first or last.") == set()
    assert swapped("FROM does not go last.") == set()
    # "Last" opens its clause: it orders the telling, not the instruction.
    assert swapped("Last you add FROM with the base image.") == set()
    # More than WINDOW words apart, the word may say something of another term of the clause.
    assert swapped("You write FROM and then many other lines of text until the end.") == set()


def test_converse_relations_are_not_read() -> None:
    # "A is greater than B" is "B is smaller than A": the opposite word with the same terms can
    # state the same fact, so comparatives are no opposites here.
    references = ("The parent is greater than its left child.",)
    text = "The left child is smaller than its parent."
    assert swaps.swapped_sentences(tokenize(text), references) == set()


def test_swaps_are_found_per_sentence() -> None:
    text = "FROM goes at the end. RUN executes commands while the image is built."
    assert swapped(text) == {0}
    assert swaps.swap_factors(tokenize(text), REFERENCES) == [swaps.SWAP_FACTOR, 1.0]
    assert swaps.swap_factors(tokenize(RIGHT), REFERENCES) is None


def test_the_same_words_the_other_way_round_score_clearly_lower() -> None:
    concepts = extract_concepts(MODEL, question=QUESTION)
    right = score(RIGHT, concepts, question=QUESTION, references=REFERENCES)
    wrong = score(WRONG, concepts, question=QUESTION, references=REFERENCES)
    assert wrong.value < right.value - 10, (right.value, wrong.value)
    # The swapped sentence backs its words no more than its factor says.
    assert wrong.sentence_precision < right.sentence_precision


SWAPPED = (
    "FROM comes at the end, after every other instruction.",
    "Databases should never keep their data in volumes.",
    "Each container starts with different content from its image.",
    "The base image is the last instruction.",
)


@settings(max_examples=200, deadline=None)
@given(
    sentences=st.lists(st.sampled_from(FACTS + SWAPPED), max_size=5),
    further=st.sampled_from(FACTS),
)
def test_adding_a_true_model_sentence_never_lowers_the_score(
    sentences: list[str], further: str
) -> None:
    # The factor is per sentence: a true sentence keeps its credit beside a swapped one. The
    # measures the swap damps are checked; the whole value is not, as in test_pairs.py: the
    # vector similarity, a measure of the whole answer, moves with any word (without any swap:
    # "Each container starts with identical content from its image." loses 0.1 when "RUN
    # executes commands while the image is built." follows it).
    concepts = extract_concepts(MODEL, question=QUESTION)
    answer = " ".join(sentences)
    before = score(answer, concepts, question=QUESTION, references=REFERENCES)
    after = score(f"{answer} {further}".strip(), concepts, question=QUESTION, references=REFERENCES)
    assert after.reference_recall >= before.reference_recall
    assert after.concept_coverage >= before.concept_coverage
    assert after.word_coverage >= before.word_coverage
    assert after.sentence_precision >= before.sentence_precision
