"""The candidate's history chart: session scores over time as an SVG line, no JavaScript."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.utils import timezone

from interviews.charts import percent_line, shown

register = template.Library()

CHART_WIDTH = 600
CHART_HEIGHT = 160
CHART_PAD = 20


@dataclass(frozen=True, slots=True)
class ChartPoint:
    x: float
    y: float
    score: float
    day: str
    label: str


def score_points(sessions) -> list[ChartPoint]:
    """Finished sessions' average scores, oldest first, placed on an SVG of CHART_WIDTH x HEIGHT."""
    finished = sorted(
        (
            s
            for s in sessions
            if not s.is_running and not s.hide_scores and s.average_score is not None
        ),
        key=lambda s: s.taken_at,
    )
    if not finished:
        return []
    places = percent_line(
        [session.average_score for session in finished],
        width=CHART_WIDTH,
        height=CHART_HEIGHT,
        pad=CHART_PAD,
    )
    # The reader's calendar day (the active zone), as the table beside the chart shows it.
    days = [f"{timezone.localtime(session.taken_at):%Y-%m-%d}" for session in finished]
    return [
        ChartPoint(
            x=x,
            y=y,
            score=session.average_score,
            day=day,
            label=f"{day}: {shown(session.average_score)}",
        )
        for (x, y), session, day in zip(places, finished, days, strict=True)
    ]


@register.inclusion_tag("interviews/candidate/_score_chart.html")
def score_chart(sessions, *, capped: bool = False) -> dict:
    """An SVG line of the candidate's session scores over time (no JavaScript); `capped` says
    that `sessions` are the latest of more."""
    points = score_points(sessions)
    return {
        "capped": capped,
        "points": points,
        "polyline": " ".join(f"{p.x},{p.y}" for p in points),
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "summary": chart_summary(points),
    }


# The summary is the chart's accessible name, which a screen reader reads out whole; past this
# many sessions it sums them up (the table below the chart lists each, a page at a time).
SUMMARY_LISTED = 10


def chart_summary(points: list[ChartPoint]) -> str:
    """Each session's day and score, or for many sessions their count, span and scores."""
    if len(points) <= SUMMARY_LISTED:
        return ", ".join(p.label for p in points)
    scores = [p.score for p in points]
    return (
        f"{len(points)} finished sessions from {points[0].day} to {points[-1].day}; "
        f"the latest scored {shown(scores[-1])}, "
        f"the best {shown(max(scores))}, the lowest {shown(min(scores))}"
    )
