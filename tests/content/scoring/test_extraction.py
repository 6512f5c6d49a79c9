"""Concept extraction from model answers: phrases, variants, tiers, and what is left out."""

import pytest

from content.scoring import Concept, extract_concepts, score
from content.scoring.text import content_stems
from content.scoring.variants import find_abbreviations, spelling_variants
from tests.content.scoring.fixtures_docker import BEGINNER_ANSWER, EXPERT_ANSWER, QUESTION


@pytest.fixture(scope="module")
def concepts() -> tuple[Concept, ...]:
    return extract_concepts(EXPERT_ANSWER, beginner_answer=BEGINNER_ANSWER, question=QUESTION)


def forms(concept: Concept) -> set[str]:
    return {concept.label.lower(), *(v.lower() for v in concept.variants)}


def find(concepts: tuple[Concept, ...], surface: str) -> Concept:
    return next(c for c in concepts if surface in forms(c))


def test_the_set_is_sized_by_quality_expert_concepts_ranked_then_the_beginners_own(
    concepts,
) -> None:
    assert 8 <= len(concepts) <= 40
    assert all(0 < c.weight <= 1 for c in concepts)
    # The expert answer's concepts come first, best first; the beginner answer's own follow.
    expert = [c for c in concepts if c.label not in {"portable", "startup time", "lightweight"}]
    weights = [c.weight for c in expert]
    assert weights == sorted(weights, reverse=True)
    assert {"portable", "startup time", "lightweight"} <= {c.label for c in concepts}


def test_a_smaller_quality_floor_keeps_more_concepts() -> None:
    from content.scoring import extraction

    strict = extract_concepts(EXPERT_ANSWER, question=QUESTION)
    try:
        extraction.QUALITY_FLOOR = 0.1
        loose = extract_concepts(EXPERT_ANSWER, question=QUESTION)
    finally:
        extraction.QUALITY_FLOOR = 0.3
    assert len(loose) > len(strict)


@pytest.mark.parametrize(
    ("surface", "also"),
    [
        ("namespaces", "namespace"),
        ("control groups", "cgroups"),
        ("union file systems", "union filesystems"),
        ("shared kernel", "kernel sharing"),
        ("operating system", "os"),
        ("os-level virtualization", "os level virtualization"),
    ],
)
def test_key_concepts_are_found_with_their_variants(concepts, surface: str, also: str) -> None:
    assert also in forms(find(concepts, surface))


@pytest.mark.parametrize(
    "noise",
    ["posted", "mar", "expert answer", "tip", "example", "uts", "bin", "bash", "unshare", "2025"],
)
def test_boilerplate_flags_and_paths_are_left_out(concepts, noise: str) -> None:
    assert all(noise not in {w.lower() for w in c.label.split()} for c in concepts)


def test_concepts_that_merely_repeat_the_question_are_left_out(concepts) -> None:
    asked = set(content_stems(QUESTION))
    assert all(not set(content_stems(c.label)) <= asked for c in concepts)


def test_tier_is_core_when_the_beginner_answer_covers_it(concepts) -> None:
    assert find(concepts, "operating system").tier == "core"
    assert find(concepts, "namespaces").tier == "advanced"
    assert {c.tier for c in concepts} == {"core", "advanced"}


def test_without_a_beginner_answer_every_concept_is_core() -> None:
    assert {c.tier for c in extract_concepts(EXPERT_ANSWER, question=QUESTION)} == {"core"}


def test_the_expert_answer_scores_high_against_its_own_concepts(concepts) -> None:
    assert score(EXPERT_ANSWER, concepts, question=QUESTION).value >= 90
    beginner = score(BEGINNER_ANSWER, concepts, question=QUESTION)
    assert beginner.value < 85
    assert beginner.level_estimate in {"beginner", "between"}


def test_extraction_is_deterministic() -> None:
    first = extract_concepts(EXPERT_ANSWER, beginner_answer=BEGINNER_ANSWER, question=QUESTION)
    again = extract_concepts(EXPERT_ANSWER, beginner_answer=BEGINNER_ANSWER, question=QUESTION)
    assert first == again


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("", 20, 0),
        ("   \n ", 20, 0),
        ("Posted on Mar 26, 2025\nExpert Answer\nTip: Example:", 20, 0),
        (EXPERT_ANSWER, 5, 5),
        (EXPERT_ANSWER, 0, 0),
    ],
)
def test_limit_and_empty_input(text: str, limit: int, expected: int) -> None:
    assert len(extract_concepts(text, limit=limit)) == expected


