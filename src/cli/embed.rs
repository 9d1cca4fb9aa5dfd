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
    /// Write JSON Lines instead: each line's named features, the words model's logit (null when
    /// extraction would never make it a claim) and its vector, the lines read as sentences of this
    /// language. What `scripts/model/train-scorer.py` learns from.
    #[arg(long, value_name = "LANG", conflicts_with = "words")]
    pub features: Option<super::LangArg>,
    /// The words model to take the logit from (a model.json); the shipped one by default.
    #[arg(long, value_name = "FILE", requires = "features")]
    pub words_model: Option<std::path::PathBuf>,
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
        if let Some(language) = self.features.and_then(super::LangArg::language) {
            return write_features(&lines, &vectors, language, self.words_model.as_deref());
        }
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

/// `--features`: one JSON line per input line.
fn write_features(
    lines: &[String],
    vectors: &[crate::encoder::Vector],
    language: crate::article::Language,
    words_model: Option<&std::path::Path>,
) -> Result<ExitCode, CliError> {
    let loaded = words_model
        .map(crate::extract::model::Model::load)
        .transpose()
        .map_err(|error| CliError::Usage(error.to_string()))?;
    let model = loaded
        .as_ref()
        .unwrap_or_else(|| crate::extract::model::Model::shipped());
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written: std::io::Result<()> = lines.iter().zip(vectors).try_for_each(|(line, vector)| {
        let described = crate::extract::features_of(line, language, model);
        let record = serde_json::json!({
            "features": described.as_ref().map(|(names, _)| names.clone()),
            "words": described.as_ref().map(|(_, logit)| (logit * 1e4).round() / 1e4),
            "vector": vector.iter().map(|x| (f64::from(*x) * 1e6).round() / 1e6).collect::<Vec<f64>>(),
        });
        writeln!(out, "{record}")
    });
    written
        .and_then(|()| out.flush())
        .map_err(|source| CliError::Io {
            what: "writing standard output",
            source,
        })?;
    Ok(ExitCode::SUCCESS)
}
