"""Copies of a bank that shared a name are numbered as copying numbers them: "X (copy 2)".

Migration 0007 does so for a database upgraded now; 0009 renames the "X (copy) (2)" an earlier
0007 left, so databases upgraded before and after end with the same names.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from content.banks import copy_name
from content.models import Topic
from tests.interviews.migrations.past_state import migrate_forward, migrated_back_to

BEFORE_UNIQUE_NAMES = [("content", "0006_model_answer_dates")]
UNIQUE_NAMES = [("content", "0007_bank_names_unique_per_owner")]
# An upgraded database whose 0007 ran before it knew the copy scheme holds this state's names.
BEFORE_COPY_NAMES = [("content", "0008_revision_author_deleted")]


def banks_create(old, rows: list[tuple[int | None, str]]) -> list[int]:
    """Banks of (owner id, name) in creation order, in the past state `old`; their ids."""
    Bank = old.get_model("content", "Topic")
    return [
        Bank.objects.create(owner_id=owner, name=name, slug=f"bank-{number}").pk
        for number, (owner, name) in enumerate(rows)
    ]


def names_of(ids: list[int], *, model=Topic) -> list[str]:
    return [model.objects.get(pk=pk).name for pk in ids]


def migrated_to(target: list[tuple[str, str]]):
    """Migrate forward to `target` only; that state's Topic model."""
    executor = MigrationExecutor(connection)
    executor.migrate(target)
    return executor.loader.project_state(target).apps.get_model("content", "Topic")


@pytest.mark.django_db(transaction=True)
def test_later_copies_sharing_a_name_are_numbered_inside_the_copy_mark(django_user_model):
    old, latest = migrated_back_to(BEFORE_UNIQUE_NAMES)
    amy = old.get_model("auth", "User").objects.create(username="amy").pk
    ids = banks_create(
        old,
        [
            (amy, "Docker"),
            (amy, "Docker (copy)"),
            (amy, "Docker (copy)"),
            (amy, "Docker (copy 3)"),  # taken already: the next copy skips it
            (amy, "docker (COPY)"),  # the same name in another case
            (amy, "Docker (copy)"),
            (None, "Go (copy)"),  # site banks among site banks
            (None, "Go (copy)"),
            (amy, "L" * 193 + " (copy)"),  # at the column's 200 characters
            (amy, "L" * 193 + " (copy)"),
            (amy, "Docker(copy)"),  # not a copy's name: numbered as any other
            (amy, "Docker(copy)"),
        ],
    )
    numbered = names_of(ids, model=migrated_to(UNIQUE_NAMES))
    migrate_forward(latest)

    expected = [
        "Docker",
        "Docker (copy)",
        "Docker (copy 2)",
        "Docker (copy 3)",
        "docker (copy 4)",
        "Docker (copy 5)",
        "Go (copy)",
        "Go (copy 2)",
        "L" * 193 + " (copy)",
        "L" * 191 + " (copy 2)",
        "Docker(copy)",
        "Docker(copy) (2)",
    ]
    assert numbered == expected
    # 0009 leaves them as they are.
    assert names_of(ids) == expected
    # What an upgrade leaves is what copying goes on from.
    owner = django_user_model.objects.get(pk=amy)
    assert copy_name(name="Docker", owner=owner) == "Docker (copy 6)"
    assert copy_name(name="L" * 200, owner=owner) == "L" * 191 + " (copy 3)"


@pytest.mark.django_db(transaction=True)
def test_copies_the_earlier_migration_numbered_take_the_copy_scheme_where_it_is_free():
    old, latest = migrated_back_to(BEFORE_COPY_NAMES)
    User = old.get_model("auth", "User")
    amy = User.objects.create(username="amy").pk
    cole = User.objects.create(username="cole").pk
    ids = banks_create(
        old,
        [
            (amy, "Docker (copy)"),
            (amy, "Docker (copy) (2)"),
            (amy, "Docker (copy) (3)"),
            (amy, "docker (COPY 3)"),  # made since, in any case: holds the name
            (amy, "Helm (COPY) (12)"),
            (cole, "Docker (copy 2)"),  # another owner's name holds nothing for amy
            (cole, "Docker (copy) (2)"),
            (None, "Go (copy) (2)"),
            (None, "go (copy 2)"),  # a site bank's name holds it for site banks
            (None, "Rust (copy) (2)"),
            (amy, "L" * 188 + " (copy) (2)"),
            (amy, "Kube (copy) (1)"),  # 0007 never wrote these: left alone
            (amy, "Kube (copy) (02)"),
            (amy, "Kube (copy)(2)"),
            (amy, "Kube (2)"),
        ],
    )
    migrate_forward(latest)

    assert names_of(ids) == [
        "Docker (copy)",
        "Docker (copy 2)",
        "Docker (copy) (3)",
        "docker (COPY 3)",
        "Helm (copy 12)",
        "Docker (copy 2)",
        "Docker (copy) (2)",
        "Go (copy) (2)",
        "go (copy 2)",
        "Rust (copy 2)",
        "L" * 188 + " (copy 2)",
        "Kube (copy) (1)",
        "Kube (copy) (02)",
        "Kube (copy)(2)",
        "Kube (2)",
    ]
    # Only names change: every bank keeps its address.
    assert list(Topic.objects.filter(pk__in=ids).order_by("pk").values_list("slug", flat=True)) == [
        f"bank-{number}" for number in range(len(ids))
    ]
