//! Denials: phrases that deny, refute or reverse what follows ("weist Gerüchte zurück, wonach …", "es stimmt
//! nicht, dass …", "denied reports that …"). The memory reads a claim with one as the opposite of the same
//! claim without; extraction reads a sentence with one as a statement about a rumour, never as the rumour.
//! The phrases are data: `assets/lexicon/{de,en}/denials.txt`.

use std::sync::LazyLock;

use super::tokens::Token;
use crate::article::Language;

/// Words a denial's gap may span: "weist die Gerüchte über das Bad entschieden zurück".
const GAP: usize = 6;

/// A denial phrase as its parts between gaps: `weist … zurück` is `[["weist"], ["zurück"]]`.
type Pattern = Vec<Vec<String>>;

fn patterns(list: &str) -> Vec<Pattern> {
    list.lines()
        .map(|line| line.split_once('#').map_or(line, |(before, _)| before))
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            line.to_lowercase()
                .split('…')
                .map(|part| part.split_whitespace().map(str::to_owned).collect())
                .filter(|part: &Vec<String>| !part.is_empty())
                .collect()
        })
        .filter(|parts: &Pattern| !parts.is_empty())
        .collect()
}

fn for_language(language: Language) -> &'static [Pattern] {
    static GERMAN: LazyLock<Vec<Pattern>> =
        LazyLock::new(|| patterns(include_str!("../../../../assets/lexicon/de/denials.txt")));
    static ENGLISH: LazyLock<Vec<Pattern>> =
        LazyLock::new(|| patterns(include_str!("../../../../assets/lexicon/en/denials.txt")));
    match language {
        Language::German => &GERMAN,
        Language::English | Language::Other => &ENGLISH,
    }
}

/// The denial phrases among `tokens` (with their lower-case forms) as (first, last) token indices, each
/// token in at most one. Punctuation does not break a phrase ("es stimmt nicht, dass").
#[must_use]
pub fn spans(
    tokens: &[Token<'_>],
    lower: &[impl AsRef<str>],
    language: Language,
) -> Vec<(usize, usize)> {
    let denials = for_language(language);
    let words: Vec<usize> = (0..tokens.len())
        .filter(|&i| tokens[i].text.chars().any(char::is_alphanumeric))
        .collect();
    let matches_at = |at: usize, part: &[String]| -> bool {
        part.iter().enumerate().all(|(k, expected)| {
            words.get(at + k).is_some_and(|&i| {
                lower[i]
                    .as_ref()
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    == expected
            })
        })
    };
    let mut found: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    while at < words.len() {
        let end = denials.iter().find_map(|parts| {
            if !matches_at(at, &parts[0]) {
                return None;
            }
            let mut end = at + parts[0].len();
            for part in &parts[1..] {
                let next = (end..=(end + GAP).min(words.len()))
                    .find(|&candidate| matches_at(candidate, part))?;
                end = next + part.len();
            }
            Some(end)
        });
        match end {
            Some(end) => {
                found.push((words[at], words[end - 1]));
                at = end;
            }
            None => at += 1,
        }
    }
    found
}

/// Whether `text` denies something ("weist … zurück", "denied reports that").
#[must_use]
pub fn denies(text: &str, language: Language) -> bool {
    !phrases(text, language).is_empty()
}

/// The denial phrases of `text`, as written.
#[must_use]
pub fn phrases(text: &str, language: Language) -> Vec<&str> {
    let tokens: Vec<Token<'_>> = super::tokens::tokenize(text).collect();
    let lower: Vec<String> = tokens.iter().map(|t| t.text.to_lowercase()).collect();
    spans(&tokens, &lower, language)
        .into_iter()
        .map(|(first, last)| &text[tokens[first].start..tokens[last].end])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn denials_with_gaps_and_negations_inside_them() {
        assert_eq!(
            phrases(
                "Die Stadt Lindenau weist Gerüchte zurück, wonach das Hallenbad schließt.",
                Language::German
            ),
            ["weist Gerüchte zurück"]
        );
        assert_eq!(
            phrases(
                "Es stimmt nicht, dass die Steuern steigen.",
                Language::German
            ),
            ["stimmt nicht"]
        );
        assert_eq!(
            phrases(
                "The council denied reports that the library will close.",
                Language::English
            ),
            ["denied"]
        );
        assert_eq!(
            phrases("It is false that the water is unsafe.", Language::English),
            ["is false"]
        );
        assert!(phrases("Die Stadt baut ein Hallenbad.", Language::German).is_empty());
        // The gap is bounded: "weist" and a far "zurück" are not one phrase.
        assert!(
            phrases(
                "Der Bericht weist auf viele Mängel in den Schulen der Stadt und im Land hin und geht zurück.",
                Language::German
            )
            .is_empty()
        );
    }
}
