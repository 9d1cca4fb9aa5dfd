//! Read-only views of a review in other formats: schema.org ClaimReview (JSON-LD), CSV, Markdown and a
//! standalone HTML report. Exports never change the review.

mod claimreview;
mod csv;
mod html;
mod markdown;

use crate::article::Language;
use crate::review::{Claim, Review, Verdict};

pub use claimreview::{RATING_SCALE, rating_value, verdict_wording};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
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

    /// The usual file name ending, without the dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Claimreview => "claimreview.json",
            Self::Csv => "csv",
            Self::Markdown => "md",
            Self::Html => "html",
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

/// Exports `review` as `format`.
///
/// # Errors
/// [`ExportError`] when a writer fails; valid reviews always export.
pub fn export(
    review: &Review,
    format: Format,
    options: &ExportOptions,
) -> Result<Exported, ExportError> {
    let pending = review.claims.iter().filter(|c| c.verdict.is_none()).count();
    let (bytes, skipped_pending) = match format {
        Format::Claimreview => (claimreview::render(review, options)?, pending),
        Format::Csv => (csv::render(review)?, 0),
        Format::Markdown => (markdown::render(review, options).into_bytes(), 0),
        Format::Html => (html::render(review, options).into_bytes(), 0),
    };
    Ok(Exported {
        bytes,
        skipped_pending,
    })
}

/// The verdict as a word in the article's language ("pending" included).
#[must_use]
pub fn verdict_word(verdict: Option<Verdict>, language: Language) -> &'static str {
    match verdict {
        Some(verdict) => verdict_wording(verdict, language),
        None if language == Language::German => "Offen",
        None => "Pending",
    }
}

/// The review date: the day the review was last saved.
#[must_use]
pub fn review_date(review: &Review) -> &str {
    review.modified.get(..10).unwrap_or(&review.modified)
}

/// Only http(s) links are ever written as links.
pub fn web_links(claim: &Claim) -> impl Iterator<Item = &str> {
    claim
        .evidence
        .iter()
        .map(String::as_str)
        .filter(|url| crate::review::edit::is_web_url(url))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::article::{LoadOptions, load_bytes};
    use crate::extract::{ExtractOptions, extract};

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
