"""The score bands move with the published curve: the same evidence, the same band."""

import pytest

from content.scoring import calibration
from content.scoring.bands import COMPLETE_FROM, RECALLED_FROM, SOLID_FROM, score_at
from content.scoring.calibration import FEATURES, calibrated_value


@pytest.mark.parametrize(
    ("share", "edge"), [(0.40, RECALLED_FROM), (0.60, SOLID_FROM), (0.85, COMPLETE_FROM)]
)
def test_an_answer_with_every_measure_at_the_share_lands_on_the_edge(share, edge) -> None:
    assert calibrated_value((share,) * len(FEATURES)) == pytest.approx(edge, abs=0.5)
    # Just below that evidence, the answer is in the band below.
    assert calibrated_value((share - 0.02,) * len(FEATURES)) < edge


def test_on_a_straight_scale_the_edges_are_the_shares(monkeypatch) -> None:
    monkeypatch.setattr(calibration, "weights", lambda: ((0.25,) * len(FEATURES), 1.0))
    assert [score_at(s) for s in (0.40, 0.60, 0.85)] == [40.0, 60.0, 85.0]


def test_under_the_published_curve_the_edges_keep_their_order() -> None:
    assert 0 < RECALLED_FROM < SOLID_FROM < COMPLETE_FROM < 100


@pytest.mark.parametrize("share", [-0.1, 1.5])
def test_a_share_outside_0_to_1_is_refused(share) -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        score_at(share)
