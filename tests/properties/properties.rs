//! Invariants over arbitrary Unicode (control characters, combining marks, emoji with joiners, right-to-left
//! text and marks, unusual spaces, long lines, runs of punctuation): segmentation, claim spans, re-anchoring,
//! review round trips and exports.
//!
//! Reproducible by default: a fixed seed, and every failure ever found is kept in
//! `tests/properties.proptest-regressions` and replayed first. `scripts/explore-properties.sh` runs the same
//! properties with a random seed and many more cases; CI does not gate on that run.

#![allow(clippy::unwrap_used, reason = "test code")]

use claimdesk::article::{Article, Language, SourceFormat, sha256_hex};
use claimdesk::export::{ExportOptions, Format, export};
use claimdesk::extract::{ExtractOptions, extract, lexicon::Lexicon, segment::segment};
use claimdesk::review::{Review, Verdict, anchor, store};
use proptest::prelude::*;
use proptest::test_runner::{FileFailurePersistence, RngSeed};

/// The seed CI uses; `CLAIMDESK_PROPTEST_EXPLORE=1` (or an explicit `PROPTEST_RNG_SEED`) replaces it.
const CI_SEED: u64 = 0x00c1_a1d5_e5c0_2026;

fn config(cases: u32) -> ProptestConfig {
    let defaults = ProptestConfig::default();
    let explore = std::env::var_os("CLAIMDESK_PROPTEST_EXPLORE").is_some();
    ProptestConfig {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            defaults.cases
        } else {
            cases
        },
        rng_seed: if explore || std::env::var_os("PROPTEST_RNG_SEED").is_some() {
            defaults.rng_seed
        } else {
            RngSeed::Fixed(CI_SEED)
        },
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..defaults
    }
}

/// The fuzzers' dictionary: abbreviations of both languages, periods after spaces, brackets, quotes,
/// figures, ZWJ emoji, right-to-left text and marks, non-breaking, thin and other spaces.
fn hostile_pieces() -> Vec<String> {
    include_str!("../../fuzz/hostile.dict")
        .lines()
        .filter_map(|line| line.strip_prefix('"')?.strip_suffix('"'))
        .map(decode_dictionary_value)
        .collect()
}

/// libFuzzer's dictionary escapes: `\xNN` bytes, `\\` and `\"`.
fn decode_dictionary_value(value: &str) -> String {
    let mut bytes = Vec::new();
    let mut rest = value.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        rest = tail;
        if byte != b'\\' {
            bytes.push(byte);
            continue;
        }
        match rest {
            [b'x', high, low, tail @ ..] => {
                let hex = [*high, *low];
                bytes.push(u8::from_str_radix(std::str::from_utf8(&hex).unwrap(), 16).unwrap());
                rest = tail;
            }
            [escaped, tail @ ..] => {
                bytes.push(*escaped);
                rest = tail;
            }
            [] => bytes.push(b'\\'),
        }
    }
    String::from_utf8(bytes).unwrap()
}

/// Short texts of hostile pieces glued with or without spaces: the shapes an outside fuzzer found.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(hostile_pieces());
    let glue = prop::sample::select(vec!["", "", " ", " ", "\u{a0}", "\t", "\u{2009}", "\n"]);
    prop::collection::vec((piece, glue), 0..24).prop_map(|pieces| {
        pieces
            .into_iter()
            .flat_map(|(piece, glue)| [piece, glue.to_owned()])
            .collect()
    })
}

/// Text built from pieces that stress a news segmenter.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Dr. ".to_owned()),
        Just("z. B. ".to_owned()),
        Just("am 3. Oktober ".to_owned()),
        Just("1.500 ".to_owned()),
        Just("3,5 % ".to_owned()),
        Just("„Zitat.“, sagte Weber. ".to_owned()),
        Just("\"Quote!\" he said. ".to_owned()),
        Just("U.S. ".to_owned()),
        Just("... ".to_owned()),
        Just(". . . ".to_owned()),
        Just("?!".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("https://example.org/a.b. ".to_owned()),
        Just("e\u{301}\u{302} ".to_owned()),
        Just("👩\u{200d}👩\u{200d}👧 ".to_owned()),
        Just("שלום עולם. ".to_owned()),
        Just("مرحبا. ".to_owned()),
        Just("\u{0}\u{7}\u{1b}".to_owned()),
        Just("\u{2028}\u{a0}\t".to_owned()),
        Just("1.) 2.) a) (iv) • ⁃".to_owned()),
        Just("Die Regierung sagte, sie habe 12 Mio. Euro ausgegeben. ".to_owned()),
        "[A-Za-zÄÖÜäöüß ]{1,30}",
        "[.!?…,;:\"'»«„“”‚‘’()\\[\\] -]{1,8}",
        hostile_text(),
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![newsy_text(), hostile_text()]
}

fn article(text: String, language: Language) -> Article {
    Article {
        source: "prop.txt".to_owned(),
        title: None,
        language,
        sha256: sha256_hex(&text),
        text,
        format: SourceFormat::Text,
        published: None,
        url: None,
        fetched: None,
        canonical_url: None,
        author: None,
    }
}

fn languages() -> impl Strategy<Value = Language> {
    prop_oneof![
        Just(Language::German),
        Just(Language::English),
        Just(Language::Other)
    ]
}

