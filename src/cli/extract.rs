//! `claimdesk extract`: a review of one article (to standard output or `-o`), reviews beside every article
//! of a desk (`DIR`), or JSON Lines records in and compact reviews out (`--jsonl`, a map step).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{CliError, LangArg, Output, load_article, parse_score, report_warnings};
use crate::article::LoadError;
use crate::desk;
use crate::extract::{self, ExtractOptions};
use crate::review::Review;

/// Arguments of `claimdesk extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// The article's language.
    #[arg(long, value_enum, default_value_t = LangArg::Auto)]
    pub lang: LangArg,
    /// Only keep claims scoring at least this (0 to 1).
    #[arg(long, default_value_t = extract::DEFAULT_MIN_SCORE, value_parser = parse_score)]
    pub min_score: f64,
    /// What scores check-worthiness: `meaning` (the default, as in the window: the sentence encoder's
    /// vector with the named features; on 1,042 labelled sentences of real German news ROC-AUC 0.86
    /// against 0.77 for words) or `words` (named features and word weights alone; fast).
    #[arg(long, value_enum, default_value_t = ScorerArg::Meaning)]
    pub scorer: ScorerArg,
    /// Score by words alone (`--scorer words`): many times faster, for bulk map steps that choose it.
    #[arg(long, conflicts_with = "scorer")]
    pub fast: bool,
    /// Worker threads for a folder or --jsonl (default: one per core).
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Read JSON Lines records from FILE (or `-`, standard input) and write reviews as JSON Lines.
    #[arg(long)]
    pub jsonl: bool,
    /// The article file, a web address (https://…), a folder of articles, or `-` for standard input.
    pub file: PathBuf,
    /// Write the review here (atomically; `-` is standard output) instead of to standard output (single
    /// articles only).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
}

impl ExtractArgs {
    /// The scorer the arguments choose.
    fn scorer(&self) -> extract::Scorer {
        if self.fast {
            extract::Scorer::Words
        } else {
            self.scorer.into()
        }
    }

    /// Extracts, as the arguments say.
    ///
    /// # Errors
    /// See [`CliError`].
    pub fn run(self) -> Result<ExitCode, CliError> {
        let output = Output::of(self.output.as_deref());
        if self.jsonl {
            if output != Output::Stdout {
                return Err(CliError::Usage(
                    "--jsonl writes to standard output; drop -o".to_owned(),
                ));
            }
            self.extract_jsonl()?;
        } else if self.file.is_dir() {
            if output != Output::Stdout {
                return Err(CliError::Usage(format!(
                    "{}: is a folder: its reviews go beside its articles; drop -o",
                    self.file.display()
                )));
            }
            self.extract_desk()?;
        } else {
            output.refuse_inputs([self.file.as_path()])?;
            let options = ExtractOptions {
                min_score: self.min_score,
                model: desk::model::model_for(&self.file),
                scorer: self.scorer(),
            };
            let review = new_review(&self.file, self.lang, &options)?;
            output.write_with(|out| {
                serde_json::to_writer_pretty(&mut *out, &review)?;
                out.write_all(b"\n")
            })?;
        }
        Ok(ExitCode::SUCCESS)
    }

    /// `claimdesk extract DIR`: reviews beside every article, a progress bar on a terminal, a summary at the
    /// end. Every article is tried; the error comes after all of them.
    fn extract_desk(&self) -> Result<(), CliError> {
        use crate::desk::batch::{self, BatchOptions, BatchSummary};
        let dir = &self.file;
        super::report_links_outside(dir);
        let total = crate::desk::scan(dir).len();
        let bar = super::progress_bar(total, "articles", "");
        let options = BatchOptions {
            jobs: self.jobs.unwrap_or(0),
            language: self.lang.language(),
            extract: ExtractOptions {
                min_score: self.min_score,
                model: desk::model::model_for(dir),
                scorer: self.scorer(),
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
            eprintln!(
                "claimdesk: failed: {}: {}",
                crate::layout::printable_name(path),
                crate::layout::printable(reason)
            );
        }
        eprintln!(
            "claimdesk: {}: {}, {} re-anchored, {} unchanged, {} failed",
            super::output::counted(results.len(), "article", "articles"),
            super::output::counted(summary.new, "new review", "new reviews"),
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
    fn extract_jsonl(&self) -> Result<(), CliError> {
        use crate::desk::pipeline::{self, PipelineOptions};
        let options = PipelineOptions {
            jobs: self.jobs.unwrap_or(0),
            language: self.lang.language(),
            extract: ExtractOptions {
                min_score: self.min_score,
                model: None,
                scorer: self.scorer(),
            },
        };
        warn_if_meaning_falls_back(&options.extract);
        let stdout = std::io::stdout();
        let out = std::io::BufWriter::with_capacity(1 << 20, stdout.lock());
        let file = &self.file;
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
            Err(error) => super::output::ignore_broken_pipe(Err(error)),
        }
    }
}

/// A new review of an article file, a web address or standard input (`-`); how it was read is told on
/// standard error.
///
/// # Errors
/// See [`CliError`].
pub(super) fn new_review(
    file: &Path,
    lang: LangArg,
    options: &ExtractOptions,
) -> Result<Review, CliError> {
    let loaded = load_article(file, lang.language())?;
    report_warnings(&loaded);
    warn_if_meaning_falls_back(options);
    Ok(extract::new_review(loaded.article, options, &mut |_| {}))
}

/// Says on standard error when scoring by meaning was asked for but the encoder cannot be loaded, so the
/// scores come from words alone (the reviews' generator says so too).
fn warn_if_meaning_falls_back(options: &ExtractOptions) {
    if options.scorer == extract::Scorer::Meaning
        && let Err(error) = crate::encoder::shared()
    {
        eprintln!("claimdesk: scoring by words: {error}");
    }
}

/// `--scorer` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ScorerArg {
    /// Named features and word weights.
    Words,
    /// The sentence encoder's meaning.
    Meaning,
}

impl From<ScorerArg> for extract::Scorer {
    fn from(arg: ScorerArg) -> Self {
        match arg {
            ScorerArg::Words => Self::Words,
            ScorerArg::Meaning => Self::Meaning,
        }
    }
}
