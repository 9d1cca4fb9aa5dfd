//! `claimdesk read-pdf` (hidden): the isolated PDF reader. The window and the other subcommands start it as
//! a child process with a PDF on standard input; it puts itself under hard limits of memory and CPU time,
//! reads the pages' text and answers with one JSON value on standard output. Whatever a hostile PDF does to
//! it — loop, exhaust memory, overflow its stack — ends here, and its parent reports it in words.

use std::io::{Read as _, Write as _};
use std::process::ExitCode;

use super::CliError;
use crate::article::MAX_ARTICLE_BYTES;
use crate::article::pdf::{self, ReaderAnswer, ReaderLimits};

/// Arguments of `claimdesk read-pdf`.
#[derive(Debug, clap::Args)]
pub struct ReadPdfArgs {
    /// Address space this reader may map, in MiB.
    #[arg(long, default_value_t = 1024)]
    pub memory_mib: u64,
    /// CPU seconds before the reader is stopped (its parent kills it at this wall-clock deadline).
    #[arg(long, default_value_t = 20)]
    pub seconds: u64,
}

impl ReadPdfArgs {
    /// Reads the PDF on standard input and answers on standard output.
    ///
    /// # Errors
    /// When the limits cannot be set or standard input or output fail.
    pub fn run(self) -> Result<ExitCode, CliError> {
        pdf::limit_this_process(ReaderLimits {
            seconds: self.seconds,
            memory_mib: self.memory_mib,
        })
        .map_err(|source| CliError::Io {
            what: "limiting the PDF reader",
            source,
        })?;
        // A panic of the PDF library is an answer, not a message on the terminal.
        std::panic::set_hook(Box::new(|_| {}));
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(MAX_ARTICLE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|source| CliError::Io {
                what: "reading the PDF from standard input",
                source,
            })?;
        let answer = match pdf::read_pages(&bytes) {
            Ok(pages) => ReaderAnswer::Pages(pages),
            Err(reason) => ReaderAnswer::Error(reason),
        };
        let mut out = std::io::stdout().lock();
        serde_json::to_writer(&mut out, &answer)
            .map_err(std::io::Error::from)
            .and_then(|()| out.flush())
            .map_err(|source| CliError::Io {
                what: "answering the parent",
                source,
            })?;
        Ok(ExitCode::SUCCESS)
    }
}