def test_short_reference_keeps_every_content_word() -> None:
    concepts = extract_concepts(
        "At the main function.", question="Where do C++ programs begin to execute?"
    )
    assert {c.label for c in concepts} == {"main function"}


def test_a_concept_stated_negatively_is_marked() -> None:
    concepts = extract_concepts(
        "An array is accessed by index and does not require a traversal.",
        question="What is the advantage of arrays?",
    )
    assert find(concepts, "traversal").negated
    assert not find(concepts, "index").negated


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Open Container Initiative (OCI) publishes", {"oci": "open container initiative"}),
        ("OCI (Open Container Initiative) publishes", {"oci": "open container initiative"}),
        ("uses Control Groups (cgroups) to", {"cgroups": "control groups"}),
        ("Implementing Copy-on-Write (CoW) semantics", {"cow": "copy-on-write"}),
        ("the Container Network Model (CNM) is", {"cnm": "container network model"}),
        ("drivers (bridge, host) and overlay2 (default)", {}),
        ("runs Docker (the engine)", {}),
    ],
)
def test_abbreviations_defined_in_the_text_are_detected(text: str, expected: dict) -> None:
    assert find_abbreviations(text) == expected


@pytest.mark.parametrize(
    ("phrase", "variant"),
    [
        ("multi-stage build", "multistage build"),
        ("multi-stage build", "multi stage build"),
        ("file system", "filesystem"),
        ("union file system", "union filesystem"),
        ("namespaces", "namespace"),
        ("dependency", "dependencies"),
        ("VM", "VMs"),
    ],
)
def test_spelling_variants(phrase: str, variant: str) -> None:
    assert variant in spelling_variants(phrase)


def test_dockerfile_lines_give_no_concepts_but_instruction_headings_do() -> None:
    answer = (
        "A multi-stage build separates the build stage from the runtime stage, and the final "
        "stage copies only the compiled binary. The runtime stage starts from a small base.\n"
        "FROM golang:1.22 AS builder\n"
        "RUN go mod download\n"
        "FROM runtime-base AS final\n"
        "USER appuser\n"
        "FROM runtime-base AS final\n"
        "- WORKDIR: sets the working directory for the instructions after it\n"
        "- WORKDIR: is set once per stage\n"
    )
    labels = {c.label.lower() for c in extract_concepts(answer)}
    assert not labels & {"runtime-base", "appuser", "go mod download", "runtime-base final"}
    assert any("workdir" in label or "working directory" in label for label in labels)


def test_a_contracted_function_word_starts_no_concept() -> None:
    beginner = (
        "Resource limits are like sharing food at a party: there's enough food for everyone "
        "only if nobody takes it all. They're set per container, so let's look at memory "
        "limits and CPU shares, which stop one container from starving the others."
    )
    labels = [c.label.lower() for c in extract_concepts(beginner)]
    assert not [label for label in labels if label.split()[0] in {"there", "they're", "let"}]
    assert any("memory limits" in label or "cpu shares" in label for label in labels)


def test_a_comparative_alone_is_no_concept_of_a_long_answer(concepts) -> None:
    labels = {c.label.lower() for c in concepts}
    assert "stronger" not in labels  # "Stronger boundaries (separate kernels)" in the table
    answer = "Containers share the host kernel, so their isolation is weaker than a VM's."
    assert not score(answer, concepts, question=QUESTION).negated
    short = extract_concepts("The greater the mass, the greater the force.")
    assert "greater" in {c.label for c in short}


def test_an_answer_that_picks_among_the_questions_words_keeps_its_concepts() -> None:
    # Every word of the model answer is in the question, which names both options.
    question = "Does the food contain acid or sugar?"
    concepts = extract_concepts("The food contains sugar.", question=question)
    assert any("sugar" in c.label for c in concepts)
    right = score("It has sugar in it.", concepts, question=question).value
    wrong = score("It has acid in it.", concepts, question=question).value
    assert right > wrong


