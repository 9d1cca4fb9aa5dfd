#!/usr/bin/env python3
"""Rebuilds assets/model/meaning-scorer.json (check-worthiness from the sentence encoder's vectors) and
assets/model/meaning-examples.json (claimdesk's own labelled sentences with their vectors: what a claim's
"like: '…'" reason names).

A logistic regression (scikit-learn, L2, C=1, classes weighted alike, lbfgs: deterministic) over the
vectors `claimdesk embed` computes, trained on ClaimBuster's training split (CC BY 4.0; credited in the
README) and claimdesk's own sentences (assets/model/train/). Each sentence goes by a hash of its text into
training (85 %) or validation (15 %, ClaimBuster sentences only, so the numbers compare with the held-out
figures of the words model; claimdesk's own sentences of each language calibrate that language); the file
records the validation numbers and the encoder it was trained for. The bias is calibrated per language: it
moves so that the threshold with the best F1 (classes weighted alike) on that language's validation
sentences lands on claimdesk's default threshold 0.35.

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
    """(text, label, source, language) of every training sentence, ClaimBuster's first."""
    rows = [(d["text"], int(d["label"]), "claimbuster", "en") for d in json.loads(CLAIMBUSTER.read_text())]
    for name in ("de-news-and-speech", "en-news-and-speech"):
        for line in (ROOT / "assets/model/train" / f"{name}.jsonl").read_text().splitlines():
            record = json.loads(line)
            rows.append((record["text"], int(record["label"]), "own", record["lang"]))
    return [(" ".join(text.split()), label, source, lang) for text, label, source, lang in rows]


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


def calibrated_bias(model, vectors, truth, threshold):
    """The intercept that puts the best balanced-F1 threshold of these sentences on `threshold`."""
    logits = vectors @ model.coef_[0] + model.intercept_[0]
    candidates = np.quantile(logits, np.linspace(0.05, 0.95, 181))
    best = max(candidates, key=lambda t: balanced_f1(truth, logits >= t))
    return float(model.intercept_[0]) + float(np.log(threshold / (1 - threshold))) - float(best)


def scores(truth, probability, threshold):
    flagged = probability >= threshold
    return {
        "sentences": int(len(truth)),
        "check_worthy": int(truth.sum()),
        "precision": round(float(precision_score(truth, flagged)), 4),
        "recall": round(float(recall_score(truth, flagged)), 4),
        "f1": round(float(f1_score(truth, flagged)), 4),
        "roc_auc": round(float(roc_auc_score(truth, probability)), 4),
    }


def quantized(vector):
    """As the memory keeps a vector (src/memory/vectors.rs): 384 signed bytes and their scale."""
    largest = float(np.abs(vector).max())
    scale = largest / 127.0 if largest > 0 else 1.0
    codes = np.clip(np.round(vector / scale), -127, 127).astype(np.int8)
    return float(np.float32(scale)), codes.astype(np.uint8).tobytes().hex()


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "target/release/claimdesk")
    rows = sentences()
    vectors = embed(binary, [row[0] for row in rows])
    labels = np.array([row[1] for row in rows])
    bucket = np.array([int(hashlib.sha256(row[0].encode()).hexdigest()[:8], 16) % 100 for row in rows])
    claimbuster = np.array([row[2] == "claimbuster" for row in rows])
    own = ~claimbuster
    language = np.array([row[3] for row in rows])
    train = bucket < 85
    model = LogisticRegression(C=1.0, max_iter=5000, class_weight="balanced").fit(vectors[train], labels[train])
    default_threshold = 0.35
    # English is calibrated on ClaimBuster's validation part (so its numbers compare with the words model's)
    # and German on claimdesk's own German sentences set aside by the same hash.
    calibration = {"en": ~train & claimbuster, "de": ~train & own & (language == "de")}
    biases = {
        lang: round(calibrated_bias(model, vectors[part], labels[part], default_threshold), 6)
        for lang, part in calibration.items()
    }

    def probability(part, lang):
        return 1 / (1 + np.exp(-(vectors[part] @ model.coef_[0] + biases[lang])))

    validation = calibration["en"]
    evaluation = {
        "claimbuster_validation": scores(labels[validation], probability(validation, "en"), default_threshold),
        "own_german_validation": scores(
            labels[calibration["de"]], probability(calibration["de"], "de"), default_threshold
        ),
        "training_sentences": int(train.sum()),
    }
    encoder = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    out = {
        "format": "claimdesk-meaning-scorer/2",
        "description": "Check-worthiness from multilingual-e5-small sentence vectors ('query: ' prefix): "
        "logistic regression, rebuilt by scripts/model/train-meaning-scorer.py.",
        "trained_with": encoder,
        "bias": biases["en"],
        "bias_by_language": biases,
        "weights": [round(float(w), 6) for w in model.coef_[0]],
        "evaluation": evaluation,
    }
    write(ROOT / "assets/model/meaning-scorer.json", json.dumps(out, indent=1) + "\n")
    examples = []
    for index in np.flatnonzero(own):
        scale, codes = quantized(vectors[index])
        text, label, _, lang = rows[index]
        examples.append({"text": text, "label": int(label), "lang": lang, "scale": scale, "codes": codes})
    write(
        ROOT / "assets/model/meaning-examples.json",
        json.dumps({"format": "claimdesk-meaning-examples/1", "trained_with": encoder, "examples": examples},
                   ensure_ascii=False, separators=(",", ":")) + "\n",
    )
    print(json.dumps(evaluation))


def write(path, text):
    path.write_text(text)
    print(f"{path}: sha256 {hashlib.sha256(text.encode()).hexdigest()}")


if __name__ == "__main__":
    main()
