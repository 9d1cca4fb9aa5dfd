//! The claim memory: has this been checked before?
//!
//! The memory holds every claim with a verdict in a desk's reviews and the published fact-checks imported
//! into the desk (schema.org ClaimReview, see [`claimreview`]). It lives in `<desk>/.claimdesk/memory/`: a
//! tantivy index ([`index`]) and a manifest of which review files are in it, brought up to date whenever the
//! memory is opened. Review files and ClaimReview files can also be used directly, from an index in memory.
//!
//! [`Memory::match_claims`] finds, for each claim, the earlier claims that state the same fact or a related
//! one ([`compare`]). Nothing here knows about egui; the window runs it on a background thread.

pub mod claimreview;
pub mod compare;
pub mod feed;
pub mod grams;
pub mod index;
pub mod rating;
pub mod semantic;
pub mod terms;
pub mod vectors;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use serde::{Deserialize, Serialize};

pub use compare::{Comparison, Relation};
use compare::{WordWeights, compare};
pub use index::{Indexed, MemoryIndex};

use crate::article::{Language, sha256_hex};
use crate::encoder::{Encoder, Kind, Vector};
use crate::i18n::{InWords, Messages, value};
use crate::layout;
use crate::review::{Claim, Review, Verdict, store};
use vectors::{VectorStore, text_hash};

/// An earlier claim with its verdict: from a review of the desk, or an imported fact-check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The claim as it was checked.
    pub text: String,
    /// Its verdict.
    pub verdict: Verdict,
    /// The language the claim is written in.
    pub language: Language,
    /// Where it was checked: the review's article (relative to the desk) or the fact-check's publisher.
    pub source: String,
    /// The claim's id in its review (reviews only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_id: Option<String>,
    /// The published fact-check (imports only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was checked: the review's last save or the fact-check's publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_at: Option<String>,
    /// The publisher's rating as written (`Falsch`, `Mostly true`), for imports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<String>,
    /// The analyst's note or the fact-check's summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The fact-check's headline (imports only): it often says the claim in other words, which helps
    /// find it by meaning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

impl Entry {
    /// Identifies a fact-check by what it says, so importing it twice adds nothing.
    #[must_use]
    pub fn import_key(&self) -> String {
        let identity = serde_json::json!([
            self.text,
            self.verdict,
            self.rating,
            self.url,
            self.source,
            self.reviewed_at
        ]);
        let hash = sha256_hex(&identity.to_string());
        format!("import:{}", &hash[..32])
    }
}

/// What went wrong with the memory, naming the file.
#[derive(Debug, thiserror::Error)]
pub enum MemoryError {
    /// A file could not be read.
    #[error("{path}: cannot read it ({source}). Check the path and permissions.")]
    Read {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// Not JSON or JSON Lines.
    #[error(
        "{path}: line {line}, column {column}: not valid JSON ({message}). Nothing was imported from this file."
    )]
    Json {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's message.
        message: String,
    },
    /// A ClaimReview lacks what the memory needs.
    #[error("{path}: line {line}: {what}. Nothing was imported from this file.")]
    Field {
        /// The file.
        path: PathBuf,
        /// The line the document starts on.
        line: usize,
        /// Which ClaimReview and which field.
        what: String,
    },
    /// JSON without any ClaimReview.
    #[error(
        "{path}: no ClaimReview found (expected schema.org ClaimReview objects: one, an array, a @graph, a DataFeed or JSON Lines)."
    )]
    NoClaimReviews {
        /// The file.
        path: PathBuf,
    },
    /// Larger than any feed of fact-checks.
    #[error("{path}: is larger than {limit} bytes; split it and import the parts.")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The limit.
        limit: u64,
    },
    /// A review file could not be read.
    #[error(transparent)]
    Review(#[from] store::StoreError),
    /// A vector file could not be read or written.
    #[error(transparent)]
    Vectors(#[from] vectors::VectorError),
    /// The records carry vectors of another model than this claimdesk's.
    #[error(
        "{path}: its vectors come from the model {theirs}, this claimdesk's is {ours}. Nothing was imported from this file; import it with --recompute-vectors to compute them here."
    )]
    OtherModel {
        /// The file.
        path: PathBuf,
        /// The model the vectors come from.
        theirs: String,
        /// This claimdesk's model.
        ours: String,
    },
    /// The index could not be opened, read or written.
    #[error("claim memory index {path}: {message}")]
    Index {
        /// The index folder.
        path: PathBuf,
        /// What failed.
        message: String,
    },
}

