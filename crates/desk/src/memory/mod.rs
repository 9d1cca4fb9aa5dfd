//! The claim memory: has this been checked before?
//!
//! The memory holds every claim with a verdict in a desk's reviews and the published fact-checks imported
//! into the desk (schema.org ClaimReview, see [`claimreview`]). It lives in `<desk>/.claimdesk/memory/`: a
//! tantivy index ([`index`]) and a manifest of which review files are in it, brought up to date whenever the
//! memory is opened. Review files and ClaimReview files can also be used directly, from an index in memory.
//!
//! [`Memory::match_claims`] finds, for each claim, the earlier claims that state the same fact or a related
//! one ([`compare`]). Nothing here knows about egui; the window runs it on a background thread.

pub mod carried;
pub mod claimreview;
pub mod compare;
pub mod feed;
pub mod grams;
pub mod index;
pub mod keys;
mod query;
pub mod rating;
pub mod semantic;
mod storage;
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
pub use keys::{EntryKey, Group};
pub use query::Explained;
pub use storage::{
    CarriedVectors, ImportReport, MAX_IMPORT_BYTES, RebuildReport, entries_of_review, import,
    import_stamp, import_with, read_claim_reviews, read_claim_reviews_carrying, rebuild,
    review_group,
};
use storage::{article_name, desk_reviews, imported, open_desk_index, sync_reviews};

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
    pub fn import_key(&self) -> EntryKey {
        let identity = serde_json::json!([
            self.text,
            self.verdict,
            self.rating,
            self.url,
            self.source,
            self.reviewed_at
        ]);
        EntryKey::import(&sha256_hex(&identity.to_string()))
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
    excluded: Vec<Group>,
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
    pending: Vec<(EntryKey, Option<String>)>,
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
        pending: Vec<(EntryKey, Option<String>)>,
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
                        .insert_quantized(indexed.key.as_str(), hash, scale, codes);
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
            let mut pending: Vec<(EntryKey, Option<String>)> = Vec::new();
            let mut queued = HashSet::new();
            for indexed in &fresh {
                let text = semantic::passage_text(&indexed.entry);
                if vectors
                    .vectors
                    .row_of(indexed.key.as_str(), text_hash(&text))
                    .is_none()
                {
                    queued.insert(indexed.key.clone());
                    pending.push((indexed.key.clone(), Some(text)));
                }
            }
            let mut missing: Vec<EntryKey> = index
                .keys()?
                .into_iter()
                .filter(|key| !vectors.vectors.has_key(key.as_str()) && !queued.contains(key))
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
            let group = Group::review_named(&path.display().to_string());
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
                Some(text) => vectors
                    .vectors
                    .row_of(key.as_str(), text_hash(text))
                    .is_none(),
                None => !vectors.vectors.has_key(key.as_str()),
            });
        }
        let total = source.pending.len();
        let mut done = 0;
        while !source.pending.is_empty() {
            let take = source.pending.len().min(EMBED_BATCH * threads);
            let batch: Vec<(EntryKey, Option<String>)> = source.pending.drain(..take).collect();
            let mut keyed = Vec::with_capacity(batch.len());
            for (key, text) in batch {
                let text = match text {
                    Some(text) => text,
                    None => match source.index.entry_by_key(key.as_str())? {
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
                .map(|((key, text), vector)| (key.as_str().to_owned(), text_hash(text), vector))
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
        self.excluded.push(Group::review(desk, review_path));
        self.excluded
            .push(Group::review_named(&review_path.display().to_string()));
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
}
