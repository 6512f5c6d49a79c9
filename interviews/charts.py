"""Placing 0-100 values on a server-drawn SVG line chart, shared by the candidate's two charts."""

from __future__ import annotations

from collections.abc import Sequence

from django.template.defaultfilters import floatformat


def shown(value: float) -> str:
    """A 0-100 value as the tables beside the charts show it: floatformat:0, a half rounding up
    (Python's round() takes 62.5 to 62, the table says 63)."""
    return floatformat(value, 0)


def percent_line(
    values: Sequence[float], *, width: int, height: int, pad: int
) -> list[tuple[float, float]]:
    """(x, y) for each value, left to right across width, 100 at the top and 0 at the bottom."""
    step = (width - 2 * pad) / max(1, len(values) - 1)
    usable = height - 2 * pad
    return [
        (round(pad + index * step, 1), round(pad + usable * (1 - value / 100), 1))
        for index, value in enumerate(values)
    ]
