//! The command line: one file per subcommand, each an `Args` struct with `run()`; this file holds the
//! top-level arguments, what several subcommands share (languages, scores, inputs, outputs) and the errors.
//!
//! Exit codes: `0` success; `1` an input could not be read or processed, an output could not be written (the
//! message on stderr names the file), or a merge left conflicts; `2` wrong usage (unknown option, missing
//! argument).

mod agreement;
mod embed;
mod export;
mod extract;
mod matches;
mod memory;
mod merge;
mod merge_copies;
mod output;
mod read_pdf;
mod schema;
mod sentences;
mod status;
mod team;
mod train;
mod train_speakers;

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

pub use agreement::AgreementArgs;
pub use embed::EmbedArgs;
pub use export::ExportArgs;
pub use extract::ExtractArgs;
pub use matches::MatchArgs;
pub use memory::MemoryArgs;
pub use merge::MergeArgs;
pub use merge_copies::MergeCopiesArgs;
pub use output::Output;
pub use read_pdf::ReadPdfArgs;
pub use schema::SchemaArgs;
pub use sentences::SentencesArgs;
pub use status::StatusArgs;
pub use team::TeamArgs;
pub use train::TrainArgs;

use crate::article::{self, Language, LoadError, LoadOptions, Loaded, MAX_ARTICLE_BYTES};

/// claimdesk — find the check-worthy claims in a news article and review them.
#[derive(Debug, Parser)]
#[command(name = "claimdesk", version, about, long_about = None, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A subcommand; without one, the workbench window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// An article (.txt, .md, .html, .pdf), a web address (https://…), a review (.review.json) or a folder
    /// of articles (a desk) to open in the window. Without one, a bundled sample article opens.
    pub file: Option<PathBuf>,
    /// Where Ctrl+S saves the review (default: asks, suggesting `<article>.review.json`).
    #[arg(long, value_name = "PATH")]
    pub review: Option<PathBuf>,
    /// The article's language.
    #[arg(long, value_enum, default_value_t = LangArg::Auto)]
    pub lang: LangArg,
    /// Your name as a reviewer, recorded with every change you make in the window (also
    /// `CLAIMDESK_REVIEWER`; the window asks once when neither is given).
    #[arg(long = "reviewer", value_name = "NAME", env = "CLAIMDESK_REVIEWER")]
    pub reviewer_name: Option<String>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the sentences of an article as JSON Lines: {"start", "end", "text"} with byte offsets into the
    /// article text.
    Sentences(SentencesArgs),
    /// Extract the check-worthy claims of an article into a new review (JSON). Given a folder (a desk),
    /// write `<name>.review.json` beside every article that has none; with --jsonl, read JSON Lines records
    /// {"id", "text", "lang"?, "title"?} and write one compact review per line, in input order.
    Extract(ExtractArgs),
    /// Show where a desk stands: per article the claims and how many are confirmed, denied, unverified and
    /// pending, and the totals.
    Status(StatusArgs),
    /// Export a review as ClaimReview JSON-LD, CSV, Markdown or an HTML report. The review is not changed.
    Export(ExportArgs),
    /// Three-way merge of reviews of the same article (git's merge driver: `claimdesk merge %O %A %B -o %A`).
    /// Exit code 0 when it merged cleanly, 1 when some fields conflict: the output is still a valid review,
    /// with each conflicting claim holding both values for the window to resolve.
    Merge(MergeArgs),
    /// Merge the conflicted copies that sync clients (Nextcloud, ownCloud, Dropbox, OneDrive, Syncthing)
    /// left beside a desk's reviews, claim by claim, into their reviews; each merged copy moves to
    /// `.claimdesk/merged-copies/`. Exit code 1 when conflicts remain for the window's O/T.
    MergeCopies(MergeCopiesArgs),
    /// A desk for a team: `team init [DIR]` sets up git's merge driver in a git work tree, or explains the
    /// shared-folder mode.
    Team(TeamArgs),
    /// How far independent reviews of the same article agree: Cohen's kappa for two reviewers, Fleiss'
    /// kappa for more, the confusion table and the claims judged differently.
    Agreement(AgreementArgs),
    /// Has this been checked before? For each claim of FILE (an article or a review), print the earlier
    /// claims that state the same fact or a related one, as JSON Lines: {"claim_id", "start", "end", "text",
    /// "matches": [{"text", "verdict", "similarity", "relation", "reason", "source", …}]}.
    Match(MatchArgs),
    /// The claim memory of a desk.
    Memory(MemoryArgs),
    /// Train the check-worthiness model (logistic regression over named features and words) from labelled
    /// sentences, or a desk's model from the desk's own decisions. Prints precision, recall, F1 and ROC-AUC
    /// on a held-out part it sets aside (chosen by a hash of each sentence, so runs are reproducible).
    Train(TrainArgs),
    /// Print the JSON Schema of review files.
    Schema(SchemaArgs),
    /// The isolated PDF reader (started by claimdesk itself, with limits).
    #[command(hide = true)]
    ReadPdf(ReadPdfArgs),
    /// Sentence vectors of standard input's lines (for the meaning scorer's training script).
    #[command(hide = true)]
    Embed(EmbedArgs),
    /// Train the speaker tagger from annotated sentences.
    #[command(hide = true)]
    TrainSpeakers(train_speakers::TrainSpeakersArgs),
}

