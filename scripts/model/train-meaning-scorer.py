#!/usr/bin/env python3
"""Rebuilds assets/model/meaning-scorer.json (check-worthiness from the sentence encoder's vectors and the
words model, in one score) and assets/model/meaning-examples.json (claimdesk's own labelled sentences with
their vectors: what a claim's "like: '…'" reason names).

Trained on ClaimBuster's training split (CC BY 4.0; credited in the README) and claimdesk's own sentences
(assets/model/train/), split as the words model splits them (a hash of each sentence: 70 % training, 15 %
calibration, 15 % held out). A logistic regression (scikit-learn, L2, C=1, classes weighted alike, lbfgs:
deterministic) learns meaning from the vectors `claimdesk embed` computes on the training part; a second one
weighs its logit against the words model's logit (named features and word weights, `claimdesk embed
--words`) on the calibration part, where neither model trained; the intercept is then calibrated per
language there, so that the threshold with the best F1 (classes weighted alike) lands on claimdesk's default
0.35 (English on ClaimBuster, German on claimdesk's own German sentences). The file records the held-out
numbers of words, meaning alone and both, and the encoder it was trained for.

    pip install numpy scikit-learn
    cargo build --release
    python3 scripts/model/train-meaning-scorer.py target/release/claimdesk

Real news from ../shared/external/de-news/ is never read here: its licence allows evaluation only
(tests/news_evaluation.rs). Nor is claimdesk's news set (tests/data/news-set/), which only measures.
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
    """(text as written, label, source, language) of every training sentence, ClaimBuster's first."""
    rows = [(d["text"], int(d["label"]), "claimbuster", "en") for d in json.loads(CLAIMBUSTER.read_text())]
    for name in ("de-news-and-speech", "en-news-and-speech"):
        for line in (ROOT / "assets/model/train" / f"{name}.jsonl").read_text().splitlines():
            record = json.loads(line)
            rows.append((record["text"], int(record["label"]), "own", record["lang"]))
    return rows


def part_of(text):
    """The words model's split (src/extract/train.rs): FNV-1a of the trimmed text, 0 training (70 %),
    1 calibration (15 %), 2 held out (15 %). The same split here keeps the words model's logits honest
    where the two models are combined and measured."""
    value = 0xCBF29CE484222325
    for byte in text.strip().encode():
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    bucket = value % 100
    return 0 if bucket < 70 else (1 if bucket < 85 else 2)


def embed(binary, texts, lang):
    """The words model's score (NaN where extraction never makes the sentence a claim) and the vector of
    each text, kept in target/ by a hash of the texts and the binary, so a rerun that only changes the
    fitting takes seconds instead of minutes."""
    key = hashlib.sha256(("\n".join(texts) + lang + pathlib.Path(binary).resolve().as_posix()).encode()).hexdigest()[:16]
    cache = ROOT / "target" / f"meaning-scorer-vectors-{key}.npy"
    if cache.is_file():
        table = np.load(cache)
        return table[:, 0], table[:, 1:]
    embedded = subprocess.run(
        [binary, "embed", "--words", lang], input="\n".join(texts) + "\n", capture_output=True, text=True,
        check=True,
    ).stdout
    table = np.array(
        [[float("nan") if x == "-" else float(x) for x in line.split()] for line in embedded.splitlines()],
        dtype=np.float64,
    )
    cache.parent.mkdir(exist_ok=True)
    np.save(cache, table)
    return table[:, 0], table[:, 1:]


def words_logit(score, threshold, target=0.35):
    """The words model's logit behind its score (src/extract/meaning.rs `words_logit`)."""
    score = np.clip(score, 0.005, 0.995)
    probability = np.where(
        score < target, score * threshold / target, threshold + (score - target) * (1 - threshold) / (1 - target)
    )
    probability = np.clip(probability, 1e-4, 1 - 1e-4)
    return np.log(probability / (1 - probability))


def balanced_f1(truth, flagged):
    """F1 with both classes weighted alike, as the words model's threshold is chosen."""
    weights = np.where(truth == 1, 0.5 / max(truth.sum(), 1), 0.5 / max((1 - truth).sum(), 1))
    return f1_score(truth, flagged, sample_weight=weights)


