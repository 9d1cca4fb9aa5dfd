//! `claimdesk export`: a review as ClaimReview JSON-LD, CSV, Markdown or an HTML report.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{CliError, Output};
use crate::export::{self, ExportOptions, Format};
use crate::extract;
use crate::i18n::Locale;
use crate::review::store;
use crate::web_url::is_web_url;

/// Arguments of `claimdesk export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The export format.
    #[arg(long, value_enum)]
    pub format: FormatArg,
    /// The review file (.review.json).
    pub review: PathBuf,
    /// Write here (atomically; `-` is standard output) instead of to standard output.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// The reviewing organisation's name (ClaimReview author, report header); left out when not given.
    #[arg(long)]
    pub reviewer: Option<String>,
    /// The reviewing organisation's web site.
    #[arg(long, value_name = "URL")]
    pub reviewer_url: Option<String>,
    /// Where the review is published; each ClaimReview's url is this plus `#<claim id>`.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// Where the article appeared on the web (ClaimReview appearance).
    #[arg(long, value_name = "URL")]
    pub article_url: Option<String>,
    /// Name the article by its file path in the export (by default exports name it by URL or title
    /// only, so a published export carries no local path).
    #[arg(long)]
    pub include_path: bool,
    /// Export only claims whose verdict a second reviewer approved.
    #[arg(long)]
    pub approved_only: bool,
    /// Name, among each claim's reasons, the nearest of claimdesk's own training sentences (left out by
    /// default: they are invented examples, not statements about the article).
    #[arg(long)]
    pub with_examples: bool,
    /// The language of the Markdown and HTML reports: de or en (default: the article's).
    #[arg(long, value_name = "de|en", value_parser = report_language)]
    pub lang: Option<Locale>,
}

/// `--format` values: the export formats, as the command line spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// schema.org ClaimReview JSON-LD, one object per reviewed claim.
    Claimreview,
    /// CSV (RFC 4180, UTF-8 with BOM), one row per claim.
    Csv,
    /// A Markdown report.
    Markdown,
    /// A standalone HTML report with the highlighted article.
    Html,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Self {
        match arg {
            FormatArg::Claimreview => Self::Claimreview,
            FormatArg::Csv => Self::Csv,
            FormatArg::Markdown => Self::Markdown,
            FormatArg::Html => Self::Html,
        }
    }
}

fn report_language(code: &str) -> Result<Locale, String> {
    Locale::parse(code)
        .filter(|_| code.len() == 2)
        .ok_or_else(|| format!("{code:?} is not a report language: use de or en"))
}

fn checked_url(option: &'static str, value: Option<String>) -> Result<Option<String>, CliError> {
    match value {
        Some(url) if !is_web_url(&url) => Err(CliError::BadUrl { option, value: url }),
        other => Ok(other),
    }
}

impl ExportArgs {
    /// Writes the export; the review file is not changed.
    ///
    /// # Errors
    /// See [`CliError`].
    pub fn run(self) -> Result<ExitCode, CliError> {
        let output = Output::of(self.output.as_deref());
        output.refuse_inputs([self.review.as_path()])?;
        let mut review = store::load(&self.review)?;
        extract::complete_review(&mut review);
        let options = ExportOptions {
            reviewer_name: self.reviewer.unwrap_or_default().trim().to_owned(),
            reviewer_url: checked_url("--reviewer-url", self.reviewer_url)?,
            review_url: checked_url("--url", self.url)?,
            article_url: checked_url("--article-url", self.article_url)?,
            include_source_path: self.include_path,
            approved_only: self.approved_only,
            report_language: self.lang,
            include_training_examples: self.with_examples,
        };
        let exported = export::export(&review, self.format.into(), &options)?;
        if exported.skipped_pending > 0 {
            eprintln!(
                "claimdesk: {} pending claims left out (ClaimReview lists reviewed claims only)",
                exported.skipped_pending
            );
        }
        output.write(&exported.bytes)?;
        Ok(ExitCode::SUCCESS)
    }
}
