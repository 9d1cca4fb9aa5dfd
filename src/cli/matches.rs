//! `claimdesk match`: has each claim of an article been checked before?

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::extract::new_review;
use super::{CliError, LangArg, Output, parse_score};
use crate::extract::ExtractOptions;
use crate::review::store;
use crate::{layout, memory};

/// Arguments of `claimdesk match`.
#[derive(Debug, clap::Args)]
pub struct MatchArgs {
    /// Where to look: a desk folder, a review file or a ClaimReview file; repeatable. Without it, the desk
    /// that contains FILE.
    #[arg(long, value_name = "PATH")]
    pub memory: Vec<PathBuf>,
    /// At most this many matches per claim.
    #[arg(long, default_value_t = 5, value_name = "K")]
    pub top: usize,
    /// Leave out matches less similar than this (0 to 1).
    #[arg(long, default_value_t = memory::DEFAULT_MIN_SIMILARITY, value_parser = parse_score, value_name = "S")]
    pub min_similarity: f64,
    /// The article's language (when FILE is an article).
    #[arg(long, value_enum, default_value_t = LangArg::Auto)]
    pub lang: LangArg,
    /// Compare words only, not meaning (no sentence vectors are computed).
    #[arg(long)]
    pub words_only: bool,
    /// An article or a review file.
    pub file: PathBuf,
}

impl MatchArgs {
    /// Prints one JSON line per claim with its matches.
    ///
    /// # Errors
    /// See [`CliError`].
    pub fn run(self) -> Result<ExitCode, CliError> {
        let file = &self.file;
        let (review, review_path) = if layout::is_review_file(file) {
            (store::load(file)?, file.to_owned())
        } else {
            (
                new_review(file, self.lang, &ExtractOptions::default())?,
                layout::review_path_for(file),
            )
        };
        let mut memory = if self.words_only {
            memory::Memory::words_only()
        } else {
            memory::Memory::new()
        };
        if self.memory.is_empty() {
            let desk = layout::desk_containing(file);
            memory.add_desk(&desk)?;
            memory.exclude_review(&desk, &review_path);
        } else {
            for path in &self.memory {
                memory.add_path(path)?;
                if path.is_dir() {
                    memory.exclude_review(path, &review_path);
                }
            }
            if self.memory.iter().any(|p| p.as_path() == review_path) {
                memory.exclude_review(Path::new(""), &review_path);
            }
        }
        let options = memory::MatchOptions {
            top: self.top,
            min_similarity: self.min_similarity,
        };
        super::memory::tell_notices(&memory);
        super::memory::embed_with_progress(&mut memory)?;
        let mut results = memory.match_review(&review, options)?;
        if review.claims.is_empty() {
            // Nothing extraction calls a claim: the text is still what was asked about, as one statement.
            let text = &review.article.text;
            let start = text.len() - text.trim_start().len();
            let end = text.trim_end().len();
            if start < end {
                eprintln!(
                    "claimdesk: {}: no claims found; its text was matched as one statement",
                    crate::layout::printable_name(&file.display().to_string())
                );
                results.push(memory::ClaimMatches {
                    claim_id: "text".to_owned(),
                    start,
                    end,
                    text: text[start..end].to_owned(),
                    matches: memory.match_text(
                        &text[start..end],
                        review.article.language,
                        options,
                    )?,
                });
            }
        }
        Output::Stdout.write_with(|out| {
            for claim in &results {
                serde_json::to_writer(&mut *out, claim)?;
                out.write_all(b"\n")?;
            }
            Ok(())
        })?;
        Ok(ExitCode::SUCCESS)
    }
}
