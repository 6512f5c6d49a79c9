"""Database ids as links and forms send them, checked before they reach a query.

A link can be edited by hand. An id past a 64-bit integer makes SQLite raise OverflowError
inside the query (PostgreSQL only finds nothing), and "²" passes str.isdigit() but not int():
either was a server error where the page should say the choice is not available.
"""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.core.exceptions import ValidationError

# The range of the id columns (64-bit signed integers on both databases).
ID_MIN, ID_MAX = -(2**63), 2**63 - 1


def ids_read(values: Iterable[str]) -> list[str]:
    """The values that read as database ids (ASCII digits, within ID_MAX), as given."""
    return [v for v in values if v.isascii() and v.isdigit() and int(v) <= ID_MAX]


def number_read(value: str) -> int | None:
    """A whole number a page's form sends (a question's position), read as ids_read reads an id;
    None for anything else."""
    return int(value) if ids_read([value]) else None


def _out_of_range(value) -> bool:
    try:
        number = int(str(value))
    except ValueError:
        return False  # not a number at all: the field's own check refuses it
    return not ID_MIN <= number <= ID_MAX


class IdsChoiceField(forms.ModelMultipleChoiceField):
    """ModelMultipleChoiceField that refuses an id out of the columns' range as an invalid choice.

    Django checks each posted value with an exact lookup, which knows the column's range, then
    fetches them all with an `__in` lookup, which does not: on SQLite that one raised.
    """

    def clean(self, value):
        if isinstance(value, list | tuple):
            for pk in value:
                if _out_of_range(pk):
                    raise ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": pk},
                    )
        return super().clean(value)
