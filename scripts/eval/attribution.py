#!/usr/bin/env python3
"""Speaker attribution accuracy on the team's invented test items.

Usage: python3 scripts/eval/attribution.py BINARY [--lang de|en] [--errors]

Reads tests/data/attribution/{de,en}.jsonl (one item a line: context, text,
speaker, inferred, structure; speaker null = the text has no source), runs
`BINARY extract --min-score 0` once per language over a temporary desk with
one article per item, and compares the speaker of the claim covering each
item's text with the gold speaker. Standard library only.
"""

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

# Options passed on to `claimdesk extract` (--scorer).
EXTRACT_OPTIONS = []

DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "attribution"

ARTICLES = {
    "der", "die", "das", "des", "dem", "den",
    "ein", "eine", "einer", "eines", "einem",
    "the", "a", "an",
}


def normalise(name):
    """Lowercase, punctuation to spaces, one leading article dropped.

    Punctuation becomes a space rather than vanishing so that hyphenated
    names ("Grünen-Abgeordnete") compare the same whichever side kept them.
    """
    s = re.sub(r"[^\w\s]", " ", name.lower())
    words = s.split()
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def speaker_matches(gold, got, structure):
    """Is `got` an acceptable rendering of the gold speaker?

    Containment with a 60 % length floor accepts "Brandstetter" for
    "Finanzministerin Helga Brandstetter"-style variations only when most
    of the name is there, so a bare title or first name is not enough.
    """
    if gold is None:
        return got is None
    if got is None:
        return False
    g, s = normalise(gold), normalise(got)
    if not g or not s:
        return False
    if g == s:
        return True
    short, long_ = sorted((g, s), key=len)
    if short in long_ and len(short) >= 0.6 * len(long_):
        return True
    # "nach Militärangaben": the compound names its source in the first
    # part, so "Militär" (or "Regierung" for "Regierungsangaben", with the
    # linking s) is as right as the whole compound.
    if structure == "nach_x_angaben" and g.endswith("angaben"):
        first = g[: -len("angaben")].strip()
        if first and s in {first, first.rstrip("s")}:
            return True
    return False


def error_kind(gold, got, claim):
    """Why a wrong item is wrong, so the summary shows what to fix first."""
    if claim is None:
        return "no claim"
    if gold is None:
        return "speaker where none"
    if got is None:
        return "no speaker"
    g, s = normalise(gold), normalise(got)
    if g and s and (g in s or s in g):
        # The right name, but with too much or too little around it
        # (a whole apposition, a title without the name).
        return "too long" if len(s) > len(g) else "too short"
    return "other speaker"


def build_article(context, text):
    """The article text and the byte span of `text` inside it."""
    if not context:
        sep = ""
    elif context.endswith("\n\n"):
        sep = ""  # the context already ends the paragraph
    else:
        sep = " "
    head = context + sep
    article = head + text
    start = len(head.encode("utf-8"))
    return article, start, start + len(text.encode("utf-8"))


def load_items(lang):
    path = DATA / f"{lang}.jsonl"
    items = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                item = json.loads(line)
                item["line"] = n
                items.append(item)
    return items


def run_extract(binary, lang, items):
    """One extraction over a desk of all items; returns one review each.

    A single folder run uses every core and loads the model once, which is
    far faster than one process per item.
    """
    with tempfile.TemporaryDirectory(prefix=f"attr-{lang}-") as tmp:
        desk = Path(tmp)
        for i, item in enumerate(items):
            article, start, end = build_article(item["context"], item["text"])
            item["span"] = (start, end)
            item["article"] = article
            (desk / f"item{i:04d}.txt").write_text(article, encoding="utf-8")
        proc = subprocess.run(
            [binary, "extract", "--min-score", "0", "--lang", lang, str(desk), *EXTRACT_OPTIONS],
            capture_output=True, text=True,
        )
        if proc.returncode != 0:
            sys.exit(f"extract failed ({proc.returncode}):\n{proc.stderr}")
        reviews = []
        for i in range(len(items)):
            review_path = desk / f"item{i:04d}.review.json"
            if not review_path.exists():
                sys.exit(f"no review for item {i} ({review_path.name}):\n{proc.stderr}")
            reviews.append(json.loads(review_path.read_text(encoding="utf-8")))
        return reviews


def item_span(item, review):
    """The item's byte span in the text claimdesk actually read.

    The review's article text should equal what was written; if claimdesk
    normalised it (line endings, trailing space), find the text again
    rather than trust stale offsets.
    """
    text = review["article"]["text"]
    if text == item["article"]:
        return item["span"]
    at = text.rfind(item["text"])
    if at < 0:
        return None
    start = len(text[:at].encode("utf-8"))
    return start, start + len(item["text"].encode("utf-8"))


def covering_claim(claims, span):
    best, best_overlap = None, 0
    for claim in claims:
        overlap = min(claim["end"], span[1]) - max(claim["start"], span[0])
        if overlap > best_overlap:
            best, best_overlap = claim, overlap
    return best


