//! Where a desk stands: per article, how many claims and how many of them are decided.

use std::path::Path;
use std::time::SystemTime;

use rayon::prelude::*;
use serde::Serialize;

use super::cache::{Cache, Summary};
use super::scan::{ArticleFile, scan};
use crate::article::{self, Language, LoadOptions};
use crate::extract::{self, ExtractOptions};
use crate::i18n::InEveryLanguage;
use crate::review::{Claim, Progress, Review, store};

/// One row of the desk table (and of `claimdesk status --json`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleStatus {
    /// The article's path relative to the desk, `/`-separated.
    pub path: String,
    /// The headline, when one was found.
    pub title: Option<String>,
    /// The language extraction used.
    pub language: Option<Language>,
    /// The publication date (`YYYY-MM-DD`), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Claims found (or kept in the review).
    pub claims: usize,
    /// Claims confirmed.
    pub confirmed: usize,
    /// Claims denied.
    pub denied: usize,
    /// Claims marked unverified.
    pub unverified: usize,
    /// Claims without a verdict.
    pub pending: usize,
    /// The review file relative to the desk, when the article has one.
    pub review: Option<String>,
    /// Why the article or its review could not be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The same in the window's languages.
    #[serde(skip)]
    pub error_words: Option<InEveryLanguage>,
    /// When the review was last saved (its file's modification time).
    #[serde(skip)]
    pub saved: Option<SystemTime>,
}

impl ArticleStatus {
    /// A row for `file` with nothing known yet.
    #[must_use]
    pub fn empty(file: &ArticleFile) -> Self {
        Self {
            path: file.relative.clone(),
            title: None,
            language: None,
            published: None,
            claims: 0,
            confirmed: 0,
            denied: 0,
            unverified: 0,
            pending: 0,
            review: None,
            error: None,
            error_words: None,
            saved: None,
        }
    }

    /// Share of claims with a verdict, 0 to 1 (1 for an article without claims).
    #[must_use]
    pub fn done(&self) -> f32 {
        if self.claims == 0 {
            return 1.0;
        }
        #[expect(clippy::cast_precision_loss, reason = "a progress bar")]
        let share = (self.claims - self.pending) as f32 / self.claims as f32;
        share
    }

    fn with_progress(mut self, progress: Progress) -> Self {
        self.claims = progress.total();
        self.confirmed = progress.confirmed;
        self.denied = progress.denied;
        self.unverified = progress.unverified;
        self.pending = progress.pending;
        self
    }
}

/// Sums over a desk.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Articles on the desk.
    pub articles: usize,
    /// Claims in all of them.
    pub claims: usize,
    /// Confirmed claims.
    pub confirmed: usize,
    /// Denied claims.
    pub denied: usize,
    /// Unverified claims.
    pub unverified: usize,
    /// Claims without a verdict.
    pub pending: usize,
}

impl Totals {
    /// The sums of `articles`.
    #[must_use]
    pub fn of(articles: &[ArticleStatus]) -> Self {
        articles.iter().fold(
            Self {
                articles: articles.len(),
                ..Self::default()
            },
            |t, a| Self {
                claims: t.claims + a.claims,
                confirmed: t.confirmed + a.confirmed,
                denied: t.denied + a.denied,
                unverified: t.unverified + a.unverified,
                pending: t.pending + a.pending,
                ..t
            },
        )
    }
}

/// The status of every article of a desk.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeskStatus {
    /// One row per article, by path.
    pub articles: Vec<ArticleStatus>,
    /// The sums.
    pub totals: Totals,
    /// Sync clients' conflicted copies of reviews, not yet merged (`claimdesk merge-copies`).
    pub conflicted_copies: Vec<super::copies::ConflictedCopy>,
}

/// What extracting an article without a review produced, to be kept in the cache.
pub struct Extracted {
    /// The table row.
    pub summary: Summary,
    /// The claims.
    pub claims: Vec<Claim>,
}

/// Loads and extracts an article file into a new review whose `source` is the file name, so the sidecar
/// review finds its article beside it wherever the desk is moved.
///
/// # Errors
/// The loader's message, naming the file.
pub fn extract_file(
    file: &Path,
    language: Option<Language>,
    options: &ExtractOptions,
) -> Result<Review, article::LoadError> {
    let loaded = article::load_path(file, LoadOptions { language })?;
    let mut article = loaded.article;
    if let Some(name) = file.file_name() {
        article.source = name.to_string_lossy().into_owned();
    }
    Ok(extract::new_review(article, options, &mut |_| {}))
}

