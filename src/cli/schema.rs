//! `claimdesk schema`: the JSON Schema of review files.

use std::process::ExitCode;

use super::{CliError, Output};

/// Arguments of `claimdesk schema` (none).
#[derive(Debug, clap::Args)]
pub struct SchemaArgs {}

impl SchemaArgs {
    /// Prints the schema committed as `docs/review.schema.json`.
    ///
    /// # Errors
    /// When standard output cannot be written.
    #[expect(
        clippy::unused_self,
        reason = "every subcommand runs from its arguments, this one has none"
    )]
    pub fn run(self) -> Result<ExitCode, CliError> {
        Output::Stdout.write(crate::review::store::json_schema().as_bytes())?;
        Ok(ExitCode::SUCCESS)
    }
}