@pytest.mark.parametrize(
    ("question", "likened"),
    [
        (
            14,
            {"apartment building", "transportation systems"},
        ),  # "Think of a bridge network like..."
        (15, {"external hard drives"}),  # "Think of Docker volumes like external hard drives"
        (20, {"doctor checking", "vital signs"}),  # "Think of it like a doctor checking your..."
        (22, {"kitchen", "finished dish"}),  # "... is like cooking a meal in one kitchen, then..."
    ],
)
def test_an_analogys_vehicle_makes_no_concept_of_the_bundled_bank(question, likened) -> None:
    from tests.content.scoring.test_docker_bank_ordering import bank

    labels = {c.label.lower() for c in bank()[question - 1][1]}
    assert not labels & likened
    assert len(labels) >= 10  # the rest of the answer still gives its concepts


def test_a_word_in_an_analogy_and_said_literally_elsewhere_stays_a_concept() -> None:
    text = (
        "An image is like a template. The template holds the filesystem and the metadata, "
        "and each container adds a writable layer on top of the image template."
    )
    labels = {c.label.lower() for c in extract_concepts(text)}
    assert any("template" in label for label in labels)


@pytest.mark.parametrize(
    "text",
    [
        "Think of volumes as lockers at a gym: they keep your things safe.",
        "Networking is like creating virtual highways between containers.",
        "The relationship is similar to a class and an object in programming.",
        "Containers are like apartments in one building.",
    ],
)
def test_the_likening_phrases_are_recognised(text: str) -> None:
    from content.scoring.extraction import without_analogies

    literal = without_analogies(text)
    assert literal != text
    assert not {"lockers", "highways", "class", "apartments"} & set(literal.lower().split())


def test_everyday_words_are_no_concepts_of_a_long_answer() -> None:
    from tests.content.scoring.test_docker_bank_ordering import bank

    # "Yes, ..." and "... and get it back later" in the bundled bank's answers on mounts.
    assert not {c.label.lower() for c in bank()[15][1]} & {"yes", "back"}
    beginner = (
        "Yes, you can share one volume between containers. Now each container sees the same "
        "files, and everyone who mounts the volume gets the data back after a restart. Docker "
        "takes care of where the volume lives on the host, so you only give it a name; bind "
        "mounts instead point at a folder you choose, and tmpfs mounts keep data in memory."
    )
    labels = {c.label.lower() for c in extract_concepts(beginner)}
    assert not labels & {"yes", "now", "everyone", "back", "takes"}
    assert {"bind mounts", "tmpfs mounts"} <= labels


def test_what_is_likened_is_a_few_words() -> None:
    from content.scoring.extraction import without_analogies

    near = "Think of the writable layer on top of the image like a notepad."
    assert "notepad" not in without_analogies(near)
    # "like" far from "think of" compares nothing with it; the bound also keeps the search
    # linear on a long line that says "think of" often and never "like".
    far = (
        "Think of what happens when the daemon restarts, which stops every container that was "
        "started without a restart policy, like the ones in this list."
    )
    assert without_analogies(far) == far


@pytest.mark.parametrize("phrase", ["слой", "образ неизменяем", "δίκτυο", "容器"])
def test_english_plural_rules_give_no_variant_of_a_word_in_another_script(phrase: str) -> None:
    # "слойs" would never match an answer and reads as a typo on the concept page.
    last = phrase.split()[-1]
    assert not any(v.endswith((last + "s", last + "es")) for v in spelling_variants(phrase))


@pytest.mark.parametrize(("phrase", "variant"), [("layer", "layers"), ("résumé", "résumés")])
def test_a_word_in_latin_letters_still_gets_its_other_number(phrase: str, variant: str) -> None:
    assert variant in spelling_variants(phrase)


@pytest.mark.parametrize(
    ("phrase", "never"),
    [
        ("declaratively", "declarativelies"),  # an adverb has no plural
        ("read-only", "read-onlies"),
        ("keeps pods running", "keepspods running"),  # a verb or a plural starts no compound
        ("keeps pods running", "keeps podsrunning"),
        ("API keys", "APIkeys"),  # nor does an acronym
        ("host OS", "hostOS"),
        ("public vs private", "public vsprivate"),  # nor a function word
    ],
)
def test_spelling_variants_leave_out_words_no_one_writes(phrase: str, never: str) -> None:
    assert never not in spelling_variants(phrase)


@pytest.mark.parametrize(
    ("phrase", "variant"),
    [("data plane", "dataplane"), ("build context", "buildcontext"), ("class path", "classpath")],
)
def test_two_plain_nouns_still_join(phrase: str, variant: str) -> None:
    assert variant in spelling_variants(phrase)
