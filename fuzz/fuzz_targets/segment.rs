//! Segmentation and extraction invariants on arbitrary text: ordered, disjoint spans on char boundaries that
//! cover every non-whitespace character; claim spans equal their text.
#![no_main]

use claimdesk::article::Language;
use claimdesk::extract::{ExtractOptions, extract_text, lexicon::Lexicon, segment::segment};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for language in [Language::German, Language::English, Language::Other] {
        let spans = segment(text, Lexicon::for_language(language));
        let mut previous = 0;
        for span in &spans {
            assert!(previous <= span.start && span.start < span.end);
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            assert!(text[previous..span.start].chars().all(char::is_whitespace));
            previous = span.end;
        }
        assert!(text[previous..].chars().all(char::is_whitespace));
        for claim in extract_text(text, language, &ExtractOptions { min_score: 0.0 }) {
            assert_eq!(&text[claim.start..claim.end], claim.text);
        }
    }
});
