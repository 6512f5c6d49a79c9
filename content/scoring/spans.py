"""Highlight spans: whole words and whole hyphenated terms, never across a sentence mark."""

from __future__ import annotations

import unicodedata

from .text import Tokens

_SENTENCE_MARKS = ".!?;\n"


def one_clause(tokens: Tokens, group: tuple[int, ...]) -> bool:
    """True when no sentence mark or semicolon lies between the group's first and last word."""
    if len(group) < 2:
        return True
    # The tokenizer cuts sentences at every sentence mark, so two words of one sentence have none
    # between them: in a text without a semicolon they are in one clause, and their offsets need
    # not be placed nor the text searched.
    if tokens.sentence[group[0]] == tokens.sentence[group[-1]] and ";" not in tokens.text:
        return True
    start, end = tokens.span(group[0])[1], tokens.span(group[-1])[0]
    text = tokens.text
    return not any(text.find(mark, start, end) >= 0 for mark in _SENTENCE_MARKS)


def _in_word(char: str) -> bool:
    """A letter or digit, or a combining mark ("e" + U+0301 is one letter to a reader)."""
    return char.isalnum() or unicodedata.category(char).startswith("M")


def whole_term(text: str, start: int, end: int) -> tuple[int, int]:
    """The span widened to whole words and whole hyphenated terms ("read-only", not "read")."""
    while start > 0 and (
        _in_word(text[start - 1])
        or (text[start - 1] == "-" and start > 1 and _in_word(text[start - 2]))
    ):
        start -= 1
    while end < len(text) and (
        _in_word(text[end])
        or (text[end] == "-" and end + 1 < len(text) and _in_word(text[end + 1]))
    ):
        end += 1
    return start, end
