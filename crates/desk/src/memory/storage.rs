//! The memory on disk: what a desk imported (the import log, `imports.jsonl`, and ClaimReview files read),
//! the index brought up to date with the desk's reviews (the manifest, `reviews.json`), and a rebuild from
//! the log and the reviews when the index is damaged or lost claims.

use super::{
    BTreeMap, Deserialize, Entry, EntryKey, Group, HashSet, HashSetExt, Indexed, MemoryError,
    MemoryIndex, Notice, Path, PathBuf, Review, Serialize, UNIX_EPOCH, VectorStore, carried,
    claimreview, layout, memory_dir, semantic, store, text_hash,
};

const MANIFEST: &str = "reviews.json";

/// Which review files the desk index holds, and in which state.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    /// Relative path → size and modification time (ns since the epoch).
    reviews: BTreeMap<String, (u64, u128)>,
}

/// The claims of a review that have a verdict, as memory entries.
#[must_use]
pub fn entries_of_review(review: &Review, source: &str, group: &Group) -> Vec<Indexed> {
    review
        .claims
        .iter()
        .filter_map(|claim| {
            let verdict = claim.verdict?;
            Some(Indexed {
                key: EntryKey::claim(group, &claim.id),
                group: group.clone(),
                entry: Entry {
                    text: claim.text.clone(),
                    verdict,
                    language: review.article.language,
                    source: source.to_owned(),
                    claim_id: Some(claim.id.clone()),
                    url: None,
                    reviewed_at: Some(review.modified.clone()),
                    rating: None,
                    note: Some(claim.note.clone()).filter(|n| !n.trim().is_empty()),
                    title: None,
                },
            })
        })
        .collect()
}

/// The index group of a review file in a desk.
#[must_use]
pub fn review_group(desk: &Path, review_path: &Path) -> Group {
    Group::review(desk, review_path)
}

/// Outcome of [`import`].
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    /// Fact-checks found in the file.
    pub found: usize,
    /// Of those, new to the memory.
    pub added: usize,
    /// What the memory said about itself while importing (an index rebuilt first), to be told.
    pub notices: Vec<Notice>,
}

/// ClaimReview files larger than this are refused (a feed of a million fact-checks is far smaller): split a
/// larger one, or import it as several files.
pub const MAX_IMPORT_BYTES: u64 = 1024 * 1024 * 1024;

/// Reads a ClaimReview file whole.
///
/// # Errors
/// [`MemoryError`] naming the file, line and field.
pub fn read_claim_reviews(path: &Path) -> Result<Vec<Entry>, MemoryError> {
    read_claim_reviews_carrying(path).map(|(entries, _)| entries)
}

/// Reads a ClaimReview file whole, with the vectors its records carry.
///
/// # Errors
/// [`MemoryError`] naming the file, line and field.
pub fn read_claim_reviews_carrying(
    path: &Path,
) -> Result<(Vec<Entry>, Vec<carried::Carried>), MemoryError> {
    let bytes = store::read_at_most(path, MAX_IMPORT_BYTES)
        .map_err(|source| MemoryError::Read {
            path: path.to_owned(),
            source,
        })?
        .ok_or_else(|| MemoryError::TooLarge {
            path: path.to_owned(),
            limit: MAX_IMPORT_BYTES,
        })?;
    let text = String::from_utf8_lossy(&bytes);
    // A byte-order mark opens the file, or a line where files were joined (`cat a.jsonl b.jsonl`): it is
    // no part of a record.
    let text = text
        .trim_start_matches('\u{feff}')
        .replace("\n\u{feff}", "\n");
    claimreview::parse_carrying(&text, path)
}

/// Imports ClaimReview files into the desk's memory. Each file is read whole before anything is written; a
/// fact-check already in the memory (the same file imported twice) is not added again.
///
/// # Errors
/// The first file that cannot be read or is malformed; files before it are imported.
pub fn import(desk: &Path, files: &[PathBuf]) -> Result<Vec<ImportReport>, MemoryError> {
    import_with(desk, files, CarriedVectors::Take)
}

/// What an import does with the vectors records carry (`claimdesk memory embed --jsonl`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CarriedVectors {
    /// Take them when they come from this claimdesk's model; refuse the file when they do not.
    Take,
    /// Leave them out: the claims are embedded here.
    Recompute,
}

