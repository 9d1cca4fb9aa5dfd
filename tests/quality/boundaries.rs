//! The boundary bank: German and English news sentence boundaries written for claimdesk
//! (`tests/data/segment/boundaries-{de,en}.txt`). Every case must pass; a failure names the line.
//!
//! Each line holds the expected sentences separated by ` ‖ ` (joined by a space in the text the
//! segmenter reads) or ` ¶ ` (joined by a line break), so the expectation and the input cannot drift apart.

#![allow(clippy::unwrap_used, reason = "test helpers may panic")]

use claimdesk::article::Language;
use claimdesk::extract::{lexicon::Lexicon, segment::segment};

const SPACE: &str = " ‖ ";
const LINE_BREAK: &str = " ¶ ";

/// The text of a case and its expected sentences.
fn parse_case(line: &str) -> (String, Vec<String>) {
    let mut text = String::new();
    let mut sentences = Vec::new();
    let mut rest = line;
    loop {
        let next = [(SPACE, ' '), (LINE_BREAK, '\n')]
            .into_iter()
            .filter_map(|(mark, joiner)| rest.find(mark).map(|at| (at, mark, joiner)))
            .min_by_key(|(at, _, _)| *at);
        let Some((at, mark, joiner)) = next else {
            sentences.push(rest.to_owned());
            text.push_str(rest);
            return (text, sentences);
        };
        sentences.push(rest[..at].to_owned());
        text.push_str(&rest[..at]);
        text.push(joiner);
        rest = &rest[at + mark.len()..];
    }
}

fn check_bank(file: &str, language: Language) -> usize {
    let path = format!("{}/tests/data/segment/{file}", env!("CARGO_MANIFEST_DIR"));
    let bank = std::fs::read_to_string(&path).unwrap();
    let lexicon = Lexicon::for_language(language);
    let mut failures = Vec::new();
    let mut cases = 0;
    for (number, line) in bank.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        cases += 1;
        let (text, expected) = parse_case(line);
        let got: Vec<&str> = segment(&text, lexicon)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        if got != expected {
            failures.push(format!(
                "{file}:{}:\n  expected {expected:?}\n  got      {got:?}",
                number + 1
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cases} boundary cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
    cases
}

#[test]
fn german_boundary_bank_passes() {
    let cases = check_bank("boundaries-de.txt", Language::German);
    assert!(cases >= 150, "the German bank shrank to {cases} cases");
}

#[test]
fn english_boundary_bank_passes() {
    let cases = check_bank("boundaries-en.txt", Language::English);
    assert!(cases >= 120, "the English bank shrank to {cases} cases");
}

#[test]
fn a_case_line_gives_its_text_and_sentences() {
    let (text, sentences) = parse_case("Neue Busse ¶ Die Stadt zahlt. ‖ Das Land auch.");
    assert_eq!(text, "Neue Busse\nDie Stadt zahlt. Das Land auch.");
    assert_eq!(
        sentences,
        ["Neue Busse", "Die Stadt zahlt.", "Das Land auch."]
    );
}
