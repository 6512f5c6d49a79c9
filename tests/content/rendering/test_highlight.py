"""The highlighter: every character escaped, matched spans marked, overlaps merged away."""

from content.rendering import highlight_concepts
from content.scoring import ConceptHit


def test_highlighter_escapes_and_marks():
    text = "<b>Images</b> & containers share layers"
    hits = [
        ConceptHit(label="layers", start=33, end=39),
        ConceptHit(label="image", start=3, end=9),
        ConceptHit(label="overlap", start=5, end=12),
    ]
    assert highlight_concepts(text, hits) == (
        '&lt;b&gt;<mark class="concept-hit" title="image">Images</mark>'
        '<mark class="concept-hit" title="overlap">&lt;/b</mark>&gt; &amp; containers share '
        '<mark class="concept-hit" title="layers">layers</mark>'
    )
    assert highlight_concepts("a <i>", []) == "a &lt;i&gt;"
