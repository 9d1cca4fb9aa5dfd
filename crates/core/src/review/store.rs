//! Review files: pretty-printed, deterministic JSON, written atomically, validated on load.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::{FORMAT_NAME, FORMAT_VERSION, Review};
use crate::article::sha256_hex;
use crate::i18n::{InWords, Messages, value};

/// Why a review could not be read or written. Messages name the file and say what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Reading or writing failed.
    #[error("{path}: {action} failed ({source}). Check the path, free space and permissions.")]
    Io {
        /// The file.
        path: PathBuf,
        /// "reading" or "writing".
        action: &'static str,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// Not JSON, or JSON of the wrong shape.
    #[error(
        "{path}: is not a valid review file ({source}). The file may be truncated or damaged; open a backup or the article itself."
    )]
    Json {
        /// The file.
        path: PathBuf,
        /// The parser's message with line and column.
        source: serde_json::Error,
    },
    /// JSON, but not a claimdesk review.
    #[error(
        "{path}: is not a claimdesk review (format is {found}, expected \"claimdesk-review\"). Open the article to start a new review."
    )]
    WrongFormat {
        /// The file.
        path: PathBuf,
        /// The `format` value found.
        found: String,
    },
    /// Written by a newer claimdesk.
    #[error(
        "{path}: was written by a newer claimdesk (file version {version}, this build reads up to {supported}). Update claimdesk to open it."
    )]
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// The file's version.
        version: u64,
        /// The newest version this build reads.
        supported: u32,
    },
    /// Larger than any review.
    #[error(
        "{path}: is larger than {limit} bytes, which no review is. Check that this is the review file you meant."
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The limit.
        limit: u64,
    },
    /// A review of a desk that is a symbolic link to a file outside the desk (or to something that is not a
    /// file): never written through, since a colleague's sync client could have planted it.
    #[error(
        "{path}: is a link to {target}, outside the desk {desk}; claimdesk does not write through it. Replace the link by the review file itself."
    )]
    LinkLeavesDesk {
        /// The review's path in the desk.
        path: PathBuf,
        /// Where the link leads.
        target: PathBuf,
        /// The desk.
        desk: PathBuf,
    },
    /// Well-formed but inconsistent: spans or checksums that do not match the text.
    #[error(
        "{path}: {reason}. The file was edited or damaged outside claimdesk; open a backup or the article itself."
    )]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What does not fit.
        reason: String,
    },
}

impl InWords for StoreError {
    fn in_words(&self, m: &Messages) -> String {
        match self {
            Self::Io {
                path,
                action,
                source,
            } => {
                let reason = value::io_reason(source, m);
                if *action == "reading" {
                    m.format(
                        "error-store-read",
                        &[("path", value::path(path)), ("reason", reason)],
                    )
                } else {
                    m.format(
                        "error-store-write",
                        &[("path", value::path(path)), ("reason", reason)],
                    )
                }
            }
            Self::Json { path, source } => m.format(
                "error-store-json",
                &[
                    ("path", value::path(path)),
                    ("reason", source.to_string().into()),
                ],
            ),
            Self::WrongFormat { path, found } => m.format(
                "error-store-format",
                &[("path", value::path(path)), ("found", value::text(found))],
            ),
            Self::NewerVersion {
                path,
                version,
                supported,
            } => m.format(
                "error-store-newer",
                &[
                    ("path", value::path(path)),
                    ("version", (*version).into()),
                    ("supported", (*supported).into()),
                ],
            ),
            Self::TooLarge { path, limit } => m.format(
                "error-store-too-large",
                &[("path", value::path(path)), ("limit", (*limit).into())],
            ),
            Self::LinkLeavesDesk { path, target, desk } => m.format(
                "error-store-link-leaves-desk",
                &[
                    ("path", value::path(path)),
                    ("target", value::path(target)),
                    ("desk", value::path(desk)),
                ],
            ),
            Self::Invalid { path, reason } => m.format(
                "error-store-invalid",
                &[("path", value::path(path)), ("reason", value::text(reason))],
            ),
        }
    }
}

