//! Scores the segmenter against the public sentence-boundary cases in `../shared/golden/` (beside the
//! checkout, as in CI). The folder is not part of this repository; without it the test says so and passes.
//!
//! Every case must pass except those listed in `KNOWN_DISAGREEMENTS`, each with the reason we think the
//! expectation is wrong for news text or not worth its cost. The score is printed on every run.

#![allow(clippy::unwrap_used, reason = "test helpers may panic")]

use std::io::Write as _;
use std::path::PathBuf;

use claimdesk::article::Language;
use claimdesk::extract::{lexicon::Lexicon, segment::segment};

/// Cases whose expected split we do not follow, and why.
const KNOWN_DISAGREEMENTS: &[(&str, &str)] = &[
    (
        "en-golden-018",
        "'5 a.m. Mr.' joins but '6 P.M. Mr.' splits: the same context, opposite answers (pending upstream too)",
    ),
    // The extended English cases (pySBD's spec: literature, legal and web text) we do not follow.
    (
        "en-spec-002",
        "Alice: a single-quoted passage of several exclamations followed by '(Which was very likely true.)' is one          sentence here but the same pattern is split in en-spec-097; news quotes use double quotes, where a          closing quote plus a parenthesis ends the sentence",
    ),
    (
        "en-spec-003",
        "the Alice passage of en-spec-002 again, with other line breaks",
    ),
    (
        "en-spec-004",
        "the quoted Alice exclamations of en-spec-002 on their own",
    ),
    (
        "en-spec-006",
        "the Alice passage of en-spec-002 again, as one paragraph",
    ),
    (
        "en-spec-078",
        "the Alice passage of en-spec-004 with question marks: the same contradiction with en-spec-097",
    ),
    (
        "en-spec-075",
        "'Smith. a. here it is b. another': list letters run into the text without line breaks; treating 'a.'          after a sentence as a list marker would cut German ordinals and initials ('Mark E. Smith' itself),          which news text has far more often than inline letter lists",
    ),
    (
        "en-spec-076",
        "'store. w) hello x) hello': inline letter lists after a sentence, as en-spec-075",
    ),
    (
        "en-spec-096",
        "a quotation ending in a dash ('to--\"') before the next sentence: a dash inside a quote is an          interruption, not an end, in every other case we have",
    ),
    (
        "en-spec-124",
        "'consultation.11 12 Take': footnote numbers after the period; in news '11 12' after a period is          a score or a figure far more often",
    ),
];

#[derive(serde::Deserialize)]
struct Case {
    id: String,
    text: String,
    sentences: Vec<String>,
}

fn golden_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/golden");
    dir.is_dir().then_some(dir)
}

fn score(file: &str, language: Language) -> Option<(usize, usize, Vec<String>)> {
    let path = golden_dir()?.join(file);
    let content = std::fs::read_to_string(&path).ok()?;
    let lexicon = Lexicon::for_language(language);
    let mut passed = 0;
    let mut failures = Vec::new();
    let mut total = 0;
    for line in content.lines().filter(|l| !l.trim().is_empty()) {
        let case: Case = serde_json::from_str(line).expect("golden case is JSON");
        total += 1;
        let got: Vec<&str> = segment(&case.text, lexicon)
            .iter()
            .map(|s| &case.text[s.start..s.end])
            .collect();
        if got == case.sentences {
            passed += 1;
        } else {
            failures.push(format!(
                "{}:\n  expected {:?}\n  got      {:?}",
                case.id, case.sentences, got
            ));
        }
    }
    Some((passed, total, failures))
}

fn check(file: &str, language: Language, must_pass_all: bool) {
    let Some((passed, total, failures)) = score(file, language) else {
        // Past the harness's capture: a skip must never pass silently.
        let _ = writeln!(
            std::io::stderr(),
            "golden: SKIPPED: ../shared/golden/{file} not found; segmenter golden score not checked"
        );
        return;
    };
    println!("golden {file}: {passed}/{total}");
    for failure in &failures {
        println!("  FAIL {failure}");
    }
    if must_pass_all {
        let unexpected: Vec<&String> = failures
            .iter()
            .filter(|f| {
                !KNOWN_DISAGREEMENTS
                    .iter()
                    .any(|(id, _)| f.starts_with(&format!("{id}:")))
            })
            .collect();
        assert!(
            unexpected.is_empty(),
            "{file}: unexpected failures:\n{unexpected:#?}"
        );
    }
}

#[test]
fn german_golden_rules() {
    check("de.jsonl", Language::German, true);
}

#[test]
fn german_news_cases() {
    check("de_news.jsonl", Language::German, true);
}

#[test]
fn english_golden_rules() {
    check("en.jsonl", Language::English, true);
}

#[test]
fn english_extended_cases() {
    // Literature, legal and web text: every case passes except the disagreements argued above.
    check("en_extended.jsonl", Language::English, true);
}
