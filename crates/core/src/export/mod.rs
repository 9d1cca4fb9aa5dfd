//! Read-only views of a review in other formats: schema.org ClaimReview (JSON-LD), CSV, Markdown and a
//! standalone HTML report. Exports never change the review.

mod claimreview;
mod csv;
mod html;
mod markdown;

use crate::i18n::{InWords, Locale, Messages};
use crate::review::{Claim, Review};
use crate::web_url::safe_url;

pub use claimreview::{RATING_SCALE, rating_value};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// schema.org ClaimReview JSON-LD, one object per reviewed claim.
    Claimreview,
    /// CSV (RFC 4180, UTF-8 with BOM), one row per claim.
    Csv,
    /// A Markdown report.
    Markdown,
    /// A standalone HTML report with the highlighted article.
    Html,
}

impl Format {
    /// All formats, in menu order.
    pub const ALL: [Self; 4] = [Self::Claimreview, Self::Csv, Self::Markdown, Self::Html];

    /// The file name ending of an export, without the leading dot: never an article's own name (a report
    /// `x.html` beside `x.txt` would be read as a second article of the desk).
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Claimreview => "claimreview.json",
            Self::Csv => "claims.csv",
            Self::Markdown => "report.md",
            Self::Html => "report.html",
        }
    }

    /// A human label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Claimreview => "ClaimReview (JSON-LD)",
            Self::Csv => "CSV spreadsheet",
            Self::Markdown => "Markdown report",
            Self::Html => "HTML report",
        }
    }
}

/// The mark at the head of every Markdown report claimdesk writes, so a desk never lists it as an article.
pub const MARKDOWN_MARK: &str = "<!-- claimdesk report: written from a review, not an article -->";
/// The same in an HTML report's head.
pub const HTML_MARK: &str = "<meta name=\"generator\" content=\"claimdesk report\">";

/// Whether `path` is a Markdown or HTML report that claimdesk wrote (its head carries the mark), which a
/// desk must never list as an article. Reads at most the first kilobytes.
#[must_use]
pub fn is_claimdesk_report(path: &std::path::Path) -> bool {
    use std::io::Read as _;
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let mark = match extension.as_deref() {
        Some("md" | "markdown") => MARKDOWN_MARK,
        Some("html" | "htm") => HTML_MARK,
        _ => return false,
    };
    let mut head = Vec::with_capacity(2048);
    let read = std::fs::File::open(path).and_then(|file| file.take(2048).read_to_end(&mut head));
    read.is_ok() && memchr::memmem::find(&head, mark.as_bytes()).is_some()
}

/// Who publishes the review, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// The reviewing organisation (ClaimReview `author`, report header).
    pub reviewer_name: String,
    /// Its web site, if any.
    pub reviewer_url: Option<String>,
    /// Where the review is published; each ClaimReview gets `url` = this + `#claim-id`.
    pub review_url: Option<String>,
    /// Where the article appeared, if it is on the web (ClaimReview `appearance`).
    pub article_url: Option<String>,
    /// Name the article by its file path as opened. Off by default: published exports must not carry a
    /// local path (a home folder with a user name); they name the article by its URL or title.
    pub include_source_path: bool,
    /// Leave out every claim whose verdict has no second reviewer's approval (four eyes).
    pub approved_only: bool,
    /// The language of the reports' words; `None`: the article's ([`Language::report_locale`](crate::article::Language::report_locale)).
    pub report_language: Option<Locale>,
    /// Name, among a claim's reasons, the nearest of claimdesk's training sentences. Off by default: they
    /// are invented examples, not statements about the article.
    pub include_training_examples: bool,
}

impl ExportOptions {
    /// The language a report of `review` is written in.
    #[must_use]
    pub fn report_locale(&self, review: &Review) -> Locale {
        self.report_language
            .unwrap_or_else(|| review.article.language.report_locale())
    }
}

