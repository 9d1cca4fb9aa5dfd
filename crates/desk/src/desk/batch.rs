//! `claimdesk extract DIR`: a review beside every article of a desk, over all cores.

use std::path::Path;

use rayon::prelude::*;

use super::cache::{Cache, Summary};
use super::scan::{ArticleFile, scan};
use super::status::extract_file;
use crate::article::Language;
use crate::extract::ExtractOptions;
use crate::review::anchor::follow_source;
use crate::review::store;

/// What happened to one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A new review was written.
    New,
    /// The article changed since its review: the review was moved onto the new text and saved (verdicts,
    /// notes, evidence and orphaned claims kept).
    Reanchored,
    /// The review exists and fits the article: the file was not touched.
    Unchanged,
    /// The article or its review could not be read, or the review not written: the reason.
    Failed(String),
}

/// One article's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleResult {
    /// The article's path relative to the desk.
    pub path: String,
    /// What happened.
    pub outcome: Outcome,
}

/// Counts per outcome, and the failures with their reasons.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchSummary {
    /// New reviews written.
    pub new: usize,
    /// Reviews re-anchored onto changed articles.
    pub reanchored: usize,
    /// Reviews left as they were.
    pub unchanged: usize,
    /// Articles that failed: (path, reason).
    pub failed: Vec<(String, String)>,
}

impl BatchSummary {
    /// The summary of `results`.
    #[must_use]
    pub fn of(results: &[ArticleResult]) -> Self {
        let mut summary = Self::default();
        for result in results {
            match &result.outcome {
                Outcome::New => summary.new += 1,
                Outcome::Reanchored => summary.reanchored += 1,
                Outcome::Unchanged => summary.unchanged += 1,
                Outcome::Failed(reason) => {
                    summary.failed.push((result.path.clone(), reason.clone()));
                }
            }
        }
        summary
    }
}

/// How to run a batch.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Worker threads; 0 means one per core.
    pub jobs: usize,
    /// Force the articles' language.
    pub language: Option<Language>,
    /// Extraction options.
    pub extract: ExtractOptions,
}

/// Brings one article's sidecar review up to date. An existing review is never overwritten with a new
/// extraction: if it cannot be read, the article fails and the file stays as it is.
fn process(desk: &Path, file: &ArticleFile, options: &BatchOptions) -> (Outcome, Option<Summary>) {
    if let Err(error) = store::check_inside_desk(&file.review_path, desk) {
        return (Outcome::Failed(error.to_string()), None);
    }
    if file.review_path.exists() {
        let review = match store::load(&file.review_path) {
            Ok(review) => review,
            Err(error) => return (Outcome::Failed(error.to_string()), None),
        };
        let (review, report) = follow_source(review, &file.review_path);
        return match report {
            None => (Outcome::Unchanged, None),
            Some(_) => match store::save_in_batch(&review, &file.review_path) {
                Ok(()) => (Outcome::Reanchored, None),
                Err(error) => (Outcome::Failed(error.to_string()), None),
            },
        };
    }
    match extract_file(&file.path, options.language, &options.extract) {
        Ok(review) => match store::save_in_batch(&review, &file.review_path) {
            Ok(()) => (Outcome::New, Some(Summary::of(file, &review))),
            Err(error) => (Outcome::Failed(error.to_string()), None),
        },
        Err(error) => (Outcome::Failed(error.to_string()), None),
    }
}

