//! What extraction found in articles that have no review yet, kept in `<desk>/.claimdesk/cache/` so a desk
//! of thousands reopens at once.
//!
//! Extraction by words (`cache/`) and by meaning (`cache-meaning/`, the window's) are kept apart.
//! `summaries.json` holds one line of the desk table per article, valid while the file's size and
//! modification time are what they were. The claims themselves are stored by the SHA-256 of the article
//! text (`claims/<sha256>.json`), so a renamed or copied article is not extracted again. The cache is only
//! ever a copy: deleting `.claimdesk/` loses nothing, and a damaged cache file is ignored and rebuilt.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::scan::ArticleFile;
use crate::article::Language;
use crate::review::{Claim, Review, store};

/// Bumped when what the cache holds changes meaning; together with the claimdesk version and the score
/// threshold it decides whether a cache file can be used.
const CACHE_FORMAT: u32 = 3;

/// What the desk table shows of an article without a review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// File size when extracted.
    pub size: u64,
    /// Modification time when extracted: seconds and nanoseconds since the Unix epoch.
    pub modified: Option<(u64, u32)>,
    /// SHA-256 of the decoded article text.
    pub sha256: String,
    /// The headline.
    pub title: Option<String>,
    /// The language extraction used.
    pub language: Language,
    /// The publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// How many claims were found.
    pub claims: usize,
}

impl Summary {
    /// The summary of a freshly extracted review of `file`.
    #[must_use]
    pub fn of(file: &ArticleFile, review: &Review) -> Self {
        Self {
            size: file.size,
            modified: file.modified.and_then(timestamp),
            sha256: review.article.sha256.clone(),
            title: review.article.title.clone(),
            language: review.article.language,
            published: review.article.published.clone(),
            claims: review.claims.len(),
        }
    }
}

fn timestamp(time: SystemTime) -> Option<(u64, u32)> {
    let since = time.duration_since(UNIX_EPOCH).ok()?;
    Some((since.as_secs(), since.subsec_nanos()))
}

#[derive(Debug, Serialize, Deserialize)]
struct CacheFile {
    format: u32,
    generator: String,
    min_score: f64,
    entries: BTreeMap<String, Summary>,
}

/// The summaries of a desk, read once and written back when something changed.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    min_score: f64,
    entries: BTreeMap<String, Summary>,
    changed: bool,
}

fn generator() -> String {
    concat!("claimdesk ", env!("CARGO_PKG_VERSION")).to_owned()
}