/// The reviewer name used when none is configured.
pub const DEFAULT_REVIEWER: &str = "claimdesk fact-check desk";

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            reviewer_name: DEFAULT_REVIEWER.to_owned(),
            reviewer_url: None,
            review_url: None,
            article_url: None,
            include_source_path: false,
            approved_only: false,
            report_language: None,
            include_training_examples: false,
        }
    }
}

/// An export's bytes and what the user should know about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    /// The file content.
    pub bytes: Vec<u8>,
    /// Claims left out (ClaimReview leaves out pending claims).
    pub skipped_pending: usize,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Serialization failed.
    #[error("could not write JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The CSV writer failed.
    #[error("could not write CSV: {0}")]
    Csv(#[from] ::csv::Error),
}

impl InWords for ExportError {
    fn in_words(&self, m: &Messages) -> String {
        match self {
            Self::Json(error) => {
                m.format("error-export-json", &[("reason", error.to_string().into())])
            }
            Self::Csv(error) => {
                m.format("error-export-csv", &[("reason", error.to_string().into())])
            }
        }
    }
}

/// Exports `review` as `format`.
///
/// # Errors
/// [`ExportError`] when a writer fails; valid reviews always export.
pub fn export(
    review: &Review,
    format: Format,
    options: &ExportOptions,
) -> Result<Exported, ExportError> {
    let approved;
    let review = if options.approved_only {
        approved = Review {
            claims: review
                .claims
                .iter()
                .filter(|c| c.verdict.is_some() && c.approval.is_some())
                .cloned()
                .collect(),
            ..review.clone()
        };
        &approved
    } else {
        review
    };
    let pending = review.claims.iter().filter(|c| c.verdict.is_none()).count();
    let (bytes, skipped_pending) = match format {
        Format::Claimreview => (claimreview::render(review, options)?, pending),
        Format::Csv => (
            csv::render(review, options.report_locale(review).messages(), options)?,
            0,
        ),
        Format::Markdown => (markdown::render(review, options).into_bytes(), 0),
        Format::Html => (html::render(review, options).into_bytes(), 0),
    };
    Ok(Exported {
        bytes,
        skipped_pending,
    })
}

/// A claim's reasons in the report language, strongest first, joined for one line or cell. The nearest of
/// claimdesk's own training sentences ("like a check-worthy sentence: …") is left out unless asked for: in
/// a published report a reader takes an invented example for a fact about the article's town.
#[must_use]
pub fn reasons_text(
    claim: &crate::review::Claim,
    words: &Messages,
    options: &ExportOptions,
) -> String {
    let reasons: Vec<String> = claim
        .reasons
        .iter()
        .filter(|r| options.include_training_examples || !r.is_training_example())
        .map(|r| r.in_words(words))
        .collect();
    reasons.join("; ")
}

/// The speaker an export may name: one found in the claim's sentence or set or confirmed by the analyst,
/// never one extraction only inferred from the context (a pronoun, reported speech continuing a paragraph
/// before), which a reader would take as established.
#[must_use]
pub fn published_speaker(claim: &Claim) -> Option<&str> {
    if claim.speaker_inferred {
        return None;
    }
    claim.speaker.as_deref().filter(|s| !s.trim().is_empty())
}

/// Who approved a claim's verdict, or that it awaits approval; `None` for pending claims.
#[must_use]
pub fn approval_text(claim: &crate::review::Claim, messages: &Messages) -> Option<String> {
    claim.verdict?;
    Some(match &claim.approval {
        Some(approval) => messages.format(
            "report-approved-by",
            &[
                ("reviewer", approval.by.as_str().into()),
                ("date", messages.date(&approval.at).into()),
            ],
        ),
        None => messages.text("report-awaiting-approval"),
    })
}

/// The review date: the day the review was last saved.
#[must_use]
pub fn review_date(review: &Review) -> &str {
    review.modified.get(..10).unwrap_or(&review.modified)
}

/// Only http(s) links are ever written as links.
pub fn web_links(claim: &Claim) -> impl Iterator<Item = String> + '_ {
    claim.evidence.iter().filter_map(|url| safe_url(url))
}

