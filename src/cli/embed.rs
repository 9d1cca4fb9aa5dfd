//! `claimdesk embed` (hidden): sentence vectors of standard input's lines, for the script that trains the
//! meaning scorer (`scripts/model/train-meaning-scorer.py`), so the vectors it learns from are exactly the
//! ones claimdesk computes.

use std::io::{BufRead as _, Write as _};
use std::process::ExitCode;

use super::CliError;

/// Arguments of `claimdesk embed`.
#[derive(Debug, clap::Args)]
pub struct EmbedArgs {
    /// Also give each line's score by the words model (the lines read as sentences of this language):
    /// the first number of the output line, or `-` when extraction would never make the line a claim.
    #[arg(long, value_name = "LANG")]
    pub words: Option<super::LangArg>,
    /// Embed the lines as passages (`passage: `, text to be found) instead of queries.
    #[arg(long)]
    pub passage: bool,
}

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
        let kind = if self.passage {
            crate::encoder::Kind::Passage
        } else {
            crate::encoder::Kind::Query
        };
        let vectors = encoder.embed_parallel(&texts, kind, threads);
        let language = self.words.and_then(super::LangArg::language);
        let words_options = crate::extract::ExtractOptions::with_min_score(0.0);
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let written: std::io::Result<()> =
            lines.iter().zip(&vectors).try_for_each(|(line, vector)| {
                if let Some(language) = language {
                    let score = crate::extract::extract_text(line, language, &words_options)
                        .iter()
                        .filter(|claim| 2 * (claim.end - claim.start) > line.trim().len())
                        .map(|claim| claim.score)
                        .reduce(f64::max);
                    match score {
                        Some(score) => write!(out, "{score:.2} ")?,
                        None => write!(out, "- ")?,
                    }
                }
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
