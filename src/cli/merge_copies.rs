//! `claimdesk merge-copies`: the sync clients' conflicted copies of a desk's reviews, merged claim by claim.

use std::path::PathBuf;
use std::process::ExitCode;

use super::CliError;
use crate::desk::copies::{self, CopyOutcome};
use crate::layout::{printable_name as printable, relative};

/// Arguments of `claimdesk merge-copies`.
#[derive(Debug, clap::Args)]
pub struct MergeCopiesArgs {
    /// The desk folder.
    pub dir: PathBuf,
}

impl MergeCopiesArgs {
    /// Merges every copy; exit code 1 when conflicts are left (as `claimdesk merge`) or a copy could not
    /// be merged.
    ///
    /// # Errors
    /// When `dir` is no folder.
    pub fn run(self) -> Result<ExitCode, CliError> {
        let dir = &self.dir;
        if !dir.is_dir() {
            return Err(CliError::Usage(format!(
                "{}: is not a folder. Give the desk folder that holds the reviews.",
                dir.display()
            )));
        }
        let results = copies::merge_all(dir);
        let unmergeable = copies::not_merged(dir);
        for (path, why) in &unmergeable {
            println!(
                "{}: not merged: {}",
                printable(&relative(dir, path)),
                why.english()
            );
        }
        if results.is_empty() && unmergeable.is_empty() {
            println!(
                "no conflicted copies in {}",
                printable(&dir.display().to_string())
            );
            return Ok(ExitCode::SUCCESS);
        }
        let mut left_open = unmergeable.len();
        for (copy, outcome) in &results {
            let name = relative(dir, &copy.path);
            let name = printable(&name);
            let review = relative(dir, &copy.review);
            let review = printable(&review);
            match outcome {
                Ok(CopyOutcome::Merged {
                    conflicts,
                    moved_to,
                }) => {
                    let moved = relative(dir, moved_to);
                    let moved = printable(&moved);
                    if *conflicts == 0 {
                        println!(
                            "{name} ({}): merged into {review}; moved to {moved}",
                            copy.client.name()
                        );
                    } else {
                        left_open += 1;
                        println!(
                            "{name} ({}): merged into {review} with {conflicts} conflicting field(s) kept for you to decide (open it, O ours, T theirs); moved to {moved}",
                            copy.client.name()
                        );
                    }
                }
                Ok(CopyOutcome::OtherArticleText) => {
                    left_open += 1;
                    println!(
                        "{name} ({}): not merged: it reviews another text of the article than {review} does; compare the two and keep one",
                        copy.client.name()
                    );
                }
                Err(error) => {
                    left_open += 1;
                    eprintln!("claimdesk: {name}: {error}");
                }
            }
        }
        Ok(if left_open == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        })
    }
}