impl Command {
    /// Runs the subcommand.
    ///
    /// # Errors
    /// A [`CliError`] naming the file and what to do.
    pub fn run(self) -> Result<ExitCode, CliError> {
        match self {
            Self::Sentences(args) => args.run(),
            Self::Extract(args) => args.run(),
            Self::Status(args) => args.run(),
            Self::Export(args) => args.run(),
            Self::Merge(args) => args.run(),
            Self::MergeCopies(args) => args.run(),
            Self::Team(args) => args.run(),
            Self::Agreement(args) => args.run(),
            Self::Match(args) => args.run(),
            Self::Memory(args) => args.run(),
            Self::Train(args) => args.run(),
            Self::Schema(args) => args.run(),
            Self::ReadPdf(args) => args.run(),
            Self::Embed(args) => args.run(),
            Self::TrainSpeakers(args) => args.run(),
        }
    }
}

/// `--lang` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Detect German or English from the text.
    Auto,
    /// German.
    De,
    /// English.
    En,
}

impl LangArg {
    /// The forced language, if any.
    #[must_use]
    pub fn language(self) -> Option<Language> {
        match self {
            Self::Auto => None,
            Self::De => Some(Language::German),
            Self::En => Some(Language::English),
        }
    }
}

/// A score or similarity between 0 and 1.
fn parse_score(value: &str) -> Result<f64, String> {
    let score: f64 = value
        .parse()
        .map_err(|_| format!("{value} is not a number"))?;
    if (0.0..=1.0).contains(&score) {
        Ok(score)
    } else {
        Err(format!("{value} is not between 0 and 1"))
    }
}

/// A failure of a subcommand; the message names the file.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The article could not be loaded.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The review could not be written.
    #[error(transparent)]
    Store(#[from] crate::review::store::StoreError),
    /// The export failed.
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
    /// A URL option is not an http(s) URL.
    #[error("{option}: {value} is not an http:// or https:// URL")]
    BadUrl {
        /// The option.
        option: &'static str,
        /// What was given.
        value: String,
    },
    /// `-o` or `--jsonl` does not fit the input.
    #[error("{0}")]
    Usage(String),
    /// Some articles of a desk failed; the others were done.
    #[error("{failed} of {total} articles failed (listed above); the others were done")]
    SomeFailed {
        /// How many failed.
        failed: usize,
        /// How many there were.
        total: usize,
    },
    /// The reviews cannot be merged or compared.
    #[error(transparent)]
    Merge(#[from] crate::review::merge::MergeError),
    /// The claim memory failed.
    #[error(transparent)]
    Memory(#[from] crate::memory::MemoryError),
    /// Some files of an import failed; the others were imported.
    #[error("{failed} of {total} files were not imported (listed above); the others were")]
    SomeNotImported {
        /// How many failed.
        failed: usize,
        /// How many there were.
        total: usize,
    },
    /// Training could not run.
    #[error(transparent)]
    Train(#[from] crate::extract::train::TrainError),
    /// Standard input or output failed.
    #[error("{what}: {source}")]
    Io {
        /// What was being read or written.
        what: &'static str,
        /// The reason.
        source: std::io::Error,
    },
}

/// Loads an article from a path, a web address, or standard input for `-`.
///
/// # Errors
/// [`CliError::Load`] naming the file, or [`CliError::Io`] for standard input.
pub fn load_article(path: &Path, language: Option<Language>) -> Result<Loaded, CliError> {
    let options = LoadOptions { language };
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(MAX_ARTICLE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|source| CliError::Io {
                what: "reading standard input",
                source,
            })?;
        return Ok(article::load_bytes(&bytes, "-", None, options)?);
    }
    if let Some(address) = article::fetch::address_in_path(path) {
        eprintln!("claimdesk: fetching {address} …");
        return Ok(article::load_url(
            address,
            options,
            &article::fetch::FetchOptions::default(),
            None,
        )?);
    }
    Ok(article::load_path(path, options)?)
}

/// Tells the user which links of a desk point outside it and are not read.
/// A progress bar on standard error (drawn only on a terminal) with the commands' one look; `what` names
/// the items ("articles", "claims embedded") and `note` follows the time left.
fn progress_bar(total: usize, what: &str, note: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(total as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    bar.set_style(
        indicatif::ProgressStyle::with_template(&format!(
            "{{spinner}} {{pos}}/{{len}} {what} [{{bar:30}}] {{elapsed_precise}} (about {{eta}} left{note})"
        ))
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    bar
}

fn report_links_outside(desk: &Path) {
    for (link, target) in crate::desk::scan::links_outside(desk) {
        eprintln!(
            "claimdesk: note: {} links to {}, outside the desk; it is not read (copy the file into the desk to review it)",
            crate::layout::printable_name(&link),
            crate::layout::printable_name(&target.display().to_string())
        );
    }
}

/// Tells the user how an article was read (legacy encoding, unknown language).
fn report_warnings(loaded: &Loaded) {
    for warning in &loaded.warnings {
        eprintln!("claimdesk: warning: {warning}");
    }
}
