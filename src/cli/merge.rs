//! `claimdesk merge`: the three-way, claim-by-claim merge of reviews (git's merge driver).

use std::path::PathBuf;
use std::process::ExitCode;

use super::{CliError, Output};
use crate::review::store;

/// Arguments of `claimdesk merge`.
#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The common ancestor.
    pub base: PathBuf,
    /// Our version.
    pub ours: PathBuf,
    /// Their version.
    pub theirs: PathBuf,
    /// Write the merged review here (atomically; `-` is standard output) instead of to standard output.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
}

impl MergeArgs {
    /// Merges; exit code 1 (git's convention for merge drivers) when conflicts are left.
    ///
    /// # Errors
    /// See [`CliError`].
    pub fn run(self) -> Result<ExitCode, CliError> {
        // `-o %A` replaces ours with the merge: that is what a merge driver is for, and ours is read first.
        let output = Output::of(self.output.as_deref());
        output.refuse_inputs([self.base.as_path(), self.theirs.as_path()])?;
        let (ours, theirs) = (store::load(&self.ours)?, store::load(&self.theirs)?);
        // Both sides added the file (git's add/add): the base git hands over is empty, and every claim is
        // new on both sides.
        let base = if std::fs::metadata(&self.base).is_ok_and(|m| m.len() == 0) {
            crate::review::Review {
                claims: Vec::new(),
                removed: Vec::new(),
                orphaned: Vec::new(),
                ..ours.clone()
            }
        } else {
            store::load(&self.base)?
        };
        let merged = crate::review::merge::merge(&base, &ours, &theirs)?;
        let bytes = store::to_bytes(&merged.review).map_err(|source| CliError::Io {
            what: "writing the merged review",
            source: source.into(),
        })?;
        output.write(&bytes)?;
        if merged.conflicts == 0 {
            return Ok(ExitCode::SUCCESS);
        }
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
        Ok(ExitCode::from(1))
    }
}
