"""New concept rows are written in one executemany, and read back as bulk_create writes them."""

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.concepts import _concepts_insert
from content.models import Concept
from tests.content.formats.conftest import BANK, command

FIELDS = ("label", "variants", "weight", "tier", "negated", "origin", "is_active", "rank")


def stored(question) -> list[tuple]:
    return list(question.concepts.order_by("id").values_list(*FIELDS, "updated_at"))


@time_machine.travel("2026-03-04 05:06:07.089", tick=False)
def test_rows_read_back_as_bulk_create_writes_them(docker_question, layers_question):
    rows = [
        # Every field given, the variants with quotes and non-ASCII, a float weight.
        {
            "label": "copy-on-write",
            "variants": ['"cow"', "kopie naïve"],
            "weight": 0.73,
            "tier": Concept.Tier.ADVANCED,
            "negated": True,
            "origin": Concept.Origin.EXTRACTED,
            "is_active": True,
            "rank": 3,
        },
        # Only a label: everything else takes the model's defaults.
        {"label": "namespaces"},
    ]
    Concept.objects.bulk_create(Concept(question=docker_question, **row) for row in rows)
    _concepts_insert([{**row, "question_id": layers_question.pk} for row in rows])

    assert stored(layers_question) == stored(docker_question)
    assert stored(layers_question)[1][1] == []  # variants default to a fresh empty list


def test_an_import_writes_its_concepts_in_one_statement(db):
    with CaptureQueriesContext(connection) as queries:
        command("import_questions", str(BANK))
    inserts = [q["sql"] for q in queries if 'INTO "content_concept"' in q["sql"]]
    # One statement, run for every row (Django logs an executemany as "N times: ...").
    assert inserts == [inserts[0]]
    assert inserts[0].startswith(f"{Concept.objects.count()} times: INSERT")
