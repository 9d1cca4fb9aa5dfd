#!/usr/bin/env python3
"""Speaker attribution on SpkAtt-2023 (German Bundestag speeches).

Usage: python3 scripts/eval/spkatt.py BINARY [--data DIR] [--errors] [--examples N]

For every speech event whose Source is a third party (not "ich", "wir", the
"Sie" addressed), does the claim claimdesk extracts from the cue's sentence
name that source? Compared with a simple baseline in the same run.

The data (../shared/external/spkatt-de/, CC BY-SA 4.0, see its SOURCE.md) is
for evaluation only: it is read at run time and never copied into the
repository. Without --errors only counts and cue words are printed, no
sentences. Standard library only.
"""

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

# Options passed on to `claimdesk extract` (--scorer).
EXTRACT_OPTIONS = []

DEFAULT_DATA = (Path(__file__).resolve().parents[3]
                / "shared" / "external" / "spkatt-de" / "train")

# German typography: no space before closing punctuation, none after an
# opening bracket or low quote. The closing quote “ is added to the list so
# quoted words do not drift away from their closing mark.
NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "“"}
NO_SPACE_AFTER = {"(", "„"}

# First and second person: the speaker herself, her party ("wir"), and the
# addressed ("Sie", "ihr"). Capitalised forms are the polite address; the
# lowercase "ihre"/"ihrem" are third person ("her", "their") and stay.
FIRST_SECOND_LOWER = {"ich", "wir", "mir", "mich", "uns", "du", "dich", "dir", "ihr", "euch"}
FIRST_SECOND_POSSESSIVE = re.compile(r"(unser|mein|dein|euer|eur)(e|er|es|em|en|s)?")
FIRST_SECOND_CASED = {"Sie", "Ihnen"}
POLITE_POSSESSIVE = re.compile(r"Ihr(e|er|es|em|en)?")

# Words around a pronoun that do not change whose voice it is
# ("wir alle", "auch ich", "von Ihnen").
FILLERS = {"alle", "allen", "auch", "von", "für", "selbst", "beide", "beiden", "seitens",
           "gerade", "nur", "hier", "ja", "doch", "gemeinsam", "zusammen", "und"}

# Words that say nothing about who is speaking: a shared "der" or "Herr"
# must not count as naming the right source.
STOP = {
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
    "und", "oder", "aber", "auch", "von", "vom", "zum", "zur", "bei", "mit", "aus", "für",
    "über", "unter", "nach", "vor", "sowie", "nicht", "noch", "nur", "schon", "sehr",
    "ich", "wir", "sie", "ihr", "ihre", "ihrer", "ihrem", "ihren", "ihres", "ihnen",
    "er", "es", "man", "sein", "seine", "seiner", "seinem", "seinen", "seines",
    "mir", "mich", "uns", "unser", "unsere", "unserer", "unserem", "unseren", "unseres",
    "mein", "meine", "meiner", "meinem", "meinen", "meines", "dies", "diese", "dieser",
    "dieses", "diesem", "diesen", "jene", "jener", "jenes", "wer", "was", "welche",
    "welcher", "welches", "jeder", "jede", "jedes", "jedem", "jeden", "niemand", "jemand",
    "keiner", "keine", "kein", "einige", "andere", "anderen", "manche", "alle", "viele",
    "beide", "beiden", "selbst", "hier", "dort", "heute", "damals", "dann", "denn",
    "herr", "herrn", "frau", "damen", "herren", "liebe", "lieber", "verehrte", "kollege",
    "kollegin", "kollegen", "kolleginnen", "dass", "wenn", "weil", "wie", "als", "sich",
    # Sentence openers, so the baseline does not take "Im" or "Deshalb" for a name.
    "in", "im", "an", "am", "auf", "zu", "um", "durch", "ohne", "gegen", "ob", "so", "da",
    "seit", "genau", "deshalb", "deswegen", "daher", "darum", "jetzt", "nun", "natürlich",
    "leider", "insgesamt", "übrigens", "zudem", "außerdem", "gestern", "dabei", "darauf",
    "dazu", "damit", "trotzdem", "also", "ebenso", "eben", "gerade", "immer", "bereits",
    "wieder", "erst", "vielmehr", "mehr", "gut", "ganz", "klar", "richtig", "warum", "außer",
}

