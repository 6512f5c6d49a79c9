"""The history chart's points and its text: the same rounded scores as the table beside it."""

import datetime as dt
from types import SimpleNamespace

from django.utils import timezone

from interviews.templatetags.score_chart import score_chart

DAY = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)


def finished(score: float, days: int) -> SimpleNamespace:
    return SimpleNamespace(
        is_running=False,
        hide_scores=False,
        average_score=score,
        taken_at=DAY + dt.timedelta(days=days),
    )


def test_a_half_point_rounds_up_as_the_table_beside_it_rounds():
    """The table shows floatformat:0 (62.5 -> 63); the chart said 62, Python rounding to even."""
    chart = score_chart([finished(62.5, 0), finished(80.5, 1)])
    assert chart["summary"] == "2026-05-01: 63, 2026-05-02: 81"


def test_many_sessions_are_summed_up_not_read_out_one_by_one():
    """The summary is the chart's accessible name: a screen reader reads all of it at once, so
    after a few sessions it says how many, when, and the latest, best and lowest scores."""
    scores = [40.0 + (day % 7) * 5 for day in range(300)] + [77.4]
    chart = score_chart([finished(score, day) for day, score in enumerate(scores)])
    assert chart["summary"] == (
        "301 finished sessions from 2026-05-01 to 2027-02-25; the latest scored 77, "
        "the best 77, the lowest 40"
    )
    few = score_chart([finished(score, day) for day, score in enumerate(scores[:10])])
    assert few["summary"].count(": ") == 10


def test_the_days_are_the_readers_days():
    """13:00 UTC on 1 May is already 01:00 on 2 May in Auckland, as the table beside it says."""
    afternoon = finished(62.5, 0)
    afternoon.taken_at = DAY + dt.timedelta(hours=4)
    assert score_chart([afternoon])["summary"] == "2026-05-01: 63"
    with timezone.override("Pacific/Auckland"):
        assert score_chart([afternoon])["summary"] == "2026-05-02: 63"
