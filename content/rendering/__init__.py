"""Turning stored text into safe HTML: model-answer bodies, and answers with their matched concepts."""

from content.rendering.answer import render_answer
from content.rendering.highlight import highlight_concepts

__all__ = ["highlight_concepts", "render_answer"]