/// The status of one article: from its review, else from the cache, else by extracting it (returned so
/// the caller can cache it).
#[must_use]
pub fn article_status(
    desk: &Path,
    file: &ArticleFile,
    cache: &Cache,
    options: &ExtractOptions,
) -> (ArticleStatus, Option<Extracted>) {
    let row = ArticleStatus::empty(file);
    if let Ok(metadata) = std::fs::metadata(&file.review_path) {
        let row = ArticleStatus {
            review: Some(super::relative(desk, &file.review_path)),
            saved: metadata.modified().ok(),
            ..row
        };
        return match store::load(&file.review_path) {
            Ok(review) => (
                ArticleStatus {
                    title: review.article.title.clone(),
                    language: Some(review.article.language),
                    published: review.article.published.clone(),
                    ..row
                }
                .with_progress(review.progress()),
                None,
            ),
            Err(error) => (
                ArticleStatus {
                    error: Some(error.to_string()),
                    error_words: Some(InEveryLanguage::of(&error)),
                    ..row
                },
                None,
            ),
        };
    }
    if let Some(summary) = cache.get(file) {
        return (
            ArticleStatus {
                title: summary.title.clone(),
                language: Some(summary.language),
                published: summary.published.clone(),
                claims: summary.claims,
                pending: summary.claims,
                ..row
            },
            None,
        );
    }
    match extract_file(&file.path, None, options) {
        Ok(review) => {
            let summary = Summary::of(file, &review);
            let row = ArticleStatus {
                title: review.article.title.clone(),
                language: Some(review.article.language),
                published: review.article.published.clone(),
                ..row
            }
            .with_progress(review.progress());
            (
                row,
                Some(Extracted {
                    summary,
                    claims: review.claims,
                }),
            )
        }
        Err(error) => (
            ArticleStatus {
                error: Some(error.to_string()),
                error_words: Some(InEveryLanguage::of(&error)),
                ..row
            },
            None,
        ),
    }
}

/// Stores what [`article_status`] extracted in the cache (summaries in memory, claims on disk).
pub fn remember(cache: &mut Cache, file: &ArticleFile, extracted: Extracted) {
    // A cache that cannot be written only costs time later; the status itself is right.
    let _ = cache.put_claims(&extracted.summary.sha256, &extracted.claims);
    cache.put(file, extracted.summary);
}

/// Where the rows of a desk go as they are read (ripgrep's `Sink`): the command line counts them for its
/// progress bar, the window shows each at once and may stop the reading.
pub trait StatusSink: Sync {
    /// One article's row is read (from any thread, in any order).
    fn row(&self, file: &ArticleFile, status: &ArticleStatus);

    /// Whether to stop: the rows not read yet are left out of the answer.
    fn stopped(&self) -> bool {
        false
    }

    /// The row of an article whose reading failed inside claimdesk (a panic): one row is lost, never the
    /// desk.
    fn crashed(&self, file: &ArticleFile) -> ArticleStatus {
        ArticleStatus {
            error: Some(format!(
                "{}: claimdesk failed while reading this article; the others are read",
                file.relative
            )),
            ..ArticleStatus::empty(file)
        }
    }
}

/// What [`read_statuses`] reads: all of a desk's articles (the cache then keeps only theirs), or some of
/// them (the ones that changed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every article of the desk.
    Whole,
    /// Some of them.
    Some,
}

