//! Where claimdesk keeps things in a desk folder: articles by extension, each article's sidecar review
//! (`story.txt` → `story.review.json`), and the desk's own data in `<desk>/.claimdesk/` (cache, memory, model).
//!
//! A leaf shared by the layers that read and write desks (memory, desk, the window, the command line); it
//! knows no claimdesk type.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

/// The folder inside a desk that holds claimdesk's own data.
pub const DATA_DIR: &str = ".claimdesk";

/// File extensions of articles, lower case.
pub const ARTICLE_EXTENSIONS: [&str; 6] = ["txt", "md", "markdown", "html", "htm", "pdf"];

/// The sidecar review of an article: `story.txt` → `story.review.json` beside it. Built from the raw file
/// name, so two articles whose names differ only in bytes that are not UTF-8 never share a review.
#[must_use]
pub fn review_path_for(article: &Path) -> PathBuf {
    let mut name = article
        .file_stem()
        .map_or_else(|| OsString::from("article"), OsStr::to_owned);
    name.push(".review.json");
    article.with_file_name(name)
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

    #[cfg(unix)]
    #[test]
    fn names_that_differ_only_in_bytes_that_are_not_utf8_keep_their_own_reviews() {
        use std::os::unix::ffi::OsStrExt as _;
        let a = review_path_for(Path::new(OsStr::from_bytes(b"d/x\xff.txt")));
        let b = review_path_for(Path::new(OsStr::from_bytes(b"d/x\xfe.txt")));
        assert_ne!(a, b);
        assert_eq!(a.as_os_str().as_bytes(), b"d/x\xff.review.json");
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
