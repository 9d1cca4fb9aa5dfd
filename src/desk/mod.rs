//! A desk: a folder of articles reviewed one after another.
//!
//! Its articles are the `.txt`, `.md` and `.html` files in the folder and its subfolders (hidden folders are
//! skipped); each article's review is the sidecar `<name>.review.json` beside it. Desk-level data (the
//! extraction cache) lives in `<desk>/.claimdesk/`; nothing else is written into the folder except the
//! reviews the analyst saves and the outputs asked for.
//!
//! This module knows nothing of egui: scanning, status, caching, batch extraction, the JSON Lines pipeline
//! and folder watching are used by the CLI and the window alike.

pub mod batch;
pub mod cache;
pub mod model;
pub mod pipeline;
pub mod scan;
pub mod status;
pub mod watch;

use std::path::{Path, PathBuf};

pub use scan::{ArticleFile, scan};
pub use status::{ArticleStatus, DeskStatus, Totals, status};

/// The folder inside a desk that holds claimdesk's own data.
pub const DATA_DIR: &str = ".claimdesk";

/// File extensions of articles, lower case.
pub const ARTICLE_EXTENSIONS: [&str; 6] = ["txt", "md", "markdown", "html", "htm", "pdf"];

/// The sidecar review of an article: `story.txt` → `story.review.json` beside it.
#[must_use]
pub fn review_path_for(article: &Path) -> PathBuf {
    let stem = article
        .file_stem()
        .map_or_else(|| "article".into(), |s| s.to_string_lossy().into_owned());
    article.with_file_name(format!("{stem}.review.json"))
}

/// Whether `path` names a review file (`*.review.json`) rather than an article.
#[must_use]
pub fn is_review_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.to_ascii_lowercase().ends_with(".review.json"))
}

/// `<desk>/.claimdesk`.
#[must_use]
pub fn data_dir(desk: &Path) -> PathBuf {
    desk.join(DATA_DIR)
}

/// The desk folder that contains `path` (a file or folder): the nearest ancestor with a `.claimdesk` folder,
/// else `path`'s own folder.
#[must_use]
pub fn desk_containing(path: &Path) -> PathBuf {
    let start = if path.is_dir() {
        path.to_owned()
    } else {
        path.parent()
            .map_or_else(|| PathBuf::from("."), Path::to_owned)
    };
    let start = if start.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        start
    };
    start
        .ancestors()
        .find(|dir| dir.join(DATA_DIR).is_dir())
        .map_or(start.clone(), Path::to_owned)
}

/// The path of `path` relative to `desk`, with `/` separators, for display and machine output.
#[must_use]
pub fn relative(desk: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(desk).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sidecar_names() {
        assert_eq!(
            review_path_for(Path::new("a/b/story.html")),
            Path::new("a/b/story.review.json")
        );
        assert!(is_review_file(Path::new("x/Story.Review.JSON")));
        assert!(!is_review_file(Path::new("x/story.json")));
        assert_eq!(
            relative(Path::new("/d"), Path::new("/d/sub/a.txt")),
            "sub/a.txt"
        );
    }

    #[test]
    fn the_desk_of_a_file_is_the_nearest_folder_with_claimdesk_data() {
        let root = tempfile::tempdir().unwrap();
        let nested = root.path().join("2026/11");
        std::fs::create_dir_all(&nested).unwrap();
        std::fs::write(nested.join("a.txt"), "x").unwrap();
        assert_eq!(desk_containing(&nested.join("a.txt")), nested);
        std::fs::create_dir(root.path().join(DATA_DIR)).unwrap();
        assert_eq!(desk_containing(&nested.join("a.txt")), root.path());
        assert_eq!(desk_containing(root.path()), root.path());
    }
}
