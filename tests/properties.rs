//! Invariants over arbitrary Unicode (control characters, combining marks, emoji with joiners, right-to-left
//! text, long lines, runs of punctuation): segmentation, claim spans, review round trips and exports.

#![allow(clippy::unwrap_used, reason = "test code")]

use claimdesk::article::{Article, Language, SourceFormat, sha256_hex};
use claimdesk::export::{ExportOptions, Format, export};
use claimdesk::extract::{ExtractOptions, extract, lexicon::Lexicon, segment::segment};
use claimdesk::review::{Review, Verdict, store};
use proptest::prelude::*;

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
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
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
    }
}

fn languages() -> impl Strategy<Value = Language> {
    prop_oneof![
        Just(Language::German),
        Just(Language::English),
        Just(Language::Other)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn segments_are_ordered_disjoint_on_char_boundaries_and_cover_all_non_whitespace(text in newsy_text(), language in languages()) {
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
    fn every_claim_span_equals_its_text(text in newsy_text(), language in languages()) {
        let article = article(text, language);
        for claim in extract(&article, &ExtractOptions { min_score: 0.0 }) {
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
        let mut claims = extract(&article, &ExtractOptions { min_score: 0.0 });
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
    fn loading_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048), extension in prop_oneof![Just("txt"), Just("md"), Just("html")]) {
        let _ = claimdesk::article::load_bytes(&bytes, "x", Some(extension), Default::default());
        let _ = store::from_slice(&bytes, std::path::Path::new("x.json"));
    }
}