INFLECTIONS = ("innen", "in", "en", "es", "e", "n", "s")


def token_pos(tid):
    sent, tok = tid.split(":")
    return int(sent), int(tok)


def build_speech(sentences):
    """One line a sentence; returns text, token byte spans, sentence byte spans.

    One line a sentence keeps claimdesk's sentences aligned with SpkAtt's
    (a line break always ends a sentence for claimdesk).
    """
    lines, tok_spans, sent_spans = [], {}, {}
    offset = 0
    for s in sentences:
        sid = s["SentenceId"]
        line = ""
        prev = None
        for i, tok in enumerate(s["Tokens"]):
            if line and tok not in NO_SPACE_BEFORE and prev not in NO_SPACE_AFTER:
                line += " "
            start = offset + len(line.encode("utf-8"))
            line += tok
            tok_spans[(sid, i)] = (start, start + len(tok.encode("utf-8")))
            prev = tok
        sent_spans[sid] = (offset, offset + len(line.encode("utf-8")))
        lines.append(line)
        offset += len(line.encode("utf-8")) + 1  # the newline
    return "\n".join(lines), tok_spans, sent_spans


def source_person(tokens):
    """Return "third", or why the source is the speaker's own side or the addressed.

    Besides sources made only of first/second person pronouns ("ich", "wir
    alle", "von Ihnen"), a personal pronoun heading the phrase ("wir als
    Union", "Wir, die AfD") is still the speaker's own voice, not a third
    party. A possessive with a noun ("meine Fraktion", "unseres Altkanzlers")
    names someone else and counts as third party.
    """
    words = [t for t in tokens if re.search(r"\w", t)]
    if not words:
        return "empty"

    def first_second(w):
        lw = w.lower()
        return (w in FIRST_SECOND_CASED or POLITE_POSSESSIVE.fullmatch(w)
                or lw in FIRST_SECOND_LOWER or FIRST_SECOND_POSSESSIVE.fullmatch(lw))

    def personal(w):
        return w in FIRST_SECOND_CASED or (w.lower() in FIRST_SECOND_LOWER and w != "Ihr")

    if all(first_second(w) or w.lower() in FILLERS for w in words):
        return "first/second person"
    head = next((w for w in words if w.lower() not in FILLERS), None)
    if head is not None and personal(head):
        return "first/second person heading a phrase"
    return "third"


def is_third_party(tokens):
    return source_person(tokens) == "third"


def content_words(text):
    return [w for w in re.findall(r"[^\W\d_]{3,}", text.lower()) if w not in STOP]


def stem(w):
    for suffix in INFLECTIONS:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


def words_match(a, b):
    """Same word up to inflection, or one the head of the other's compound.

    German puts a compound's head last, so "Bundesregierung" names the same
    source as "Regierung"; "Kanzlerin"/"Bundeskanzlerin" likewise.
    """
    if a == b:
        return True
    sa, sb = stem(a), stem(b)
    if sa == sb:
        return True
    short, long_ = sorted((sa, sb), key=len)
    return len(short) >= 4 and long_.endswith(short)


def names_source(speaker, source_text):
    if not speaker:
        return False
    sw, gw = content_words(speaker), content_words(source_text)
    if gw:
        return any(words_match(a, b) for a in sw for b in gw)
    # A pronominal source ("er", "man", "die"): only the same word matches;
    # a resolved antecedent cannot be checked against these tokens.
    return speaker.strip().lower() == source_text.strip().lower()


def baseline(tokens, cue_index):
    """The first run of capitalised words before the cue, function words skipped.

    What a reader skimming for "who" would grab first; anything claimdesk
    does should beat it.
    """
    run = []
    for tok in tokens[:cue_index]:
        good = (tok[:1].isupper() and tok.lower() not in STOP
                and is_third_party([tok]))
        if good:
            run.append(tok)
        elif run:
            break
    return " ".join(run) or None


