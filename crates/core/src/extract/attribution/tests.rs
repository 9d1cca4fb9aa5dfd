//! Attribution's tests.

use super::*;
use crate::article::Language;
use crate::extract::features::analyze;
use crate::extract::lexicon::Lexicon;
use crate::review::SpeakerKind;

fn speaker(text: &str, language: Language) -> Option<String> {
    let analysis = analyze(
        text,
        Span {
            start: 0,
            end: text.len(),
        },
        Lexicon::for_language(language),
    );
    match attribute(&analysis, Lexicon::for_language(language)) {
        Attribution::Named { speaker, span, .. } => {
            assert_eq!(&text[span.start..span.end], speaker);
            Some(speaker)
        }
        _ => None,
    }
}

#[test]
fn speakers_of_real_news_shapes() {
    let (de, en) = (Language::German, Language::English);
    let cases = [
        (
            "According to the U.S. Energy Information Administration, crude output rose 4 percent.",
            en,
            Some("the U.S. Energy Information Administration"),
        ),
        (
            "Springfield's mayor, Ann Lee, called the plan \"a mistake\" that would cost $40 million.",
            en,
            Some("Ann Lee"),
        ),
        (
            "Federal officials said the plant released 300 tonnes of waste water.",
            en,
            Some("Federal officials"),
        ),
        (
            "Beamte des Landes sagten, die Anlage habe 300 Tonnen Abwasser eingeleitet.",
            de,
            Some("Beamte des Landes"),
        ),
        ("Sources said the deal is off.", en, None),
        // "gab" reports only with its particle.
        (
            "Der FC Everton gab AFC Bournemouth mit 2:1 das Nachsehen.",
            de,
            None,
        ),
        (
            "Der Minister gab bekannt, dass die Steuer um 3 Prozent steigt.",
            de,
            Some("Der Minister"),
        ),
        (
            "Das gab das Ministerium am Montag in Wien bekannt.",
            de,
            Some("das Ministerium"),
        ),
    ];
    for (text, language, expected) in cases {
        assert_eq!(speaker(text, language).as_deref(), expected, "{text}");
    }
}

#[test]
fn german_speakers() {
    let de = Language::German;
    assert_eq!(
        speaker("„Wir prüfen das“, sagte die Ministerin am Montag.", de).as_deref(),
        Some("die Ministerin")
    );
    assert_eq!(
        speaker(
            "„Das ist gefährlich“, sagte Moon Seong-mok vom Korea Institute der BBC.",
            de
        )
        .as_deref(),
        Some("Moon Seong-mok")
    );
    assert_eq!(
        speaker("Der ukrainische Präsident Wolodymyr Selenskyj beschuldigte Moskau, Truppen zu sammeln.", de).as_deref(),
        Some("Der ukrainische Präsident Wolodymyr Selenskyj")
    );
    assert_eq!(
        speaker(
            "Die Behörde hatte vergangene Woche berichtet, dass 1.500 Soldaten verlegt wurden.",
            de
        )
        .as_deref(),
        Some("Die Behörde")
    );
    assert_eq!(
        speaker("Laut Experten setzt Russland Raketen ein.", de).as_deref(),
        Some("Experten")
    );
    assert_eq!(
        speaker("Nach Angaben der Polizei wurde niemand verletzt.", de).as_deref(),
        Some("Polizei")
    );
    assert_eq!(
        speaker(
            "Es gibt Kritik, etwa von der EU-Kommission, die erklärte, das sei falsch.",
            de
        )
        .as_deref(),
        Some("EU-Kommission")
    );
    assert_eq!(
        speaker("Das teilte das Statistische Bundesamt mit.", de).as_deref(),
        Some("das Statistische Bundesamt")
    );
    assert_eq!(speaker("Valeriy Ryabykh, Herausgeber des Magazins, sagte der BBC: „Das würde ich ausschließen.“", de).as_deref(), Some("Valeriy Ryabykh"));
    assert_eq!(speaker("Die Preise steigen, hieß es.", de), None);
}

#[test]
fn english_speakers() {
    let en = Language::English;
    assert_eq!(
        speaker("\"We will not back down,\" said Jane Smith, the mayor.", en).as_deref(),
        Some("Jane Smith")
    );
    assert_eq!(
        speaker("\"Prices will fall,\" the finance minister said.", en).as_deref(),
        Some("the finance minister")
    );
    assert_eq!(
        speaker(
            "According to the World Health Organization, cases rose by 12%.",
            en
        )
        .as_deref(),
        Some("the World Health Organization")
    );
    assert_eq!(
        speaker("The ministry said on Monday that 300 jobs would go.", en).as_deref(),
        Some("The ministry")
    );
    assert_eq!(speaker("Rates rose sharply last year.", en), None);
    assert_eq!(
        speaker("The port will cut 400 jobs by the end of next year, the port authority announced on Thursday.", en).as_deref(),
        Some("the port authority")
    );
    assert_eq!(
        speaker(
            "She said the cuts would affect mainly administrative staff.",
            en
        ),
        None
    );
}

#[test]
fn speakers_are_people_or_organisations() {
    let organisation = |s, l| speaker_kind(s, l) == SpeakerKind::Organisation;
    assert!(organisation("Die NATO und die USA", Language::German));
    assert!(organisation("das Statistische Bundesamt", Language::German));
    assert!(organisation("the port authority", Language::English));
    assert!(!organisation("Wolodymyr Selenskyj", Language::German));
    assert!(!organisation(
        "chief executive Helen Marsh",
        Language::English
    ));
}

#[test]
fn an_old_review_gets_its_speaker_kinds_on_opening() {
    let article = crate::article::load_bytes(
        "Die NATO und die USA bestätigten die Zahl von 1.500 Soldaten nicht.".as_bytes(),
        "a.txt",
        None,
        crate::article::LoadOptions::default(),
    )
    .unwrap()
    .article;
    let mut review = crate::extract::new_review(
        article,
        &crate::extract::ExtractOptions::default(),
        &mut |_| {},
    );
    assert_eq!(
        review.claims[0].speaker_kind,
        Some(SpeakerKind::Organisation)
    );
    review.claims[0].speaker_kind = None;
    crate::extract::complete_review(&mut review);
    assert_eq!(
        review.claims[0].speaker_kind,
        Some(SpeakerKind::Organisation)
    );
}
