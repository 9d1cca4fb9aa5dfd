//! What kind of source a speaker is: a person, an organisation or a work.

use super::super::lexicon::{Category, Lexicon};
use crate::article::Language;
use crate::review::SpeakerKind;

/// Whether a speaker is a work (a survey, study, report or post: "Umfrage des Instituts X", "the police
/// report"), a person or an organisation: acronyms, places and words such as "Ministerium" or "agency" say
/// organisation; a name of two or more capitalized words without them is a person.
pub fn speaker_kind(speaker: &str, language: Language) -> SpeakerKind {
    let lexicon = Lexicon::for_language(language);
    if is_work(speaker, lexicon) {
        return SpeakerKind::Work;
    }
    let words = || {
        speaker
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !w.is_empty())
    };
    let marks_organisation = words().any(|word| marks_organisation(word, lexicon));
    let capitalized_names = words()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if marks_organisation || capitalized_names < 2 {
        SpeakerKind::Organisation
    } else {
        SpeakerKind::Person
    }
}

/// Whether one word of a speaker phrase says it is an organisation: an acronym, a place, an organisation
/// word ("Polizei", "agency") or a German compound ending in one ("Gesundheitsministerium").
pub(super) fn marks_organisation(word: &str, lexicon: &Lexicon) -> bool {
    let lower = word.to_lowercase();
    let categories = lexicon.categories(&lower);
    let acronym = word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| !c.is_lowercase());
    acronym
        || categories.has(Category::OrganisationWord)
        || categories.has(Category::Place)
        || ORGANISATION_SUFFIXES
            .iter()
            .any(|suffix| lower.ends_with(suffix))
}

/// German compound heads that make an organisation of any word before them.
const ORGANISATION_SUFFIXES: &[&str] = &[
    "amt",
    "behörde",
    "ministerium",
    "kommission",
    "institut",
    "verband",
    "gericht",
    "gerichtshof",
    "polizei",
];

/// Whether the head of a speaker phrase is a work: the phrase before its first "of"/"by"/"des"/"der"/"von"
/// ("Umfrage des Instituts X", "survey by the Meridian Institute") holds a work word, as itself or as the end
/// of a compound ("Polizeibericht", "Facebook-Posting"); in English also the last word of a possessive
/// ("the institute's survey").
fn is_work(speaker: &str, lexicon: &Lexicon) -> bool {
    let words: Vec<String> = speaker
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let head_end = words
        .iter()
        .position(|w| {
            matches!(
                w.as_str(),
                "of" | "by" | "from" | "des" | "der" | "von" | "vom" | "aus" | "zum" | "zur"
            )
        })
        .unwrap_or(words.len());
    words[..head_end].iter().any(|word| {
        let tail = word.rsplit('-').next().unwrap_or(word);
        lexicon.categories(tail).has(Category::SourceWork)
            || (lexicon.language == Language::German
                && WORK_SUFFIXES.iter().any(|suffix| {
                    tail.len() > suffix.len() + 2
                        && tail.ends_with(suffix)
                        && lexicon.categories(suffix).has(Category::SourceWork)
                }))
    })
}

/// German compound heads that make a work of any word before them (`Polizeibericht`, `Jahresstatistik`).
const WORK_SUFFIXES: &[&str] = &[
    "bericht",
    "berichts",
    "umfrage",
    "studie",
    "statistik",
    "gutachten",
    "analyse",
    "posting",
    "video",
    "urteil",
    "erhebung",
    "protokoll",
];
