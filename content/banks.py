"""Which bank a name means: names are unique per owner, and imports find banks by them.

A bank's address (its slug) is made once, when the bank is created, and kept through renames, so
it cannot tell banks apart by name; two interviewers may each have a "Kubernetes". A name is
unique among one owner's banks, in any case (and among the site banks, which have no owner), and
that is how a file finds its bank: an upload among what its uploader owns, the command line
(which acts for the site) among every bank. The rules on who may edit what stay on TopicQuerySet.
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
AMBIGUOUS_UPLOAD = (
    "expected one bank named '{name}', but {count} banks you may change have this name: {banks}. "
    "Rename all but one of them on their bank pages, then upload the file again"
)
# The command has no option that picks a bank (--topic only names a CSV file's topic, and is
# looked up by name first), so the way out is a rename.
AMBIGUOUS_COMMAND = (
    "expected one bank named '{name}', but {count} banks have this name (slugs: {slugs}): "
    "rename all but one of them (on its page, /bank/<slug>/, or in the admin), then import again"
)

# export_bank takes a slug first, so the slug is how to pick one of the banks sharing a name.
AMBIGUOUS_EXPORT = (
    "{count} banks are named {name!r}: {banks}. Names are unique per owner only: name the bank "
    "to export by its slug (its address, /bank/<slug>/), say `manage.py export_bank {slug}`. "
    "Nothing was exported."
)


class BankAmbiguous(Exception):
    """More than one bank answers to a file's topic name."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


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


def _one(banks, *, ambiguous) -> Topic | None:
    found = list(banks.select_related("owner").order_by("pk"))
    if len(found) > 1:
        raise BankAmbiguous(ambiguous(found))
    return found[0] if found else None


def upload_bank_find(*, name: str, user, name_from_file: bool) -> Topic | None:
    """The bank an upload by `user` goes into; None: a new bank of theirs.

    In this order: their own bank of that name; for staff, the site bank of that name; when the
    name is the file's (a CSV export is named after the bank's slug, which a rename keeps), the
    bank they may edit at that address. Every step looks only at banks the user may edit, so a
    bank of someone else is never changed, nor its name shown.
    """
    editable = Topic.objects.editable_by(user)
    steps = [editable.filter(owner=user).named(name), editable.owned_by(None).named(name)]
    if name_from_file:
        steps.append(editable.filter(slug=slugify(name)))

    def ambiguous(found: list[Topic]) -> str:
        banks = ", ".join(
            f"“{bank.name}” ({_whose(bank, user)}, /bank/{bank.slug}/)" for bank in found
        )
        return AMBIGUOUS_UPLOAD.format(name=name, count=len(found), banks=banks)

    for banks in steps:
        if (bank := _one(banks, ambiguous=ambiguous)) is not None:
            return bank
    return None


def site_bank_find(*, name: str) -> Topic | None:
    """The bank a command-line import goes into (it acts for the site): by name, then by slug."""

    def ambiguous(found: list[Topic]) -> str:
        slugs = ", ".join(bank.slug for bank in found)
        return AMBIGUOUS_COMMAND.format(name=name, count=len(found), slugs=slugs)

    bank = _one(Topic.objects.named(name), ambiguous=ambiguous)
    return bank or Topic.objects.filter(slug=slugify(name)).first()


def export_bank_find(topic: str) -> Topic | None:
    """The bank `manage.py export_bank TOPIC` means: the one at that slug, else the one named
    exactly so (a name several banks share is refused, listing their slugs)."""
    at_slug = Topic.objects.filter(slug=topic).first()
    if at_slug is not None:
        return at_slug

    def ambiguous(found: list[Topic]) -> str:
        banks = ", ".join(f"{bank.slug} ({_whose(bank)})" for bank in found)
        return AMBIGUOUS_EXPORT.format(
            name=topic, count=len(found), banks=banks, slug=found[0].slug
        )

    return _one(Topic.objects.filter(name=topic), ambiguous=ambiguous)


def _whose(bank: Topic, user=None) -> str:
    if bank.owner_id is None:
        return "a site bank"
    if user is not None and bank.owner_id == user.pk:
        return "yours"
    return f"{bank.owner.get_username()}'s"
