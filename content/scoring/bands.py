"""The score bands the product reads a score by, defined once, on the published scale.

An edge is stated as a share of the evidence: the score of an answer whose every measure is at
that share of a model answer's. The weights add up to 1, so that score is 100 * curved(share): on
a straight scale (power 1) the edges are the shares themselves (40, 60, 85), and under the curve
that calibration.json publishes they move with it. So an answer with the same evidence falls in
the same band whichever curve the fit publishes. (An answer whose measures are uneven scores a
little higher on a concave curve than one with the same mean, as the fit chose it to.)
"""

from __future__ import annotations

from . import calibration


def score_at(share: float) -> float:
    """The score, to a whole point, of an answer with every evidence measure at this share."""
    if not 0.0 <= share <= 1.0:
        raise ValueError(f"a share of the evidence is between 0 and 1, not {share}")
    return float(round(100.0 * calibration.curved(share, calibration.weights()[1])))


# Below this an answer did not recall the question in any useful sense (review rating "again").
RECALLED_FROM = score_at(0.40)
# Below this a recall was partial: the review rating "hard", and the practice draw's "not yet
# mastered".
SOLID_FROM = score_at(0.60)
# From here, with no key concept missed, an answer is complete (review rating "easy").
COMPLETE_FROM = score_at(0.85)
