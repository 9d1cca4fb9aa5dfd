//! `claimdesk embed` (hidden): sentence vectors of standard input's lines, for the script that trains the
//! meaning scorer (`scripts/model/train-meaning-scorer.py`), so the vectors it learns from are exactly the
//! ones claimdesk computes.

use std::io::{BufRead as _, Write as _};
use std::process::ExitCode;

use super::CliError;

/// Arguments of `claimdesk embed`.
#[derive(Debug, clap::Args)]
pub struct EmbedArgs {}

impl EmbedArgs {
    /// Writes one line of space-separated numbers per input line.
    ///
    /// # Errors
    /// When the encoder cannot be loaded or standard input or output fail.
    pub fn run(self) -> Result<ExitCode, CliError> {
        let encoder =
            crate::encoder::shared().map_err(|error| CliError::Usage(error.to_string()))?;
        let mut lines = Vec::new();
        for line in std::io::stdin().lock().lines() {
            lines.push(line.map_err(|source| CliError::Io {
                what: "reading standard input",
                source,
            })?);
        }
        let texts: Vec<&str> = lines.iter().map(String::as_str).collect();
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        let vectors = encoder.embed_parallel(&texts, crate::encoder::Kind::Query, threads);
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let written: std::io::Result<()> = vectors.iter().try_for_each(|vector| {
            let numbers: Vec<String> = vector.iter().map(|x| format!("{x:.6}")).collect();
            writeln!(out, "{}", numbers.join(" "))
        });
        written
            .and_then(|()| out.flush())
            .map_err(|source| CliError::Io {
                what: "writing standard output",
                source,
            })?;
        Ok(ExitCode::SUCCESS)
    }
}
