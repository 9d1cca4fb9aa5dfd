//! Conflicted copies of reviews that sync clients leave beside them, merged claim by claim.
//!
//! A team that shares a desk through Nextcloud, ownCloud, Dropbox, OneDrive or Syncthing gets a second file
//! when two analysts save one review while one of them is offline. Each client names it its own way; each
//! copy found is merged into its review with the claim-level merge of `claimdesk merge`, the base read from
//! the two files' common history ([`crate::review::base`]). Real conflicts stay in the review for the
//! window's O/T, the copy moves to `.claimdesk/merged-copies/` (never deleted), and a copy of another
//! article's text is left where it is and said to be one.

use std::path::{Path, PathBuf};

use crate::layout::{data_dir, is_review_file, relative};
use crate::review::merge::MergeError;
use crate::review::store::{self, StoreError};

/// The sync client whose naming a conflicted copy has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SyncClient {
    /// Nextcloud, and ownCloud before version 10: `name (conflicted copy 2024-05-03 142311).json`.
    Nextcloud,
    /// ownCloud: `name_conflict-20240503-142311.json`.
    OwnCloud,
    /// Dropbox: `name (Jana's conflicted copy 2024-05-03).json`.
    Dropbox,
    /// Syncthing: `name.sync-conflict-20240503-142311-ABCDEF7.json`.
    Syncthing,
    /// OneDrive: `name-LAPTOP-JANA.json` (the computer's name appended).
    OneDrive,
}

impl SyncClient {
    /// Its name as users know it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Nextcloud => "Nextcloud",
            Self::OwnCloud => "ownCloud",
            Self::Dropbox => "Dropbox",
            Self::Syncthing => "Syncthing",
            Self::OneDrive => "OneDrive",
        }
    }
}

/// A conflicted copy of a review, found beside it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ConflictedCopy {
    /// The copy.
    pub path: PathBuf,
    /// The review it is a copy of.
    pub review: PathBuf,
    /// Whose naming it has.
    pub client: SyncClient,
}

/// What merging one copy did.
#[derive(Debug)]
pub enum CopyOutcome {
    /// Merged into its review; the copy now lies at `moved_to`.
    Merged {
        /// Conflicting fields left in the review for the analyst.
        conflicts: usize,
        /// Where the copy went.
        moved_to: PathBuf,
    },
    /// The copy reviews another text of the article than its review does: left where it is.
    OtherArticleText,
}

/// Why a copy could not be merged.
#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    /// The copy or its review could not be read, or the review not written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The merge refused.
    #[error(transparent)]
    Merge(#[from] MergeError),
    /// The merged copy could not be moved away.
    #[error(
        "{path}: merged, but could not be moved to {to} ({source}); move or delete it by hand, or it is merged again (harmlessly) next time"
    )]
    Move {
        /// The copy.
        path: PathBuf,
        /// Where it was to go.
        to: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
}

/// The review that a file named `name` is a sync client's conflicted copy of, by name alone, with the client.
/// A OneDrive name ("story.review-HOST.json") only says so when that review exists, which [`find`] checks.
#[must_use]
pub fn original_name(name: &str) -> Option<(String, SyncClient)> {
    if is_review_file(Path::new(name)) && !name.to_lowercase().contains("conflict") {
        return None;
    }
    let candidates = [
        parenthesized_copy(name),
        marker(name, "_conflict-", &[8, 6]).map(|n| (n, SyncClient::OwnCloud)),
        marker(name, ".sync-conflict-", &[8, 6, 0]).map(|n| (n, SyncClient::Syncthing)),
    ];
    if let Some(found) = candidates.into_iter().flatten().next() {
        return is_review_file(Path::new(&found.0)).then_some(found);
    }
    let stem = name.strip_suffix(".json")?;
    let review_end = stem.to_lowercase().rfind(".review-")? + ".review".len();
    let host = &stem[review_end + 1..];
    let host_like = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-'));
    host_like.then(|| {
        (
            format!("{}.json", &stem[..review_end]),
            SyncClient::OneDrive,
        )
    })
}

