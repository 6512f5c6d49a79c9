"""The stem-vector table's build: deterministic reduction and quantisation (needs numpy)."""

import numpy as np

from content.scoring.vectors import DIMENSIONS, encode_table
from content.scoring.vectors_build import quantised, reduce


def sample() -> np.ndarray:
    rows = np.random.default_rng(7).normal(size=(400, 384)).astype(np.float32)
    rows[:, 0] += 5.0  # a direction every word shares, as in the model's word vectors
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_the_reduction_gives_unit_vectors_and_the_same_bytes_twice() -> None:
    reduced = reduce(sample())
    assert reduced.shape == (400, DIMENSIONS)
    assert np.allclose(np.linalg.norm(reduced, axis=1), 1.0)
    first, scale = quantised(reduced)
    again, scale_again = quantised(reduce(sample()))
    assert first == again and scale == scale_again
    assert len(first) == 400 * DIMENSIONS


def test_signs_do_not_depend_on_the_eigen_solver() -> None:
    # The same words given with every coordinate negated span the same directions; each
    # direction's largest loading is made positive, so the stored vectors come out the same.
    table = sample()
    assert np.allclose(reduce(table), reduce(table * -1.0) * -1.0)


def test_the_file_layout_names_its_size() -> None:
    payload, scale = quantised(reduce(sample()))
    data = encode_table([f"w{i}" for i in range(400)], payload, scale)
    header = data.split(b"\n", 1)[0].split()
    assert header[:3] == [b"stem-vectors", str(DIMENSIONS).encode(), b"400"]
