"""Soft evidence, contradiction by opposites, the keyword-list cap and whole-term spans."""

import pytest

from content.scoring import Concept, score
from content.scoring.antonyms import are_antonyms
from content.scoring.neighbours import neighbour_table, neighbours_of
from content.scoring.scoring import CONTRADICTED_CAP, KEYWORD_LIST_CAP
from content.scoring.spans import whole_term

CONCEPTS = (
    Concept("fast startup", weight=1.0),
    Concept("shared kernel", weight=0.9),
    Concept("isolation", weight=0.8),
)


def test_the_neighbour_table_ships_and_reads_both_ways() -> None:
    table = neighbour_table()
    assert len(table) > 5000
    near = neighbours_of({"fast"})
    assert "quick" in near
    assert near["quick"][0][0] == "fast"


def test_opposites_never_count_as_neighbours() -> None:
    near = neighbours_of({"fast", "increas", "heavi"})
    assert "slow" not in near and "decreas" not in near and "light" not in near
    assert are_antonyms("fast", "slower") and are_antonyms("unlimit", "limit")
    assert not are_antonyms("run", "ran")


def test_a_paraphrase_earns_some_credit_and_says_it_matched_in_other_words() -> None:
    exact = score("Containers have a fast startup.", CONCEPTS)
    other = score("Containers have a quick startup.", CONCEPTS)
    nothing = score("Containers have a startup.", CONCEPTS)
    assert exact.value > other.value > nothing.value
    hit = next(h for h in other.matched if h.label == "fast startup")
    assert hit.in_other_words
    assert "Matched in other words: fast startup." in other.feedback
    assert not any(h.in_other_words for h in exact.matched)


def test_negation_vetoes_a_paraphrase() -> None:
    result = score("Containers do not have a quick startup.", CONCEPTS)
    assert "fast startup" not in {h.label for h in result.matched}


def test_a_bare_keyword_list_is_capped() -> None:
    listed = score("fast startup, shared kernel, isolation, namespaces, cgroups", CONCEPTS)
    prose = score(
        "Containers have a fast startup because they use a shared kernel, with isolation "
        "from namespaces and cgroups.",
        CONCEPTS,
    )
    assert listed.value <= KEYWORD_LIST_CAP < prose.value


def test_a_short_list_of_terms_stays_clearly_below_one_sentence_that_says_something() -> None:
    concepts = (
        Concept("shared kernel"),
        Concept("namespaces"),
        Concept("cgroups"),
        Concept("hypervisor"),
        Concept("guest OS"),
    )
    references = (
        "Containers use a shared kernel with namespaces and cgroups, while virtual machines run "
        "a guest OS on a hypervisor.",
    )
    listed = score("kernel, namespaces, cgroups, hypervisor", concepts, references=references)
    said = score(
        "Containers run on the shared kernel of the host.", concepts, references=references
    )
    assert listed.value <= said.value - 10


def test_a_concept_stated_the_other_way_round_caps_the_whole_answer() -> None:
    concepts = (Concept("memory use decreases"), Concept("pressure"), Concept("volume"))
    right = score("The memory use decreases as the pressure and the volume grow.", concepts)
    reversed_ = score("The memory use increases as the pressure and the volume grow.", concepts)
    assert "memory use decreases" in reversed_.negated
    assert reversed_.value <= CONTRADICTED_CAP < right.value


def test_an_opposite_far_from_the_rest_of_a_phrase_or_beside_its_word_reverses_nothing() -> None:
    concepts = (Concept("docker pull nginx"), Concept("registry"), Concept("layers"))
    both = score("The registry serves docker push and docker pull nginx for layers.", concepts)
    apart = score("The registry stores layers. You push to it. Nginx is a web server.", concepts)
    near = score("The registry stores layers. Docker push nginx sends the image.", concepts)
    assert not both.negated and not apart.negated
    assert "docker pull nginx" in near.negated


def test_a_negated_word_near_in_meaning_earns_nothing_but_caps_nothing() -> None:
    concepts = (Concept("fast startup"), Concept("shared kernel"), Concept("isolation"))
    result = score(
        "Containers use a shared kernel with isolation, and their startup is not quick.",
        concepts,
    )
    assert not result.negated
    assert "fast startup" not in {h.label for h in result.matched}


def test_a_negated_key_concept_caps_the_whole_answer() -> None:
    concepts = (Concept("shared kernel"), Concept("namespaces"), Concept("cgroups"))
    result = score(
        "Containers do not use a shared kernel; they get namespaces and cgroups.", concepts
    )
    assert result.value <= CONTRADICTED_CAP


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("a read-only layer", 2, 6, "read-only"),
        ("shut down gracefully", 10, 15, "gracefully"),
        ("copy-on-write here", 5, 7, "copy-on-write"),
        ("the end.", 4, 7, "end"),
    ],
)
def test_spans_cover_whole_words_and_hyphenated_terms(text, start, end, expected) -> None:
    found = whole_term(text, start, end)
    assert text[found[0] : found[1]] == expected