def run_extract(binary, speeches):
    """Extract every speech in one folder run and return the reviews by name."""
    with tempfile.TemporaryDirectory(prefix="spkatt-") as tmp:
        desk = Path(tmp)
        for name, sp in speeches.items():
            (desk / f"{name}.txt").write_text(sp["text"], encoding="utf-8")
        proc = subprocess.run(
            [binary, "extract", "--min-score", "0", "--lang", "de", str(desk), *EXTRACT_OPTIONS],
            capture_output=True, text=True,
        )
        if proc.returncode != 0:
            sys.exit(f"extract failed ({proc.returncode}):\n{proc.stderr}")
        reviews = {}
        for name in speeches:
            path = desk / f"{name}.review.json"
            if not path.exists():
                sys.exit(f"no review for {name}:\n{proc.stderr}")
            reviews[name] = json.loads(path.read_text(encoding="utf-8"))
        return reviews


def overlap(a, b):
    return min(a[1], b[1]) - max(a[0], b[0])


def cue_claim(claims, cue_spans, sent_spans):
    """The claim holding the cue, else the one covering most of its sentence(s).

    claimdesk may split a SpkAtt sentence in two; the half with the cue is the
    one whose speaker should be the source.
    """
    for c in claims:
        if any(overlap((c["start"], c["end"]), s) > 0 for s in cue_spans):
            return c
    best, best_overlap = None, 0
    for c in claims:
        o = sum(max(0, overlap((c["start"], c["end"]), s)) for s in sent_spans)
        if o > best_overlap:
            best, best_overlap = c, o
    return best


