//! The `claimdesk` binary: parse the command line, run the subcommand or open the window, turn errors into
//! messages and exit codes.

mod cli;

use std::process::ExitCode;

// The library's modules under the names the command line has always used (`crate::review::…`).
use claimdesk::{article, desk, encoder, export, extract, i18n, layout, memory, review, web_url};
use clap::Parser as _;

use cli::Cli;

/// Extraction allocates many small strings; mimalloc handles that pattern markedly faster than glibc.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Some(command) => {
            claimdesk::layout::set_busy_notice(|desk| {
                eprintln!(
                    "claimdesk: another claimdesk is working on this desk ({}); waiting for it to finish",
                    claimdesk::layout::printable_name(&desk.display().to_string())
                );
            });
            command.run().map_err(anyhow::Error::from)
        }
        None => open_window(cli).map(|()| ExitCode::SUCCESS),
    };
    outcome.unwrap_or_else(|error| {
        // A file name may carry terminal escape sequences: shown, never sent.
        // Each cause once: library errors often name their cause in their own sentence already.
        let mut message = error.to_string();
        for cause in error.chain().skip(1) {
            let cause = cause.to_string();
            if !message.contains(&cause) {
                message.push_str(": ");
                message.push_str(&cause);
            }
        }
        eprintln!(
            "claimdesk: error: {}",
            claimdesk::layout::printable(&message)
        );
        ExitCode::FAILURE
    })
}

#[cfg(feature = "gui")]
fn open_window(cli: Cli) -> anyhow::Result<()> {
    claimdesk::app::run(claimdesk::app::StartOptions {
        file: cli.file,
        review: cli.review,
        language: cli.lang.language(),
        data_dir: None,
        reviewer: cli.reviewer_name,
        ask_reviewer: true,
        suggested_reviewer: claimdesk::identity::system_reviewer_name(),
    })
}

#[cfg(not(feature = "gui"))]
fn open_window(_cli: Cli) -> anyhow::Result<()> {
    anyhow::bail!(
        "this claimdesk was built without the window (feature `gui`); use a subcommand, see --help"
    )
}
