"""The fine-tuned encoder for target-dependent sentiment, run with onnxruntime.

A 6-layer MiniLM (all-MiniLM-L6-v2, Apache-2.0; see ``NOTICE``) fine-tuned on
NewsMTSC (Hamborg & Donnay 2021) by ``benchmarks/train_encoder.py`` and
shipped as int8 ONNX with its WordPiece tokenizer. No torch at run time:
``onnxruntime``, ``tokenizers`` and numpy.

Input (:func:`encode`, shared with training): ``[CLS] left [unused0] target
[unused1] right [SEP]``, the sentence's WordPiece tokens with the target
mention marked, at most :data:`MAX_TOKENS` tokens (a window around the
target when the sentence is longer). Output: P(negative), P(neutral),
P(positive) per target.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from importlib import resources
from typing import Sequence

from . import ModelError

MODEL = "target_sentiment_encoder.onnx"
TOKENIZER = "target_sentiment_encoder.tokenizer.json"
MAX_TOKENS = 128
BATCH = 32
#: lone surrogates (a truncated emoji): the tokenizer takes only valid Unicode
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def encode(tokenizer, text: str, spans: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Token ids of ``text`` once per span, the span marked (see module docstring).
    A lone surrogate is read as U+FFFD (one character for one: offsets hold)."""
    enc = tokenizer.encode(_SURROGATE_RE.sub("\ufffd", text), add_special_tokens=False)
    ids, offsets = enc.ids, enc.offsets
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    m0, m1 = tokenizer.token_to_id("[unused0]"), tokenizer.token_to_id("[unused1]")
    out = []
    for start, end in spans:
        a = next((i for i, (s, e) in enumerate(offsets) if e > start), len(ids))
        b = next((i for i, (s, e) in enumerate(offsets) if i >= a and s >= end), len(ids))
        left, target, right = ids[:a], ids[a:b], ids[b:]
        room = MAX_TOKENS - 4 - len(target)
        if room < 0:
            target, room = target[:MAX_TOKENS - 4], 0
        if len(left) + len(right) > room:
            keep_left = min(len(left), max(room // 2, room - len(right)))
            left = left[len(left) - keep_left:] if keep_left else []
            right = right[:room - len(left)]
        out.append([cls, *left, m0, *target, m1, *right, sep])
    return out


def tokenizer_from(json_text: str):
    """A WordPiece tokenizer from its ``tokenizer.json`` text, with the file's
    padding and truncation turned off (:func:`encode` does both)."""
    try:
        from tokenizers import Tokenizer
    except ImportError as exc:  # pragma: no cover - a runtime dependency
        raise ModelError(f"the sentiment encoder needs the 'tokenizers' package ({exc})") from None
    tok = Tokenizer.from_str(json_text)
    tok.no_padding()
    tok.no_truncation()
    return tok


@lru_cache(maxsize=1)
def _tokenizer():
    path = resources.files(__package__).joinpath(TOKENIZER)
    if not path.is_file():
        raise ModelError(f"model file {TOKENIZER!r} is not installed with the package "
                         "(run benchmarks/train_encoder.py, or use fast=True / --fast)")
    return tokenizer_from(path.read_text(encoding="utf-8"))


def threads() -> int:
    """onnxruntime threads: ``FRAMING_THREADS`` if set, else up to 2 (the
    batch engine sets 1 per worker process)."""
    env = os.environ.get("FRAMING_THREADS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, min(2, os.cpu_count() or 1))


@lru_cache(maxsize=1)
def _session():
    try:
        import onnxruntime as ort
    except ImportError as exc:  # pragma: no cover - a runtime dependency
        raise ModelError(f"the sentiment encoder needs the 'onnxruntime' package ({exc})") from None
    path = resources.files(__package__).joinpath(MODEL)
    if not path.is_file():
        raise ModelError(f"model file {MODEL!r} is not installed with the package "
                         "(run benchmarks/train_encoder.py, or use fast=True / --fast)")
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads()
    opts.inter_op_num_threads = 1
    opts.log_severity_level = 3
    return ort.InferenceSession(path.read_bytes(), opts, providers=["CPUExecutionProvider"])


def probabilities(items: Sequence[tuple[str, Sequence[tuple[int, int]]]]) -> list[tuple[float, float, float]]:
    """P(negative), P(neutral), P(positive) for every span of every
    (sentence text, spans) pair, in order; all targets batched together."""
    import numpy as np

    tok = _tokenizer()
    seqs: list[list[int]] = []
    for text, spans in items:
        if spans:
            seqs.extend(encode(tok, text, spans))
    if not seqs:
        return []
    session = _session()
    order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
    out = np.zeros((len(seqs), 3), dtype=np.float32)
    for k in range(0, len(order), BATCH):
        idx = order[k:k + BATCH]
        width = max(len(seqs[i]) for i in idx)
        ids = np.zeros((len(idx), width), dtype=np.int64)
        mask = np.zeros((len(idx), width), dtype=np.int64)
        for r, i in enumerate(idx):
            ids[r, :len(seqs[i])] = seqs[i]
            mask[r, :len(seqs[i])] = 1
        out[idx] = session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
    return [(float(a), float(b), float(c)) for a, b, c in out.tolist()]
