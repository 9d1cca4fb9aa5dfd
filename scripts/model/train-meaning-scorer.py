#!/usr/bin/env python3
"""Rebuilds assets/model/meaning-scorer.json: check-worthiness from the sentence encoder's vectors.

A logistic regression (scikit-learn, L2, C=1, classes weighted alike, lbfgs: deterministic) over the
vectors `claimdesk embed` computes, trained on ClaimBuster's training split (CC BY 4.0; credited in the
README) and claimdesk's own sentences (assets/model/train/). Each sentence goes by a hash of its text into
training (85 %) or validation (15 %, ClaimBuster sentences only, so the numbers compare with the held-out
figures of the words model); the file records the validation numbers and the encoder it was trained for.

    pip install numpy scikit-learn
    cargo build --release
    python3 scripts/model/train-meaning-scorer.py target/release/claimdesk

Real news from ../shared/external/de-news/ is never read here: its licence allows evaluation only
(tests/news_evaluation.rs).
"""

import hashlib
import json
import pathlib
import subprocess
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score

ROOT = pathlib.Path(__file__).resolve().parents[2]
CLAIMBUSTER = ROOT.parent / "shared/external/claimbuster/train.json"


def sentences():
    rows = [(d["text"], int(d["label"]), "claimbuster") for d in json.loads(CLAIMBUSTER.read_text())]
    for name in ("de-news-and-speech", "en-news-and-speech"):
        for line in (ROOT / "assets/model/train" / f"{name}.jsonl").read_text().splitlines():
            record = json.loads(line)
            rows.append((record["text"], int(record["label"]), "own"))
    return [(" ".join(text.split()), label, source) for text, label, source in rows]


def embed(binary, texts):
    """The vectors of `texts`, kept in target/ by a hash of the texts and the binary, so a rerun that only
    changes the fitting takes seconds instead of minutes."""
    key = hashlib.sha256(("\n".join(texts) + pathlib.Path(binary).resolve().as_posix()).encode()).hexdigest()[:16]
    cache = ROOT / "target" / f"meaning-scorer-vectors-{key}.npy"
    if cache.is_file():
        return np.load(cache)
    embedded = subprocess.run(
        [binary, "embed"], input="\n".join(texts) + "\n", capture_output=True, text=True, check=True,
    ).stdout
    vectors = np.array([[float(x) for x in line.split()] for line in embedded.splitlines()], dtype=np.float64)
    cache.parent.mkdir(exist_ok=True)
    np.save(cache, vectors)
    return vectors


def balanced_f1(truth, flagged):
    """F1 with both classes weighted alike, as the words model's threshold is chosen."""
    weights = np.where(truth == 1, 0.5 / max(truth.sum(), 1), 0.5 / max((1 - truth).sum(), 1))
    return f1_score(truth, flagged, sample_weight=weights)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "target/release/claimdesk")
    rows = sentences()
    vectors = embed(binary, [t for t, _, _ in rows])
    labels = np.array([label for _, label, _ in rows])
    bucket = np.array([int(hashlib.sha256(t.encode()).hexdigest()[:8], 16) % 100 for t, _, _ in rows])
    claimbuster = np.array([source == "claimbuster" for _, _, source in rows])
    train = bucket < 85
    validation = ~train & claimbuster
    model = LogisticRegression(C=1.0, max_iter=5000, class_weight="balanced").fit(vectors[train], labels[train])
    truth = labels[validation]
    # Calibrated to claimdesk's default threshold (0.35): the bias moves so that the validation threshold
    # with the best F1 (classes weighted alike) lands there.
    logits = vectors[validation] @ model.coef_[0] + model.intercept_[0]
    candidates = np.quantile(logits, np.linspace(0.05, 0.95, 181))
    best = max(candidates, key=lambda t: balanced_f1(truth, logits >= t))
    default_threshold = 0.35
    bias = float(model.intercept_[0]) + float(np.log(default_threshold / (1 - default_threshold))) - float(best)
    probability = 1 / (1 + np.exp(-(vectors[validation] @ model.coef_[0] + bias)))
    flagged = probability >= default_threshold
    evaluation = {
        "claimbuster_validation_sentences": int(validation.sum()),
        "claimbuster_validation_check_worthy": int(truth.sum()),
        "precision": round(float(precision_score(truth, flagged)), 4),
        "recall": round(float(recall_score(truth, flagged)), 4),
        "f1": round(float(f1_score(truth, flagged)), 4),
        "roc_auc": round(float(roc_auc_score(truth, probability)), 4),
        "training_sentences": int(train.sum()),
    }
    encoder = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    out = {
        "format": "claimdesk-meaning-scorer/1",
        "description": "Check-worthiness from multilingual-e5-small sentence vectors ('query: ' prefix): "
        "logistic regression, rebuilt by scripts/model/train-meaning-scorer.py.",
        "trained_with": encoder,
        "bias": round(bias, 6),
        "weights": [round(float(w), 6) for w in model.coef_[0]],
        "evaluation": evaluation,
    }
    text = json.dumps(out, indent=1) + "\n"
    path = ROOT / "assets/model/meaning-scorer.json"
    path.write_text(text)
    print(json.dumps(evaluation))
    print(f"{path}: sha256 {hashlib.sha256(text.encode()).hexdigest()}")


if __name__ == "__main__":
    main()
