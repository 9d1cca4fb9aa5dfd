//! `claimdesk status`: where a desk stands.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{CliError, Output};
use crate::article::Language;
use crate::desk;
use crate::extract::ExtractOptions;
use crate::layout::printable_name as printable;

/// Arguments of `claimdesk status`.
#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// Print JSON: {"articles": [...], "totals": {...}}.
    #[arg(long)]
    pub json: bool,
    /// The desk folder.
    pub dir: PathBuf,
}

impl StatusArgs {
    /// Prints the desk's table (or JSON).
    ///
    /// # Errors
    /// When `dir` is no folder or standard output cannot be written.
    pub fn run(self) -> Result<ExitCode, CliError> {
        let dir = &self.dir;
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
        super::report_links_outside(dir);
        let status = desk::status(dir, &options, &|| {});
        let mut text = String::new();
        if self.json {
            text = serde_json::to_string_pretty(&status).unwrap_or_default();
            text.push('\n');
        } else {
            let _ = writeln!(
                text,
                "{:<40} {:>3} {:>6} {:>9} {:>6} {:>10} {:>7}",
                "article", "lang", "claims", "confirmed", "denied", "unverified", "pending"
            );
            for article in &status.articles {
                let language = article.language.map_or("-", Language::code);
                // File names are the user's: escape sequences in them are shown, never sent.
                let path = printable(&article.path);
                match &article.error {
                    Some(error) => {
                        let _ = writeln!(text, "{path:<40} error: {}", printable(error));
                    }
                    None => {
                        let _ = writeln!(
                            text,
                            "{:<40} {:>3} {:>6} {:>9} {:>6} {:>10} {:>7}",
                            path,
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
                format!(
                    "total ({})",
                    super::output::counted(t.articles, "article", "articles")
                ),
                "",
                t.claims,
                t.confirmed,
                t.denied,
                t.unverified,
                t.pending
            );
        }
        if !self.json && !status.conflicted_copies.is_empty() {
            let _ = writeln!(
                text,
                "\nconflicted copies not yet merged (claimdesk merge-copies {}):",
                printable(&dir.display().to_string())
            );
            for copy in &status.conflicted_copies {
                let _ = writeln!(
                    text,
                    "  {} ({}) of {}",
                    printable(&desk::relative(dir, &copy.path)),
                    copy.client.name(),
                    printable(&desk::relative(dir, &copy.review))
                );
            }
        }
        if !self.json {
            for (path, why) in crate::desk::copies::not_merged(dir) {
                let _ = writeln!(
                    text,
                    "{}: named like a conflicted copy, not merged: {}",
                    printable(&desk::relative(dir, &path)),
                    why.english()
                );
            }
        }
        Output::Stdout.write(text.as_bytes())?;
        Ok(ExitCode::SUCCESS)
    }
}
