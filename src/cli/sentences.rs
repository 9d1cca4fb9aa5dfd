//! `claimdesk sentences`: an article's sentences as JSON Lines with byte offsets.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{CliError, LangArg, Output, load_article, report_warnings};
use crate::extract::sentences;

/// Arguments of `claimdesk sentences`.
#[derive(Debug, clap::Args)]
pub struct SentencesArgs {
    /// The article's language.
    #[arg(long, value_enum, default_value_t = LangArg::Auto)]
    pub lang: LangArg,
    /// The article file, a web address (https://…), or `-` for standard input.
    pub file: PathBuf,
}

impl SentencesArgs {
    /// Prints `{"start", "end", "text"}` per sentence.
    ///
    /// # Errors
    /// See [`CliError`].
    pub fn run(self) -> Result<ExitCode, CliError> {
        let loaded = load_article(&self.file, self.lang.language())?;
        report_warnings(&loaded);
        let article = &loaded.article;
        Output::Stdout.write_with(|out| {
            for span in sentences(&article.text, article.language) {
                let line = serde_json::json!({
                    "start": span.start,
                    "end": span.end,
                    "text": &article.text[span.start..span.end],
                });
                serde_json::to_writer(&mut *out, &line)?;
                out.write_all(b"\n")?;
            }
            Ok(())
        })?;
        Ok(ExitCode::SUCCESS)
    }
}