def calibrated_shift(logits, truth, threshold):
    """What to add to these logits so that their best balanced-F1 threshold lands on `threshold`."""
    candidates = np.quantile(logits, np.linspace(0.05, 0.95, 181))
    best = max(candidates, key=lambda t: balanced_f1(truth, logits >= t))
    return float(np.log(threshold / (1 - threshold))) - float(best)


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


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "target/release/claimdesk")
    rows = sentences()
    language = np.array([row[3] for row in rows])
    words_score = np.zeros(len(rows))
    vectors = np.zeros((len(rows), 384))
    for lang in ("en", "de"):
        index = np.flatnonzero(language == lang)
        texts = [" ".join(rows[i][0].split()) for i in index]
        words_score[index], vectors[index] = embed(binary, texts, lang)
    labels = np.array([row[1] for row in rows])
    part = np.array([part_of(row[0]) for row in rows])
    claimbuster = np.array([row[2] == "claimbuster" for row in rows])
    candidate = ~np.isnan(words_score)
    threshold = json.loads((ROOT / "assets/model/model.json").read_text())["threshold"]
    words = words_logit(np.nan_to_num(words_score), threshold)
    default_threshold = 0.35
    # Meaning alone, trained where the words model trained; then both in one logistic regression where
    # neither trained (the words model's calibration part), then each language's intercept there.
    train = part == 0
    meaning = LogisticRegression(C=1.0, max_iter=5000, class_weight="balanced").fit(vectors[train], labels[train])
    meaning_logit = vectors @ meaning.coef_[0] + meaning.intercept_[0]
    fit = (part == 1) & candidate
    stack = LogisticRegression(C=1000.0, max_iter=5000, class_weight="balanced").fit(
        np.column_stack([meaning_logit[fit], words[fit]]), labels[fit]
    )
    (meaning_share, words_weight), stack_bias = stack.coef_[0], stack.intercept_[0]
    combined_logit = meaning_share * meaning_logit + words_weight * words + stack_bias
    calibration = {"en": (part == 1) & claimbuster, "de": (part == 1) & ~claimbuster & (language == "de")}
    held_out = {
        "claimbuster_held_out": ((part == 2) & claimbuster, "en"),
        "own_german_held_out": ((part == 2) & ~claimbuster & (language == "de"), "de"),
        "own_english_held_out": ((part == 2) & ~claimbuster & (language == "en"), "en"),
    }
    shift = {
        lang: calibrated_shift(combined_logit[where & candidate], labels[where & candidate], default_threshold)
        for lang, where in calibration.items()
    }
    meaning_shift = {
        lang: calibrated_shift(meaning_logit[where], labels[where], default_threshold)
        for lang, where in calibration.items()
    }
    evaluation = {"training_sentences": int(train.sum()), "combining_sentences": int(fit.sum())}
    for name, (where, lang) in held_out.items():
        truth = labels[where]
        # A sentence extraction never makes a claim scores 0, as it does in an article.
        combined = np.where(candidate[where], sigmoid(combined_logit[where] + shift[lang]), 0.0)
        evaluation[name] = {
            "flag_everything_f1": round(float(2 * truth.mean() / (1 + truth.mean())), 4),
            "words": scores(truth, np.where(candidate[where], words_score[where], 0.0), default_threshold),
            "meaning_alone": scores(truth, sigmoid(meaning_logit[where] + meaning_shift[lang]), default_threshold),
            "meaning_and_words": scores(truth, combined, default_threshold),
        }
    encoder = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    biases = {lang: round(float(meaning_share * meaning.intercept_[0] + stack_bias + shift[lang]), 6)
              for lang in shift}
    out = {
        "format": "claimdesk-meaning-scorer/3",
        "description": "Check-worthiness from multilingual-e5-small sentence vectors ('query: ' prefix) and the "
        "words model's logit in one logistic regression, rebuilt by scripts/model/train-meaning-scorer.py.",
        "trained_with": encoder,
        "bias": biases["en"],
        "bias_by_language": biases,
        "words_weight": round(float(words_weight), 6),
        "weights": [round(float(w), 6) for w in meaning_share * meaning.coef_[0]],
        "evaluation": evaluation,
    }
    write(ROOT / "assets/model/meaning-scorer.json", json.dumps(out, indent=1) + "\n")
    examples = []
    for index in np.flatnonzero(~claimbuster):
        scale, codes = quantized(vectors[index])
        text, label, _, lang = rows[index]
        examples.append({"text": " ".join(text.split()), "label": int(label), "lang": lang, "scale": scale,
                         "codes": codes})
    write(
        ROOT / "assets/model/meaning-examples.json",
        json.dumps({"format": "claimdesk-meaning-examples/1", "trained_with": encoder, "examples": examples},
                   ensure_ascii=False, separators=(",", ":")) + "\n",
    )
    print(json.dumps(evaluation, indent=1))


def write(path, text):
    path.write_text(text)
    print(f"{path}: sha256 {hashlib.sha256(text.encode()).hexdigest()}")


if __name__ == "__main__":
    main()