/// [`import`], choosing what happens to carried vectors.
///
/// # Errors
/// As [`import`]; [`MemoryError::OtherModel`] for a file whose vectors come from another model (with
/// [`CarriedVectors::Take`]).
pub fn import_with(
    desk: &Path,
    files: &[PathBuf],
    carried_vectors: CarriedVectors,
) -> Result<Vec<ImportReport>, MemoryError> {
    // Two imports at once would each log and embed what the other adds.
    let _lock = layout::DeskLock::acquire(desk);
    let (mut index, notice) = open_desk_index(desk)?;
    let mut notices: Vec<Notice> = notice.into_iter().collect();
    let mut known = index.keys()?;
    // What the log has but the index lacks (a kill between the two) is added to the index, never logged
    // twice.
    let mut logged = logged_keys(desk);
    let encoder = crate::encoder::shared().ok();
    let mut store = None;
    let mut reports = Vec::new();
    for file in files {
        let (entries, carried) = read_claim_reviews_carrying(file)?;
        let carried = match (encoder, carried_vectors) {
            (Some(encoder), CarriedVectors::Take) if !carried.is_empty() => {
                carried::CarriedByText::of(carried, encoder.identity()).map_err(|theirs| {
                    MemoryError::OtherModel {
                        path: file.clone(),
                        theirs,
                        ours: encoder.identity().to_owned(),
                    }
                })?
            }
            _ => carried::CarriedByText::default(),
        };
        let found = entries.len();
        let fresh = not_yet_known(entries, &mut known);
        // The log first: it is what the index is rebuilt from, so an import the index lost is not lost.
        let unlogged: Vec<Indexed> = fresh
            .iter()
            .filter(|indexed| logged.insert(indexed.key.clone()))
            .cloned()
            .collect();
        append_import_log(desk, &unlogged)?;
        index.add(&fresh)?;
        if let (Some(encoder), false) = (encoder, carried.is_empty()) {
            let taken: Vec<(String, u128, f32, Vec<i8>)> = fresh
                .iter()
                .filter_map(|indexed| {
                    let hash = text_hash(&semantic::passage_text(&indexed.entry));
                    carried.get(hash).map(|(scale, codes)| {
                        (indexed.key.as_str().to_owned(), hash, *scale, codes.clone())
                    })
                })
                .collect();
            if store.is_none() {
                store = Some(VectorStore::open(&memory_dir(desk), encoder.identity())?);
            }
            if let Some(store) = store.as_mut() {
                store.append_quantized(&taken)?;
            }
        }
        reports.push(ImportReport {
            found,
            added: fresh.len(),
            notices: std::mem::take(&mut notices),
        });
    }
    Ok(reports)
}

const IMPORT_LOG: &str = "imports.jsonl";

fn import_log(desk: &Path) -> PathBuf {
    memory_dir(desk).join(IMPORT_LOG)
}

fn log_error(path: &Path, source: &std::io::Error) -> MemoryError {
    MemoryError::Index {
        path: path.to_owned(),
        message: format!("the import log cannot be written ({source})"),
    }
}