impl Cache {
    /// The cache of `desk` for extraction at `min_score` by `scorer`; empty when there is none or it is
    /// unusable. Each scorer has a folder of its own (`cache/` for words, `cache-meaning/`): the command
    /// line's bulk reading and the window's reading by meaning find other claims.
    #[must_use]
    pub fn open(desk: &Path, min_score: f64, scorer: crate::extract::Scorer) -> Self {
        let folder = match scorer {
            crate::extract::Scorer::Words => "cache",
            crate::extract::Scorer::Meaning => "cache-meaning",
        };
        let dir = super::data_dir(desk).join(folder);
        let entries = std::fs::read(dir.join("summaries.json"))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<CacheFile>(&bytes).ok())
            .filter(|file| {
                file.format == CACHE_FORMAT
                    && file.generator == generator()
                    && (file.min_score - min_score).abs() < f64::EPSILON
            })
            .map(|file| file.entries)
            .unwrap_or_default();
        Self {
            dir,
            min_score,
            entries,
            changed: false,
        }
    }

    /// The summary of `file`, when the file has not changed since it was made.
    #[must_use]
    pub fn get(&self, file: &ArticleFile) -> Option<&Summary> {
        self.entries.get(&file.relative).filter(|summary| {
            summary.size == file.size && summary.modified == file.modified.and_then(timestamp)
        })
    }

    /// Records `summary` for `file`.
    pub fn put(&mut self, file: &ArticleFile, summary: Summary) {
        if self.entries.get(&file.relative) != Some(&summary) {
            self.entries.insert(file.relative.clone(), summary);
            self.changed = true;
        }
    }

    /// Forgets articles that are no longer on the desk.
    pub fn retain(&mut self, files: &[ArticleFile]) {
        let present: std::collections::HashSet<&str> =
            files.iter().map(|f| f.relative.as_str()).collect();
        let before = self.entries.len();
        self.entries
            .retain(|path, _| present.contains(path.as_str()));
        self.changed |= self.entries.len() != before;
    }

    /// Writes the summaries back if anything changed (atomically, like every file claimdesk writes).
    ///
    /// # Errors
    /// When `.claimdesk/cache` cannot be created or written.
    pub fn save(&mut self) -> Result<(), store::StoreError> {
        if !self.changed {
            return Ok(());
        }
        self.create_dir()?;
        let file = CacheFile {
            format: CACHE_FORMAT,
            generator: generator(),
            min_score: self.min_score,
            entries: std::mem::take(&mut self.entries),
        };
        let result = store::write_atomic_with(&self.dir.join("summaries.json"), |writer| {
            serde_json::to_writer(&mut *writer, &file).map_err(std::io::Error::from)
        });
        self.entries = file.entries;
        if result.is_ok() {
            self.changed = false;
        }
        result
    }

    fn create_dir(&self) -> Result<(), store::StoreError> {
        std::fs::create_dir_all(self.dir.join("claims")).map_err(|source| store::StoreError::Io {
            path: self.dir.clone(),
            action: "creating",
            source,
        })
    }

    fn claims_path(&self, sha256: &str) -> Option<PathBuf> {
        // The name comes from our own hash; anything else must never become a path.
        (sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| self.dir.join("claims").join(format!("{sha256}.json")))
    }

    /// Keeps the claims of an article text.
    ///
    /// # Errors
    /// When the cache folder cannot be written.
    pub fn put_claims(&self, sha256: &str, claims: &[Claim]) -> Result<(), store::StoreError> {
        let Some(path) = self.claims_path(sha256) else {
            return Ok(());
        };
        self.create_dir()?;
        store::write_atomic_with(&path, |writer| {
            serde_json::to_writer(&mut *writer, claims).map_err(std::io::Error::from)
        })
    }

    /// The claims kept for an article text, if any.
    #[must_use]
    pub fn claims(&self, sha256: &str) -> Option<Vec<Claim>> {
        let bytes = std::fs::read(self.claims_path(sha256)?).ok()?;
        serde_json::from_slice(&bytes).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::scan;
    use crate::extract::Scorer;

    #[test]
    fn summaries_survive_a_reopen_and_expire_when_the_file_changes() {
        let desk = tempfile::tempdir().unwrap();
        let article = desk.path().join("a.txt");
        std::fs::write(&article, "Die Stadt zahlte 2024 rund 3 Millionen Euro.").unwrap();
        let file = scan(desk.path()).pop().unwrap();
        let review = crate::extract::new_review(
            crate::article::load_path(&article, crate::article::LoadOptions::default())
                .unwrap()
                .article,
            &crate::extract::ExtractOptions::default(),
            &mut |_| {},
        );
        let mut cache = Cache::open(desk.path(), 0.35, Scorer::Words);
        assert!(cache.get(&file).is_none());
        cache.put(&file, Summary::of(&file, &review));
        cache
            .put_claims(&review.article.sha256, &review.claims)
            .unwrap();
        cache.save().unwrap();

        let reopened = Cache::open(desk.path(), 0.35, Scorer::Words);
        assert_eq!(reopened.get(&file).unwrap().claims, review.claims.len());
        assert_eq!(
            reopened.claims(&review.article.sha256).unwrap(),
            review.claims
        );
        assert!(
            Cache::open(desk.path(), 0.5, Scorer::Words)
                .get(&file)
                .is_none(),
            "another threshold, other claims"
        );

        std::fs::write(&article, "Ganz anderer, längerer Text mit 5 Zahlen.").unwrap();
        let changed = scan(desk.path()).pop().unwrap();
        assert!(reopened.get(&changed).is_none());
        assert!(reopened.claims("../../etc/passwd").is_none());
    }

    #[test]
    fn a_damaged_cache_is_ignored() {
        let desk = tempfile::tempdir().unwrap();
        let dir = desk.path().join(".claimdesk/cache");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("summaries.json"), b"{not json").unwrap();
        let cache = Cache::open(desk.path(), 0.35, Scorer::Words);
        assert!(cache.entries.is_empty());
    }
}