/// The review as the bytes of a review file: pretty JSON with a final newline. The same review always gives
/// the same bytes.
///
/// # Errors
/// Only if serialization fails, which the review types do not allow in practice.
pub fn to_bytes(review: &Review) -> Result<Vec<u8>, serde_json::Error> {
    let mut bytes = serde_json::to_vec_pretty(review)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Writes `review` to `path` atomically (see [`write_atomic`]).
///
/// # Errors
/// [`StoreError::Io`] when the file cannot be written; the old file is then untouched.
pub fn save(review: &Review, path: &Path) -> Result<(), StoreError> {
    // Streamed into the temporary file: a large review is never held twice in memory.
    write_atomic_with(path, |writer| {
        serde_json::to_writer_pretty(&mut *writer, review)?;
        writer.write_all(b"\n")
    })
}

/// Writes `bytes` to `path` so that a crash leaves either the old file or the new one, never a mix: the bytes
/// go to a temporary file in the same directory, are flushed to disk, and the temporary file is renamed over
/// `path`. On any error the temporary file is removed.
///
/// # Errors
/// [`StoreError::Io`].
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_atomic_with(path, |writer| writer.write_all(bytes))
}

/// [`write_atomic`] with the content produced by `write` into a buffered writer.
///
/// # Errors
/// [`StoreError::Io`].
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut std::io::BufWriter<&std::fs::File>) -> std::io::Result<()>,
) -> Result<(), StoreError> {
    write_atomic_in(path, Durability::Each, write)
}

/// How a write reaches the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Durability {
    /// The file and the rename are on disk when the call returns; stale temporaries are cleared first.
    Each,
    /// The file's bytes are on disk before its name appears, so a crash never leaves a short file; the
    /// caller syncs the directory once after many files ([`sync_directory`]) and leaves temporaries of
    /// killed runs (hidden files) to the next interactive save.
    Batch,
}

/// Saves a review written as one of many into the same folders (`claimdesk extract DIR`): atomic like
/// [`save`], without listing and syncing the folder for every file, which made a large flat desk
/// quadratic. Call [`sync_directory`] for each folder afterwards.
///
/// # Errors
/// [`StoreError::Io`] when the file cannot be written; an existing file is then untouched.
pub fn save_in_batch(review: &Review, path: &Path) -> Result<(), StoreError> {
    write_atomic_in(path, Durability::Batch, |writer| {
        serde_json::to_writer_pretty(&mut *writer, review)?;
        writer.write_all(b"\n")
    })
}

/// Refuses a review path of `desk` that a write would not land on inside the desk: a symbolic link (or a
/// chain of them) to a file outside it, or to a pipe or device. Every path that writes a desk's reviews
/// asks this first, so a link a colleague planted never lets claimdesk change a file elsewhere.
///
/// # Errors
/// [`StoreError::LinkLeavesDesk`], or [`StoreError::Io`] when the link cannot be followed.
pub fn check_inside_desk(path: &Path, desk: &Path) -> Result<(), StoreError> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Ok(());
    }
    let io_error = |source| StoreError::Io {
        path: path.to_owned(),
        action: "writing",
        source,
    };
    let root = desk.canonicalize().map_err(io_error)?;
    let leaves = |target: PathBuf| StoreError::LinkLeavesDesk {
        path: path.to_owned(),
        target,
        desk: root.clone(),
    };
    match write_target(path).map_err(io_error)? {
        WriteTarget::InPlace => Err(leaves(
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned()),
        )),
        WriteTarget::File(target) => {
            // The target may not exist yet (a dangling link): its folder decides.
            let folder = target
                .parent()
                .and_then(|f| f.canonicalize().ok())
                .ok_or_else(|| leaves(target.clone()))?;
            if folder.starts_with(&root) {
                Ok(())
            } else {
                Err(leaves(target))
            }
        }
    }
}

/// Makes the renames into `directory` durable (see [`save_in_batch`]).
pub fn sync_directory(directory: &Path) {
    // Not every platform lets a directory be opened for this; there the renames are as durable as it gets.
    if let Ok(directory) = std::fs::File::open(directory) {
        let _ = directory.sync_all();
    }
}

/// What a write to a path lands on.
enum WriteTarget {
    /// A regular file (or none yet) at this path, after following symbolic links: replaced atomically.
    File(PathBuf),
    /// A pipe, a terminal, a device or a socket: written in place. Replacing it would break what it is (a
    /// pipe another process reads, `/dev/stdout`), and it holds nothing a crash could half-overwrite.
    InPlace,
}

/// Follows `path` through symbolic links (relative ones from their own folder, chains, a dangling last link
/// to the file it will create), so a save replaces the link's target and leaves the link a link.
fn write_target(path: &Path) -> std::io::Result<WriteTarget> {
    /// As Linux's limit on links followed when opening a path.
    const MAX_LINKS: usize = 40;
    match std::fs::metadata(path) {
        Ok(metadata) if metadata.is_dir() => {
            return Err(std::io::Error::from(std::io::ErrorKind::IsADirectory));
        }
        Ok(metadata) if !metadata.is_file() => return Ok(WriteTarget::InPlace),
        _ => {}
    }
    let mut current = path.to_owned();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let link = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(folder) if link.is_relative() => folder.join(link),
                    _ => link,
                };
            }
            _ => {
                // The kernel's own links (`/proc/self/fd/1` → a pipe) name no file to replace.
                let magic = current.starts_with("/proc") || current.starts_with("/dev");
                return Ok(if magic && path != current {
                    WriteTarget::InPlace
                } else {
                    WriteTarget::File(current)
                });
            }
        }
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