/// Appends imported fact-checks to the desk's import log (`.claimdesk/memory/imports.jsonl`), one JSON
/// line each, and syncs it. The log is created even for none: an empty log says "nothing imported", so a
/// rebuild knows it lost nothing.
fn append_import_log(desk: &Path, entries: &[Indexed]) -> Result<(), MemoryError> {
    use std::io::Write as _;
    let path = import_log(desk);
    let mut lines = Vec::new();
    for indexed in entries {
        serde_json::to_writer(&mut lines, &indexed.entry)
            .map_err(|e| log_error(&path, &std::io::Error::other(e)))?;
        lines.push(b'\n');
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .map_err(|e| log_error(&path, &e))?;
    file.write_all(&lines).map_err(|e| log_error(&path, &e))?;
    file.sync_data().map_err(|e| log_error(&path, &e))
}

/// Opens the desk's index. A desk from before the import log gets one written from its index; an index
/// that cannot be opened (damaged, or of another version) is moved aside and rebuilt from the import log
/// and the review files, and the answer says so.
pub(super) fn open_desk_index(desk: &Path) -> Result<(MemoryIndex, Option<Notice>), MemoryError> {
    let folder = memory_dir(desk).join("index");
    match MemoryIndex::open_or_create(&folder) {
        Ok(index) => {
            if !import_log(desk).exists() {
                append_import_log(desk, &imported(index.entries_of_group(&Group::imports())?))?;
                return Ok((index, None));
            }
            // An index that holds fewer fact-checks than the log recorded lost them (its meta.json was
            // deleted, its folder emptied: tantivy then starts a fresh, empty index over the old
            // segments). Matching against it would answer "nothing" without a word: it is rebuilt.
            let held = index.count_group(&Group::imports())?;
            if log_lines(desk) > held {
                let logged = logged_keys(desk).len();
                if logged > held {
                    drop(index);
                    let report = rebuild(desk)?;
                    let index = MemoryIndex::open_or_create(&folder)?;
                    return Ok((
                        index,
                        Some(Notice::IndexIncomplete {
                            held,
                            logged,
                            imports: report.imports,
                        }),
                    ));
                }
            }
            Ok((index, None))
        }
        Err(error) => match rebuild(desk) {
            Ok(report) => {
                let index = MemoryIndex::open_or_create(&folder)?;
                Ok((
                    index,
                    Some(Notice::IndexRebuilt {
                        reason: error.to_string(),
                        imports: report.imports,
                        log_missing: report.log_missing,
                    }),
                ))
            }
            Err(_) => Err(error),
        },
    }
}

/// The number of lines of the desk's import log (one fact-check each), counted without reading them.
fn log_lines(desk: &Path) -> usize {
    std::fs::read(import_log(desk)).map_or(0, |bytes| memchr::memchr_iter(b'\n', &bytes).count())
}

/// The import keys of the fact-checks the desk's import log records, each once.
fn logged_keys(desk: &Path) -> HashSet<EntryKey> {
    let Ok(bytes) = std::fs::read(import_log(desk)) else {
        return HashSet::new();
    };
    bytes
        .split(|b| *b == b'\n')
        .filter(|line| !line.is_empty())
        .filter_map(|line| serde_json::from_slice::<Entry>(line).ok())
        .map(|entry| entry.import_key())
        .collect()
}

/// What [`rebuild`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RebuildReport {
    /// Imported fact-checks put back from the import log.
    pub imports: usize,
    /// Lines of the log that could not be read (left out).
    pub unreadable_lines: usize,
    /// The desk had no import log: fact-checks imported before it existed must be imported again.
    pub log_missing: bool,
}

/// Rebuilds the desk's memory index from its sources: the import log and the review files. The old index
/// folder is kept as `index.damaged` (the previous one of that name is removed), never deleted outright.
/// Vectors stay: they are keyed by what they were computed from.
///
/// # Errors
/// [`MemoryError::Index`] when the new index cannot be written.
pub fn rebuild(desk: &Path) -> Result<RebuildReport, MemoryError> {
    let _lock = layout::DeskLock::acquire(desk);
    let dir = memory_dir(desk);
    let folder = dir.join("index");
    let aside = dir.join("index.damaged");
    if folder.exists() {
        // Whatever lies there: a folder from an earlier rebuild, or a file of that name.
        let _ = std::fs::remove_dir_all(&aside);
        let _ = std::fs::remove_file(&aside);
        std::fs::rename(&folder, &aside).map_err(|e| MemoryError::Index {
            path: folder.clone(),
            message: format!("it cannot be moved aside to be rebuilt ({e})"),
        })?;
    }
    let _ = std::fs::remove_file(dir.join(MANIFEST));
    let mut report = RebuildReport::default();
    let mut entries = Vec::new();
    match std::fs::read(import_log(desk)) {
        Ok(bytes) => {
            for line in bytes.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
                match serde_json::from_slice::<Entry>(line) {
                    Ok(entry) => entries.push(entry),
                    Err(_) => report.unreadable_lines += 1,
                }
            }
        }
        Err(_) => report.log_missing = true,
    }
    let mut index = MemoryIndex::open_or_create(&folder)?;
    let fresh = not_yet_known(entries, &mut HashSet::new());
    report.imports = fresh.len();
    index.add(&fresh)?;
    if report.log_missing {
        append_import_log(desk, &[])?;
    }
    sync_reviews(desk, &mut index)?;
    Ok(report)
}

