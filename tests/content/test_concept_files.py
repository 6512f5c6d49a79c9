"""export_concepts / import_concepts: a JSON round trip that keeps curation, all or nothing."""

import io
import json
import re

import pytest
from django.core.management import CommandError, call_command

from content.concept_files import concepts_export, concepts_import, concepts_set_many
from content.concepts import concepts_refresh
from content.models import Concept


@pytest.fixture
def extracted(docker_question, layers_question):
    for question in (docker_question, layers_question):
        concepts_refresh(question=question)
    return docker_question, layers_question


def export(*args) -> dict:
    out = io.StringIO()
    call_command("export_concepts", *args, stdout=out)
    return json.loads(out.getvalue())


def import_file(tmp_path, data, name="concepts.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    out = io.StringIO()
    call_command("import_concepts", str(path), stdout=out)
    return out.getvalue()


def snapshot() -> list[tuple]:
    return list(
        Concept.objects.order_by("question__slug", "label").values_list(
            "question__slug",
            "label",
            "variants",
            "weight",
            "tier",
            "negated",
            "origin",
            "is_active",
            "rank",
        )
    )


def test_export_lists_every_question_with_its_concepts(extracted):
    docker_question, _ = extracted
    Concept.objects.filter(question=docker_question, label="kernel").update(is_active=False)

    data = export()

    assert data["version"] == 1
    entries = {entry["slug"]: entry for entry in data["questions"]}
    assert set(entries) == {"docker-vs-virtual-machines", "docker-image-layers"}
    entry = entries["docker-vs-virtual-machines"]
    assert entry["text"] == docker_question.text
    first = entry["concepts"][0]
    assert set(first) == {
        "label",
        "variants",
        "weight",
        "tier",
        "negated",
        "origin",
        "is_active",
        "rank",
    }
    assert first["origin"] == "extracted"
    assert {"label": "kernel", "is_active": False}.items() <= next(
        c for c in entry["concepts"] if c["label"] == "kernel"
    ).items()


def test_export_by_topic_to_a_file(extracted, tmp_path, docker_topic):
    other = docker_topic.__class__.objects.create(name="Kubernetes", slug="kubernetes")
    assert export("--topic", other.slug)["questions"] == []
    path = tmp_path / "docker.json"
    call_command("export_concepts", "--topic", "docker", "-o", str(path), stderr=io.StringIO())
    assert len(json.loads(path.read_text(encoding="utf-8"))["questions"]) == 2
    with pytest.raises(CommandError, match="No topic with slug 'nope'"):
        call_command("export_concepts", "--topic", "nope")


def test_round_trip_keeps_everything_and_marks_it_curated(extracted, tmp_path):
    before = snapshot()
    data = export()

    import_file(tmp_path, data)

    after = snapshot()
    assert [row[:6] + row[7:] for row in after] == [row[:6] + row[7:] for row in before]
    assert {row[6] for row in after} == {"curated"}


def test_variants_typed_as_a_bare_string_in_the_admin_still_round_trip(extracted, tmp_path):
    docker_question, _ = extracted
    Concept.objects.filter(question=docker_question, label="kernel").update(variants=" kernels ")
    import_file(tmp_path, export())
    assert docker_question.concepts.get(label="kernel").variants == ["kernels"]


def test_import_is_idempotent(extracted, tmp_path):
    data = export()
    import_file(tmp_path, data)
    first = snapshot()
    stamps = list(Concept.objects.values_list("updated_at", flat=True))

    output = import_file(tmp_path, data)

    assert "0 created, 0 updated, 0 deleted" in output
    assert snapshot() == first
    assert list(Concept.objects.values_list("updated_at", flat=True)) == stamps


def test_import_applies_edits_and_survives_re_extraction(extracted, tmp_path):
    docker_question, _ = extracted
    data = export()
    concepts = data["questions"][0]["concepts"]
    assert data["questions"][0]["slug"] == docker_question.slug
    concepts[0]["weight"] = 2.5
    concepts[1]["is_active"] = False
    removed_label = concepts[1]["label"]
    dropped_label = concepts.pop()["label"]
    concepts.append({"label": "seccomp", "variants": ["seccomp profiles"], "tier": "advanced"})

    output = import_file(tmp_path, data)
    concepts_refresh(question=docker_question)

    assert "1 created" in output
    rows = {r.label: r for r in docker_question.concepts.all()}
    assert rows[concepts[0]["label"]].weight == 2.5
    assert rows[removed_label].is_active is False
    assert rows["seccomp"].variants == ["seccomp profiles"]
    assert rows["seccomp"].origin == "curated"
    # Dropped from the file: deleted by the import, then extraction offers it again.
    assert rows[dropped_label].origin == "extracted"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d["questions"][0].update(slug="no-such-question"), "no question with slug"),
        (
            lambda d: d["questions"][0]["concepts"][2].update(weight=-1),
            "weight must be zero or more",
        ),
        (
            lambda d: d["questions"][0]["concepts"][2].update(weight="heavy"),
            "weight must be a number",
        ),
        (lambda d: d["questions"][0]["concepts"][2].update(tier="expert"), "tier must be one of"),
        (lambda d: d["questions"][0]["concepts"][2].update(label=" "), "needs a non-empty label"),
        (
            lambda d: d["questions"][0]["concepts"][2].update(variants="x"),
            "variants must be a list",
        ),
        (lambda d: d["questions"][0]["concepts"][2].update(is_active="no"), "is_active must be"),
        (lambda d: d["questions"][0]["concepts"][2].update(rank=-3), "rank must be a whole number"),
        (lambda d: d["questions"][0]["concepts"].append({"label": "KERNEL"}), "listed twice"),
        (lambda d: d["questions"].append(d["questions"][0]), "question listed twice"),
        (lambda d: d["questions"][1].pop("concepts"), "needs a concepts list"),
        (lambda d: d["questions"].append("docker"), "questions[2]: must be an object"),
        (lambda d: d.update(version=7), "format version 7"),
        (lambda d: d.pop("questions"), 'JSON object with a "questions" list'),
    ],
)
def test_invalid_file_names_the_entry_and_writes_nothing(extracted, tmp_path, edit, message):
    data = export()
    data["questions"][0]["concepts"][0]["weight"] = 4.0  # a valid edit that must not land
    edit(data)
    before = snapshot()

    with pytest.raises(CommandError, match=re.escape(message)):
        import_file(tmp_path, data)

    assert snapshot() == before