/// Where the article is on the web: `--article-url`, else the address it was fetched from, else its
/// page's canonical address, else its source when that is an address; unsafe addresses never.
#[must_use]
pub fn article_address(review: &Review, options: &ExportOptions) -> Option<String> {
    options
        .article_url
        .as_deref()
        .and_then(safe_url)
        .or_else(|| review.article.url.as_deref().and_then(safe_url))
        .or_else(|| review.article.canonical_url.as_deref().and_then(safe_url))
        .or_else(|| safe_url(&review.article.source))
}

/// How a published export names where the article came from: the address it appeared at, else the
/// author its page named, else its file name — never its headline, never a folder path, unless
/// [`ExportOptions::include_source_path`] asks for it.
#[must_use]
pub fn public_source(review: &Review, options: &ExportOptions) -> String {
    let source = &review.article.source;
    if options.include_source_path {
        return source.clone();
    }
    if let Some(url) = article_address(review, options) {
        return url;
    }
    // Where the article came from, never its headline (which the report already shows): the page's
    // author when it named one, else the file's name (a local path is never published).
    if let Some(author) = review
        .article
        .author
        .as_deref()
        .filter(|a| !a.trim().is_empty())
    {
        return author.to_owned();
    }
    std::path::Path::new(source).file_name().map_or_else(
        || source.clone(),
        |name| name.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::article::{Language, LoadOptions, load_bytes};
    use crate::extract::{ExtractOptions, extract};
    use crate::review::Verdict;

    /// A review with verdicts, notes, evidence and hostile text, in `language`.
    pub(crate) fn hostile_review(language: Language) -> Review {
        let text = match language {
            Language::German => {
                "Stadt meldet <script>alert(1)</script> Rekord\nDie Stadt nahm 2024 rund 3,2 Millionen Euro ein, sagte Kämmerer Jan Ohl.\n\"Das ist <img src=x onerror=alert(1)>, sagte er, \"und mehr als 10 %\".\nDer Rat stimmte am 4. März mit 31 zu 5 Stimmen zu.\n"
            }
            _ => {
                "City reports <script>alert(1)</script> record\nThe city took in $3.2 million in 2024, treasurer Jan Ohl said.\nThe council approved the plan by 31 votes to 5 on March 4, officials said.\nCrime fell by 12 percent, according to the police.\n"
            }
        };
        let article = load_bytes(
            text.as_bytes(),
            "https://news.example/story",
            Some("txt"),
            LoadOptions {
                language: Some(language),
            },
        )
        .unwrap()
        .article;
        let mut claims = extract(&article, &ExtractOptions::default());
        assert!(claims.len() >= 3, "{claims:#?}");
        claims[0].verdict = Some(Verdict::Confirmed);
        claims[0].note =
            "Checked, see <script>alert('x')</script> & \"quotes\", commas\nand a second line"
                .to_owned();
        claims[0].evidence = vec![
            "https://example.org/a?b=1&c=2".to_owned(),
            "javascript:alert(1)".to_owned(),
        ];
        claims[1].verdict = Some(Verdict::Denied);
        claims[1].note = "<img src=x onerror=alert(1)>".to_owned();
        claims[2].verdict = Some(Verdict::Unverified);
        let mut review = Review::new(article, claims);
        review.modified = "2025-03-05T10:00:00Z".to_owned();
        review
    }

    /// Labels of the English report that a German one must not contain, and the other way round.
    const ENGLISH_LABELS: [&str; 12] = [
        "Fact-check",
        "Source:",
        "Reviewer:",
        "Date:",
        "Language:",
        "Summary",
        "Verdict",
        "Claims",
        "Speaker:",
        "Kind:",
        "check-worthiness",
        "Note:",
    ];
    const GERMAN_LABELS: [&str; 12] = [
        "Faktencheck",
        "Quelle:",
        "Geprüft von:",
        "Datum:",
        "Sprache:",
        "Übersicht",
        "Bewertung",
        "Aussagen",
        "Quelle der Aussage:",
        "Art:",
        "Prüfwürdigkeit",
        "Notiz:",
    ];

    fn report(review: &Review, format: Format, language: Option<Locale>) -> String {
        let options = ExportOptions {
            report_language: language,
            ..ExportOptions::default()
        };
        String::from_utf8(export(review, format, &options).unwrap().bytes).unwrap()
    }

    #[test]
    fn reports_speak_the_article_language_unless_told_otherwise() {
        let german = hostile_review(Language::German);
        let english = hostile_review(Language::English);
        for format in [Format::Markdown, Format::Html] {
            for (review, language, expect_german) in [
                (&german, None, true),
                (&english, None, false),
                (&german, Some(Locale::English), false),
                (&english, Some(Locale::German), true),
            ] {
                let text = report(review, format, language);
                let (wanted, unwanted) = if expect_german {
                    (GERMAN_LABELS, ENGLISH_LABELS)
                } else {
                    (ENGLISH_LABELS, GERMAN_LABELS)
                };
                for label in wanted {
                    assert!(text.contains(label), "{format:?} lacks {label:?}:\n{text}");
                }
                // Article text may contain anything; labels are checked outside it.
                let labels_only = text.replace(&review.article.text, "");
                for label in unwanted {
                    assert!(
                        !labels_only.contains(label),
                        "{format:?} contains {label:?} of the other language:\n{text}"
                    );
                }
                if expect_german {
                    assert!(text.contains("05.03.2025"), "German date: {text}");
                    assert!(text.contains("Richtig") && text.contains("Falsch"));
                    assert!(
                        text.contains("Prüfwürdigkeit 0,") || text.contains("Prüfwürdigkeit 1,")
                    );
                } else {
                    assert!(text.contains("5 March 2025"), "English date: {text}");
                    assert!(text.contains("True") && text.contains("False"));
                }
                if format == Format::Html {
                    let lang = if expect_german { "de" } else { "en" };
                    assert!(text.contains(&format!("<html lang=\"{lang}\">")));
                }
            }
        }
    }

    #[test]
    fn every_format_exports_and_never_changes_the_review() {
        for language in [Language::German, Language::English] {
            let review = hostile_review(language);
            let before = review.clone();
            for format in Format::ALL {
                let exported = export(&review, format, &ExportOptions::default()).unwrap();
                assert!(!exported.bytes.is_empty());
            }
            assert_eq!(review, before);
        }
    }
}

/// Exports of an article whose own text is hostile: what a web page or press release can put into a claim
/// must not run in a spreadsheet, close a script element, or turn into a link.
#[cfg(test)]
mod hostile_article_tests {
    use super::*;
    use crate::article::{LoadOptions, load_bytes};
    use crate::extract::{ExtractOptions, extract};
    use crate::review::Verdict;

    fn review_of(text: &str, source: &str) -> Review {
        let article = load_bytes(text.as_bytes(), source, Some("txt"), LoadOptions::default())
            .unwrap()
            .article;
        let mut claims = extract(&article, &ExtractOptions::with_min_score(0.0));
        for claim in &mut claims {
            claim.verdict = Some(Verdict::Denied);
            claim.note = "@SUM(1+1) -2+3 siehe </script><script>alert(1)</script>".to_owned();
            claim.evidence = vec![
                "https://example.org/a b\"><script>alert(1)</script>".to_owned(),
                "javascript:alert(1)".to_owned(),
                "file:///home/anna/geheim.txt".to_owned(),
            ];
        }
        Review::new(article, claims)
    }

    const HOSTILE: &str = "=HYPERLINK(\"http://evil.example\",\"klick\") Die Stadt zahlte 2024 rund 3 Millionen Euro, sagte Kämmerer Jan Ohl.\n\
        </script><script>alert(1)</script> Der Rat stimmte am 4. März mit 31 zu 5 Stimmen zu.\n\
        +49 Prozent mehr Besucher meldete das Museum 2024, teilte die Stadt mit.\n";

    #[test]
    fn csv_cells_from_article_text_and_notes_never_start_a_formula() {
        let review = review_of(HOSTILE, "/home/anna/entwürfe/artikel.txt");
        assert!(
            review
                .claims
                .iter()
                .any(|c| c.text.starts_with("=HYPERLINK"))
        );
        let bytes = export(&review, Format::Csv, &ExportOptions::default())
            .unwrap()
            .bytes;
        let mut reader = ::csv::Reader::from_reader(&bytes[3..]);
        let mut cells = 0;
        for row in reader.records() {
            for value in &row.unwrap() {
                cells += 1;
                assert!(
                    !value.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "a cell would run as a formula: {value:?}"
                );
            }
        }
        assert!(cells > 14);
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.contains("'=HYPERLINK"), "the text is kept, as text");
        assert!(text.contains("'@SUM(1+1)"));
    }

    #[test]
    fn claimreview_can_be_pasted_into_a_script_element_and_links_are_normalised() {
        let review = review_of(HOSTILE, "/home/anna/entwürfe/artikel.txt");
        let options = ExportOptions {
            review_url: Some("https://fakten.example/check?a=1&b=<2>".to_owned()),
            ..ExportOptions::default()
        };
        let bytes = export(&review, Format::Claimreview, &options)
            .unwrap()
            .bytes;
        let text = String::from_utf8(bytes.clone()).unwrap();
        for forbidden in ["<", ">", "&", "\u{2028}"] {
            assert!(!text.contains(forbidden), "{forbidden:?} in {text}");
        }
        assert!(!text.contains("javascript:") && !text.contains("file:"));
        assert!(!text.contains("/home/anna"), "no local path is published");
        // Still the same data for a JSON reader.
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let first = &value[0];
        assert!(
            first["claimReviewed"]
                .as_str()
                .is_some_and(|t| t.contains("</script><script>") || t.contains("=HYPERLINK"))
        );
        let citations = first["citation"].as_array().unwrap();
        assert_eq!(citations.len(), 1, "only the web link survives");
        assert_eq!(
            citations[0],
            "https://example.org/a%20b%22%3E%3Cscript%3Ealert(1)%3C/script%3E"
        );
        assert_eq!(first["itemReviewed"]["appearance"]["name"], "artikel.txt");
    }

    #[test]
    fn reports_name_the_article_by_url_or_title_unless_the_path_is_asked_for() {
        let review = review_of(
            "Stadt zahlt 3 Millionen\nDie Stadt zahlte 2024 rund 3 Millionen Euro, sagte Kämmerer Jan Ohl.\n",
            "/home/anna/entwürfe/artikel.txt",
        );
        for format in [Format::Markdown, Format::Html, Format::Claimreview] {
            let text = String::from_utf8(
                export(&review, format, &ExportOptions::default())
                    .unwrap()
                    .bytes,
            )
            .unwrap();
            assert!(!text.contains("/home/anna"), "{format:?} leaks the path");
            assert!(
                text.contains("Stadt zahlt 3 Millionen"),
                "{format:?} names the title"
            );
            let with_url = ExportOptions {
                article_url: Some("https://zeitung.example/stadt".to_owned()),
                ..ExportOptions::default()
            };
            let text =
                String::from_utf8(export(&review, format, &with_url).unwrap().bytes).unwrap();
            assert!(
                text.contains("https://zeitung.example/stadt"),
                "{format:?} names the URL"
            );
            let asked = ExportOptions {
                include_source_path: true,
                approved_only: false,
                ..ExportOptions::default()
            };
            let text = String::from_utf8(export(&review, format, &asked).unwrap().bytes).unwrap();
            assert!(
                text.contains("/home/anna/entwürfe/artikel.txt"),
                "{format:?} path on request"
            );
        }
    }
}