/// " (conflicted copy 2024-05-03 142311)" (Nextcloud) or " (Jana's conflicted copy 2024-05-03)" (Dropbox),
/// possibly followed by " (1)": the name without it.
fn parenthesized_copy(name: &str) -> Option<(String, SyncClient)> {
    let open = name.find(" (")?;
    let close = open + name[open..].find(')')?;
    let inside = &name[open + 2..close];
    let lower = inside.to_lowercase();
    let at = lower.find("conflicted copy")?;
    let client = if at == 0 {
        SyncClient::Nextcloud
    } else {
        SyncClient::Dropbox
    };
    let mut rest = &name[close + 1..];
    // Dropbox numbers further copies of the same day: " (1)".
    if let Some(number) = rest.strip_prefix(" (")
        && let Some(end) = number.find(')')
        && number[..end].bytes().all(|b| b.is_ascii_digit())
    {
        rest = &number[end + 1..];
    }
    Some((format!("{}{rest}", &name[..open]), client))
}

/// `marker` followed by dash-separated runs of digits of the given lengths (0: any letters and digits), as
/// ownCloud's "_conflict-20240503-142311" and Syncthing's ".sync-conflict-20240503-142311-ABCDEF7": the name
/// without it.
fn marker(name: &str, marker: &str, runs: &[usize]) -> Option<String> {
    let at = name.to_lowercase().find(marker)?;
    let mut end = at + marker.len();
    for (index, &length) in runs.iter().enumerate() {
        if index > 0 {
            end += usize::from(name[end..].starts_with('-'));
        }
        let run = name[end..]
            .bytes()
            .take_while(|b| {
                if length == 0 {
                    b.is_ascii_alphanumeric()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if (length != 0 && run != length) || run == 0 {
            return None;
        }
        end += run;
    }
    Some(format!("{}{}", &name[..at], &name[end..]))
}

/// Why a file named like a conflicted copy is not merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotMerged {
    /// It is a symbolic link: claimdesk does not follow links a sync client may have made.
    Link,
    /// It is a folder.
    Folder,
    /// The review it is a copy of is not there (its article's review was never saved, or was moved).
    NoReview,
}

impl NotMerged {
    /// In English words, for the command line.
    #[must_use]
    pub fn english(self) -> &'static str {
        match self {
            Self::Link => {
                "is a symbolic link; claimdesk does not merge through links: copy the file in place of the link to merge it"
            }
            Self::Folder => "is a folder, not a review",
            Self::NoReview => {
                "its review is not there: rename the copy to the review's name to keep it as the review"
            }
        }
    }
}

/// The files named like sync clients' conflicted copies of reviews, below `desk` (hidden folders
/// skipped): those that can be merged, and those that cannot, with why.
fn scan_copies(desk: &Path) -> (Vec<ConflictedCopy>, Vec<(PathBuf, NotMerged)>) {
    let mut copies = Vec::new();
    let mut others = Vec::new();
    let entries = walkdir::WalkDir::new(desk)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        .filter(|e| e.depth() > 0);
    for entry in entries {
        let Some((original, client)) = entry.file_name().to_str().and_then(original_name) else {
            continue;
        };
        let path = entry.path().to_owned();
        let review = path.with_file_name(original);
        let kind = entry.file_type();
        if kind.is_symlink() {
            others.push((path, NotMerged::Link));
        } else if kind.is_dir() {
            others.push((path, NotMerged::Folder));
        } else if !review.is_file() {
            others.push((path, NotMerged::NoReview));
        } else {
            copies.push(ConflictedCopy {
                path,
                review,
                client,
            });
        }
    }
    copies.sort_by(|a, b| a.path.cmp(&b.path));
    others.sort();
    (copies, others)
}

/// The conflicted copies in `desk` whose review exists, sorted by path. Hidden folders are skipped.
#[must_use]
pub fn find(desk: &Path) -> Vec<ConflictedCopy> {
    scan_copies(desk).0
}

/// Files named like conflicted copies that are not merged (links, folders, copies of a review that is
/// not there), with why: said by `status` and `merge-copies`, never skipped without a word.
#[must_use]
pub fn not_merged(desk: &Path) -> Vec<(PathBuf, NotMerged)> {
    scan_copies(desk).1
}

/// Merges `copy` into its review and moves it to `<desk>/.claimdesk/merged-copies/`.
///
/// # Errors
/// When a file cannot be read or written, or the copy cannot be moved (the review is merged then).
pub fn merge_copy(desk: &Path, copy: &ConflictedCopy) -> Result<CopyOutcome, CopyError> {
    store::check_inside_desk(&copy.review, desk)?;
    let ours = store::load(&copy.review)?;
    let theirs = store::load(&copy.path)?;
    if ours.article.sha256 != theirs.article.sha256
        || crate::review::merge::name_different_articles(&ours, &theirs)
    {
        return Ok(CopyOutcome::OtherArticleText);
    }
    let base = crate::review::base::common_base(&ours, &theirs);
    let merged = crate::review::merge::merge(&base, &ours, &theirs)?;
    store::save(&merged.review, &copy.review)?;
    let moved_to = free_path(
        &data_dir(desk)
            .join("merged-copies")
            .join(relative(desk, &copy.path)),
    );
    let moved = moved_to
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| std::fs::rename(&copy.path, &moved_to));
    moved.map_err(|source| CopyError::Move {
        path: copy.path.clone(),
        to: moved_to.clone(),
        source,
    })?;
    Ok(CopyOutcome::Merged {
        conflicts: merged.conflicts,
        moved_to,
    })
}