def test_a_phrase_span_never_crosses_a_semicolon_or_full_stop() -> None:
    concepts = (Concept("shared kernel"),)
    for text in ("It is shared; the kernel is Linux.", "It is shared. The kernel is Linux."):
        result = score(text, concepts)
        for hit in result.matched + result.partial:
            assert not any(mark in text[hit.start : hit.end] for mark in ".;")


def test_hits_cover_whole_hyphenated_terms() -> None:
    text = "The image layers are read-only."
    result = score(text, (Concept("read"), Concept("image layers")))
    spans = {text[h.start : h.end] for h in result.matched}
    assert "read-only" in spans and "read" not in spans


def test_claims_the_model_answers_do_not_back_earn_less_elaboration() -> None:
    concepts = (
        Concept("shared kernel"),
        Concept("namespaces"),
        Concept("cgroups"),
        Concept("union filesystem"),
        Concept("image layers"),
        Concept("copy-on-write"),
    )
    references = (
        "Containers use a shared kernel, namespaces and cgroups to isolate processes and limit "
        "their memory; images are layers in a union filesystem with copy-on-write.",
    )
    backed = score(
        "Namespaces isolate the processes of containers and cgroups limit their memory.",
        concepts,
        references=references,
    )
    unbacked = score(
        "Namespaces paint purple rainbows for giraffes and cgroups bake their bread.",
        concepts,
        references=references,
    )
    assert backed.support_precision > unbacked.support_precision
    assert backed.elaboration > unbacked.elaboration
    assert backed.value > unbacked.value


def test_the_best_backed_sentence_counts_and_a_further_sentence_never_lowers_it() -> None:
    concepts = (Concept("namespaces"), Concept("cgroups"))
    references = ("Namespaces isolate processes and cgroups limit their memory.",)
    backed = score(
        "Namespaces isolate the processes, and cgroups limit their memory.",
        concepts,
        references=references,
    )
    unbacked = score(
        "Namespaces paint the purple rainbows, and cgroups bake their bread.",
        concepts,
        references=references,
    )
    assert backed.sentence_precision == 1.0
    assert unbacked.sentence_precision < 0.5
    assert backed.value > unbacked.value
    # A further sentence the model answers do not back lowers the whole answer's precision,
    # never the best sentence's.
    longer = score(
        "Namespaces isolate the processes, and cgroups limit their memory. "
        "Giraffes paint the purple rainbows.",
        concepts,
        references=references,
    )
    assert longer.support_precision < backed.support_precision
    assert longer.sentence_precision == backed.sentence_precision


def test_code_tokens_of_the_model_answer_become_concepts() -> None:
    from content.scoring import extract_concepts
    from content.scoring.code_terms import code_terms

    expert = (
        "Limit memory with the --memory flag and CPU time with --cpus.\n"
        "docker run --memory 512m --cpus 1.5 nginx\n"
        "docker run --memory 1g --cpus 2 redis\n"
        "In Compose, start order comes from depends_on:\n"
        "services:\n  web:\n    depends_on:\n      - db\n  worker:\n    depends_on:\n      - db\n"
        "volumes:\n  db_data:\n"
        "Each service lists depends_on when it needs another one first.\n"
        "WORKDIR /app\nWORKDIR /srv\n"
    )
    terms = code_terms(expert)
    assert {"--memory", "--cpus", "depends_on", "WORKDIR"} <= set(terms)
    assert "db_data" not in terms
    labels = {c.label: c for c in extract_concepts(expert, beginner_answer="Set limits.")}
    assert "depends_on" in labels and labels["depends_on"].tier == "advanced"


def test_a_command_line_flag_counts_only_as_written() -> None:
    concepts = (Concept("--rm", weight=0.4, tier="advanced"), Concept("container"))
    as_written = score("Start it with docker run --rm so the container goes away.", concepts)
    in_words = score("Remove the container with docker rm when it has stopped.", concepts)
    assert "--rm" in {h.label for h in as_written.matched}
    assert "--rm" not in {h.label for h in (*in_words.matched, *in_words.partial)}


def test_a_longer_phrase_around_a_concept_is_merged_into_it() -> None:
    from content.scoring import extract_concepts

    expert = (
        "Volumes keep persistent data outside the container. Persistent data survives a "
        "restart, and persistent data can be shared. A volume is one persistent data storage "
        "mechanism, and a bind mount is another persistent data storage mechanism."
    )
    concepts = extract_concepts(expert)
    labels = [c.label for c in concepts]
    assert "persistent data" in labels
    assert not any(label.startswith("persistent data ") for label in labels)
    merged = next(c for c in concepts if c.label == "persistent data")
    assert "persistent data storage" in merged.variants
    result = score("It is a persistent data storage mechanism.", concepts)
    assert "persistent data" in {hit.label for hit in result.matched}
