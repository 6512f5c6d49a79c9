"""Whether a text reads as English: the one language the scorer's word lists, stemmer and
vectors know (docs/concepts.md, "Language: English"). Used to warn, never to refuse."""

from __future__ import annotations

import re
import unicodedata

from .text import STOPWORDS

# Fewer letters or words than these: too little to judge, so the text passes.
MIN_LETTERS = 40
MIN_WORDS = 12
# English prose, even terse bullet lists, has function words ("the", "of", "is"): the bundled
# bank's least wordy model answer has 14 % of them, the whole bank 23 %. French, German or
# Spanish text has 0-5 % of these English ones.
MIN_FUNCTION_WORD_SHARE = 0.08

# A bank is judged on its first SAMPLE characters: enough to tell a language, and an import
# of a 6 MB bank does not spend a second on it.
SAMPLE = 100_000

_LATIN_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_ASCII_LETTERS = re.compile(r"[A-Za-z]+")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def reads_as_english(text: str) -> bool:
    """False when `text` is mostly in another script, or in Latin letters with next to none of
    English's function words."""
    text = text[:SAMPLE]
    ascii_letters = sum(map(len, _ASCII_LETTERS.findall(text)))
    # Only the few letters outside ASCII need their script looked up.
    others = [ch for ch in _NOT_ASCII.findall(text) if ch.isalpha()]
    latin = ascii_letters + sum("LATIN" in unicodedata.name(ch, "") for ch in others)
    letters = ascii_letters + len(others)
    if letters < MIN_LETTERS:
        return True
    if latin < letters / 2:
        return False
    words = [word.lower() for word in _LATIN_WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return True
    return sum(word in STOPWORDS for word in words) >= MIN_FUNCTION_WORD_SHARE * len(words)
