#!/usr/bin/env python3
"""Rebuilds assets/encoder/centering.json: the mean sentence vector of German and of English text, as
passages (sentences to be found) and as queries (a few words typed into a search field), computed by
claimdesk's own encoder from claimdesk's own sentences (assets/model/train/*-styles*.jsonl).

Why: the multilingual encoder puts every German text a little nearer every German text, and English nearer
English. A query typed in English ("swimming pool closure") then lies nearer an unrelated English claim
than the German claim it means ("Das Hallenbad bleibt geschlossen"). Subtracting each language's mean from
its vectors (centering, as in cross-lingual retrieval) removes most of that pull; the desk search compares
centered vectors.

    cargo build --release
    python3 scripts/encoder/centering.py target/release/claimdesk

Deterministic: the same sentences (the first 600 of each language, in file order) give the same file.
"""

import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
PER_LANGUAGE = 600
QUERY_WORDS = 3


def sentences(language):
    texts = []
    for path in sorted((ROOT / "assets/model/train").glob(f"{language}-news-styles*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts[:PER_LANGUAGE]


def query_of(sentence):
    # A few content words, as an analyst types them: the longest words of the sentence, in its order.
    words = [w.strip(".,;:!?„“\"'()") for w in sentence.split()]
    longest = sorted(range(len(words)), key=lambda i: (-len(words[i]), i))[:QUERY_WORDS]
    return " ".join(words[i] for i in sorted(longest))


def mean_vector(binary, lines, passage):
    args = [binary, "embed"] + (["--passage"] if passage else [])
    out = subprocess.run(args, input="\n".join(lines) + "\n", capture_output=True, text=True, check=True)
    vectors = [[float(x) for x in row.split()] for row in out.stdout.splitlines()]
    dimension = len(vectors[0])
    return [round(sum(v[i] for v in vectors) / len(vectors), 6) for i in range(dimension)]


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: centering.py path/to/claimdesk")
    binary = sys.argv[1]
    result = {"encoder": "multilingual-e5-small-q4", "sentences_per_language": PER_LANGUAGE}
    for language in ["de", "en"]:
        texts = sentences(language)
        result[f"{language}_passage"] = mean_vector(binary, texts, passage=True)
        result[f"{language}_query"] = mean_vector(binary, [query_of(t) for t in texts], passage=False)
    target = ROOT / "assets/encoder/centering.json"
    target.write_text(json.dumps(result, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
