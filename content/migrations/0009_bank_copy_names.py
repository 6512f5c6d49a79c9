"""Banks that migration 0007 named "X (copy) (2)" take the name copying gives: "X (copy 2)".

0007 numbered a later duplicate "X (copy)" like any other name until it learnt the copy scheme,
so a database upgraded before then holds "X (copy) (2)", "X (copy) (3)"... where the app and a
database upgraded since say "X (copy 2)". Each such bank is renamed when its owner (site banks
together) has no bank of the new name, in any case; else it keeps its name, which is as valid.
Only the name changes: the address (slug) stays, as for any rename.
"""

import re
from collections import defaultdict

from django.db import migrations
from django.db.models.functions import Lower

# What 0007 wrote: a name, " (copy)" and a number from 2. Matched on the name and on its
# lowered form, which the uniqueness rule compares.
NUMBERED_COPY = re.compile(r"(?P<base>.*) \(copy\) \((?P<number>[2-9]|[1-9][0-9]+)\)", re.I | re.S)


def copy_names_number_inside(apps, schema_editor):
    Topic = apps.get_model("content", "Topic")
    rows = list(
        Topic.objects.annotate(key=Lower("name"))
        .order_by("created_at", "pk")
        .values_list("pk", "owner_id", "name", "key")
    )
    taken = defaultdict(set)
    for _, owner_id, _, key in rows:
        taken[owner_id].add(key)
    for pk, owner_id, name, key in rows:
        name_match, key_match = NUMBERED_COPY.fullmatch(name), NUMBERED_COPY.fullmatch(key)
        if name_match is None or key_match is None:
            continue
        suffix = f" (copy {name_match['number']})"
        new_key = key_match["base"] + suffix
        if new_key in taken[owner_id]:
            continue
        taken[owner_id].discard(key)
        taken[owner_id].add(new_key)
        Topic.objects.filter(pk=pk).update(name=name_match["base"] + suffix)


class Migration(migrations.Migration):
    dependencies = [("content", "0008_revision_author_deleted")]

    operations = [migrations.RunPython(copy_names_number_inside, migrations.RunPython.noop)]