def load(data_dir):
    speeches = {}
    for path in sorted(data_dir.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        text, tok_spans, sent_spans = build_speech(doc["Sentences"])
        speeches[path.stem] = {
            "text": text,
            "tokens": {s["SentenceId"]: s["Tokens"] for s in doc["Sentences"]},
            "tok_spans": tok_spans,
            "sent_spans": sent_spans,
            "annotations": doc["Annotations"],
        }
    return speeches


def sentence_text(sp, sid):
    start, end = sp["sent_spans"][sid]
    return sp["text"].encode("utf-8")[start:end].decode("utf-8")


def evaluate(speeches, reviews):
    events, persons = [], Counter()
    for name, sp in speeches.items():
        review = reviews[name]
        if review["article"]["text"] != sp["text"]:
            # Offsets would point elsewhere; better to stop than to score noise.
            sys.exit(f"{name}: claimdesk changed the article text; offsets would not match")
        claims = review.get("claims", [])
        for ann in sp["annotations"]:
            if not ann["Cue"]:
                continue
            src_pos = sorted(token_pos(t) for t in ann["Source"])
            src_tokens = [sp["tokens"][s][i] for s, i in src_pos]
            person = source_person(src_tokens)
            persons[person] += 1
            if person != "third":
                continue
            cue_pos = sorted(token_pos(t) for t in ann["Cue"])
            cue_sents = sorted({s for s, _ in cue_pos})
            claim = cue_claim(
                claims,
                [sp["tok_spans"][p] for p in cue_pos],
                [sp["sent_spans"][s] for s in cue_sents],
            )
            source_text = " ".join(src_tokens)
            speaker = claim.get("speaker") if claim else None
            first_sent, first_tok = cue_pos[0]
            base = baseline(sp["tokens"][first_sent], first_tok)
            events.append({
                "speech": name,
                "sentence": first_sent,
                "cue": " ".join(sp["tokens"][s][i] for s, i in cue_pos).lower(),
                "source": source_text,
                "named": bool(content_words(source_text)),
                "claim": claim is not None,
                "speaker": speaker,
                "ok": names_source(speaker, source_text),
                "baseline": base,
                "baseline_ok": names_source(base, source_text),
                "text": claim["text"] if claim else sentence_text(sp, first_sent),
            })
    return events, persons


def pct(k, n):
    return f"{100.0 * k / n:5.1f} %" if n else "    –  "


def summary_rows(events):
    n = len(events)
    claimed = [e for e in events if e["claim"]]
    with_speaker = [e for e in events if e["speaker"]]
    right = sum(e["ok"] for e in events)
    base = sum(e["baseline_ok"] for e in events)
    base_claimed = sum(e["baseline_ok"] for e in claimed)
    right_claimed = sum(e["ok"] for e in claimed)
    return [
        ("third-party annotations", n, None),
        ("cue sentence is a claim", len(claimed), n),
        ("claim has a speaker", len(with_speaker), n),
        ("speakers right, of third-party sources", right, n),
        ("speakers right, of those with a speaker", right, len(with_speaker)),
        ("baseline right, of third-party sources", base, n),
        ("  on claimed sentences: claimdesk", right_claimed, len(claimed)),
        ("  on claimed sentences: baseline", base_claimed, len(claimed)),
    ]


def report(events, persons, n_speeches, show_errors, examples):
    print(f"SpkAtt-2023 train: {n_speeches} speeches, {sum(persons.values())} annotations;"
          " sources: " + ", ".join(f"{k} {v}" for k, v in persons.most_common()))
    for label, subset in [
        ("all third-party sources", events),
        ("named sources (a content word)", [e for e in events if e["named"]]),
        ("pronominal sources (er, sie, man, die …)", [e for e in events if not e["named"]]),
    ]:
        print()
        print(label)
        for row, k, n in summary_rows(subset):
            share = pct(k, n) if n is not None else ""
            print(f"  {row:<42}{k:>6}{'' if n is None else ' / ' + str(n):>9}  {share}")

    misses = [e for e in events if not e["ok"]]
    why = Counter("no claim" if not e["claim"] else "no speaker" if not e["speaker"]
                  else "other speaker" for e in misses)
    print()
    print("misses: " + ", ".join(f"{k} {v}" for k, v in why.most_common()))

    by_cue = defaultdict(list)
    for e in misses:
        by_cue[e["cue"]].append(e)
    ranked = sorted(by_cue.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    print()
    print("cue words among misses (most frequent first; named = the source has a content word)")
    print(f"  {'cue':<24}{'misses':>7}{'named':>7}   why")
    for cue, es in ranked[:25]:
        k = Counter("no claim" if not e["claim"] else "no speaker" if not e["speaker"]
                    else "other speaker" for e in es)
        print(f"  {cue:<24}{len(es):>7}{sum(e['named'] for e in es):>7}   "
              + ", ".join(f"{a} {b}" for a, b in k.most_common()))

    if show_errors:
        # Sentences are printed here only, at run time, for error hunting.
        print()
        print("misses by cue word")
        for cue, es in ranked:
            print()
            print(f"== {cue} ({len(es)})")
            for e in es[:examples] if examples else es:
                got = ("(no claim)" if not e["claim"] else repr(e["speaker"])
                       if e["speaker"] else "(no speaker)")
                print(f"  source: {e['source']!r}   claimdesk: {got}   baseline: {e['baseline']!r}")
                print(f"    {e['speech']} #{e['sentence']}: {e['text']}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("binary", help="the claimdesk binary")
    ap.add_argument("--scorer", help="passed on to claimdesk extract (words, meaning, …)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA,
                    help=f"folder of SpkAtt JSON files (default {DEFAULT_DATA})")
    ap.add_argument("--errors", action="store_true",
                    help="print the misses, grouped by cue word (prints sentences)")
    ap.add_argument("--examples", type=int, default=0,
                    help="with --errors, at most this many misses per cue word (0 = all)")
    ap.add_argument("--json", metavar="FILE",
                    help="also write per-annotation results here (holds SpkAtt text: keep it "
                         "out of the repository)")
    args = ap.parse_args()
    if args.scorer:
        EXTRACT_OPTIONS.extend(["--scorer", args.scorer])

    if not args.data.is_dir() or not any(args.data.glob("*.json")):
        # The data lives outside the repository; absent is not a failure.
        print(f"SpkAtt data not found at {args.data}; skipped")
        return
    speeches = load(args.data)
    reviews = run_extract(args.binary, speeches)
    events, persons = evaluate(speeches, reviews)
    report(events, persons, len(speeches), args.errors, args.examples)
    if args.json:
        Path(args.json).write_text(json.dumps(events, ensure_ascii=False, indent=1),
                                   encoding="utf-8")


if __name__ == "__main__":
    main()
