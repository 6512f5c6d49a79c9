"""The scorer's version, stored with each score so that older scores can be found and re-scored."""

# Bump when a change to extraction or scoring can change a stored score.
SCORER_VERSION = "9"