#[test]
fn the_text_an_outside_fuzzer_reported_segments_and_extracts() {
    // A period after a space behind a ZWJ emoji, then an abbreviation after a bracket and spaced periods.
    let text = "3,5 % 👩\u{200d}👩\u{200d}👧 . [Dr.   \tz. B. . . . ";
    for language in [Language::German, Language::English, Language::Other] {
        let spans = segment(text, Lexicon::for_language(language));
        let joined: String = spans.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(
            joined
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>(),
            text.chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
        );
        let claims = extract(
            &article(text.to_owned(), language),
            &ExtractOptions::with_min_score(0.0),
        );
        assert!(
            claims
                .iter()
                .all(|c| text.get(c.start..c.end) == Some(c.text.as_str()))
        );
    }
}

#[test]
fn the_dictionary_decodes_to_the_hostile_pieces() {
    let pieces = hostile_pieces();
    assert!(pieces.len() > 100, "{} pieces", pieces.len());
    for expected in [
        "z. B.", "\u{a0}", "\u{2009}", "\u{200d}", "\u{200f}", "„", "\"", "U.S.",
    ] {
        assert!(pieces.iter().any(|p| p == expected), "{expected:?} missing");
    }
    assert_eq!(decode_dictionary_value(r"a\x5C\x22\xC2\xA0"), "a\\\"\u{a0}");
}

proptest! {
    #![proptest_config(config(400))]

    #[test]
    fn segments_are_ordered_disjoint_on_char_boundaries_and_cover_all_non_whitespace(text in any_text(), language in languages()) {
        let spans = segment(&text, Lexicon::for_language(language));
        let mut previous_end = 0;
        for span in &spans {
            prop_assert!(span.start < span.end, "empty span {span:?}");
            prop_assert!(previous_end <= span.start, "overlap or disorder at {span:?}");
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            let slice = &text[span.start..span.end];
            prop_assert_eq!(slice.trim(), slice, "segments are trimmed");
            prop_assert!(text[previous_end..span.start].chars().all(char::is_whitespace), "non-whitespace left out before {:?}", span);
            previous_end = span.end;
        }
        prop_assert!(text[previous_end..].chars().all(char::is_whitespace), "non-whitespace left out at the end");
    }

    #[test]
    fn every_claim_span_equals_its_text(text in any_text(), language in languages()) {
        let article = article(text, language);
        for claim in extract(&article, &ExtractOptions::with_min_score(0.0)) {
            prop_assert_eq!(&article.text[claim.start..claim.end], claim.text.as_str());
            prop_assert!((0.0..=1.0).contains(&claim.score));
            for span in claim.hedge_spans.iter().chain(&claim.speaker_span) {
                prop_assert!(article.text.get(span.start..span.end).is_some());
            }
        }
    }

    #[test]
    fn any_review_saves_loads_back_identical_and_exports(text in newsy_text(), language in languages(), verdicts in prop::collection::vec(0u8..4, 0..64), note in any::<String>()) {
        let article = article(text, language);
        let mut claims = extract(&article, &ExtractOptions::with_min_score(0.0));
        for (claim, verdict) in claims.iter_mut().zip(&verdicts) {
            claim.verdict = [None, Some(Verdict::Confirmed), Some(Verdict::Denied), Some(Verdict::Unverified)][usize::from(*verdict)];
            claim.note.clone_from(&note);
        }
        let review = Review::new(article, claims);
        let bytes = store::to_bytes(&review).unwrap();
        let loaded = store::from_slice(&bytes, std::path::Path::new("prop.json")).unwrap();
        prop_assert_eq!(&loaded, &review);
        prop_assert_eq!(store::to_bytes(&loaded).unwrap(), bytes, "same review, same bytes");
        for format in Format::ALL {
            prop_assert!(export(&review, format, &ExportOptions::default()).is_ok());
        }
    }

    #[test]
    fn reanchoring_onto_an_edited_text_keeps_every_claim_with_valid_spans(text in any_text(), language in languages(), cut in any::<prop::sample::Index>(), insert in any_text(), verdicts in prop::collection::vec(0u8..4, 0..64)) {
        let original = article(text.clone(), language);
        let mut claims = extract(&original, &ExtractOptions::with_min_score(0.0));
        for (claim, verdict) in claims.iter_mut().zip(&verdicts) {
            claim.verdict = [None, Some(Verdict::Confirmed), Some(Verdict::Denied), Some(Verdict::Unverified)][usize::from(*verdict)];
        }
        let review = Review::new(original, claims);
        // An edit of the article: text inserted at a char boundary.
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let at = boundaries[cut.index(boundaries.len())];
        let edited = format!("{}{insert}{}", &text[..at], &text[at..]);
        let verdicts_before: Vec<_> = review.claims.iter().map(|c| (c.id.clone(), c.verdict)).collect();
        let (moved, report) = anchor::reanchor(review, article(edited, language));
        prop_assert_eq!(moved.claims.len() + moved.orphaned.len(), verdicts_before.len(), "no claim lost");
        prop_assert_eq!(report.orphaned.len(), moved.orphaned.len());
        for (id, verdict) in verdicts_before {
            let claim = moved.claims.iter().chain(&moved.orphaned).find(|c| c.id == id).unwrap();
            prop_assert_eq!(claim.verdict, verdict);
        }
        prop_assert!(store::validate(&moved).is_ok(), "{:?}", store::validate(&moved));
    }

    #[test]
    fn loading_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048), extension in prop_oneof![Just("txt"), Just("md"), Just("html")]) {
        let _ = claimdesk::article::load_bytes(&bytes, "x", Some(extension), claimdesk::article::LoadOptions::default());
        let _ = store::from_slice(&bytes, std::path::Path::new("x.json"));
    }
}
