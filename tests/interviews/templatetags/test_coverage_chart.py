"""The mastery chart's point labels say the same rounded coverage as the table below it."""

import datetime as dt

from interviews.selectors.mastery import CoveragePoint
from interviews.templatetags.coverage_chart import place_points


def test_a_half_percent_rounds_up_as_the_table_below_it_rounds():
    """5 of 8 concepts is 62.5 %: the table's floatformat:0 says 63 %, so the chart does too."""
    points = [
        CoveragePoint(day=dt.date(2026, 5, 1), attempts=2, coverage=62.5),
        CoveragePoint(day=dt.date(2026, 5, 2), attempts=1, coverage=12.5),
    ]
    labels = [point.label for point in place_points(points)]
    assert labels == [
        "2026-05-01: 63% of concepts covered over 2 answers",
        "2026-05-02: 13% of concepts covered over 1 answer",
    ]
