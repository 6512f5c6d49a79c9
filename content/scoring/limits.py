"""Bounds on the work one answer can cause."""

# Occurrences examined per form, earliest first: enough to find one with the right polarity in
# prose, and a bound on the work a hostile answer can cause.
MAX_ANCHORS = 24