/// Writes `<name>.review.json` beside every article of `desk` that has none, and re-anchors reviews whose
/// article changed. Every article is tried, whatever fails; `on_article` is called as each is done (from
/// any thread). Results come back in path order.
///
/// # Errors
/// When the worker threads cannot be started.
pub fn extract_desk(
    desk: &Path,
    options: &BatchOptions,
    on_article: &(dyn Fn(&ArticleResult) + Sync),
) -> Result<Vec<ArticleResult>, rayon::ThreadPoolBuildError> {
    // Two runs at once would both find an article without a review and both write one.
    let _lock = crate::layout::DeskLock::acquire(desk);
    let files = scan(desk);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .build()?;
    let results: Vec<(ArticleResult, Option<Summary>)> = pool.install(|| {
        files
            .par_iter()
            .map(|file| {
                let (outcome, summary) = process(desk, file, options);
                let result = ArticleResult {
                    path: file.relative.clone(),
                    outcome,
                };
                on_article(&result);
                (result, summary)
            })
            .collect()
    });
    let written: std::collections::BTreeSet<&Path> = files
        .iter()
        .zip(&results)
        .filter(|(_, (result, _))| matches!(result.outcome, Outcome::New | Outcome::Reanchored))
        .filter_map(|(file, _)| file.review_path.parent())
        .collect();
    for directory in written {
        store::sync_directory(directory);
    }
    let mut cache = Cache::open(desk, options.extract.min_score, options.extract.scorer);
    for (file, (_, summary)) in files.iter().zip(&results) {
        if let Some(summary) = summary {
            cache.put(file, summary.clone());
        }
    }
    // The cache only saves time later; a desk on read-only media still gets its reviews.
    let _ = cache.save();
    Ok(results.into_iter().map(|(result, _)| result).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::Verdict;

    fn options(jobs: usize) -> BatchOptions {
        BatchOptions {
            jobs,
            language: None,
            extract: ExtractOptions::default(),
        }
    }

    #[test]
    fn new_unchanged_reanchored_and_failed() {
        let desk = tempfile::tempdir().unwrap();
        let root = desk.path();
        std::fs::write(
            root.join("a.txt"),
            "Die Stadt zahlte 2024 rund 3 Millionen Euro.\nDer Rat stimmte am 4. März mit 31 zu 5 Stimmen zu.\n",
        )
        .unwrap();
        std::fs::write(root.join("empty.txt"), "").unwrap();
        let first = extract_desk(root, &options(2), &|_| {}).unwrap();
        let summary = BatchSummary::of(&first);
        assert_eq!((summary.new, summary.failed.len()), (1, 1));
        assert!(summary.failed[0].1.contains("empty.txt"));
        let review_path = root.join("a.review.json");
        let mut review = store::load(&review_path).unwrap();
        assert_eq!(review.article.source, "a.txt");
        review.claims[1].verdict = Some(Verdict::Confirmed);
        review.claims[1].note = "Protokoll".to_owned();
        store::save(&review, &review_path).unwrap();
        let bytes = std::fs::read(&review_path).unwrap();
        let modified = std::fs::metadata(&review_path).unwrap().modified().unwrap();

        let again = extract_desk(root, &options(1), &|_| {}).unwrap();
        assert_eq!(again[0].outcome, Outcome::Unchanged);
        assert_eq!(std::fs::read(&review_path).unwrap(), bytes, "same bytes");
        assert_eq!(
            std::fs::metadata(&review_path).unwrap().modified().unwrap(),
            modified,
            "same mtime"
        );

        std::fs::write(
            root.join("a.txt"),
            "Korrektur am Ende.\nDie Stadt zahlte 2024 rund 3 Millionen Euro.\nDer Rat stimmte am 4. März mit 31 zu 5 Stimmen zu.\n",
        )
        .unwrap();
        let moved = extract_desk(root, &options(2), &|_| {}).unwrap();
        assert_eq!(moved[0].outcome, Outcome::Reanchored);
        let review = store::load(&review_path).unwrap();
        let kept = review
            .claims
            .iter()
            .find(|c| c.note == "Protokoll")
            .unwrap();
        assert_eq!(kept.verdict, Some(Verdict::Confirmed));
        assert!(review.article.text.starts_with("Korrektur"));
    }

    #[test]
    fn a_corrupt_review_is_never_overwritten() {
        let desk = tempfile::tempdir().unwrap();
        let root = desk.path();
        std::fs::write(
            root.join("a.txt"),
            "Die Stadt zahlte 2024 rund 3 Millionen Euro.",
        )
        .unwrap();
        std::fs::write(root.join("a.review.json"), b"{broken").unwrap();
        let results = extract_desk(root, &options(0), &|_| {}).unwrap();
        assert!(
            matches!(&results[0].outcome, Outcome::Failed(reason) if reason.contains("a.review.json"))
        );
        assert_eq!(
            std::fs::read(root.join("a.review.json")).unwrap(),
            b"{broken"
        );
    }
}
