"""Soft evidence: how close an answer's words sit to a model answer's words, in meaning.

Each stem has a small vector (DIMENSIONS signed bytes) in data/vectors.bin.gz, built by
vectors_build.py from the pinned MiniLM weights. An answer's content words (question words left
out, each distinct stem once) are summed into one vector, a model answer's likewise, and the
measure is the cosine of the two sums above FLOOR, rescaled to 0..1: close to 1 when the answer
talks about what the model answer talks about, in whatever words; 0 for an off-topic or empty
answer. It is a global measure of the answer, like the reference recall: it marks no span.
Reading the table needs the standard library only; it is read once, when first needed.
"""

from __future__ import annotations

import gzip
import sys
from array import array
from collections.abc import Iterable
from functools import cache, lru_cache
from itertools import compress
from math import sqrt, sumprod
from operator import not_
from pathlib import Path

from .text import Tokens, tokenize

TABLE_PATH = Path(__file__).resolve().parent / "data" / "vectors.bin.gz"
DIMENSIONS = 64
_MAGIC = b"stem-vectors"
# Cosines up to FLOOR are what unrelated texts reach (fitted on training data only: Mohler and
# SemEval's train split); the measure counts the part above it.
FLOOR = 0.2

Centroid = tuple[list[int], float]
# Each vector is kept as one integer: its bytes, offset by 128 so they are unsigned, in 32-bit
# fields. Summing the integers sums every field at once (no field can overflow into the next),
# so the sum of an answer's vectors is a single call to sum().
_FIELD_BYTES = 4
_OFFSET = 128
_TO_UNSIGNED = bytes(b ^ 0x80 for b in range(256))  # a signed byte's value + 128, as unsigned
# A 1 in every field, and the top bit of every field (see centroid).
_ONES = int.from_bytes((b"\x01" + bytes(_FIELD_BYTES - 1)) * DIMENSIONS, "little")
_TOP_BIT = 1 << (8 * _FIELD_BYTES - 1)
_TOP_BITS = _ONES * _TOP_BIT
_SIGNED_32 = "i" if array("i").itemsize == _FIELD_BYTES else "l"


def encode_table(stems: list[str], payload: bytes, scale: float) -> bytes:
    """The table file's content: a header line, the stems on one line, then the vectors' bytes.

    The bytes are `scale` times the unit vectors, DIMENSIONS signed bytes per stem, in the
    stems' order."""
    if len(payload) != len(stems) * DIMENSIONS:
        raise ValueError("one vector of DIMENSIONS bytes per stem")
    header = b"%s %d %d %.6f\n" % (_MAGIC, DIMENSIONS, len(stems), scale)
    return header + " ".join(stems).encode("ascii") + b"\n" + payload


@cache
def vector_table() -> dict[str, int]:
    """Each stem's vector, packed into one integer; empty when the table is absent."""
    if not TABLE_PATH.is_file():
        return {}
    header, names, payload = gzip.decompress(TABLE_PATH.read_bytes()).split(b"\n", 2)
    magic, dimensions, count, _ = header.split()
    stems = names.decode("ascii").split(" ")
    if magic != _MAGIC or int(dimensions) != DIMENSIONS or int(count) != len(stems):
        raise ValueError(f"{TABLE_PATH.name} is not a table of {DIMENSIONS}-dimension vectors")
    if len(payload) != len(stems) * DIMENSIONS:
        raise ValueError(f"{TABLE_PATH.name} is truncated")
    spread = bytearray(len(payload) * _FIELD_BYTES)
    spread[::_FIELD_BYTES] = payload.translate(_TO_UNSIGNED)
    width = DIMENSIONS * _FIELD_BYTES
    return {
        s: int.from_bytes(spread[i * width : (i + 1) * width], "little")
        for i, s in enumerate(stems)
    }


def centroid(stems: Iterable[str]) -> Centroid | None:
    """The sum of the distinct stems' vectors and its length; None when no stem has a vector."""
    table = vector_table()
    known = table.keys() & stems  # the distinct stems with a vector, one look-up each
    if not known:
        return None
    # Integer sums: exact, so the order of the stems does not matter. Each field of the sum is
    # then moved from offset binary (the sum plus _OFFSET per stem) to a two's complement 32-bit
    # integer with two whole-number operations, so that array reads the signed sums directly:
    # adding 2**31 - _OFFSET * count to every field leaves it in 0 .. 2**32 (no carry into the
    # next), as the sum plus 2**31, and flipping its top bit makes that the sum's two's complement.
    packed = sum(map(table.__getitem__, known)) + (_TOP_BIT - _OFFSET * len(known)) * _ONES
    fields = array(_SIGNED_32)
    fields.frombytes((packed ^ _TOP_BITS).to_bytes(DIMENSIONS * _FIELD_BYTES, "little"))
    if sys.byteorder != "little":
        fields.byteswap()
    total = fields.tolist()
    # sumprod of integers is integer arithmetic, exact (as a sum of products), in one call.
    length = sqrt(sumprod(total, total))
    return (total, length) if length else None


@lru_cache(maxsize=256)
def _reference_centroids(
    references: tuple[str, ...], asked: frozenset[str]
) -> tuple[Centroid, ...]:
    """Per model answer with known words: the centroid of its content stems, question words out."""
    found = []
    for text in references:
        tokens = tokenize(text)
        own = centroid(s for s in compress(tokens.stems, map(not_, tokens.stop)) if s not in asked)
        if own is not None:
            found.append(own)
    return tuple(found)


def reference_similarity(
    tokens: Tokens, references: tuple[str, ...], asked: frozenset[str]
) -> float | None:
    """The best cosine, over the model answers, between the answer's and the model answer's
    summed word vectors, above FLOOR and rescaled to 0..1; None when no model answer has a word
    in the table. Question words are left out."""
    targets = _reference_centroids(references, asked)
    if not targets:
        return None
    # The distinct content stems less the question's, as whole-set operations.
    own = centroid(set(compress(tokens.stems, map(not_, tokens.stop))) - asked)
    if own is None:
        return 0.0
    total, length = own
    best = max(sumprod(total, other) / (length * size) for other, size in targets)
    return max(0.0, (best - FLOOR) / (1.0 - FLOOR))