/// A stamp of what was imported into a desk's memory (its import log's size and time): it changes when a
/// `claimdesk memory import` (from any process) adds fact-checks, so a window can look again.
#[must_use]
pub fn import_stamp(desk: &Path) -> Option<(u64, u128)> {
    stamp(&import_log(desk))
}

fn stamp(path: &Path) -> Option<(u64, u128)> {
    let metadata = std::fs::metadata(path).ok()?;
    let modified = metadata
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    Some((metadata.len(), modified))
}

/// The review files of a desk (hidden folders skipped). A folder that is not a desk (no `.claimdesk/`) may be
/// a home or downloads folder: only its own files are looked at, not its subfolders.
pub(super) fn desk_reviews(desk: &Path) -> Vec<PathBuf> {
    let depth = if layout::data_dir(desk).is_dir() {
        usize::MAX
    } else {
        1
    };
    walkdir::WalkDir::new(desk)
        .max_depth(depth)
        .follow_links(false)
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
        })
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file() && layout::is_review_file(entry.path()))
        .map(walkdir::DirEntry::into_path)
        .collect()
}

/// Brings the desk index up to date with the desk's review files: changed files are re-read, removed ones
/// dropped. A review that cannot be read is left out (the desk table reports it).
pub(super) fn sync_reviews(
    desk: &Path,
    index: &mut MemoryIndex,
) -> Result<Vec<Indexed>, MemoryError> {
    let manifest_path = memory_dir(desk).join(MANIFEST);
    let mut manifest: Manifest = std::fs::read(&manifest_path)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    let mut seen = HashSet::new();
    let mut stale_groups = Vec::new();
    let mut fresh = Vec::new();
    for path in desk_reviews(desk) {
        let relative = layout::relative(desk, &path);
        seen.insert(relative.clone());
        let Some(stamp) = stamp(&path) else { continue };
        if manifest.reviews.get(&relative) == Some(&stamp) {
            continue;
        }
        let group = review_group(desk, &path);
        stale_groups.push(group.clone());
        manifest.reviews.insert(relative.clone(), stamp);
        if let Ok(review) = store::load(&path) {
            fresh.extend(entries_of_review(
                &review,
                &article_name(desk, &path),
                &group,
            ));
        }
    }
    let removed: Vec<String> = manifest
        .reviews
        .keys()
        .filter(|relative| !seen.contains(*relative))
        .cloned()
        .collect();
    for relative in removed {
        manifest.reviews.remove(&relative);
        stale_groups.push(Group::review_named(&relative));
    }
    if stale_groups.is_empty() {
        return Ok(fresh);
    }
    index.replace(&stale_groups, &fresh)?;
    if let Ok(bytes) = serde_json::to_vec(&manifest) {
        // The manifest only saves work: when it cannot be written, the next sync re-reads the reviews.
        let _ = store::write_atomic(&manifest_path, &bytes);
    }
    Ok(fresh)
}

/// How a review's claims name their source: the article beside the review, relative to the desk (the
/// review's own path when the article is gone).
pub(super) fn article_name(desk: &Path, review_path: &Path) -> String {
    let name = review_path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let stem = name
        .get(..name.len().saturating_sub(".review.json".len()))
        .unwrap_or_default();
    layout::ARTICLE_EXTENSIONS
        .iter()
        .map(|extension| review_path.with_file_name(format!("{stem}.{extension}")))
        .find(|article| article.is_file())
        .map_or_else(
            || layout::relative(desk, review_path),
            |article| layout::relative(desk, &article),
        )
}

/// Fact-checks as the index holds them.
pub(super) fn imported(entries: Vec<Entry>) -> Vec<Indexed> {
    entries
        .into_iter()
        .map(|entry| Indexed {
            key: entry.import_key(),
            group: Group::imports(),
            entry,
        })
        .collect()
}

/// The fact-checks whose key is not in `known` yet (each once), as the index holds them; their keys are
/// added to `known`.
pub(super) fn not_yet_known(entries: Vec<Entry>, known: &mut HashSet<EntryKey>) -> Vec<Indexed> {
    imported(entries)
        .into_iter()
        .filter(|indexed| known.insert(indexed.key.clone()))
        .collect()
}