def evaluate(binary, lang):
    items = load_items(lang)
    reviews = run_extract(binary, lang, items)
    results = []
    for item, review in zip(items, reviews):
        span = item_span(item, review)
        claim = covering_claim(review.get("claims", []), span) if span else None
        got = claim.get("speaker") if claim else None
        if claim is None:
            # Not a claim at all: right for a sourceless text, wrong otherwise.
            ok = item["speaker"] is None
        else:
            ok = speaker_matches(item["speaker"], got, item["structure"])
        results.append({
            "lang": lang,
            "line": item["line"],
            "structure": item["structure"],
            "text": item["text"],
            "gold": item["speaker"],
            "gold_inferred": bool(item["inferred"]),
            "claim": claim is not None,
            "got": got,
            "got_inferred": bool(claim.get("speaker_inferred", False)) if claim else None,
            "ok": ok,
            "error": None if ok else error_kind(item["speaker"], got, claim),
        })
    return results


def pct(k, n):
    return f"{100.0 * k / n:5.1f} %" if n else "    –  "


def report(results, show_errors):
    by_lang = defaultdict(list)
    for r in results:
        by_lang[r["lang"]].append(r)

    print("Speaker attribution (tests/data/attribution)")
    print()
    print(f"{'lang':<6}{'items':>7}{'right':>7}{'accuracy':>10}{'no claim':>10}"
          f"{'sourced':>9}{'right':>7}{'sourceless':>12}{'right':>7}")
    for lang, rs in sorted(by_lang.items()):
        sourced = [r for r in rs if r["gold"] is not None]
        sourceless = [r for r in rs if r["gold"] is None]
        print(f"{lang:<6}{len(rs):>7}{sum(r['ok'] for r in rs):>7}"
              f"{pct(sum(r['ok'] for r in rs), len(rs)):>10}"
              f"{sum(not r['claim'] for r in rs):>10}"
              f"{len(sourced):>9}{sum(r['ok'] for r in sourced):>7}"
              f"{len(sourceless):>12}{sum(r['ok'] for r in sourceless):>7}")
    print()

    kinds = ["no speaker", "other speaker", "too long", "too short",
             "speaker where none", "no claim"]
    print("Wrong items by kind")
    print(f"{'lang':<6}" + "".join(f"{k:>20}" for k in kinds))
    for lang, rs in sorted(by_lang.items()):
        print(f"{lang:<6}" + "".join(f"{sum(r['error'] == k for r in rs):>20}" for k in kinds))
    print()

    # Weakest structures first: that is where work is needed.
    groups = defaultdict(list)
    for r in results:
        groups[(r["lang"], r["structure"])].append(r)
    rows = sorted(groups.items(),
                  key=lambda kv: (sum(r["ok"] for r in kv[1]) / len(kv[1]), kv[0]))
    print(f"{'lang':<6}{'structure':<30}{'items':>6}{'right':>7}{'accuracy':>10}{'no claim':>10}")
    for (lang, structure), rs in rows:
        k = sum(r["ok"] for r in rs)
        print(f"{lang:<6}{structure:<30}{len(rs):>6}{k:>7}{pct(k, len(rs)):>10}"
              f"{sum(not r['claim'] for r in rs):>10}")
    print()

    # speaker_inferred should be true exactly when the gold says the speaker
    # is not stated in the sentence itself (hieß es, Konjunktiv, a pronoun).
    print("Inferred flag (items with a gold speaker and a claim)")
    print(f"{'lang':<6}{'items':>6}{'agree':>7}{'share':>9}"
          f"{'gold T/got T':>14}{'gold T/got F':>14}{'gold F/got T':>14}")
    for lang, rs in sorted(by_lang.items()):
        rs = [r for r in rs if r["gold"] is not None and r["claim"]]
        agree = sum(r["gold_inferred"] == r["got_inferred"] for r in rs)
        tt = sum(r["gold_inferred"] and r["got_inferred"] for r in rs)
        tf = sum(r["gold_inferred"] and not r["got_inferred"] for r in rs)
        ft = sum(not r["gold_inferred"] and r["got_inferred"] for r in rs)
        print(f"{lang:<6}{len(rs):>6}{agree:>7}{pct(agree, len(rs)):>9}"
              f"{tt:>14}{tf:>14}{ft:>14}")

    if show_errors:
        print()
        print("Errors")
        for r in sorted(results, key=lambda r: (r["lang"], r["structure"], r["line"])):
            if r["ok"]:
                continue
            got = r["got"] if r["claim"] else "(no claim)"
            print(f"[{r['lang']} {r['structure']} line {r['line']}] {r['text']}")
            print(f"    gold: {r['gold']!r}   got: {got!r}   ({r['error']})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("binary", help="the claimdesk binary")
    ap.add_argument("--scorer", help="passed on to claimdesk extract (words, meaning, …)")
    ap.add_argument("--lang", choices=["de", "en"], action="append",
                    help="only this language (repeatable; default both)")
    ap.add_argument("--errors", action="store_true", help="print each wrong item")
    ap.add_argument("--json", metavar="FILE", help="also write per-item results here")
    args = ap.parse_args()
    if args.scorer:
        EXTRACT_OPTIONS.extend(["--scorer", args.scorer])

    results = []
    for lang in args.lang or ["de", "en"]:
        results += evaluate(args.binary, lang)
    report(results, args.errors)
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1),
                                   encoding="utf-8")


if __name__ == "__main__":
    main()
