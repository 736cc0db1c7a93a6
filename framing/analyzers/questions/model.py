"""The learned question classifier, evaluated in plain Python.

A multinomial logistic regression over the features of :mod:`.features`,
trained on the project's real-news question set
(``benchmarks/data/news_questions_real/``) by ``benchmarks/train_questions.py``
and shipped as JSON weights (``framing/models/question_classifier.json``);
no scikit-learn at run time. Classes: ``rhetorical``, ``hypophora``,
``information``.

Decision (CODEBOOK §1: the flag means *not information-seeking*): the flag is
set when P(rhetorical) + P(hypophora) ≥ the file's ``threshold``; the type is
then the likelier of the two, else ``information``. ``confidence`` is the
probability of the flag decision (P(flag) or 1 − P(flag)), so the type, the
flag and the confidence never contradict each other.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

from ...errors import FramingError

MODEL_FILE = "question_classifier.json"
CLASSES = ("rhetorical", "hypophora", "information")


class QuestionModelError(FramingError):
    """The question model file is missing or malformed."""


@lru_cache(maxsize=1)
def load_model() -> dict:
    try:
        raw = resources.files("framing.models").joinpath(MODEL_FILE).read_text(encoding="utf-8")
        model = json.loads(raw)
        feats = model["features"]
        weights = model["weights"]
        if tuple(model["classes"]) != CLASSES or len(weights) != len(CLASSES) or \
                any(len(w) != len(feats) for w in weights):
            raise ValueError("classes, features and weights do not line up")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise QuestionModelError(f"question model framing/models/{MODEL_FILE}: {exc}") from exc
    model["index"] = {name: i for i, name in enumerate(feats)}
    return model


def probabilities(features: dict[str, float]) -> tuple[float, float, float]:
    """P(rhetorical), P(hypophora), P(information) for one feature dict (a
    feature missing from the dict is 0; the weights are stored for raw,
    unscaled values)."""
    model = load_model()
    index, weights = model["index"], model["weights"]
    z = list(model["intercept"])
    for name, value in features.items():
        i = index.get(name)
        if i is not None and value:
            for c in range(3):
                z[c] += weights[c][i] * value
    top = max(z)
    e = [math.exp(v - top) for v in z]
    s = sum(e)
    return e[0] / s, e[1] / s, e[2] / s


def decide(features: dict[str, float]) -> tuple[str, bool, float, tuple[float, float, float]]:
    """``(type, rhetorical flag, confidence, probabilities)``."""
    p = probabilities(features)
    p_flag = p[0] + p[1]
    flag = p_flag >= load_model()["threshold"]
    kind = ("rhetorical" if p[0] >= p[1] else "hypophora") if flag else "information"
    return kind, flag, round(p_flag if flag else 1 - p_flag, 3), p
