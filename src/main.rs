//! The `claimdesk` binary: parse the command line, call the library, turn errors into messages and exit codes.

use std::process::ExitCode;

use claimdesk::cli::{self, Cli, Command};
use clap::Parser as _;

/// Extraction allocates many small strings; mimalloc handles that pattern markedly faster than glibc.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("claimdesk: error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Sentences { lang, file }) => cli::sentences(&file, lang)?,
        Some(Command::Extract {
            lang,
            min_score,
            jobs,
            jsonl,
            file,
            output,
        }) => {
            let bulk = cli::BulkArgs {
                lang,
                min_score,
                jobs: jobs.unwrap_or(0),
            };
            if jsonl {
                anyhow::ensure!(
                    output.is_none(),
                    "--jsonl writes to standard output; drop -o"
                );
                cli::extract_jsonl(&file, bulk)?;
            } else if file.is_dir() {
                anyhow::ensure!(
                    output.is_none(),
                    "{}: is a folder: its reviews go beside its articles; drop -o",
                    file.display()
                );
                cli::extract_desk(&file, bulk)?;
            } else {
                cli::extract(&file, lang, min_score, output.as_deref())?;
            }
        }
        Some(Command::Status { json, dir }) => cli::status(&dir, json)?,
        Some(Command::Export {
            format,
            review,
            output,
            reviewer,
            reviewer_url,
            url,
            article_url,
            include_path,
            approved_only,
            lang,
        }) => {
            cli::export_review(
                format,
                &review,
                output.as_deref(),
                cli::ExportArgs {
                    reviewer,
                    reviewer_url,
                    url,
                    article_url,
                    include_path,
                    approved_only,
                    lang,
                },
            )?;
        }
        Some(Command::Match {
            memory,
            top,
            min_similarity,
            lang,
            file,
        }) => cli::match_claims(
            &file,
            &memory,
            lang,
            claimdesk::memory::MatchOptions {
                top,
                min_similarity,
            },
        )?,
        Some(Command::Memory {
            action: cli::MemoryCommand::Import { desk, files },
        }) => cli::memory_import(desk.as_deref(), &files)?,
        Some(Command::Merge {
            base,
            ours,
            theirs,
            output,
        }) => {
            // git's convention for merge drivers: 1 when conflicts are left.
            if cli::merge(&base, &ours, &theirs, output.as_deref())? > 0 {
                return Ok(ExitCode::from(1));
            }
        }
        Some(Command::Agreement { json, reviews }) => cli::agreement(&reviews, json)?,
        Some(Command::Train(args)) => cli::train(args)?,
        Some(Command::Schema) => cli::schema()?,
        None => open_window(cli)?,
    }
    Ok(ExitCode::SUCCESS)
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
    })
}

#[cfg(not(feature = "gui"))]
fn open_window(_cli: Cli) -> anyhow::Result<()> {
    anyhow::bail!(
        "this claimdesk was built without the window (feature `gui`); use a subcommand, see --help"
    )
}