/// The one loop over a desk's rows: the status of each of `files` of `desk` (from its review, else the
/// cache, else extracted, on all cores), told to `sink` as each is read; what was extracted goes into the
/// cache. In `files`' order; `None` for rows left out because the sink stopped the reading.
pub fn read_statuses(
    desk: &Path,
    files: &[ArticleFile],
    options: &ExtractOptions,
    scope: Scope,
    sink: &dyn StatusSink,
) -> Vec<Option<ArticleStatus>> {
    let mut cache = Cache::open(desk, options.min_score, options.scorer);
    let results: Vec<Option<(ArticleStatus, Option<Extracted>)>> = files
        .par_iter()
        .map(|file| {
            if sink.stopped() {
                return None;
            }
            let (status, extracted) =
                std::panic::catch_unwind(|| article_status(desk, file, &cache, options))
                    .unwrap_or_else(|_| (sink.crashed(file), None));
            sink.row(file, &status);
            Some((status, extracted))
        })
        .collect();
    let mut rows = Vec::with_capacity(results.len());
    for (file, result) in files.iter().zip(results) {
        rows.push(result.map(|(row, extracted)| {
            if let Some(extracted) = extracted {
                remember(&mut cache, file, extracted);
            }
            row
        }));
    }
    if scope == Scope::Whole && !sink.stopped() {
        cache.retain(files);
    }
    // The cache only saves time later; a desk on read-only media still has its status.
    let _ = cache.save();
    rows
}

/// A sink that calls a function for every row.
struct EachRow<'a>(&'a (dyn Fn() + Sync));

impl StatusSink for EachRow<'_> {
    fn row(&self, _file: &ArticleFile, _status: &ArticleStatus) {
        (self.0)();
    }
}

/// The status of every article below `desk`, extracting (on all cores) what neither a review nor the cache
/// knows, and caching it. `on_article` is called once per article, from any thread, as each is done.
#[must_use]
pub fn status(desk: &Path, options: &ExtractOptions, on_article: &(dyn Fn() + Sync)) -> DeskStatus {
    let files = scan(desk);
    let articles: Vec<ArticleStatus> =
        read_statuses(desk, &files, options, Scope::Whole, &EachRow(on_article))
            .into_iter()
            .flatten()
            .collect();
    let totals = Totals::of(&articles);
    DeskStatus {
        articles,
        totals,
        conflicted_copies: super::copies::find(desk),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::Verdict;

    #[test]
    fn reviews_cache_and_bad_files_each_make_a_row() {
        let desk = tempfile::tempdir().unwrap();
        let root = desk.path();
        std::fs::write(
            root.join("a.txt"),
            "Die Stadt zahlte 2024 rund 3 Millionen Euro. Der Rat stimmte am 4. März mit 31 zu 5 Stimmen zu.",
        )
        .unwrap();
        std::fs::write(root.join("b.txt"), "").unwrap();
        std::fs::create_dir(root.join("sub")).unwrap();
        std::fs::write(
            root.join("sub/c.md"),
            "# Hafen\n\nThe port handled 4.2 million containers in 2024, the authority said.\n",
        )
        .unwrap();
        let mut review =
            extract_file(&root.join("sub/c.md"), None, &ExtractOptions::default()).unwrap();
        review.claims[0].verdict = Some(Verdict::Denied);
        store::save(&review, &root.join("sub/c.review.json")).unwrap();

        let status = status(root, &ExtractOptions::default(), &|| {});
        let paths: Vec<&str> = status.articles.iter().map(|a| a.path.as_str()).collect();
        assert_eq!(paths, ["a.txt", "b.txt", "sub/c.md"]);
        let a = &status.articles[0];
        assert_eq!((a.claims, a.pending, a.review.as_deref()), (2, 2, None));
        assert_eq!(a.language, Some(Language::German));
        assert!(
            status.articles[1]
                .error
                .as_deref()
                .unwrap()
                .contains("b.txt")
        );
        let c = &status.articles[2];
        assert_eq!(c.review.as_deref(), Some("sub/c.review.json"));
        assert_eq!((c.denied, c.pending), (1, c.claims - 1));
        assert_eq!(c.title.as_deref(), Some("Hafen"));
        assert_eq!(status.totals.articles, 3);
        assert_eq!(status.totals.claims, a.claims + c.claims);
        assert!(
            !root.join("a.review.json").exists(),
            "status writes no review"
        );
        // The second look comes from the cache.
        let defaults = ExtractOptions::default();
        let cache = Cache::open(root, defaults.min_score, defaults.scorer);
        let a_file = scan(root).remove(0);
        assert_eq!(cache.get(&a_file).unwrap().claims, 2);
        assert_eq!(
            super::status(root, &ExtractOptions::default(), &|| {}),
            status
        );
    }
}
