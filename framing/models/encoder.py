"""The fine-tuned encoder for target-dependent sentiment, run with onnxruntime.

A 6-layer MiniLM (all-MiniLM-L6-v2, Apache-2.0; see ``NOTICE``) fine-tuned on
NewsMTSC (Hamborg & Donnay 2021) by ``benchmarks/train_encoder.py`` and
shipped as int8 ONNX with its WordPiece tokenizer. No torch at run time:
``onnxruntime``, ``tokenizers`` and numpy.

One pass per sentence, all its targets at once (:func:`encode_sentence`,
shared with training): ``[CLS] … [unused0] target₁ [unused1] … [unused0]
target₂ [unused1] … [SEP]``, every target of the sentence wrapped in the
vocabulary's ``[unused0]``/``[unused1]`` markers. The model gives
P(negative), P(neutral), P(positive) at every token; a target's
probabilities are read at its opening marker (the "entity start" head of
Baldini Soares et al. 2019, *Matching the Blanks*). Overlapping targets go
to separate passes; a sentence longer than :data:`MAX_TOKENS` gets one
window per target.
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

Pass = tuple[list[int], list[tuple[int, int]]]  # token ids, (span index, marker position)


def _token_ranges(offsets, spans):
    """The token range [a, b) covering each character span."""
    out = []
    for start, end in spans:
        a = next((i for i, (s, e) in enumerate(offsets) if e > start), len(offsets))
        b = next((i for i in range(a, len(offsets)) if offsets[i][0] >= end), len(offsets))
        out.append((a, max(a, b)))
    return out


def _window(ids, a, b, specials) -> Pass:
    """One target marked, the sentence cut to a window around it."""
    cls, sep, m0, m1 = specials
    left, target, right = ids[:a], ids[a:b], ids[b:]
    room = MAX_TOKENS - 4 - len(target)
    if room < 0:
        target, room = target[:MAX_TOKENS - 4], 0
    if len(left) + len(right) > room:
        keep_left = min(len(left), max(room // 2, room - len(right)))
        left = left[len(left) - keep_left:] if keep_left else []
        right = right[:room - len(left)]
    return [cls, *left, m0, *target, m1, *right, sep], [(0, 1 + len(left))]


def encode_sentence(tokenizer, text: str, spans: Sequence[tuple[int, int]]) -> list[Pass]:
    """The passes that score every span of ``text`` (see module docstring).
    Each pass is (token ids, [(index into ``spans``, position of its marker)]).
    A lone surrogate is read as U+FFFD (one character for one: offsets hold)."""
    enc = tokenizer.encode(_SURROGATE_RE.sub("\ufffd", text), add_special_tokens=False)
    ids, offsets = enc.ids, enc.offsets
    specials = tuple(tokenizer.token_to_id(t) for t in ("[CLS]", "[SEP]", "[unused0]", "[unused1]"))
    cls, sep, m0, m1 = specials
    ranges = _token_ranges(offsets, spans)
    # Pack targets into passes: same range → one marker; overlapping → next pass.
    passes: list[list[tuple[tuple[int, int], list[int]]]] = []
    for k in sorted(range(len(spans)), key=lambda k: (ranges[k][0], -ranges[k][1])):
        r = ranges[k]
        for p in passes:
            if p[-1][0] == r:
                p[-1][1].append(k)
                break
            if p[-1][0][1] <= r[0]:
                p.append((r, [k]))
                break
        else:
            passes.append([(r, [k])])
    out: list[Pass] = []
    for p in passes:
        seq, marks, pos = [cls], [], 0
        for (a, b), ks in p:
            seq.extend(ids[pos:a])
            marks.extend((k, len(seq)) for k in ks)
            seq.append(m0)
            seq.extend(ids[a:b])
            seq.append(m1)
            pos = b
        seq.extend(ids[pos:])
        seq.append(sep)
        if len(seq) <= MAX_TOKENS:
            out.append((seq, marks))
        else:
            for (a, b), ks in p:
                window, [(_, at)] = _window(ids, a, b, specials)
                out.append((window, [(k, at) for k in ks]))
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
    (sentence text, spans) pair, in order: one pass per sentence (see the
    module docstring), all passes of all sentences batched by length."""
    import numpy as np

    tok = _tokenizer()
    seqs: list[list[int]] = []
    where: list[list[tuple[int, int]]] = []  # per pass: (output row, marker position)
    n = 0
    for text, spans in items:
        if spans:
            for ids, marks in encode_sentence(tok, text, spans):
                seqs.append(ids)
                where.append([(n + k, at) for k, at in marks])
            n += len(spans)
    out = np.zeros((n, 3), dtype=np.float32)
    if not seqs:
        return []
    session = _session()
    order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
    for k in range(0, len(order), BATCH):
        idx = order[k:k + BATCH]
        width = max(len(seqs[i]) for i in idx)
        ids = np.zeros((len(idx), width), dtype=np.int64)
        mask = np.zeros((len(idx), width), dtype=np.int64)
        for r, i in enumerate(idx):
            ids[r, :len(seqs[i])] = seqs[i]
            mask[r, :len(seqs[i])] = 1
        probs = session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        for r, i in enumerate(idx):
            for row, at in where[i]:
                out[row] = probs[r, at]
    return [(float(a), float(b), float(c)) for a, b, c in out.tolist()]
