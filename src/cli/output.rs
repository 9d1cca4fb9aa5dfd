//! Where a subcommand writes: standard output (no `-o`, or `-o -`) or a file written atomically by
//! [`store::write_atomic`] (which writes through symbolic links and into pipes and devices). An output that
//! is one of the command's inputs is refused before anything is read: `-o` must never destroy what it
//! points at.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::CliError;
use crate::review::store;

/// Where output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// Standard output.
    Stdout,
    /// A file (or a link to one, a pipe, a device).
    File(PathBuf),
}

impl Output {
    /// `-o PATH` as given: none or `-` is standard output.
    #[must_use]
    pub fn of(argument: Option<&Path>) -> Self {
        match argument {
            Some(path) if path != Path::new("-") => Self::File(path.to_owned()),
            _ => Self::Stdout,
        }
    }

    /// Refuses an output file that is one of `inputs` (the same file, however it is named: through a link,
    /// `./`, `..`).
    ///
    /// # Errors
    /// [`CliError::Usage`] naming both.
    pub fn refuse_inputs<'a>(
        &self,
        inputs: impl IntoIterator<Item = &'a Path>,
    ) -> Result<(), CliError> {
        let Self::File(output) = self else {
            return Ok(());
        };
        for input in inputs {
            if same_file(input, output) {
                return Err(CliError::Usage(format!(
                    "{}: is also an input ({}); writing there would destroy it. Give another -o, or none for standard output.",
                    output.display(),
                    input.display()
                )));
            }
        }
        Ok(())
    }

    /// Writes `bytes`.
    ///
    /// # Errors
    /// [`CliError::Store`] naming the file, [`CliError::Io`] for standard output (a closed pipe is fine).
    pub fn write(&self, bytes: &[u8]) -> Result<(), CliError> {
        self.write_with(|out| out.write_all(bytes))
    }

    /// Writes what `produce` writes into a buffered writer (a large review is never held twice in memory).
    ///
    /// # Errors
    /// As [`Output::write`].
    pub fn write_with(
        &self,
        produce: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), CliError> {
        match self {
            Self::File(path) => Ok(store::write_atomic_with(path, |writer| produce(writer))?),
            Self::Stdout => {
                let stdout = std::io::stdout();
                let mut out = BufWriter::with_capacity(1 << 20, stdout.lock());
                ignore_broken_pipe(produce(&mut out).and_then(|()| out.flush()))
            }
        }
    }
}

/// Whether two paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        if let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            // A pipe or terminal may be both read and written (`-` in and `-o /dev/stdout` out are not one
            // file); only regular files are destroyed by being replaced.
            return a.is_file() && a.dev() == b.dev() && a.ino() == b.ino();
        }
        false
    }
    #[cfg(not(unix))]
    {
        match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    }
}

/// A closed pipe (`claimdesk sentences x | head`) is the reader's choice, not an error.
///
/// # Errors
/// [`CliError::Io`] for any other failure to write standard output.
pub fn ignore_broken_pipe(result: std::io::Result<()>) -> Result<(), CliError> {
    match result {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|source| CliError::Io {
            what: "writing standard output",
            source,
        }),
    }
}

/// "1 article", "3 articles": a count with its noun in the right number.
pub fn counted(count: usize, one: &str, other: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {other}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dash_is_standard_output() {
        assert_eq!(Output::of(Some(Path::new("-"))), Output::Stdout);
        assert_eq!(Output::of(None), Output::Stdout);
        assert_eq!(
            Output::of(Some(Path::new("x.json"))),
            Output::File(PathBuf::from("x.json"))
        );
    }

    #[test]
    fn an_input_is_never_an_output_however_it_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("a.txt");
        std::fs::write(&input, "Text.").unwrap();
        let other = dir.path().join("b.json");
        let dotted = dir.path().join(".").join("a.txt");
        assert!(
            Output::of(Some(&dotted))
                .refuse_inputs([input.as_path()])
                .is_err()
        );
        assert!(
            Output::of(Some(&other))
                .refuse_inputs([input.as_path()])
                .is_ok()
        );
        #[cfg(unix)]
        {
            let link = dir.path().join("link.txt");
            std::os::unix::fs::symlink(&input, &link).unwrap();
            assert!(
                Output::of(Some(&link))
                    .refuse_inputs([input.as_path()])
                    .is_err()
            );
        }
        assert!(Output::Stdout.refuse_inputs([input.as_path()]).is_ok());
    }
}
