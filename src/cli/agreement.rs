//! `claimdesk agreement`: how far independent reviews of one article agree.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{CliError, Output};
use crate::review::store;

/// Arguments of `claimdesk agreement`.
#[derive(Debug, clap::Args)]
pub struct AgreementArgs {
    /// Print JSON: {"kappa", "method", "reviewers", "claims", "left_out_pending", "include_pending",
    /// "per_verdict", "krippendorff_alpha", "observed", "expected", "categories", "confusion"?,
    /// "disagreements"}.
    #[arg(long)]
    pub json: bool,
    /// Count "pending" as a verdict of its own, so that claims nobody judged count as agreement (the
    /// behaviour before round 3). By default the kappa is over the claims every reviewer judged.
    #[arg(long)]
    pub include_pending: bool,
    /// Two or more review files.
    #[arg(required = true, num_args = 2..)]
    pub reviews: Vec<PathBuf>,
}

impl AgreementArgs {
    /// Prints the agreement.
    ///
    /// # Errors
    /// See [`CliError`].
    pub fn run(self) -> Result<ExitCode, CliError> {
        let mut reviews = Vec::new();
        for path in &self.reviews {
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
        let result = crate::review::agreement::agreement(&reviews, self.include_pending)?;
        let json = self.json;
        Output::Stdout.write_with(|out| {
            if json {
                serde_json::to_writer_pretty(&mut *out, &result)?;
                return writeln!(out);
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
            if result.left_out_pending > 0 {
                let (count, them) = match result.left_out_pending {
                    1 => ("1 claim".to_owned(), "it"),
                    n => (format!("{n} claims"), "them"),
                };
                writeln!(
                    out,
                    "{count} left out: some reviewer left {them} pending (--include-pending counts {them})"
                )?;
            }
            writeln!(
                out,
                "observed agreement {:.3}, expected by chance {:.3}",
                result.observed, result.expected
            )?;
            if let Some(alpha) = result.krippendorff_alpha {
                writeln!(
                    out,
                    "Krippendorff's alpha {alpha:.3} (pending taken as not judged)"
                )?;
            }
            let per_verdict: Vec<String> = result
                .per_verdict
                .iter()
                .filter_map(|v| v.agreement.map(|a| format!("{} {a:.2}", v.verdict)))
                .collect();
            if !per_verdict.is_empty() {
                writeln!(out, "agreement per verdict: {}", per_verdict.join(", "))?;
            }
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
            Ok(())
        })?;
        Ok(ExitCode::SUCCESS)
    }
}
