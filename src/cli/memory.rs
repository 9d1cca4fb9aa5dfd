//! `claimdesk memory …`: the claim memory of a desk.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::CliError;
use crate::{layout, memory};

/// Arguments of `claimdesk memory`.
#[derive(Debug, clap::Args)]
pub struct MemoryArgs {
    /// What to do.
    #[command(subcommand)]
    pub action: MemoryCommand,
}

/// `claimdesk memory …`.
#[derive(Debug, clap::Subcommand)]
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

impl MemoryArgs {
    /// Runs the memory subcommand.
    ///
    /// # Errors
    /// See [`CliError`].
    pub fn run(self) -> Result<ExitCode, CliError> {
        match self.action {
            MemoryCommand::Import { desk, files } => import(desk.as_deref(), &files)?,
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// The desk a memory command works on: `--desk`, else the one containing the current folder.
fn desk_of(desk_dir: Option<&Path>) -> Result<PathBuf, CliError> {
    if let Some(dir) = desk_dir {
        Ok(dir.to_owned())
    } else {
        let here = std::env::current_dir().map_err(|source| CliError::Io {
            what: "finding the current folder",
            source,
        })?;
        Ok(layout::desk_containing(&here))
    }
}

/// `claimdesk memory import`: a malformed file is reported and skipped whole, the others are imported.
fn import(desk_dir: Option<&Path>, files: &[PathBuf]) -> Result<(), CliError> {
    let desk = desk_of(desk_dir)?;
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