impl InWords for MemoryError {
    fn in_words(&self, m: &Messages) -> String {
        match self {
            Self::Read { path, source } => m.format(
                "error-memory-read",
                &[
                    ("path", value::path(path)),
                    ("reason", value::io_reason(source, m)),
                ],
            ),
            Self::Json {
                path,
                line,
                column,
                message,
            } => m.format(
                "error-memory-json",
                &[
                    ("path", value::path(path)),
                    ("line", (*line).into()),
                    ("column", (*column).into()),
                    ("reason", value::text(message)),
                ],
            ),
            Self::Field { path, line, what } => m.format(
                "error-memory-field",
                &[
                    ("path", value::path(path)),
                    ("line", (*line).into()),
                    ("reason", value::text(what)),
                ],
            ),
            Self::NoClaimReviews { path } => {
                m.format("error-memory-none", &[("path", value::path(path))])
            }
            Self::TooLarge { path, limit } => m.format(
                "error-memory-too-large",
                &[("path", value::path(path)), ("limit", (*limit).into())],
            ),
            Self::Review(error) => error.in_words(m),
            Self::Vectors(vectors::VectorError::Io { path, source }) => m.format(
                "error-memory-vectors",
                &[
                    ("path", value::path(path)),
                    ("reason", value::io_reason(source, m)),
                ],
            ),
            Self::OtherModel { path, theirs, ours } => m.format(
                "error-memory-other-model",
                &[
                    ("path", value::path(path)),
                    ("theirs", value::text(theirs)),
                    ("ours", value::text(ours)),
                ],
            ),
            Self::Index { path, message } => m.format(
                "error-memory-index",
                &[
                    ("path", value::path(path)),
                    ("reason", value::text(message)),
                ],
            ),
        }
    }
}

/// The memory folder of a desk.
#[must_use]
pub fn memory_dir(desk: &Path) -> PathBuf {
    layout::data_dir(desk).join("memory")
}

const MANIFEST: &str = "reviews.json";

/// Which review files the desk index holds, and in which state.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    /// Relative path → size and modification time (ns since the epoch).
    reviews: BTreeMap<String, (u64, u128)>,
}

/// How many matches to report and how close they must be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MatchOptions {
    /// At most this many matches per claim.
    pub top: usize,
    /// Matches below this similarity are left out.
    pub min_similarity: f64,
}

impl Default for MatchOptions {
    fn default() -> Self {
        Self {
            top: 5,
            min_similarity: DEFAULT_MIN_SIMILARITY,
        }
    }
}

/// The default threshold: below it, claims share words but not a fact.
pub const DEFAULT_MIN_SIMILARITY: f64 = 0.5;

/// An earlier claim that matches a new one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    /// The earlier claim.
    #[serde(flatten)]
    pub entry: Entry,
    /// In 0..1.
    pub similarity: f64,
    /// Same fact or related.
    pub relation: Relation,
    /// Why, in English words.
    pub reason: String,
    /// Why, for the window to say in its language.
    #[serde(skip)]
    pub why: compare::Why,
}

/// The matches of one claim, best first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimMatches {
    /// The claim's id.
    pub claim_id: String,
    /// Byte offset of its start in the article.
    pub start: usize,
    /// Byte offset of its end.
    pub end: usize,
    /// The claim.
    pub text: String,
    /// Earlier claims, best first, each once.
    pub matches: Vec<Match>,
}

/// Earlier claims to match against: one or more indexes, each with the sentence vectors of its claims.
#[derive(Debug, Default)]
pub struct Memory {
    sources: Vec<Source>,
    /// Groups left out of matching (the review being matched, when it is in the desk).
    excluded: Vec<String>,
    /// The sentence encoder; `None` matches by words only.
    encoder: Option<&'static Encoder>,
    /// What the analyst should be told once: the encoder missing, a vector file repaired.
    notices: Vec<Notice>,
    /// Weights other than the shipped ones.
    scoring: Option<semantic::Scoring>,
}

/// One index with its vectors and the claims still waiting for one.
#[derive(Debug)]
struct Source {
    index: MemoryIndex,
    vectors: VectorStore,
    /// Claims without a vector of their present text: key and text, or key alone (its text is read from
    /// the index when it is embedded).
    pending: Vec<(String, Option<String>)>,
    /// The vector file new vectors are also written to for a source in RAM (the user's vector cache), so
    /// a file named on the command line is embedded once, not on every run.
    cache: Option<PathBuf>,
    /// How common each character n-gram is among the claims, read when first matched.
    grams: std::sync::OnceLock<grams::Frequencies>,
    /// The desk whose memory this is, when it is one on disk: its vectors are written under its lock.
    desk: Option<PathBuf>,
}

impl Source {
    fn new(
        index: MemoryIndex,
        vectors: VectorStore,
        pending: Vec<(String, Option<String>)>,
        cache: Option<PathBuf>,
    ) -> Self {
        Self {
            index,
            vectors,
            pending,
            cache,
            grams: std::sync::OnceLock::new(),
            desk: None,
        }
    }

    /// The n-gram frequencies of (a sample of) the claims this source holds.
    fn frequencies(&self) -> Result<&grams::Frequencies, MemoryError> {
        if let Some(frequencies) = self.grams.get() {
            return Ok(frequencies);
        }
        let texts: Vec<String> = self
            .index
            .sample(grams::SAMPLE)?
            .iter()
            .map(semantic::passage_text)
            .collect();
        Ok(self
            .grams
            .get_or_init(|| grams::Frequencies::of(texts.iter().map(String::as_str))))
    }
}

