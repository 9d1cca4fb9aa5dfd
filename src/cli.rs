//! The command line: argument definitions and the non-GUI subcommands.
//!
//! Exit codes: `0` success; `1` an input could not be read or processed, or an output could not be written
//! (the message on stderr names the file); `2` wrong usage (unknown option, missing argument).

use std::io::{BufWriter, Read as _, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::article::{self, Language, LoadError, LoadOptions, Loaded, MAX_ARTICLE_BYTES};
use crate::export;
use crate::extract::{self, ExtractOptions, lexicon::Lexicon, segment::segment};
use crate::review::{Review, store};
use crate::{desk, memory};

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
    Sentences {
        /// The article's language.
        #[arg(long, value_enum, default_value_t = LangArg::Auto)]
        lang: LangArg,
        /// The article file, a web address (https://…), or `-` for standard input.
        file: PathBuf,
    },
    /// Extract the check-worthy claims of an article into a new review (JSON). Given a folder (a desk),
    /// write `<name>.review.json` beside every article that has none; with --jsonl, read JSON Lines records
    /// {"id", "text", "lang"?, "title"?} and write one compact review per line, in input order.
    Extract {
        /// The article's language.
        #[arg(long, value_enum, default_value_t = LangArg::Auto)]
        lang: LangArg,
        /// Only keep claims scoring at least this (0 to 1).
        #[arg(long, default_value_t = extract::DEFAULT_MIN_SCORE, value_parser = parse_score)]
        min_score: f64,
        /// Worker threads for a folder or --jsonl (default: one per core).
        #[arg(long, value_name = "N")]
        jobs: Option<usize>,
        /// Read JSON Lines records from FILE (or `-`, standard input) and write reviews as JSON Lines.
        #[arg(long)]
        jsonl: bool,
        /// The article file, a web address (https://…), a folder of articles, or `-` for standard input.
        file: PathBuf,
        /// Write the review here (atomically) instead of to standard output (single articles only).
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Show where a desk stands: per article the claims and how many are confirmed, denied, unverified and
    /// pending, and the totals.
    Status {
        /// Print JSON: {"articles": [...], "totals": {...}}.
        #[arg(long)]
        json: bool,
        /// The desk folder.
        dir: PathBuf,
    },
    /// Export a review as ClaimReview JSON-LD, CSV, Markdown or an HTML report. The review is not changed.
    Export {
        /// The export format.
        #[arg(long, value_enum)]
        format: export::Format,
        /// The review file (.review.json).
        review: PathBuf,
        /// Write here (atomically) instead of to standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// The reviewing organisation's name (ClaimReview author, report header).
        #[arg(long, default_value = export::DEFAULT_REVIEWER)]
        reviewer: String,
        /// The reviewing organisation's web site.
        #[arg(long, value_name = "URL")]
        reviewer_url: Option<String>,
        /// Where the review is published; each ClaimReview's url is this plus `#<claim id>`.
        #[arg(long, value_name = "URL")]
        url: Option<String>,
        /// Where the article appeared on the web (ClaimReview appearance).
        #[arg(long, value_name = "URL")]
        article_url: Option<String>,
        /// Name the article by its file path in the export (by default exports name it by URL or title
        /// only, so a published export carries no local path).
        #[arg(long)]
        include_path: bool,
        /// Export only claims whose verdict a second reviewer approved.
        #[arg(long)]
        approved_only: bool,
        /// The language of the Markdown and HTML reports: de or en (default: the article's).
        #[arg(long, value_name = "de|en", value_parser = report_language)]
        lang: Option<crate::i18n::Locale>,
    },
    /// Three-way merge of reviews of the same article (git's merge driver: `claimdesk merge %O %A %B -o %A`).
    /// Exit code 0 when it merged cleanly, 1 when some fields conflict: the output is still a valid review,
    /// with each conflicting claim holding both values for the window to resolve.
    Merge {
        /// The common ancestor.
        base: PathBuf,
        /// Our version.
        ours: PathBuf,
        /// Their version.
        theirs: PathBuf,
        /// Write the merged review here (atomically) instead of to standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// How far independent reviews of the same article agree: Cohen's kappa for two reviewers, Fleiss'
    /// kappa for more, the confusion table and the claims judged differently.
    Agreement {
        /// Print JSON: {"kappa", "method", "reviewers", "claims", "observed", "expected", "categories",
        /// "confusion"?, "disagreements"}.
        #[arg(long)]
        json: bool,
        /// Two or more review files.
        #[arg(required = true, num_args = 2..)]
        reviews: Vec<PathBuf>,
    },
    /// Has this been checked before? For each claim of FILE (an article or a review), print the earlier
    /// claims that state the same fact or a related one, as JSON Lines: {"claim_id", "start", "end", "text",
    /// "matches": [{"text", "verdict", "similarity", "relation", "reason", "source", …}]}.
    Match {
        /// Where to look: a desk folder, a review file or a ClaimReview file; repeatable. Without it, the desk
        /// that contains FILE.
        #[arg(long, value_name = "PATH")]
        memory: Vec<PathBuf>,
        /// At most this many matches per claim.
        #[arg(long, default_value_t = 5, value_name = "K")]
        top: usize,
        /// Leave out matches less similar than this (0 to 1).
        #[arg(long, default_value_t = memory::DEFAULT_MIN_SIMILARITY, value_parser = parse_score, value_name = "S")]
        min_similarity: f64,
        /// The article's language (when FILE is an article).
        #[arg(long, value_enum, default_value_t = LangArg::Auto)]
        lang: LangArg,
        /// An article or a review file.
        file: PathBuf,
    },
    /// The claim memory of a desk.
    Memory {
        /// What to do.
        #[command(subcommand)]
        action: MemoryCommand,
    },
    /// Train the check-worthiness model (logistic regression over named features and words) from labelled
    /// sentences, or a desk's model from the desk's own decisions. Prints precision, recall, F1 and ROC-AUC
    /// on a held-out part it sets aside (chosen by a hash of each sentence, so runs are reproducible).
    Train(TrainArgs),
    /// Print the JSON Schema of review files.
    Schema,
}

/// `claimdesk memory …`.
#[derive(Debug, Subcommand)]
pub enum MemoryCommand {
    /// Import published fact-checks (schema.org ClaimReview: an object, an array, a @graph, a DataFeed or
    /// JSON Lines) into the desk's memory. Importing the same fact-check twice adds nothing.
    Import {
        /// The desk (default: the desk containing the current folder).
        #[arg(long, value_name = "DIR")]
        desk: Option<PathBuf>,
        /// ClaimReview files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
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
    Store(#[from] store::StoreError),
    /// The export failed.
    #[error(transparent)]
    Export(#[from] export::ExportError),
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
    Memory(#[from] memory::MemoryError),
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

/// Loads an article from a path, or from standard input for `-`.
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

fn report_warnings(loaded: &Loaded) {
    for warning in &loaded.warnings {
        eprintln!("claimdesk: warning: {warning}");
    }
}

/// A closed pipe (`claimdesk sentences x | head`) is the reader's choice, not an error.
fn ignore_broken_pipe(result: std::io::Result<()>) -> Result<(), CliError> {
    match result {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|source| CliError::Io {
            what: "writing standard output",
            source,
        }),
    }
}

/// `claimdesk sentences`.
///
/// # Errors
/// See [`CliError`].
pub fn sentences(file: &Path, lang: LangArg) -> Result<(), CliError> {
    let loaded = load_article(file, lang.language())?;
    report_warnings(&loaded);
    let article = &loaded.article;
    let spans = segment(&article.text, Lexicon::for_language(article.language));
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 20, stdout.lock());
    let result = (|| {
        for span in spans {
            let line = serde_json::json!({ "start": span.start, "end": span.end, "text": &article.text[span.start..span.end] });
            serde_json::to_writer(&mut out, &line)?;
            out.write_all(b"\n")?;
        }
        out.flush()
    })();
    ignore_broken_pipe(result)
}

/// Builds a new review of an article file.
///
/// # Errors
/// See [`CliError`].
pub fn new_review(
    file: &Path,
    lang: LangArg,
    options: &ExtractOptions,
) -> Result<(Review, Vec<crate::article::LoadWarning>), CliError> {
    let loaded = load_article(file, lang.language())?;
    Ok((
        extract::new_review(loaded.article, options, &mut |_| {}),
        loaded.warnings,
    ))
}

/// `claimdesk extract`.
///
/// # Errors
/// See [`CliError`].
pub fn extract(
    file: &Path,
    lang: LangArg,
    min_score: f64,
    output: Option<&Path>,
) -> Result<(), CliError> {
    let options = ExtractOptions {
        min_score,
        model: desk::model::model_for(file),
    };
    let (review, warnings) = new_review(file, lang, &options)?;
    for warning in &warnings {
        eprintln!("claimdesk: warning: {warning}");
    }
    match output {
        Some(path) => Ok(store::save(&review, path)?),
        None => {
            let stdout = std::io::stdout();
            let mut out = BufWriter::with_capacity(1 << 20, stdout.lock());
            let result = serde_json::to_writer_pretty(&mut out, &review)
                .map_err(std::io::Error::from)
                .and_then(|()| out.write_all(b"\n"))
                .and_then(|()| out.flush());
            ignore_broken_pipe(result)
        }
    }
}

/// Writes bytes to `output` atomically, or to standard output.
fn emit(bytes: &[u8], output: Option<&Path>) -> Result<(), CliError> {
    match output {
        Some(path) => Ok(store::write_atomic(path, bytes)?),
        None => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            ignore_broken_pipe(out.write_all(bytes).and_then(|()| out.flush()))
        }
    }
}

/// Options of `claimdesk export` besides the format and files.
#[derive(Debug, Clone)]
pub struct ExportArgs {
    /// `--reviewer`.
    pub reviewer: String,
    /// `--reviewer-url`.
    pub reviewer_url: Option<String>,
    /// `--url`.
    pub url: Option<String>,
    /// `--article-url`.
    pub article_url: Option<String>,
    /// `--include-path`.
    pub include_path: bool,
    /// `--approved-only`.
    pub approved_only: bool,
    /// `--lang`.
    pub lang: Option<crate::i18n::Locale>,
}

fn report_language(code: &str) -> Result<crate::i18n::Locale, String> {
    crate::i18n::Locale::parse(code)
        .filter(|_| code.len() == 2)
        .ok_or_else(|| format!("{code:?} is not a report language: use de or en"))
}

fn checked_url(option: &'static str, value: Option<String>) -> Result<Option<String>, CliError> {
    match value {
        Some(url) if !crate::web_url::is_web_url(&url) => {
            Err(CliError::BadUrl { option, value: url })
        }
        other => Ok(other),
    }
}

/// `claimdesk export`.
///
/// # Errors
/// See [`CliError`].
pub fn export_review(
    format: export::Format,
    review: &Path,
    output: Option<&Path>,
    args: ExportArgs,
) -> Result<(), CliError> {
    let mut loaded = store::load(review)?;
    extract::complete_review(&mut loaded);
    let options = export::ExportOptions {
        reviewer_name: args.reviewer,
        reviewer_url: checked_url("--reviewer-url", args.reviewer_url)?,
        review_url: checked_url("--url", args.url)?,
        article_url: checked_url("--article-url", args.article_url)?,
        include_source_path: args.include_path,
        approved_only: args.approved_only,
        report_language: args.lang,
    };
    let exported = export::export(&loaded, format, &options)?;
    if exported.skipped_pending > 0 {
        eprintln!(
            "claimdesk: {} pending claims left out (ClaimReview lists reviewed claims only)",
            exported.skipped_pending
        );
    }
    emit(&exported.bytes, output)
}

/// The JSON Schema of review files, as committed in `docs/review.schema.json`.
#[must_use]
pub fn review_schema() -> String {
    let schema = schemars::schema_for!(Review);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// `claimdesk schema`.
///
/// # Errors
/// When standard output cannot be written.
pub fn schema() -> Result<(), CliError> {
    emit(review_schema().as_bytes(), None)
}

/// Options of `claimdesk extract` for folders and JSON Lines.
#[derive(Debug, Clone, Copy)]
pub struct BulkArgs {
    /// `--lang`.
    pub lang: LangArg,
    /// `--min-score`.
    pub min_score: f64,
    /// `--jobs` (0: one per core).
    pub jobs: usize,
}

/// `claimdesk extract DIR`: reviews beside every article, a progress bar on a terminal, a summary at the
/// end. Every article is tried; the error comes after all of them.
///
/// # Errors
/// [`CliError::SomeFailed`] when any article failed, [`CliError::Io`] when no worker could start.
pub fn extract_desk(dir: &Path, args: BulkArgs) -> Result<(), CliError> {
    use crate::desk::batch::{self, BatchOptions, BatchSummary};
    let total = crate::desk::scan(dir).len();
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(total as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {pos}/{len} articles [{bar:30}] {elapsed_precise} (about {eta} left)",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    let options = BatchOptions {
        jobs: args.jobs,
        language: args.lang.language(),
        extract: ExtractOptions {
            min_score: args.min_score,
            model: desk::model::model_for(dir),
        },
    };
    let results =
        batch::extract_desk(dir, &options, &|_| bar.inc(1)).map_err(|error| CliError::Io {
            what: "starting worker threads",
            source: std::io::Error::other(error),
        })?;
    bar.finish_and_clear();
    let summary = BatchSummary::of(&results);
    for (path, reason) in &summary.failed {
        eprintln!("claimdesk: failed: {path}: {reason}");
    }
    eprintln!(
        "claimdesk: {} articles: {} new reviews, {} re-anchored, {} unchanged, {} failed",
        results.len(),
        summary.new,
        summary.reanchored,
        summary.unchanged,
        summary.failed.len()
    );
    if summary.failed.is_empty() {
        Ok(())
    } else {
        Err(CliError::SomeFailed {
            failed: summary.failed.len(),
            total: results.len(),
        })
    }
}

/// `claimdesk extract --jsonl FILE|-`.
///
/// # Errors
/// When the input cannot be read or the output written.
pub fn extract_jsonl(file: &Path, args: BulkArgs) -> Result<(), CliError> {
    use crate::desk::pipeline::{self, PipelineOptions};
    let options = PipelineOptions {
        jobs: args.jobs,
        language: args.lang.language(),
        extract: ExtractOptions::with_min_score(args.min_score),
    };
    let stdout = std::io::stdout();
    let out = BufWriter::with_capacity(1 << 20, stdout.lock());
    let result = if file == Path::new("-") {
        pipeline::run(std::io::stdin().lock(), out, &options)
    } else {
        let input = std::fs::File::open(file).map_err(|source| {
            CliError::Load(LoadError::Unreadable {
                path: file.display().to_string(),
                source,
            })
        })?;
        pipeline::run(std::io::BufReader::new(input), out, &options)
    };
    match result {
        Ok(summary) => {
            if summary.errors > 0 {
                eprintln!(
                    "claimdesk: {} records: {} reviews, {} errors (in place of their lines)",
                    summary.reviews + summary.errors,
                    summary.reviews,
                    summary.errors
                );
            }
            Ok(())
        }
        Err(error) => ignore_broken_pipe(Err(error)),
    }
}

/// `claimdesk status [--json] DIR`.
///
/// # Errors
/// When standard output cannot be written.
pub fn status(dir: &Path, json: bool) -> Result<(), CliError> {
    if !dir.is_dir() {
        return Err(CliError::Usage(format!(
            "{}: is not a folder. Give the desk folder that holds the articles.",
            dir.display()
        )));
    }
    let options = ExtractOptions {
        model: desk::model::model_for(dir),
        ..ExtractOptions::default()
    };
    let status = crate::desk::status(dir, &options, &|| {});
    let mut text = String::new();
    if json {
        text = serde_json::to_string_pretty(&status).unwrap_or_default();
        text.push('\n');
    } else {
        use std::fmt::Write as _;
        let _ = writeln!(
            text,
            "{:<40} {:>3} {:>6} {:>9} {:>6} {:>10} {:>7}",
            "article", "lang", "claims", "confirmed", "denied", "unverified", "pending"
        );
        for article in &status.articles {
            let language = article.language.map_or("-", Language::code);
            match &article.error {
                Some(error) => {
                    let _ = writeln!(text, "{:<40} error: {error}", article.path);
                }
                None => {
                    let _ = writeln!(
                        text,
                        "{:<40} {:>3} {:>6} {:>9} {:>6} {:>10} {:>7}",
                        article.path,
                        language,
                        article.claims,
                        article.confirmed,
                        article.denied,
                        article.unverified,
                        article.pending
                    );
                }
            }
        }
        let t = status.totals;
        let _ = writeln!(
            text,
            "{:<40} {:>3} {:>6} {:>9} {:>6} {:>10} {:>7}",
            format!("total ({} articles)", t.articles),
            "",
            t.claims,
            t.confirmed,
            t.denied,
            t.unverified,
            t.pending
        );
    }
    emit(text.as_bytes(), None)
}

/// `claimdesk match`.
///
/// # Errors
/// See [`CliError`].
pub fn match_claims(
    file: &Path,
    memory_paths: &[PathBuf],
    lang: LangArg,
    options: memory::MatchOptions,
) -> Result<(), CliError> {
    let (review, review_path) = if desk::is_review_file(file) {
        (store::load(file)?, file.to_owned())
    } else {
        let (review, warnings) = new_review(file, lang, &ExtractOptions::default())?;
        for warning in warnings {
            eprintln!("claimdesk: warning: {warning}");
        }
        (review, desk::review_path_for(file))
    };
    let mut memory = memory::Memory::new();
    if memory_paths.is_empty() {
        let desk = desk::desk_containing(file);
        memory.add_desk(&desk)?;
        memory.exclude_review(&desk, &review_path);
    } else {
        for path in memory_paths {
            memory.add_path(path)?;
            if path.is_dir() {
                memory.exclude_review(path, &review_path);
            }
        }
        if memory_paths.iter().any(|p| p.as_path() == review_path) {
            memory.exclude_review(Path::new(""), &review_path);
        }
    }
    let results = memory.match_claims(&review.claims, review.article.language, options)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = (|| {
        for claim in &results {
            serde_json::to_writer(&mut out, claim)?;
            out.write_all(b"\n")?;
        }
        out.flush()
    })();
    ignore_broken_pipe(result)
}

/// `claimdesk memory import`.
///
/// # Errors
/// See [`CliError`]; a malformed file is reported and skipped whole, the others are imported.
pub fn memory_import(desk_dir: Option<&Path>, files: &[PathBuf]) -> Result<(), CliError> {
    let desk = match desk_dir {
        Some(dir) => dir.to_owned(),
        None => {
            let here = std::env::current_dir().map_err(|source| CliError::Io {
                what: "finding the current folder",
                source,
            })?;
            desk::desk_containing(&here)
        }
    };
    let mut failed = 0;
    for file in files {
        match memory::import(&desk, std::slice::from_ref(file)) {
            Ok(reports) => {
                for report in reports {
                    eprintln!(
                        "claimdesk: {}: {} {}, {} new, {} already in the memory",
                        file.display(),
                        report.found,
                        if report.found == 1 {
                            "fact-check"
                        } else {
                            "fact-checks"
                        },
                        report.added,
                        report.found - report.added
                    );
                }
            }
            Err(error @ memory::MemoryError::Index { .. }) => return Err(error.into()),
            Err(error) => {
                failed += 1;
                eprintln!("claimdesk: error: {error}");
            }
        }
    }
    if failed > 0 {
        return Err(CliError::SomeNotImported {
            failed,
            total: files.len(),
        });
    }
    Ok(())
}

/// `claimdesk merge`: returns how many fields conflict.
///
/// # Errors
/// See [`CliError`].
pub fn merge(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    output: Option<&Path>,
) -> Result<usize, CliError> {
    let (base, ours_review, theirs) =
        (store::load(base)?, store::load(ours)?, store::load(theirs)?);
    let merged = crate::review::merge::merge(&base, &ours_review, &theirs)?;
    let bytes = store::to_bytes(&merged.review).map_err(|source| CliError::Io {
        what: "writing the merged review",
        source: source.into(),
    })?;
    emit(&bytes, output)?;
    if merged.conflicts > 0 {
        let claims: Vec<&str> = merged
            .review
            .claims
            .iter()
            .filter(|c| !c.conflicts.is_empty())
            .map(|c| c.id.as_str())
            .collect();
        eprintln!(
            "claimdesk: {} conflicting field(s) in claim(s) {}: the merged review keeps both values; open it in claimdesk to decide (O ours, T theirs)",
            merged.conflicts,
            claims.join(", ")
        );
    }
    Ok(merged.conflicts)
}

/// `claimdesk agreement`.
///
/// # Errors
/// See [`CliError`].
pub fn agreement(paths: &[PathBuf], json: bool) -> Result<(), CliError> {
    let mut reviews = Vec::new();
    for path in paths {
        let review = store::load(path)?;
        // A reviewer is named by who set most verdicts in the file, else by the file.
        let mut names: Vec<&str> = review
            .claims
            .iter()
            .filter_map(|c| c.verdict_by.as_deref())
            .collect();
        names.sort_unstable();
        let most = names
            .chunk_by(|a, b| a == b)
            .max_by_key(|run| run.len())
            .and_then(|run| run.first().map(|n| (*n).to_owned()));
        let name = most.unwrap_or_else(|| path.display().to_string());
        reviews.push((name, review));
    }
    let result = crate::review::agreement::agreement(&reviews)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let written = (|| {
        if json {
            serde_json::to_writer_pretty(&mut out, &result)?;
            writeln!(out)?;
            return out.flush();
        }
        writeln!(
            out,
            "{} kappa {:.3} over {} claims ({} reviewers: {})",
            result.method,
            result.kappa,
            result.claims,
            result.reviewers.len(),
            result.reviewers.join(", ")
        )?;
        writeln!(
            out,
            "observed agreement {:.3}, expected by chance {:.3}",
            result.observed, result.expected
        )?;
        if let Some(table) = result.confusion {
            writeln!(
                out,
                "\n{:<12} {}",
                "",
                result.categories.map(|c| format!("{c:>11}")).join(" ")
            )?;
            for (row, name) in table.iter().zip(result.categories) {
                writeln!(
                    out,
                    "{name:<12} {}",
                    row.map(|n| format!("{n:>11}")).join(" ")
                )?;
            }
        }
        if !result.disagreements.is_empty() {
            writeln!(out, "\ndisagreements:")?;
            for d in &result.disagreements {
                writeln!(
                    out,
                    "  {} [{}] {}",
                    d.claim_id,
                    d.verdicts.join(" / "),
                    d.text
                )?;
            }
        }
        out.flush()
    })();
    ignore_broken_pipe(written)
}

/// What `claimdesk train` is asked to do.
#[derive(Debug, Clone, clap::Args)]
pub struct TrainArgs {
    /// Labelled sentences: JSON Lines {"text", "label": 0|1, "lang"?: "de"|"en"}, or a JSON array of
    /// such objects.
    #[arg(long, num_args = 1.., value_name = "FILE", required_unless_present = "from_desk")]
    pub labels: Vec<PathBuf>,
    /// The language of lines without "lang" (default: detected per sentence).
    #[arg(long, value_enum, default_value_t = LangArg::Auto)]
    pub lang: LangArg,
    /// Learn from this desk's decisions (verdicts and hand-added claims: check-worthy; removed claims:
    /// not), starting from the shipped model; writes `DIR/.claimdesk/model/model.json`, and a copy to -o
    /// when given.
    #[arg(long, value_name = "DIR", conflicts_with = "labels")]
    pub from_desk: Option<PathBuf>,
    /// The seed of the shuffling.
    #[arg(long, default_value_t = crate::extract::train::DEFAULT_SEED)]
    pub seed: u64,
    /// Passes over the training sentences.
    #[arg(long, default_value_t = 12)]
    pub epochs: usize,
    /// Where to write the model (JSON).
    #[arg(
        short,
        long,
        value_name = "MODEL",
        required_unless_present = "from_desk"
    )]
    pub output: Option<PathBuf>,
}

/// `claimdesk train`.
///
/// # Errors
/// See [`CliError`].
pub fn train(args: TrainArgs) -> Result<(), CliError> {
    use crate::extract::model::Model;
    use crate::extract::train::{self, TrainOptions};
    let (trained, output) = if let Some(desk) = &args.from_desk {
        let examples = desk::model::decisions(desk);
        eprintln!(
            "claimdesk: training the desk's model on {} decisions ({} check-worthy) in {}",
            examples.len(),
            examples.iter().filter(|e| e.label).count(),
            desk.display()
        );
        let epochs = args.epochs.min(desk::model::DESK_EPOCHS);
        let trained = desk::model::train_desk(desk, &examples, args.seed, epochs)?;
        let output = desk::model::model_path(desk);
        if let Some(copy) = &args.output {
            train::save_model(&trained.model, copy)?;
        }
        (trained, output)
    } else {
        let mut examples = Vec::new();
        for path in &args.labels {
            examples.extend(train::read_labels(path, args.lang.language())?);
        }
        let output = args
            .output
            .clone()
            .ok_or_else(|| CliError::Usage("give -o MODEL: where to write the model".to_owned()))?;
        let sources: Vec<String> = args
            .labels
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        eprintln!(
            "claimdesk: training on {} sentences ({} check-worthy) from {}",
            examples.len(),
            examples.iter().filter(|e| e.label).count(),
            sources.join(", ")
        );
        let options = TrainOptions {
            seed: args.seed,
            epochs: args.epochs,
            start: Some(Model::prior().clone()),
            description: format!(
                "Logistic regression over claimdesk's named features and words (AdaGrad, {} epochs, seed {}, named weights anchored at assets/model/prior.json), trained by `claimdesk train` on {}.",
                args.epochs,
                args.seed,
                sources.join(", ")
            ),
            ..TrainOptions::default()
        };
        let trained = train::train(&examples, &options)?;
        train::save_model(&trained.model, &output)?;
        (trained, output)
    };
    let (training, calibration, held_out) = trained.split;
    println!(
        "split: {training} training, {calibration} calibration (threshold {:.3}), {held_out} held out",
        trained.model.threshold
    );
    println!("held out, new model:    {}", trained.held_out);
    println!("held out, balanced:     {}", trained.balanced);
    println!("held out, before:       {}", trained.before);
    for (language, evaluation) in &trained.by_language {
        println!(
            "held out, {:<13} {evaluation}",
            format!("{}:", language.name())
        );
    }
    println!(
        "model: {} ({} weights)",
        output.display(),
        trained.model.size()
    );
    Ok(())
}
