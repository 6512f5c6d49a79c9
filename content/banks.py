"""Which bank a name means: names are unique per owner, in any case.

A bank's address (its slug) is made once, when the bank is created, and kept through renames, so
it cannot tell banks apart by name; two interviewers may each have a "Kubernetes". A name is
unique among one owner's banks, in any case (and among the site banks, which have no owner). The
rules on who may edit what stay on TopicQuerySet.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

from django.utils.text import slugify

from content.models import RESERVED_TOPIC_SLUGS, Topic

SLUG_SUFFIX_BYTES = 3
COPY_SUFFIX = " (copy)"
COPY_SUFFIX_NUMBERED = " (copy {number})"
NAME_TAKEN_YOURS = (
    "You already have a bank named “{name}”: choose another name, or rename that bank first."
)
NAME_TAKEN_SITE = "A site bank is already named “{name}”: choose another name."
NAME_TAKEN_OWNER = "{owner} already has a bank named “{name}”: choose another name."


def slug_free(model, base: str, *, max_length: int) -> str:
    """`base` when no row of `model` has it, else base with a short random suffix."""
    return slugs_free(model, [base], max_length=max_length)[0]


def slugs_free(model, bases: Sequence[str], *, max_length: int) -> list[str]:
    """slug_free for each base, the slugs different from each other too; one query when free."""
    bases = [base[: max_length - 2 * SLUG_SUFFIX_BYTES - 1].strip("-") or "bank" for base in bases]
    slugs = list(bases)
    while True:
        taken = set(model.objects.filter(slug__in=slugs).values_list("slug", flat=True))
        if not taken and len(set(slugs)) == len(slugs):
            return slugs
        seen: set[str] = set()
        for index, slug in enumerate(slugs):
            if slug in taken or slug in seen:
                slugs[index] = f"{bases[index]}-{secrets.token_hex(SLUG_SUFFIX_BYTES)}"
            seen.add(slugs[index])


def topic_slug_new(name: str) -> str:
    """A fresh address for a new bank: its slugified name, made unique, never a page's own."""
    base = slugify(name)
    base = f"{base}-bank" if base in RESERVED_TOPIC_SLUGS else base
    return slug_free(Topic, base, max_length=Topic._meta.get_field("slug").max_length)


def name_holder(*, name: str, owner, exclude: int | None = None) -> Topic | None:
    """The bank of `owner` (None: a site bank) already named `name` in any case, if any."""
    holders = Topic.objects.owned_by(owner).named(name)
    if exclude is not None:
        holders = holders.exclude(pk=exclude)
    return holders.order_by("pk").first()


def name_taken_message(holder: Topic, *, user) -> str:
    """Why a name is refused, naming the bank that has it (the user may edit that owner's banks)."""
    if holder.owner_id is None:
        return NAME_TAKEN_SITE.format(name=holder.name)
    if holder.owner_id == user.pk:
        return NAME_TAKEN_YOURS.format(name=holder.name)
    return NAME_TAKEN_OWNER.format(owner=holder.owner.get_username(), name=holder.name)


def copy_name(*, name: str, owner) -> str:
    """The name of a copy of bank `name` for `owner`: "X (copy)", else "X (copy 2)", ..."""
    limit = Topic._meta.get_field("name").max_length
    number = 1
    while True:
        suffix = COPY_SUFFIX if number == 1 else COPY_SUFFIX_NUMBERED.format(number=number)
        candidate = f"{name[: limit - len(suffix)]}{suffix}"
        if name_holder(name=candidate, owner=owner) is None:
            return candidate
        number += 1
