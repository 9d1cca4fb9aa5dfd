//! The segmenter's tests: sentence boundaries in German and English news, and the spans' promises.

use super::*;

fn sentences(text: &str, language: Language) -> Vec<&str> {
    segment(text, Lexicon::for_language(language))
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect()
}

fn de(text: &str) -> Vec<&str> {
    sentences(text, Language::German)
}

fn en(text: &str) -> Vec<&str> {
    sentences(text, Language::English)
}

#[test]
fn german_abbreviations_do_not_end_sentences() {
    assert_eq!(
        de(
            "Laut Prof. Dr. Kraus stieg der Preis um ca. 12 Prozent, z. B. bei Milch. Das meldete die Kammer."
        ),
        [
            "Laut Prof. Dr. Kraus stieg der Preis um ca. 12 Prozent, z. B. bei Milch.",
            "Das meldete die Kammer."
        ]
    );
    assert_eq!(
        de("Es geht u.a. um Nr. 7 und S. 12. Mehr nicht."),
        ["Es geht u.a. um Nr. 7 und S. 12.", "Mehr nicht."]
    );
}

#[test]
fn german_ordinals_and_dates_stay_inside() {
    assert_eq!(
        de("Am 3. Oktober und am 22.10.2024 tagte der Rat. Im 2. Quartal sank die Zahl auf 1.500."),
        [
            "Am 3. Oktober und am 22.10.2024 tagte der Rat.",
            "Im 2. Quartal sank die Zahl auf 1.500."
        ]
    );
    assert_eq!(
        de("Sie erreichte Platz 12. Danach ging es bergab."),
        ["Sie erreichte Platz 12.", "Danach ging es bergab."]
    );
    assert_eq!(
        de("Er lebt dort seit 2019. Sie kam später."),
        ["Er lebt dort seit 2019.", "Sie kam später."]
    );
}

#[test]
fn terminal_abbreviations_end_a_sentence_only_before_a_starter() {
    assert_eq!(
        de("Es kostet 4 Mrd. Euro. Im Mai kam mehr."),
        ["Es kostet 4 Mrd. Euro.", "Im Mai kam mehr."]
    );
    assert_eq!(
        de("Sie kauften Brot, Milch usw. Die Preise stiegen."),
        ["Sie kauften Brot, Milch usw.", "Die Preise stiegen."]
    );
    assert_eq!(
        en("He moved to the U.S. The U.S. Senate agreed."),
        ["He moved to the U.S.", "The U.S. Senate agreed."]
    );
}

#[test]
fn quotes_with_attribution_stay_together() {
    assert_eq!(
        de("„Wir prüfen das.“, sagte Weber. „Es ist falsch.“ Danach ging er."),
        [
            "„Wir prüfen das.“, sagte Weber.",
            "„Es ist falsch.“",
            "Danach ging er."
        ]
    );
    assert_eq!(
        en("\"We will win.\" she said. \"Never!\" He left."),
        ["\"We will win.\" she said.", "\"Never!\"", "He left."]
    );
    assert_eq!(
        de("Er rief: »Halt!« Dann war es still."),
        ["Er rief: »Halt!«", "Dann war es still."]
    );
}

#[test]
fn lines_and_headings_are_segments() {
    assert_eq!(
        de(
            "Streik bei der Bahn\nAm Montag fallen Züge aus.\n\nMehr Geld gefordert\nDie Gewerkschaft droht."
        ),
        [
            "Streik bei der Bahn",
            "Am Montag fallen Züge aus.",
            "Mehr Geld gefordert",
            "Die Gewerkschaft droht."
        ]
    );
}

#[test]
fn urls_emails_and_numbers() {
    assert_eq!(
        en("Mail jane.doe@example.org. See https://example.org/a.html. It costs $3.50. Done."),
        [
            "Mail jane.doe@example.org.",
            "See https://example.org/a.html.",
            "It costs $3.50.",
            "Done."
        ]
    );
    assert_eq!(
        en("Prices rose 3.4% in Jan. last year."),
        ["Prices rose 3.4% in Jan. last year."]
    );
}

#[test]
fn ellipses() {
    assert_eq!(
        de("Er zögerte... Dann sprach er."),
        ["Er zögerte...", "Dann sprach er."]
    );
    assert_eq!(en("I was . . . well, tired."), ["I was . . . well, tired."]);
    assert_eq!(de("Es war … Ich weiß nicht."), ["Es war … Ich weiß nicht."]);
}

#[test]
fn inline_lists_split_at_each_marker() {
    assert_eq!(
        en("1. The first item 2. The second item"),
        ["1. The first item", "2. The second item"]
    );
    assert_eq!(
        en("a) one b) two c) three"),
        ["a) one", "b) two", "c) three"]
    );
    assert_eq!(en("• one • two"), ["• one", "• two"]);
}

#[test]
fn words_before_a_period_behind_multi_byte_spaces_and_emoji() {
    // Each once panicked: a word looked up by subtracting lengths, or by stepping one byte past a
    // whitespace char that is two or three bytes long (NBSP, thin space).
    for text in [
        "3,5 % 👩\u{200d}👩\u{200d}👧 . [Dr.   \tz. B. . . . ",
        "x\u{a0}abc.Today we met.",
        "Dr.\u{2009}Mio.Die",
        "Er\u{2009}kam.Dann ging er.",
        "👍🏽 .\u{a0}Dr. X kam.",
        "„\u{200f}Dr.\u{202f}z. B.\u{3000}Nr. 3.",
    ] {
        for language in [Language::German, Language::English, Language::Other] {
            let spans = segment(text, Lexicon::for_language(language));
            let covered: String = spans.iter().map(|s| &text[s.start..s.end]).collect();
            let non_space = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            assert_eq!(non_space(&covered), non_space(text), "{text:?}");
        }
    }
    assert_eq!(
        de("Es stieg um 3\u{a0}%.Dann fiel es."),
        ["Es stieg um 3\u{a0}%.Dann fiel es."]
    );
}

#[test]
fn spans_cover_everything_but_whitespace() {
    let text = "  Ein Satz.  Noch einer!\n\n  Titel  \n„Zitat“, sagte sie. ";
    let spans = segment(text, Lexicon::for_language(Language::German));
    let covered: String = spans.iter().map(|s| &text[s.start..s.end]).collect();
    let expected: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(
        covered
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>(),
        expected
    );
    assert!(spans.windows(2).all(|w| w[0].end <= w[1].start));
}