fn write_atomic_in(
    path: &Path,
    durability: Durability,
    write: impl FnOnce(&mut std::io::BufWriter<&std::fs::File>) -> std::io::Result<()>,
) -> Result<(), StoreError> {
    let io_error = |source| StoreError::Io {
        path: path.to_owned(),
        action: "writing",
        source,
    };
    let target = match write_target(path).map_err(io_error)? {
        WriteTarget::File(target) => target,
        WriteTarget::InPlace => {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(io_error)?;
            let mut writer = std::io::BufWriter::with_capacity(1 << 20, &file);
            write(&mut writer).map_err(io_error)?;
            return writer.flush().map_err(io_error);
        }
    };
    let path = target.as_path();
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{file_name}.");
    if durability == Durability::Each {
        remove_stale_temporaries(&directory, &prefix);
    }
    // The process id in the name tells later saves whether the writer is still alive.
    let temporary_prefix = format!("{prefix}{}.", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&temporary_prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        // A new file follows the umask like any editor's (the kernel applies it to 0666); tempfile's own
        // 0600 would survive the rename and lock colleagues and web servers out.
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let temporary = builder.tempfile_in(&directory).map_err(io_error)?;
    keep_owner_and_mode(path, temporary.as_file()).map_err(io_error)?;
    {
        let mut writer = std::io::BufWriter::with_capacity(1 << 20, temporary.as_file());
        write(&mut writer).map_err(io_error)?;
        writer.flush().map_err(io_error)?;
    }
    temporary.as_file().sync_all().map_err(io_error)?;
    temporary
        .persist(path)
        .map_err(|error| io_error(error.error))?;
    // The rename itself must reach the disk too.
    if durability == Durability::Each {
        sync_directory(&directory);
    }
    Ok(())
}

/// A file that is replaced keeps its mode and, where the user may set it, its group: a review shared
/// 0664 in a team's desk stays 0664 after a save.
#[cfg(unix)]
fn keep_owner_and_mode(path: &Path, replacement: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
    let Ok(existing) = std::fs::metadata(path) else {
        return Ok(());
    };
    // Changing the group first: chown may clear set-id bits that the mode then restores. Only members of
    // the group may hand a file to it; otherwise the file keeps the user's group.
    let _ = std::os::unix::fs::fchown(replacement, None, Some(existing.gid()));
    replacement.set_permissions(std::fs::Permissions::from_mode(existing.mode() & 0o7777))
}

#[cfg(not(unix))]
fn keep_owner_and_mode(_path: &Path, _replacement: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}

/// Removes temporary files of earlier saves to the same file whose process is gone (killed mid-save), so
/// they do not pile up. Files of live processes, and anything else, stay.
fn remove_stale_temporaries(directory: &Path, prefix: &str) {
    if !cfg!(target_os = "linux") {
        return;
    }
    let Ok(entries) = std::fs::read_dir(directory) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|rest| rest.split('.').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        let alive = pid == std::process::id() || Path::new(&format!("/proc/{pid}")).exists();
        if !alive {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The JSON Schema of review files, as committed in `docs/review.schema.json`.
#[must_use]
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Review);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Reads and validates a review file.
///
/// # Errors
/// A [`StoreError`] saying what is wrong with which file.
pub fn load(path: &Path) -> Result<Review, StoreError> {
    let bytes = read_at_most(path, MAX_REVIEW_BYTES)
        .map_err(|source| StoreError::Io {
            path: path.to_owned(),
            action: "reading",
            source,
        })?
        .ok_or_else(|| StoreError::TooLarge {
            path: path.to_owned(),
            limit: MAX_REVIEW_BYTES,
        })?;
    from_slice(&bytes, path)
}

/// Review files larger than this are refused: the review of the largest article claimdesk opens (32 MiB)
/// stays well below it, and reading `/dev/zero` or a runaway file must not fill the memory.
pub const MAX_REVIEW_BYTES: u64 = 512 * 1024 * 1024;

/// The bytes of `path`, or `None` when it holds more than `limit` (read no further than that, so a device
/// or an endless pipe never fills the memory).
///
/// # Errors
/// When the file cannot be opened or read.
pub fn read_at_most(path: &Path, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read as _;
    let file = std::fs::File::open(path)?;
    let capacity = file
        .metadata()
        .map_or(0, |m| m.len().min(limit))
        .try_into()
        .unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// Parses and validates review bytes; `path` is only used in messages.
///
/// # Errors
/// A [`StoreError`] saying what is wrong.
pub fn from_slice(bytes: &[u8], path: &Path) -> Result<Review, StoreError> {
    let json_error = |source| StoreError::Json {
        path: path.to_owned(),
        source,
    };
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(json_error)?;
    let format = value.get("format");
    if format.and_then(serde_json::Value::as_str) != Some(FORMAT_NAME) {
        let found = format.map_or_else(|| "missing".to_owned(), ToString::to_string);
        return Err(StoreError::WrongFormat {
            path: path.to_owned(),
            found,
        });
    }
    let Some(version) = value.get("version").and_then(serde_json::Value::as_u64) else {
        return Err(StoreError::Invalid {
            path: path.to_owned(),
            reason: "the \"version\" field is missing".to_owned(),
        });
    };
    if version > u64::from(FORMAT_VERSION) {
        return Err(StoreError::NewerVersion {
            path: path.to_owned(),
            version,
            supported: FORMAT_VERSION,
        });
    }
    let mut review: Review = serde_json::from_value(value).map_err(json_error)?;
    migrate(&mut review);
    validate(&review).map_err(|reason| StoreError::Invalid {
        path: path.to_owned(),
        reason,
    })?;
    Ok(review)
}

/// Brings a review read from an older file version up to [`FORMAT_VERSION`]; it is written in the new
/// version on the next save.
///
/// Version 1 → 2: claims gained `history`, `verdict_by`, `approval` and `conflicts`, the review `removed`;
/// all start empty (who set a version-1 verdict is not known), which is what deserialising gave them.
/// Version 2 → 3: reasons became features with their words ([`super::Reason::Found`]); the English phrases
/// of older files stay as they were written ([`super::Reason::Written`]).
fn migrate(review: &mut Review) {
    review.version = review.version.max(FORMAT_VERSION);
}

/// Checks that a review is consistent: the text matches its checksum and every span fits the text.
///
/// # Errors
/// A sentence saying what does not fit.
pub fn validate(review: &Review) -> Result<(), String> {
    let text = &review.article.text;
    if sha256_hex(text) != review.article.sha256 {
        return Err("the article text does not match its sha256 checksum".to_owned());
    }
    let mut ids: std::collections::BTreeSet<&str> =
        review.orphaned.iter().map(|c| c.id.as_str()).collect();
    if ids.len() != review.orphaned.len() {
        return Err("an orphaned claim id appears twice".to_owned());
    }
    for claim in &review.claims {
        if !ids.insert(claim.id.as_str()) {
            return Err(format!("claim id {} appears twice", claim.id));
        }
        match text.get(claim.start..claim.end) {
            Some(slice) if slice == claim.text && claim.start < claim.end => {}
            Some(_) => {
                return Err(format!(
                    "claim {} ({}..{}) does not match the article text at that place",
                    claim.id, claim.start, claim.end
                ));
            }
            None => {
                return Err(format!(
                    "claim {} has a span ({}..{}) outside the article text",
                    claim.id, claim.start, claim.end
                ));
            }
        }
        let spans = claim.speaker_span.iter().chain(&claim.hedge_spans);
        if let Some(bad) = spans
            .into_iter()
            .find(|span| text.get(span.start..span.end).is_none())
        {
            return Err(format!(
                "claim {} has a span ({}..{}) outside the article text",
                claim.id, bad.start, bad.end
            ));
        }
        if !(0.0..=1.0).contains(&claim.score) {
            return Err(format!("claim {} has a score outside 0..1", claim.id));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{LoadOptions, load_bytes};
    use crate::extract::{ExtractOptions, extract};

    #[cfg(unix)]
    #[test]
    fn a_write_through_a_link_replaces_its_target_and_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        std::fs::write(&real, "old").unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        // A relative link, from its own folder, and a link to that link.
        let link = sub.join("link.json");
        std::os::unix::fs::symlink("../real.json", &link).unwrap();
        let chain = dir.path().join("chain.json");
        std::os::unix::fs::symlink(&link, &chain).unwrap();
        write_atomic(&chain, b"new").unwrap();
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(
            std::fs::symlink_metadata(&chain)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        // A dangling link: the file it names is created.
        let dangling = dir.path().join("dangling.json");
        std::os::unix::fs::symlink("made.json", &dangling).unwrap();
        write_atomic(&dangling, b"made").unwrap();
        assert_eq!(
            std::fs::read(dir.path().join("made.json")).unwrap(),
            b"made"
        );
        assert!(
            std::fs::symlink_metadata(&dangling)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        // A loop is an error, not a hang.
        let a = dir.path().join("a");
        let b = dir.path().join("b");
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        assert!(write_atomic(&a, b"x").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn pipes_and_devices_are_written_in_place_never_replaced() {
        use std::os::unix::fs::FileTypeExt as _;
        write_atomic(Path::new("/dev/null"), b"into the void").unwrap();
        assert!(
            std::fs::symlink_metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device()
        );
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped the FIFO part: mkfifo is not available");
            return;
        }
        let reader_path = fifo.clone();
        let reader = std::thread::spawn(move || std::fs::read(reader_path).unwrap());
        write_atomic(&fifo, b"through the pipe").unwrap();
        assert_eq!(reader.join().unwrap(), b"through the pipe");
        assert!(
            std::fs::symlink_metadata(&fifo)
                .unwrap()
                .file_type()
                .is_fifo()
        );
    }

    fn sample_review() -> Review {
        let text = "Minister Anna Weber sagte am Montag, die Steuern würden um 3 Prozent sinken.\nDie Opposition bestritt das.";
        let article = load_bytes(
            text.as_bytes(),
            "sample.txt",
            Some("txt"),
            LoadOptions::default(),
        )
        .unwrap()
        .article;
        let claims = extract(&article, &ExtractOptions::default());
        Review::new(article, claims)
    }

    #[test]
    fn save_and_load_round_trip_with_identical_bytes() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("r.review.json");
        let review = sample_review();
        save(&review, &path).unwrap();
        let loaded = load(&path).unwrap();
        assert_eq!(loaded, review);
        assert_eq!(std::fs::read(&path).unwrap(), to_bytes(&loaded).unwrap());
        let leftovers: Vec<_> = std::fs::read_dir(directory.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary files stay behind");
    }

    #[test]
    fn wrong_format_newer_version_and_truncation_are_refused() {
        let path = Path::new("x.json");
        let review = sample_review();
        let bytes = to_bytes(&review).unwrap();
        assert!(matches!(
            from_slice(&bytes[..bytes.len() / 2], path),
            Err(StoreError::Json { .. })
        ));
        let mut value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        value["version"] = serde_json::json!(99);
        let error = from_slice(&serde_json::to_vec(&value).unwrap(), path).unwrap_err();
        assert!(matches!(
            error,
            StoreError::NewerVersion { version: 99, .. }
        ));
        value["format"] = serde_json::json!("something-else");
        assert!(matches!(
            from_slice(&serde_json::to_vec(&value).unwrap(), path),
            Err(StoreError::WrongFormat { .. })
        ));
        assert!(matches!(
            from_slice(b"[1, 2]", path),
            Err(StoreError::WrongFormat { .. })
        ));
    }

    #[test]
    fn spans_that_do_not_match_the_text_are_refused() {
        let mut review = sample_review();
        review.claims[0].end += 1;
        assert!(validate(&review).unwrap_err().contains("does not match"));
        let mut review = sample_review();
        review.article.text.push('x');
        assert!(validate(&review).unwrap_err().contains("checksum"));
        let mut review = sample_review();
        review.claims[0].start = 10_000;
        review.claims[0].end = 10_001;
        assert!(validate(&review).unwrap_err().contains("outside"));
    }

    #[cfg(unix)]
    #[test]
    fn new_files_follow_the_umask_and_replaced_files_keep_their_mode() {
        use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
        let dir = tempfile::tempdir().unwrap();
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o7777;
        // What the umask makes of 0666 here, whatever it is.
        let reference = dir.path().join("reference");
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true).mode(0o666);
        options.open(&reference).unwrap();
        let review = sample_review();
        let path = dir.path().join("a.review.json");
        save(&review, &path).unwrap();
        assert_eq!(
            mode(&path),
            mode(&reference),
            "a new review follows the umask"
        );
        let export = dir.path().join("report.html");
        write_atomic(&export, b"<p>").unwrap();
        assert_eq!(mode(&export), mode(&reference), "so does an export");
        for shared in [0o664, 0o640, 0o600, 0o644] {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(shared)).unwrap();
            save(&review, &path).unwrap();
            assert_eq!(mode(&path), shared, "a replaced review keeps {shared:o}");
            save_in_batch(&review, &path).unwrap();
            assert_eq!(mode(&path), shared);
        }
    }
}
