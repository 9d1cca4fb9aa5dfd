//! `claimdesk team init`: a desk shared by a team, set up in one command.
//!
//! In a git work tree it writes the `.gitattributes` line and the merge-driver configuration that make
//! `git merge` merge reviews claim by claim; both steps are idempotent and said. A plain folder (shared by
//! Nextcloud, Dropbox, OneDrive, Syncthing) needs nothing: the command says how that mode works.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use super::CliError;

/// The `.gitattributes` line that routes reviews to claimdesk's merge driver.
const ATTRIBUTES_LINE: &str = "*.review.json merge=claimdesk";

/// Arguments of `claimdesk team`.
#[derive(Debug, clap::Args)]
pub struct TeamArgs {
    /// What to do.
    #[command(subcommand)]
    pub action: TeamCommand,
}

/// `claimdesk team …`.
#[derive(Debug, clap::Subcommand)]
pub enum TeamCommand {
    /// Set a desk up for a team: in a git work tree, the `.gitattributes` line and the merge driver (run it
    /// again any time: it changes only what is missing); in a plain shared folder, what to know.
    Init {
        /// The desk (default: the current folder).
        dir: Option<PathBuf>,
    },
}

impl TeamArgs {
    /// Runs the team subcommand.
    ///
    /// # Errors
    /// When the folder does not exist or a file or git's configuration cannot be written.
    pub fn run(self) -> Result<ExitCode, CliError> {
        match self.action {
            TeamCommand::Init { dir } => init(&dir.unwrap_or_else(|| PathBuf::from("."))),
        }
    }
}

fn git(dir: &Path, args: &[&str]) -> Option<std::process::Output> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .ok()
}

fn init(dir: &Path) -> Result<ExitCode, CliError> {
    if !dir.is_dir() {
        return Err(CliError::Usage(format!(
            "{}: is not a folder. Give the desk folder to set up.",
            dir.display()
        )));
    }
    let top = git(dir, &["rev-parse", "--show-toplevel"])
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| PathBuf::from(s.trim_end_matches(['\n', '\r'])));
    let Some(top) = top else {
        println!(
            "{} is not in a git work tree: as a shared folder (Nextcloud, ownCloud, Dropbox, OneDrive, Syncthing) it needs no set-up.\n\
             When two analysts save the same review while one is offline, the sync client keeps a \"conflicted copy\" beside it;\n\
             claimdesk merges such copies claim by claim when the desk is opened, or with `claimdesk merge-copies {}`,\n\
             keeps real conflicts for O/T in the window, and moves each merged copy to .claimdesk/merged-copies/.\n\
             `claimdesk status {}` lists copies not yet merged. For a git repository, run `git init` first, then this again.",
            dir.display(),
            dir.display(),
            dir.display()
        );
        return Ok(ExitCode::SUCCESS);
    };
    let attributes = top.join(".gitattributes");
    let existing = match std::fs::read_to_string(&attributes) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(source) => {
            return Err(CliError::Io {
                what: "reading .gitattributes",
                source,
            });
        }
    };
    if existing.lines().any(|line| line.trim() == ATTRIBUTES_LINE) {
        println!(
            "{}: already routes reviews to claimdesk",
            attributes.display()
        );
    } else {
        let mut text = existing;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(ATTRIBUTES_LINE);
        text.push('\n');
        std::fs::write(&attributes, text).map_err(|source| CliError::Io {
            what: "writing .gitattributes",
            source,
        })?;
        println!(
            "{}: added `{ATTRIBUTES_LINE}` (commit it, so the team shares it)",
            attributes.display()
        );
    }
    // This very program, so the driver works whether or not claimdesk is on the PATH of git's shell.
    let program = std::env::current_exe()
        .ok()
        .and_then(|p| p.to_str().map(str::to_owned))
        .unwrap_or_else(|| "claimdesk".to_owned());
    let driver = format!("{} merge %O %A %B -o %A", shell_quoted(&program));
    for (key, value) in [
        (
            "merge.claimdesk.name",
            "claimdesk: reviews merged claim by claim",
        ),
        ("merge.claimdesk.driver", driver.as_str()),
    ] {
        let current = git(&top, &["config", "--local", "--get", key])
            .filter(|o| o.status.success())
            .and_then(|o| String::from_utf8(o.stdout).ok());
        if current.as_deref().map(str::trim_end) == Some(value) {
            println!("git config {key}: already set");
            continue;
        }
        let set = git(&top, &["config", "--local", key, value]);
        if !set.is_some_and(|o| o.status.success()) {
            return Err(CliError::Usage(format!(
                "{}: git config {key} could not be set; check that the repository's .git/config is writable",
                top.display()
            )));
        }
        println!("git config {key} = {value}");
    }
    println!(
        "each analyst runs `claimdesk team init` once in their clone (git keeps merge drivers per clone)"
    );
    Ok(ExitCode::SUCCESS)
}

/// `program` as one word for the shell git runs the driver with.
fn shell_quoted(program: &str) -> String {
    if program
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+".contains(c))
    {
        program.to_owned()
    } else {
        format!("'{}'", program.replace('\'', r"'\''"))
    }
}