def test_invalid_entry_is_named_by_question_and_label(extracted, tmp_path):
    data = export()
    label = data["questions"][0]["concepts"][2]["label"]
    data["questions"][0]["concepts"][2]["weight"] = -1
    with pytest.raises(CommandError) as raised:
        import_file(tmp_path, data)
    assert f"questions[0] ('docker-vs-virtual-machines') concepts[2] ({label!r})" in str(
        raised.value
    )


@pytest.mark.parametrize("text", ["{not json", '{"questions": [], "x": NaN}', ""])
def test_malformed_json_is_a_clear_error(extracted, tmp_path, text):
    before = snapshot()
    with pytest.raises(CommandError, match="not valid JSON"):
        import_file(tmp_path, text)
    assert snapshot() == before


def test_unreadable_file_is_a_clear_error(tmp_path, db):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_concepts", str(tmp_path / "missing.json"))
    (tmp_path / "latin1.json").write_bytes(b'{"questions": ["\xe9"]}')
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("import_concepts", str(tmp_path / "latin1.json"))


def test_import_from_stdin(extracted, monkeypatch):
    data = export()
    data["questions"][0]["concepts"][0]["weight"] = 1.75

    class Stdin:
        buffer = io.BytesIO(json.dumps(data).encode())

    monkeypatch.setattr("sys.stdin", Stdin)
    call_command("import_concepts", "-", stdout=io.StringIO())

    assert Concept.objects.filter(weight=1.75, origin="curated").count() == 1


def test_service_and_export_agree_without_the_command(extracted):
    data = concepts_export()
    result = concepts_import(data=data)
    assert result.questions == 2
    assert result.created == result.deleted == 0


@pytest.mark.parametrize(
    "text",
    [
        "[" * 200_000,  # a RecursionError traceback before
        '{"questions": ' + "[" * 200_000 + "]" * 200_000 + "}",
        '{"questions": [{"slug": "x", "concepts": ' + "[" * 40 + "]" * 40 + "}]}",
    ],
)
def test_deeply_nested_json_is_a_clean_error(extracted, tmp_path, text):
    from content.json_input import NESTED_TOO_DEEP

    before = snapshot()
    with pytest.raises(CommandError) as raised:
        import_file(tmp_path, text)
    assert "not valid JSON" in str(raised.value)
    assert NESTED_TOO_DEEP in str(raised.value)
    assert snapshot() == before


def test_setting_one_question_twice_in_a_run_applies_both_in_turn(extracted):
    """A run that names a question twice: the second setting meets the rows the first wrote."""
    question, other = extracted
    fields = {"variants": [], "weight": 1.0, "tier": "core", "negated": False}
    fields |= {"origin": Concept.Origin.CURATED, "is_active": True, "rank": 0}
    first = {"volumes": fields, "images": {**fields, "rank": 1}}
    second = {"images": {**fields, "weight": 2.0}}
    results = concepts_set_many([(question, first), (other, second), (question, second)])
    assert [(r.created, r.updated, r.deleted) for r in results][2] == (0, 1, 1)
    for each in (question, other):
        rows = Concept.objects.filter(question=each).values_list("label", "weight", "rank")
        assert list(rows) == [("images", 2.0, 0)]