/// Something about the memory the analyst should hear once.
#[derive(Debug, Clone)]
pub enum Notice {
    /// The sentence encoder could not be loaded: matching uses words only.
    WordsOnly(&'static crate::encoder::EncoderError),
    /// The desk's index could not be opened and was rebuilt from the import log and the reviews.
    IndexRebuilt {
        /// Why it could not be opened.
        reason: String,
        /// Fact-checks put back from the log.
        imports: usize,
        /// There was no log (a desk from before it): earlier imports must be imported again.
        log_missing: bool,
    },
    /// The desk's index held fewer imported fact-checks than its import log recorded (its `meta.json` lost,
    /// its folder emptied) and was rebuilt from the log and the reviews.
    IndexIncomplete {
        /// Fact-checks the index still held.
        held: usize,
        /// Fact-checks the log records.
        logged: usize,
        /// Fact-checks put back.
        imports: usize,
    },
    /// A vector file was damaged or cut short; its sound part was kept and the rest will be embedded again.
    VectorsRepaired {
        /// The file.
        path: PathBuf,
        /// What was wrong.
        what: String,
    },
}

impl InWords for Notice {
    fn in_words(&self, m: &Messages) -> String {
        match self {
            Self::WordsOnly(error) => m.format(
                "memory-words-only",
                &[("reason", value::text(&error.in_words(m)))],
            ),
            Self::IndexRebuilt {
                reason,
                imports,
                log_missing,
            } => m.format(
                if *log_missing {
                    "memory-index-rebuilt-without-log"
                } else {
                    "memory-index-rebuilt"
                },
                &[
                    ("reason", value::text(reason)),
                    ("imports", (*imports).into()),
                ],
            ),
            Self::IndexIncomplete {
                held,
                logged,
                imports,
            } => m.format(
                "memory-index-incomplete",
                &[
                    ("held", (*held).into()),
                    ("logged", (*logged).into()),
                    ("imports", (*imports).into()),
                ],
            ),
            Self::VectorsRepaired { path, what } => m.format(
                "memory-vectors-repaired",
                &[("path", value::path(path)), ("reason", value::text(what))],
            ),
        }
    }
}

/// Up to this many claims without a vector are embedded as the memory opens (a few seconds); more are
/// left to [`Memory::embed_pending`], which reports progress and can be cancelled.
pub const EMBED_WHEN_OPENING: usize = 500;
/// Claims embedded and written per batch and thread: a killed build loses at most one batch.
const EMBED_BATCH: usize = 64;

/// Where vectors of claims from files named on the command line are kept: `CLAIMDESK_CACHE_DIR`, else
/// the user's cache folder.
#[must_use]
pub fn vector_cache_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("CLAIMDESK_CACHE_DIR") {
        return Some(PathBuf::from(dir));
    }
    std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache")))
        .map(|cache| cache.join("claimdesk"))
}

/// The vectors of one claim being matched: of the claim, and of its paragraph when it has one.
#[derive(Debug, Clone)]
struct QueryVectors {
    claim: Vector,
    context: Option<Vector>,
    /// The paragraph itself, for its words.
    context_text: Option<String>,
    /// The paragraph is a post: it weighs more (see [`semantic::Scoring::post_context_weight`]).
    post: bool,
}