/// `path`, or `path.1`, `path.2` … when it exists: a merged copy never replaces an earlier one.
fn free_path(path: &Path) -> PathBuf {
    if !path.exists() {
        return path.to_owned();
    }
    (1u32..100_000)
        .map(|n| {
            let mut name = path.as_os_str().to_owned();
            name.push(format!(".{n}"));
            PathBuf::from(name)
        })
        .find(|candidate| !candidate.exists())
        .unwrap_or_else(|| path.to_owned())
}

/// Merges every conflicted copy of `desk`, in path order.
#[must_use]
pub fn merge_all(desk: &Path) -> Vec<(ConflictedCopy, Result<CopyOutcome, CopyError>)> {
    let _lock = crate::layout::DeskLock::acquire(desk);
    find(desk)
        .into_iter()
        .map(|copy| {
            let outcome = merge_copy(desk, &copy);
            (copy, outcome)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_clients_naming_leads_back_to_the_review() {
        let cases = [
            (
                "haushalt.review (conflicted copy 2024-05-03 142311).json",
                SyncClient::Nextcloud,
            ),
            (
                "haushalt (conflicted copy 2024-05-03 142311).review.json",
                SyncClient::Nextcloud,
            ),
            (
                "haushalt.review_conflict-20240503-142311.json",
                SyncClient::OwnCloud,
            ),
            (
                "haushalt.review (Jana Novák's conflicted copy 2024-05-03).json",
                SyncClient::Dropbox,
            ),
            (
                "haushalt.review (Jana's conflicted copy 2024-05-03) (1).json",
                SyncClient::Dropbox,
            ),
            (
                "haushalt.review.sync-conflict-20240503-142311-ABCDEF7.json",
                SyncClient::Syncthing,
            ),
            ("haushalt.review-LAPTOP-JANA.json", SyncClient::OneDrive),
        ];
        for (name, client) in cases {
            assert_eq!(
                original_name(name),
                Some(("haushalt.review.json".to_owned(), client)),
                "{name}"
            );
        }
        for name in [
            "haushalt.review.json",
            "haushalt.txt",
            "notes.json",
            "haushalt (conflicted copy 2024-05-03 142311).txt",
            "haushalt.review_conflict-2024.json",
        ] {
            assert_eq!(original_name(name), None, "{name}");
        }
    }
}
