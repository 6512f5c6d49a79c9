"""The mastery page's chart: concept coverage per day as a server-drawn SVG, no JavaScript."""

from __future__ import annotations

from dataclasses import dataclass

from django import template

from interviews.charts import percent_line, shown

register = template.Library()

WIDTH = 600
HEIGHT = 180
PAD = 24


@dataclass(frozen=True, slots=True)
class PlacedPoint:
    x: float
    y: float
    label: str


def place_points(points) -> list[PlacedPoint]:
    """CoveragePoints (oldest first) placed on a WIDTH x HEIGHT plot, 0% at the bottom."""
    places = percent_line([point.coverage for point in points], width=WIDTH, height=HEIGHT, pad=PAD)
    return [
        PlacedPoint(
            x=x,
            y=y,
            label=f"{point.day:%Y-%m-%d}: {shown(point.coverage)}% of concepts covered "
            f"over {point.attempts} answer{'s' if point.attempts != 1 else ''}",
        )
        for (x, y), point in zip(places, points, strict=True)
    ]


@register.inclusion_tag("interviews/candidate/_coverage_chart.html")
def coverage_chart(points, title: str) -> dict:
    placed = place_points(points)
    return {
        "points": placed,
        "polyline": " ".join(f"{p.x},{p.y}" for p in placed),
        "width": WIDTH,
        "height": HEIGHT,
        "top": PAD,
        "bottom": HEIGHT - PAD,
        "middle": HEIGHT // 2,
        "title": title,
        "first": points[0].day if points else None,
        "last": points[-1].day if points else None,
    }
