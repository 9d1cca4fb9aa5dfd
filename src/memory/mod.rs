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
pub mod index;
pub mod rating;
pub mod terms;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use serde::{Deserialize, Serialize};

pub use compare::{Comparison, Relation};
use compare::{WordWeights, compare};
pub use index::{Indexed, MemoryIndex};

use crate::article::{Language, sha256_hex};
use crate::i18n::{InWords, Messages, value};
use crate::layout;
use crate::review::{Claim, Review, Verdict, store};

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

/// Earlier claims to match against: one or more indexes.
#[derive(Debug, Default)]
pub struct Memory {
    sources: Vec<MemoryIndex>,
    /// Groups left out of matching (the review being matched, when it is in the desk).
    excluded: Vec<String>,
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Fact-checks found in the file.
    pub found: usize,
    /// Of those, new to the memory.
    pub added: usize,
}

/// ClaimReview files larger than this are refused (a feed of a million fact-checks is far smaller): split a
/// larger one, or import it as several files.
pub const MAX_IMPORT_BYTES: u64 = 1024 * 1024 * 1024;

/// Reads a ClaimReview file whole.
///
/// # Errors
/// [`MemoryError`] naming the file, line and field.
pub fn read_claim_reviews(path: &Path) -> Result<Vec<Entry>, MemoryError> {
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
    claimreview::parse(text.trim_start_matches('\u{feff}'), path)
}

/// Imports ClaimReview files into the desk's memory. Each file is read whole before anything is written; a
/// fact-check already in the memory (the same file imported twice) is not added again.
///
/// # Errors
/// The first file that cannot be read or is malformed; files before it are imported.
pub fn import(desk: &Path, files: &[PathBuf]) -> Result<Vec<ImportReport>, MemoryError> {
    let mut index = MemoryIndex::open_or_create(&memory_dir(desk).join("index"))?;
    let mut known = index.keys()?;
    let mut reports = Vec::new();
    for file in files {
        let entries = read_claim_reviews(file)?;
        let found = entries.len();
        let fresh: Vec<Indexed> = entries
            .into_iter()
            .filter_map(|entry| {
                let key = entry.import_key();
                known.insert(key.clone()).then(|| Indexed {
                    key,
                    group: "import".to_owned(),
                    entry,
                })
            })
            .collect();
        index.add(&fresh)?;
        reports.push(ImportReport {
            found,
            added: fresh.len(),
        });
    }
    Ok(reports)
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
fn sync_reviews(desk: &Path, index: &mut MemoryIndex) -> Result<(), MemoryError> {
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
        return Ok(());
    }
    index.replace(&stale_groups, &fresh)?;
    if let Ok(bytes) = serde_json::to_vec(&manifest) {
        // The manifest only saves work: when it cannot be written, the next sync re-reads the reviews.
        let _ = store::write_atomic(&manifest_path, &bytes);
    }
    Ok(())
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
    /// An empty memory.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the desk's memory: its imported fact-checks and its reviews. In a desk (a folder with
    /// `.claimdesk/`) the index on disk is brought up to date first; in any other folder nothing is written
    /// and the reviews are read into memory.
    ///
    /// # Errors
    /// [`MemoryError::Index`] when the desk's index is damaged or cannot be written.
    pub fn add_desk(&mut self, desk: &Path) -> Result<(), MemoryError> {
        if layout::data_dir(desk).is_dir() {
            let mut index = MemoryIndex::open_or_create(&memory_dir(desk).join("index"))?;
            sync_reviews(desk, &mut index)?;
            self.sources.push(index);
            return Ok(());
        }
        let mut index = MemoryIndex::in_ram();
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
        index.add(&entries)?;
        self.sources.push(index);
        Ok(())
    }

    /// Adds a memory path as the CLI takes it: a desk folder, a review file or a ClaimReview file.
    ///
    /// # Errors
    /// [`MemoryError`] when the path cannot be read or is neither.
    pub fn add_path(&mut self, path: &Path) -> Result<(), MemoryError> {
        if path.is_dir() {
            return self.add_desk(path);
        }
        let mut index = MemoryIndex::in_ram();
        if layout::is_review_file(path) {
            let review = store::load(path)?;
            let group = format!("review:{}", path.display());
            let folder = path.parent().unwrap_or(Path::new(""));
            index.add(&entries_of_review(
                &review,
                &article_name(folder, path),
                &group,
            ))?;
        } else {
            return self.add_entries(read_claim_reviews(path)?);
        }
        self.sources.push(index);
        Ok(())
    }

    /// Adds earlier claims held in memory only (fact-checks read elsewhere, tests).
    ///
    /// # Errors
    /// [`MemoryError::Index`] when indexing fails.
    pub fn add_entries(&mut self, entries: Vec<Entry>) -> Result<(), MemoryError> {
        let mut index = MemoryIndex::in_ram();
        let indexed: Vec<Indexed> = entries
            .into_iter()
            .map(|entry| Indexed {
                key: entry.import_key(),
                group: "import".to_owned(),
                entry,
            })
            .collect();
        index.add(&indexed)?;
        self.sources.push(index);
        Ok(())
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
        self.sources.iter().map(MemoryIndex::len).sum()
    }

    /// Whether the memory holds nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
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
        claims
            .iter()
            .map(|claim| {
                Ok(ClaimMatches {
                    claim_id: claim.id.clone(),
                    start: claim.start,
                    end: claim.end,
                    text: claim.text.clone(),
                    matches: self.match_text(&claim.text, language, options)?,
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
        let analysis = terms::analyse(text, language);
        if analysis.is_empty() || options.top == 0 {
            return Ok(Vec::new());
        }
        let mut matches: Vec<Match> = Vec::new();
        let mut seen = HashSet::new();
        for source in &self.sources {
            let mut tokens = analysis.tokens();
            for word in &analysis.words {
                if let Some(parts) = terms::known_parts(language, word, &|stem| source.knows(stem))
                {
                    tokens.extend(parts);
                }
            }
            let limit = (options.top * 3).max(15);
            let weights = IndexWeights::new(source);
            for hit in source.search(&tokens, limit, &self.excluded)? {
                let identity = (
                    hit.entry.text.clone(),
                    hit.entry.source.clone(),
                    hit.entry.claim_id.clone(),
                    hit.entry.verdict,
                );
                if !seen.insert(identity) {
                    continue;
                }
                let earlier = terms::analyse(&hit.entry.text, hit.entry.language);
                let comparison = compare(&analysis, &earlier, language, &weights);
                if comparison.similarity < options.min_similarity {
                    continue;
                }
                matches.push(Match {
                    entry: hit.entry,
                    similarity: (comparison.similarity * 1000.0).round() / 1000.0,
                    relation: comparison.relation(),
                    reason: comparison.reason(),
                    why: comparison.why,
                });
            }
        }
        matches.sort_by(|a, b| {
            b.similarity.total_cmp(&a.similarity).then_with(|| {
                (a.relation == Relation::Related).cmp(&(b.relation == Relation::Related))
            })
        });
        matches.truncate(options.top);
        Ok(matches)
    }
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
