"""A bank's name is unique among its owner's banks, in any case: imports find banks by name.

Banks stored before may share a name (the bank pages allowed it, and copying a bank twice made
two "X (copy)"). Per owner (site banks together), the oldest keeps the name and each later one
is numbered by creation order, then id, skipping names already taken: "X (2)", "X (3)"..., and
a later "X (copy)" as copying names copies now, "X (copy 2)", "X (copy 3)"... The database then
holds the rule for interviewers' banks; site banks are kept apart by the forms, because deleting
an account makes its banks site banks.

Until the copy scheme was added here, a later "X (copy)" became "X (copy) (2)": migration 0009
renames those to the copy scheme, so databases upgraded before and after agree.
"""

from collections import defaultdict

import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models
from django.db.models.functions import Lower

# content.banks names copies so; written out here, as a migration must not follow later code.
COPY_SUFFIX = " (copy)"


def duplicate_names_number(apps, schema_editor):
    """Rename the later banks of one owner that share a name (in any case): "X (2)", "X (3)"...;
    "X (copy 2)", "X (copy 3)"... for a copy."""
    Topic = apps.get_model("content", "Topic")
    limit = Topic._meta.get_field("name").max_length
    # Lowered by the database, as the constraint compares them.
    rows = list(
        Topic.objects.annotate(key=Lower("name"))
        .order_by("created_at", "pk")
        .values_list("pk", "owner_id", "name", "key")
    )
    taken = defaultdict(set)
    for _, owner_id, _, key in rows:
        taken[owner_id].add(key)
    seen = defaultdict(set)
    for pk, owner_id, name, key in rows:
        if key not in seen[owner_id]:
            seen[owner_id].add(key)
            continue
        new_name, new_key = _numbered(name, key, taken=taken[owner_id], limit=limit)
        taken[owner_id].add(new_key)
        Topic.objects.filter(pk=pk).update(name=new_name)


def _numbered(name, key, *, taken, limit):
    """The first free (name, lowered name) numbered from 2: a copy's number goes inside its
    "(copy)", as content.banks.copy_name numbers copies."""
    is_copy = key.endswith(COPY_SUFFIX)
    if is_copy:
        name, key = name[: -len(COPY_SUFFIX)], key[: -len(COPY_SUFFIX)]
    number = 2
    while True:
        suffix = f" (copy {number})" if is_copy else f" ({number})"
        kept = limit - len(suffix)
        if key[:kept] + suffix not in taken:
            return name[:kept] + suffix, key[:kept] + suffix
        number += 1


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0006_model_answer_dates"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(duplicate_names_number, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="topic",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("name"),
                models.F("owner"),
                condition=models.Q(("owner__isnull", False)),
                name="one_bank_name_per_owner",
                violation_error_message="This owner already has a bank of this name.",
            ),
        ),
    ]