/// The claims of a review that have a verdict, as memory entries.
#[must_use]
pub fn entries_of_review(review: &Review, source: &str, group: &str) -> Vec<Indexed> {
    review
        .claims
        .iter()
        .filter_map(|claim| {
            let verdict = claim.verdict?;
            Some(Indexed {
                key: format!("{group}#{}", claim.id),
                group: group.to_owned(),
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
pub fn review_group(desk: &Path, review_path: &Path) -> String {
    format!("review:{}", layout::relative(desk, review_path))
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
) -> Result<(Vec<Entry>, Vec<feed::Carried>), MemoryError> {
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
                feed::CarriedByText::of(carried, encoder.identity()).map_err(|theirs| {
                    MemoryError::OtherModel {
                        path: file.clone(),
                        theirs,
                        ours: encoder.identity().to_owned(),
                    }
                })?
            }
            _ => feed::CarriedByText::default(),
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
                    carried
                        .get(hash)
                        .map(|(scale, codes)| (indexed.key.clone(), hash, *scale, codes.clone()))
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
fn open_desk_index(desk: &Path) -> Result<(MemoryIndex, Option<Notice>), MemoryError> {
    let folder = memory_dir(desk).join("index");
    match MemoryIndex::open_or_create(&folder) {
        Ok(index) => {
            if !import_log(desk).exists() {
                append_import_log(desk, &imported(index.entries_of_group("import")?))?;
                return Ok((index, None));
            }
            // An index that holds fewer fact-checks than the log recorded lost them (its meta.json was
            // deleted, its folder emptied: tantivy then starts a fresh, empty index over the old
            // segments). Matching against it would answer "nothing" without a word: it is rebuilt.
            let held = index.count_group("import")?;
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
fn logged_keys(desk: &Path) -> HashSet<String> {
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
fn desk_reviews(desk: &Path) -> Vec<PathBuf> {
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
fn sync_reviews(desk: &Path, index: &mut MemoryIndex) -> Result<Vec<Indexed>, MemoryError> {
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
        stale_groups.push(format!("review:{relative}"));
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
fn article_name(desk: &Path, review_path: &Path) -> String {
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

impl Memory {
    /// An empty memory that matches by meaning when the sentence encoder can be loaded, by words
    /// otherwise (and says so once, see [`Memory::notices`]).
    #[must_use]
    pub fn new() -> Self {
        match crate::encoder::shared() {
            Ok(encoder) => Self {
                encoder: Some(encoder),
                ..Self::default()
            },
            Err(error) => Self {
                notices: vec![Notice::WordsOnly(error)],
                ..Self::default()
            },
        }
    }

    /// An empty memory that matches by words only.
    #[must_use]
    pub fn words_only() -> Self {
        Self::default()
    }

    /// Whether claims are matched by meaning.
    #[must_use]
    pub fn semantic(&self) -> bool {
        self.encoder.is_some()
    }

    /// What the analyst should be told about the memory (once): the encoder missing, a vector file
    /// repaired.
    #[must_use]
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// How many claims are still without a vector (they are matched by words until they have one).
    #[must_use]
    pub fn pending(&self) -> usize {
        self.sources.iter().map(|s| s.pending.len()).sum()
    }

    fn push_source(&mut self, source: Source) -> Result<(), MemoryError> {
        if let Some(damage) = &source.vectors.damage {
            self.notices.push(Notice::VectorsRepaired {
                path: source
                    .vectors
                    .path()
                    .map(Path::to_owned)
                    .unwrap_or_default(),
                what: damage.clone(),
            });
        }
        let small = source.pending.len() <= EMBED_WHEN_OPENING;
        self.sources.push(source);
        if small && self.encoder.is_some() {
            let last = self.sources.len() - 1;
            self.embed_source(last, &mut |_, _| true)?;
        }
        Ok(())
    }

    /// A source in RAM for these claims, with the vectors the user's cache already has.
    fn ram_source(&mut self, entries: &[Indexed], cached: bool) -> Result<Source, MemoryError> {
        let mut index = MemoryIndex::in_ram();
        index.add(entries)?;
        let mut vectors = VectorStore::in_ram();
        let mut pending = Vec::new();
        let Some(encoder) = self.encoder else {
            return Ok(Source::new(index, vectors, pending, None));
        };
        let cache = match vector_cache_dir().filter(|_| cached) {
            // The cache only saves time: without it, the claims are embedded in RAM.
            Some(dir) if !entries.is_empty() => VectorStore::open(&dir, encoder.identity()).ok(),
            _ => None,
        };
        for indexed in entries {
            let text = semantic::passage_text(&indexed.entry);
            let hash = text_hash(&text);
            let cached = cache
                .as_ref()
                .and_then(|store| store.vectors.row_of_text(hash).map(|row| (store, row)));
            match cached {
                Some((store, row)) => {
                    let (scale, codes) = store.vectors.quantized(row);
                    vectors
                        .vectors
                        .insert_quantized(&indexed.key, hash, scale, codes);
                }
                None => pending.push((indexed.key.clone(), Some(text))),
            }
        }
        Ok(Source::new(
            index,
            vectors,
            pending,
            cache.and_then(|store| store.path().map(Path::to_owned)),
        ))
    }

    /// Adds the desk's memory: its imported fact-checks and its reviews. In a desk (a folder with
    /// `.claimdesk/`) the index and vectors on disk are brought up to date first; in any other folder
    /// nothing is written there and the reviews are read into memory.
    ///
    /// # Errors
    /// [`MemoryError::Index`] when the desk's index is damaged or cannot be written.
    pub fn add_desk(&mut self, desk: &Path) -> Result<(), MemoryError> {
        if layout::data_dir(desk).is_dir() {
            let _lock = layout::DeskLock::acquire(desk);
            let (mut index, notice) = open_desk_index(desk)?;
            self.notices.extend(notice);
            let fresh = sync_reviews(desk, &mut index)?;
            let Some(encoder) = self.encoder else {
                return self.push_source(Source::new(
                    index,
                    VectorStore::in_ram(),
                    Vec::new(),
                    None,
                ));
            };
            let vectors = VectorStore::open(&memory_dir(desk), encoder.identity())?;
            let mut pending: Vec<(String, Option<String>)> = Vec::new();
            let mut queued = HashSet::new();
            for indexed in &fresh {
                let text = semantic::passage_text(&indexed.entry);
                if vectors
                    .vectors
                    .row_of(&indexed.key, text_hash(&text))
                    .is_none()
                {
                    queued.insert(indexed.key.clone());
                    pending.push((indexed.key.clone(), Some(text)));
                }
            }
            let mut missing: Vec<String> = index
                .keys()?
                .into_iter()
                .filter(|key| !vectors.vectors.has_key(key) && !queued.contains(key))
                .collect();
            missing.sort_unstable();
            pending.extend(missing.into_iter().map(|key| (key, None)));
            let mut source = Source::new(index, vectors, pending, None);
            source.desk = Some(desk.to_owned());
            return self.push_source(source);
        }
        let mut entries = Vec::new();
        for path in desk_reviews(desk) {
            if let Ok(review) = store::load(&path) {
                let group = review_group(desk, &path);
                entries.extend(entries_of_review(
                    &review,
                    &article_name(desk, &path),
                    &group,
                ));
            }
        }
        let source = self.ram_source(&entries, true)?;
        self.push_source(source)
    }

    /// Adds a memory path as the CLI takes it: a desk folder, a review file or a ClaimReview file.
    ///
    /// # Errors
    /// [`MemoryError`] when the path cannot be read or is neither.
    pub fn add_path(&mut self, path: &Path) -> Result<(), MemoryError> {
        if path.is_dir() {
            return self.add_desk(path);
        }
        if layout::is_review_file(path) {
            let review = store::load(path)?;
            let group = format!("review:{}", path.display());
            let folder = path.parent().unwrap_or(Path::new(""));
            let entries = entries_of_review(&review, &article_name(folder, path), &group);
            let source = self.ram_source(&entries, true)?;
            return self.push_source(source);
        }
        let indexed = imported(read_claim_reviews(path)?);
        let source = self.ram_source(&indexed, true)?;
        self.push_source(source)
    }

    /// Adds earlier claims held in memory only (fact-checks read elsewhere, tests); their vectors are
    /// not kept in the user's cache.
    ///
    /// # Errors
    /// [`MemoryError::Index`] when indexing fails.
    pub fn add_entries(&mut self, entries: Vec<Entry>) -> Result<(), MemoryError> {
        let source = self.ram_source(&imported(entries), false)?;
        self.push_source(source)
    }

    /// Embeds the claims still without a vector, a batch at a time, writing each batch before the next.
    /// `progress(done, total)` is called after each batch; when it returns `false` the work stops (what
    /// is done is kept, and the next call goes on from there). Returns how many claims were embedded.
    ///
    /// # Errors
    /// [`MemoryError`] when the index cannot be read or a vector file cannot be written.
    pub fn embed_pending(
        &mut self,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<usize, MemoryError> {
        let total = self.pending();
        let mut embedded = 0;
        for source in 0..self.sources.len() {
            let done_before = embedded;
            let mut forward = |done: usize, _: usize| progress(done_before + done, total);
            let (done, cancelled) = self.embed_source(source, &mut forward)?;
            embedded += done;
            if cancelled {
                break;
            }
        }
        Ok(embedded)
    }

    /// Embeds one source's pending claims; returns how many and whether it was cancelled.
    fn embed_source(
        &mut self,
        source: usize,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<(usize, bool), MemoryError> {
        let Some(encoder) = self.encoder else {
            return Ok((0, false));
        };
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        let source = &mut self.sources[source];
        // Another process may have embedded the same claims while this one waited: read what it wrote,
        // under the desk's lock, and embed only what is still missing (never a record twice).
        let _lock = source.desk.as_deref().map(layout::DeskLock::acquire);
        if let Some(desk) = &source.desk {
            source.vectors = VectorStore::open(&memory_dir(desk), encoder.identity())?;
            let vectors = &source.vectors;
            source.pending.retain(|(key, text)| match text {
                Some(text) => vectors.vectors.row_of(key, text_hash(text)).is_none(),
                None => !vectors.vectors.has_key(key),
            });
        }
        let total = source.pending.len();
        let mut done = 0;
        while !source.pending.is_empty() {
            let take = source.pending.len().min(EMBED_BATCH * threads);
            let batch: Vec<(String, Option<String>)> = source.pending.drain(..take).collect();
            let mut keyed = Vec::with_capacity(batch.len());
            for (key, text) in batch {
                let text = match text {
                    Some(text) => text,
                    None => match source.index.entry_by_key(&key)? {
                        Some(entry) => semantic::passage_text(&entry),
                        // Deleted since its key was listed.
                        None => continue,
                    },
                };
                keyed.push((key, text));
            }
            let texts: Vec<&str> = keyed.iter().map(|(_, text)| text.as_str()).collect();
            let vectors = encoder.embed_parallel(&texts, Kind::Passage, threads);
            let records: Vec<(String, u128, Vec<f32>)> = keyed
                .iter()
                .zip(vectors)
                .map(|((key, text), vector)| (key.clone(), text_hash(text), vector))
                .collect();
            source.vectors.append(&records)?;
            if let Some(cache) = &source.cache {
                let unkeyed: Vec<(String, u128, Vec<f32>)> = records
                    .into_iter()
                    .map(|(_, hash, vector)| (String::new(), hash, vector))
                    .collect();
                // The cache only saves time; a cache that cannot be written is not the analyst's problem.
                let _ = vectors::append_to_file(cache, &unkeyed);
            }
            done += take;
            if !progress(done, total) {
                return Ok((done, !source.pending.is_empty()));
            }
        }
        Ok((done, false))
    }

    /// Leaves the claims of this review file (in `desk`) out of matching: a review never matches itself.
    pub fn exclude_review(&mut self, desk: &Path, review_path: &Path) {
        self.excluded.push(review_group(desk, review_path));
        self.excluded
            .push(format!("review:{}", review_path.display()));
    }

    /// How many earlier claims the memory holds.
    #[must_use]
    pub fn len(&self) -> u64 {
        self.sources.iter().map(|s| s.index.len()).sum()
    }

    /// Whether the memory holds nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The vectors of claims to match (all at once: batches are faster than single texts).
    fn query_vectors(&self, claims: &[Asked<'_>]) -> Option<Vec<QueryVectors>> {
        let encoder = self.encoder?;
        if self.sources.iter().all(|s| s.vectors.vectors.is_empty()) {
            return None;
        }
        let mut folded: Vec<String> = Vec::new();
        for asked in claims {
            folded.push(semantic::encoder_text(asked.claim));
            if let Some(context) = asked.context {
                folded.push(semantic::encoder_text(context));
            }
        }
        let texts: Vec<&str> = folded.iter().map(String::as_str).collect();
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        let mut vectors = encoder
            .embed_parallel(&texts, Kind::Query, threads)
            .into_iter();
        Some(
            claims
                .iter()
                .map(|asked| QueryVectors {
                    claim: vectors.next().unwrap_or_default(),
                    context: asked.context.and_then(|_| vectors.next()),
                    context_text: asked.context.map(str::to_owned),
                    post: asked.post,
                })
                .collect(),
        )
    }

    /// The earlier claims that match each of `claims` (written in `language`), best first.
    ///
    /// # Errors
    /// [`MemoryError::Index`] when an index cannot be read.
    pub fn match_claims(
        &self,
        claims: &[Claim],
        language: Language,
        options: MatchOptions,
    ) -> Result<Vec<ClaimMatches>, MemoryError> {
        self.match_claims_in(claims, None, language, options)
    }

    /// The earlier claims that match each claim of a review, each read with its paragraph of the article.
    ///
    /// # Errors
    /// [`MemoryError::Index`] when an index cannot be read.
    pub fn match_review(
        &self,
        review: &Review,
        options: MatchOptions,
    ) -> Result<Vec<ClaimMatches>, MemoryError> {
        self.match_claims_in(
            &review.claims,
            Some(&review.article.text),
            review.article.language,
            options,
        )
    }

    /// The earlier claims that match each of `claims`, read with their paragraphs of `article` when given.
    ///
    /// # Errors
    /// [`MemoryError::Index`] when an index cannot be read.
    pub fn match_claims_in(
        &self,
        claims: &[Claim],
        article: Option<&str>,
        language: Language,
        options: MatchOptions,
    ) -> Result<Vec<ClaimMatches>, MemoryError> {
        let asked = asked_with_context(claims, article, self.scoring());
        let queries = if options.top == 0 {
            None
        } else {
            self.query_vectors(&asked)
        };
        claims
            .iter()
            .enumerate()
            .map(|(at, claim)| {
                Ok(ClaimMatches {
                    claim_id: claim.id.clone(),
                    start: claim.start,
                    end: claim.end,
                    text: claim.text.clone(),
                    matches: self.match_one(
                        &claim.text,
                        language,
                        queries.as_ref().map(|q| &q[at]),
                        options,
                    )?,
                })
            })
            .collect()
    }

    /// The earlier claims that match one claim text.
    ///
    /// # Errors
    /// [`MemoryError::Index`] when an index cannot be read.
    pub fn match_text(
        &self,
        text: &str,
        language: Language,
        options: MatchOptions,
    ) -> Result<Vec<Match>, MemoryError> {
        let query = if options.top == 0 {
            None
        } else {
            self.query_vectors(&[Asked {
                claim: text,
                context: None,
                post: false,
            }])
        };
        self.match_one(
            text,
            language,
            query.as_ref().and_then(|q| q.first()),
            options,
        )
    }

    fn is_excluded(&self, key: &str) -> bool {
        self.excluded.iter().any(|group| {
            key.strip_prefix(group.as_str())
                .is_some_and(|rest| rest.starts_with('#'))
        })
    }

    /// The candidates of one claim with what scores them: BM25's best and the vectors' nearest, each once.
    fn candidates(
        &self,
        text: &str,
        analysis: &terms::Analysis,
        language: Language,
        query: Option<&QueryVectors>,
        top: usize,
    ) -> Result<Vec<Candidate>, MemoryError> {
        let scoring = self.scoring();
        let mut found = Vec::new();
        let mut seen = HashSet::new();
        for source in &self.sources {
            let mut hits: Vec<(Entry, f32)> = Vec::new();
            if !analysis.is_empty() {
                let mut tokens = analysis.tokens();
                for word in &analysis.words {
                    if let Some(parts) =
                        terms::known_parts(language, word, &|stem| source.index.knows(stem))
                    {
                        tokens.extend(parts);
                    }
                }
                let limit = if query.is_some() {
                    scoring.word_candidates.max(top)
                } else {
                    (top * 3).max(15)
                };
                for hit in source.index.search(&tokens, limit, &self.excluded)? {
                    hits.push((hit.entry, hit.score));
                }
            }
            // The paragraph's words find what the claim alone does not name.
            let mut context_hits: Vec<(Entry, f32)> = Vec::new();
            if let Some(context) = query.and_then(|q| q.context_text.as_deref()) {
                let tokens = terms::analyse(context, language).tokens();
                context_hits = source
                    .index
                    .search(&tokens, scoring.word_candidates, &self.excluded)?
                    .into_iter()
                    .map(|hit| (hit.entry, hit.score))
                    .collect();
            }
            let store = &source.vectors.vectors;
            if let Some(q) = query {
                let blended = scoring.query_vector(&q.claim, q.context.as_deref(), q.post);
                let accept = |row: vectors::Row| !self.is_excluded(store.key(row));
                for (row, _) in store.nearest(&blended, scoring.vector_candidates, &accept) {
                    if let Some(entry) = source.index.entry_by_key(store.key(row))? {
                        hits.push((entry, 0.0));
                    }
                }
            }
            let best_bm25 = hits.iter().map(|c| c.1).fold(0.0f32, f32::max);
            let identity = |entry: &Entry| {
                (
                    entry.text.clone(),
                    entry.source.clone(),
                    entry.claim_id.clone(),
                    entry.verdict,
                )
            };
            let mut bm25_of = HashMap::new();
            for (entry, score) in &hits {
                let best: &mut f32 = bm25_of.entry(identity(entry)).or_insert(0.0);
                *best = best.max(*score);
            }
            let best_context_bm25 = context_hits.iter().map(|c| c.1).fold(0.0f32, f32::max);
            let mut context_bm25_of = HashMap::new();
            for (entry, score) in &context_hits {
                let best: &mut f32 = context_bm25_of.entry(identity(entry)).or_insert(0.0);
                *best = best.max(*score);
            }
            hits.extend(context_hits.into_iter().map(|(entry, _)| (entry, 0.0)));
            let weights = IndexWeights::new(&source.index);
            // N-grams only score what the encoder scores too: without vectors a match is by words alone.
            let gram_queries = match query {
                Some(q) => {
                    let frequencies = source.frequencies()?;
                    Some((
                        frequencies,
                        frequencies.weights(text),
                        q.context_text.as_deref().map(|c| frequencies.weights(c)),
                    ))
                }
                None => None,
            };
            for (entry, _) in hits {
                let id = identity(&entry);
                let bm25 = bm25_of.get(&id).copied().unwrap_or(0.0);
                let context_bm25 = context_bm25_of.get(&id).copied();
                if !seen.insert(id) {
                    continue;
                }
                let earlier = terms::analyse(&entry.text, entry.language);
                let comparison = compare(analysis, &earlier, language, &weights);
                let row = store.row_of_text(text_hash(&semantic::passage_text(&entry)));
                let features = match (query, row, &gram_queries) {
                    (Some(q), Some(row), Some((frequencies, claim_grams, context_grams))) => {
                        let earlier_grams = frequencies.weights(&semantic::passage_text(&entry));
                        Some(semantic::Features {
                            cross_language: semantic::languages_differ(language, entry.language),
                            claim_cosine: f64::from(store.cosine(row, &q.claim)),
                            context_cosine: q
                                .context
                                .as_ref()
                                .map(|c| f64::from(store.cosine(row, c))),
                            post: q.post,
                            claim_grams: claim_grams.similarity(&earlier_grams),
                            context_grams: context_grams
                                .as_ref()
                                .map(|c| c.similarity(&earlier_grams)),
                            bm25: share(bm25, best_bm25),
                            context_bm25: q
                                .context_text
                                .as_ref()
                                .map(|_| share(context_bm25.unwrap_or(0.0), best_context_bm25)),
                            lexical: comparison.similarity,
                        })
                    }
                    _ => None,
                };
                found.push(Candidate {
                    entry,
                    earlier,
                    comparison,
                    features,
                });
            }
        }
        Ok(found)
    }

    fn scoring(&self) -> &semantic::Scoring {
        self.scoring.as_ref().unwrap_or(&semantic::SCORING)
    }

    /// Uses other weights than the shipped ones (to fit and measure them).
    pub fn set_scoring(&mut self, scoring: semantic::Scoring) {
        self.scoring = Some(scoring);
    }

    /// Every candidate of each claim with the features that score it (`None`: matched by words only), for
    /// fitting the weights and explaining a rank.
    ///
    /// # Errors
    /// [`MemoryError::Index`] when an index cannot be read.
    pub fn explain_claims(
        &self,
        claims: &[Claim],
        article: Option<&str>,
        language: Language,
    ) -> Result<Vec<Explained>, MemoryError> {
        let asked = asked_with_context(claims, article, self.scoring());
        let queries = self.query_vectors(&asked);
        claims
            .iter()
            .enumerate()
            .map(|(at, claim)| {
                let analysis = terms::analyse(&claim.text, language);
                Ok(self
                    .candidates(
                        &claim.text,
                        &analysis,
                        language,
                        queries.as_ref().map(|q| &q[at]),
                        5,
                    )?
                    .into_iter()
                    .map(|c| (c.entry, c.features))
                    .collect())
            })
            .collect()
    }

    fn match_one(
        &self,
        text: &str,
        language: Language,
        query: Option<&QueryVectors>,
        options: MatchOptions,
    ) -> Result<Vec<Match>, MemoryError> {
        let analysis = terms::analyse(text, language);
        if (analysis.is_empty() && query.is_none()) || options.top == 0 {
            return Ok(Vec::new());
        }
        let scoring = self.scoring();
        let mut matches: Vec<(f64, Match)> = Vec::new();
        for candidate in self.candidates(text, &analysis, language, query, options.top)? {
            let Candidate {
                entry,
                earlier,
                comparison,
                features,
            } = candidate;
            let (rank, why) = match (features, self.encoder) {
                (Some(features), Some(encoder)) => {
                    let rank = scoring.rank(scoring.score(&features));
                    let why = semantic::decide(
                        &comparison,
                        &analysis,
                        &earlier,
                        features.cross_language,
                        rank.clamp(0.0, 1.0),
                        features.claim_cosine,
                        encoder,
                        scoring,
                    );
                    (rank, why)
                }
                _ => (comparison.similarity, comparison.why.clone()),
            };
            // 1 is kept for the same text: a restatement, however close, stays just below.
            let identical = entry.text.trim().eq_ignore_ascii_case(text.trim());
            let similarity = if identical {
                rank.clamp(0.0, 1.0)
            } else {
                rank.clamp(0.0, 0.999)
            };
            if similarity < options.min_similarity {
                continue;
            }
            matches.push((
                rank,
                Match {
                    entry,
                    similarity: (similarity * 1000.0).round() / 1000.0,
                    relation: why.relation(),
                    reason: why.english(),
                    why,
                },
            ));
        }
        // By the unrounded, unclamped score: two matches that both show 1.0 still have an order. Equal
        // scores (one fact-check published twice, by two sites or in two quote styles) put the newer
        // check first, then go by a hash of the fact-check: never by where it stands in its file, which
        // says nothing about it (and a benchmark's file lists its answers first).
        matches.sort_by(|(a_rank, a), (b_rank, b)| {
            b_rank
                .total_cmp(a_rank)
                .then_with(|| {
                    (a.relation == Relation::Related).cmp(&(b.relation == Relation::Related))
                })
                .then_with(|| b.entry.reviewed_at.cmp(&a.entry.reviewed_at))
                .then_with(|| a.entry.import_key().cmp(&b.entry.import_key()))
        });
        matches.truncate(options.top);
        Ok(matches.into_iter().map(|(_, found)| found).collect())
    }
}

/// The candidates of one claim with their features (`None`: matched by words only).
pub type Explained = Vec<(Entry, Option<semantic::Features>)>;

/// Fact-checks as the index holds them.
fn imported(entries: Vec<Entry>) -> Vec<Indexed> {
    entries
        .into_iter()
        .map(|entry| Indexed {
            key: entry.import_key(),
            group: "import".to_owned(),
            entry,
        })
        .collect()
}

/// The fact-checks whose key is not in `known` yet (each once), as the index holds them; their keys are
/// added to `known`.
fn not_yet_known(entries: Vec<Entry>, known: &mut HashSet<String>) -> Vec<Indexed> {
    imported(entries)
        .into_iter()
        .filter(|indexed| known.insert(indexed.key.clone()))
        .collect()
}

/// A BM25 score as a share of the best candidate's (0 when nothing scored).
fn share(score: f32, best: f32) -> f64 {
    if best > 0.0 {
        f64::from(score / best)
    } else {
        0.0
    }
}

/// A candidate of one claim.
struct Candidate {
    entry: Entry,
    earlier: terms::Analysis,
    comparison: Comparison,
    features: Option<semantic::Features>,
}

/// A claim to match, with its paragraph of the article when it has one.
struct Asked<'a> {
    claim: &'a str,
    context: Option<&'a str>,
    /// The paragraph is a post (the whole text, short).
    post: bool,
}

/// Each claim's text with its paragraph of the article, when it has one.
fn asked_with_context<'a>(
    claims: &'a [Claim],
    article: Option<&'a str>,
    scoring: &semantic::Scoring,
) -> Vec<Asked<'a>> {
    claims
        .iter()
        .map(|claim| {
            let context =
                article.and_then(|text| semantic::paragraph_around(text, claim.start, claim.end));
            Asked {
                claim: claim.text.as_str(),
                context,
                post: context
                    .zip(article)
                    .is_some_and(|(paragraph, text)| scoring.is_post(paragraph, text)),
            }
        })
        .collect()
}

/// Word weights from an index's document frequencies: rare words tell claims apart better than common ones.
/// Small memories say little about frequency, so their words weigh the same.
struct IndexWeights<'a> {
    index: &'a MemoryIndex,
    size: u64,
    cache: std::cell::RefCell<HashMap<String, f64>>,
}

impl<'a> IndexWeights<'a> {
    fn new(index: &'a MemoryIndex) -> Self {
        Self {
            index,
            size: index.len(),
            cache: std::cell::RefCell::new(HashMap::new()),
        }
    }
}

/// Below this many claims, word frequencies are noise.
const MIN_CLAIMS_FOR_WEIGHTS: u64 = 200;

impl WordWeights for IndexWeights<'_> {
    #[expect(clippy::cast_precision_loss, reason = "counts far below 2^52")]
    fn factor(&self, token: &str) -> f64 {
        if self.size < MIN_CLAIMS_FOR_WEIGHTS {
            return 1.0;
        }
        if let Some(&factor) = self.cache.borrow().get(token) {
            return factor;
        }
        let (df, n) = self.index.frequency(token);
        let idf = ((n as f64 + 1.0) / (df as f64 + 1.0)).ln() / (n as f64 + 1.0).ln();
        let factor = 0.5 + idf.clamp(0.0, 1.0);
        self.cache.borrow_mut().insert(token.to_owned(), factor);
        factor
    }
}
