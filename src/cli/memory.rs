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
        /// Only make them searchable by words; their sentence vectors are computed later (by `claimdesk
        /// memory embed`, the next `match`, or the window).
        #[arg(long)]
        no_embed: bool,
        /// Leave out the vectors the records carry (`claimdesk memory embed --jsonl`) and compute them
        /// here: for vectors of another model.
        #[arg(long)]
        recompute_vectors: bool,
    },
    /// Rebuild the desk's memory index from its sources (the import log and the review files), keeping the
    /// old index as .claimdesk/memory/index.damaged. The memory does this by itself when its index cannot
    /// be opened.
    Rebuild {
        /// The desk (default: the desk containing the current folder).
        #[arg(long, value_name = "DIR")]
        desk: Option<PathBuf>,
    },
    /// Compute the sentence vectors the desk's memory still lacks (after an import that was stopped, or
    /// with --no-embed). Safe to stop at any time: the next run goes on from there.
    ///
    /// With --jsonl it is a map step instead: ClaimReview records in (one per line, any shape `memory
    /// import` reads), each written out with its claims' vectors and the model's identity added under
    /// "claimdesk:vectors"; `memory import` takes them without computing them again.
    Embed {
        /// The desk (default: the desk containing the current folder).
        #[arg(long, value_name = "DIR", conflicts_with = "jsonl")]
        desk: Option<PathBuf>,
        /// Read ClaimReview records from FILE (`-`: standard input) and write them with their vectors to
        /// standard output, one per line, bad lines answered in place.
        #[arg(long)]
        jsonl: bool,
        /// The JSON Lines input of --jsonl (`-`: standard input).
        #[arg(requires = "jsonl", value_name = "FILE|-")]
        input: Option<PathBuf>,
        /// Encoder threads for --jsonl (default: one per core).
        #[arg(long, value_name = "N", requires = "jsonl")]
        jobs: Option<usize>,
    },
}

impl MemoryArgs {
    /// Runs the memory subcommand.
    ///
    /// # Errors
    /// See [`CliError`].
    pub fn run(self) -> Result<ExitCode, CliError> {
        match self.action {
            MemoryCommand::Import {
                desk,
                files,
                no_embed,
                recompute_vectors,
            } => {
                let carried = if recompute_vectors {
                    memory::CarriedVectors::Recompute
                } else {
                    memory::CarriedVectors::Take
                };
                import(desk.as_deref(), &files, carried)?;
                if !no_embed {
                    embed_desk(&desk_of(desk.as_deref())?, false)?;
                }
            }
            MemoryCommand::Embed {
                jsonl: true,
                input,
                jobs,
                ..
            } => embed_jsonl(input.as_deref().unwrap_or(Path::new("-")), jobs)?,
            MemoryCommand::Embed { desk, .. } => embed_desk(&desk_of(desk.as_deref())?, true)?,
            MemoryCommand::Rebuild { desk } => {
                let desk = desk_of(desk.as_deref())?;
                let report = memory::rebuild(&desk)?;
                eprintln!(
                    "claimdesk: memory rebuilt: {} imported fact-checks from the import log{}, and the reviews",
                    report.imports,
                    if report.unreadable_lines > 0 {
                        format!(" ({} unreadable lines left out)", report.unreadable_lines)
                    } else {
                        String::new()
                    }
                );
                if report.log_missing {
                    eprintln!(
                        "claimdesk: this desk had no import log; import its ClaimReview files again"
                    );
                }
                embed_desk(&desk, false)?;
            }
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
fn import(
    desk_dir: Option<&Path>,
    files: &[PathBuf],
    carried: memory::CarriedVectors,
) -> Result<(), CliError> {
    let desk = desk_of(desk_dir)?;
    let mut failed = 0;
    for file in files {
        match memory::import_with(&desk, std::slice::from_ref(file), carried) {
            Ok(reports) => {
                for report in reports {
                    for notice in &report.notices {
                        eprintln!(
                            "claimdesk: {}",
                            crate::layout::printable(&crate::i18n::InWords::in_words(
                                notice,
                                crate::i18n::Locale::English.messages()
                            ))
                        );
                    }
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

/// Opens the desk's memory and computes the vectors it lacks, with a progress bar on the terminal.
fn embed_desk(desk: &Path, required: bool) -> Result<(), CliError> {
    if let Err(error) = crate::encoder::shared() {
        // For `memory embed` computing vectors is all it does: without the encoder it fails, as `--jsonl`
        // does, and a script never takes "compares words only" for success. After an import or a
        // rebuild the memory is usable by words, and that is said.
        if required {
            return Err(CliError::Usage(error.to_string()));
        }
        eprintln!("claimdesk: no vectors computed, matching uses words only: {error}");
        return Ok(());
    }
    let mut memory = memory::Memory::new();
    memory.add_desk(desk)?;
    tell_notices(&memory);
    embed_with_progress(&mut memory)
}

/// Says the memory's notices on standard error, each once.
pub(super) fn tell_notices(memory: &memory::Memory) {
    let m = crate::i18n::Locale::English.messages();
    for notice in memory.notices() {
        eprintln!(
            "claimdesk: {}",
            crate::layout::printable(&crate::i18n::InWords::in_words(notice, m))
        );
    }
}

/// Computes the memory's missing vectors with a progress bar (stopping with Ctrl+C keeps every batch
/// written so far).
pub(super) fn embed_with_progress(memory: &mut memory::Memory) -> Result<(), CliError> {
    let pending = memory.pending();
    if pending == 0 {
        return Ok(());
    }
    let bar = super::progress_bar(
        pending,
        "claims embedded",
        "; stop any time, it goes on from there",
    );
    let embedded = memory.embed_pending(&mut |done, _| {
        bar.set_position(done as u64);
        true
    })?;
    bar.finish_and_clear();
    eprintln!(
        "claimdesk: {} {} embedded for matching by meaning",
        embedded,
        if embedded == 1 { "claim" } else { "claims" }
    );
    Ok(())
}

/// `claimdesk memory embed --jsonl FILE|-`: records with their vectors on standard output.
fn embed_jsonl(input: &Path, jobs: Option<usize>) -> Result<(), CliError> {
    let encoder = crate::encoder::shared().map_err(|error| CliError::Usage(error.to_string()))?;
    let threads = jobs
        .filter(|&jobs| jobs > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    let stdout = std::io::stdout();
    let out = std::io::BufWriter::with_capacity(1 << 20, stdout.lock());
    let result = if input == Path::new("-") {
        memory::feed::embed_jsonl(std::io::stdin().lock(), out, encoder, threads)
    } else {
        let file = std::fs::File::open(input).map_err(|source| {
            CliError::Memory(memory::MemoryError::Read {
                path: input.to_owned(),
                source,
            })
        })?;
        memory::feed::embed_jsonl(std::io::BufReader::new(file), out, encoder, threads)
    };
    match result {
        Ok(summary) => {
            if summary.errors > 0 {
                eprintln!(
                    "claimdesk: {} records: {} with vectors ({} claims), {} errors (in place of their lines)",
                    summary.records + summary.errors,
                    summary.records,
                    summary.vectors,
                    summary.errors
                );
            }
            Ok(())
        }
        Err(error) => super::output::ignore_broken_pipe(Err(error)),
    }
}
