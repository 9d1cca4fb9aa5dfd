"""Generated inputs for the map-step benchmark, deterministic and written here (no text from elsewhere).

    python3 generate.py articles MEGABYTES > articles.jsonl     # {"id", "text", "lang"} records
    python3 generate.py claim-reviews COUNT > feed.jsonl        # schema.org ClaimReview records
"""

import json
import random
import sys

TOWNS = ["Talberg", "Elmstead", "Kirchau", "Northby", "Seefeld", "Ashcombe", "Lindenau", "Marlow Bay"]
PEOPLE = ["Eva Brandt", "Tom Reyes", "Jana Wolf", "Priya Shah", "Lukas Berger", "Mary Okafor"]
GERMAN = [
    "Die Gemeinde {town} investiert {n} Millionen Euro in ihr Wassernetz, sagte {person} am {day}.",
    "Laut Stadtwerken gingen im Vorjahr {p} Prozent des Wassers durch undichte Leitungen verloren.",
    "Die Zahl der Fahrgäste stieg nach Angaben des Verkehrsverbunds um {p} Prozent auf {k} 000.",
    "Der Bürgermeister kündigte an, die Gebühren ab {year} um {small} Euro im Monat zu senken.",
    "Kritiker bezweifeln das: Die Rücklagen reichten höchstens für {small} Jahre, heißt es im Bericht.",
    "Am Abend spielte die Stadtkapelle auf dem Marktplatz.",
    "Die Arbeiten sollen im Frühjahr {year} beginnen und {small} Monate dauern.",
    "Im Landkreis wurden {k} neue Wohnungen genehmigt, teilte das Statistikamt mit.",
]
ENGLISH = [
    "The county of {town} will spend {n} million pounds on new school buses, {person} said on {dayen}.",
    "Ridership rose by {p} percent last year, according to the transport office.",
    "The council said it had cut waiting times by {small} minutes since {year}.",
    "Opposition members claim the scheme will cost {n} million pounds more than planned.",
    "Residents gathered at the harbour for the annual lantern walk.",
    "The first buses are expected in {year}, the operator said in a statement.",
    "Unemployment in the region fell to {p} percent in the third quarter, official figures show.",
    "{person} told reporters the budget would be balanced by {year}.",
]
DAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"]
DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def fill(template, rng):
    return template.format(
        town=rng.choice(TOWNS),
        person=rng.choice(PEOPLE),
        day=rng.choice(DAYS),
        dayen=rng.choice(DAYS_EN),
        n=rng.randint(2, 90),
        p=rng.randint(2, 40),
        k=rng.randint(2, 900),
        small=rng.randint(2, 12),
        year=rng.randint(2019, 2029),
    )


def article(index, rng):
    german = index % 2 == 0
    templates = GERMAN if german else ENGLISH
    paragraphs = []
    for _ in range(rng.randint(6, 12)):
        sentences = [fill(rng.choice(templates), rng) for _ in range(rng.randint(2, 4))]
        paragraphs.append(" ".join(sentences))
    return {"id": f"a{index:08d}", "text": "\n\n".join(paragraphs), "lang": "de" if german else "en"}


def claim_review(index, rng):
    german = index % 2 == 0
    claim = fill(rng.choice(GERMAN[:5] + GERMAN[6:] if german else ENGLISH[:4] + ENGLISH[5:]), rng)
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim,
        "reviewRating": {"@type": "Rating", "alternateName": rng.choice(["Falsch", "Richtig", "Irreführend"] if german else ["False", "True", "Misleading"])},
        "author": {"@type": "Organization", "name": "Faktencheck Nord" if german else "Harbour Fact Desk"},
        "url": f"https://fakten.example/{index}",
        "datePublished": f"20{rng.randint(18, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "inLanguage": "de" if german else "en",
    }


def main():
    kind, amount = sys.argv[1], int(sys.argv[2])
    rng = random.Random(2026)
    out = sys.stdout
    if kind == "articles":
        limit = amount * 1024 * 1024
        written = 0
        index = 0
        while written < limit:
            line = json.dumps(article(index, rng), ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode())
            index += 1
    elif kind == "claim-reviews":
        for index in range(amount):
            out.write(json.dumps(claim_review(index, rng), ensure_ascii=False) + "\n")
    else:
        sys.exit(f"unknown kind {kind!r}: articles or claim-reviews")


if __name__ == "__main__":
    main()
