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

/// The path of `path` relative to `desk`, with `/` separators, for display and machine output. Bytes of a
/// name that are not UTF-8 are written `\xNN`, so two files whose names differ only there stay two.
#[must_use]
pub fn relative(desk: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(desk).unwrap_or(path);
    relative
        .components()
        .map(|c| lossless(c.as_os_str()))
        .collect::<Vec<_>>()
        .join("/")
}

/// A file name as text without losing what is not UTF-8 (`x\xff.txt`).
#[must_use]
pub fn lossless(name: &OsStr) -> String {
    if let Some(text) = name.to_str() {
        return text.to_owned();
    }
    #[cfg(unix)]
    {
        use std::fmt::Write as _;
        use std::os::unix::ffi::OsStrExt as _;
        let mut text = String::new();
        for chunk in name.as_bytes().utf8_chunks() {
            text.push_str(chunk.valid());
            for byte in chunk.invalid() {
                let _ = write!(text, "\\x{byte:02x}");
            }
        }
        text
    }
    #[cfg(not(unix))]
    {
        name.to_string_lossy().into_owned()
    }
}

/// Text for a terminal: control characters (escape sequences that would recolour, retitle or clear it) are
/// written as `\u{1b}`; line breaks and tabs stay.
#[must_use]
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| {
                if c.is_control() && c != '\n' && c != '\t' {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
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

    #[cfg(unix)]
    #[test]
    fn relative_names_keep_bytes_that_are_not_utf8_apart() {
        use std::os::unix::ffi::OsStrExt as _;
        let desk = Path::new("/d");
        let a = relative(desk, Path::new(OsStr::from_bytes(b"/d/x\xff.txt")));
        let b = relative(desk, Path::new(OsStr::from_bytes(b"/d/x\xfe.txt")));
        assert_eq!(a, "x\\xff.txt");
        assert_ne!(a, b);
    }

    #[test]
    fn terminal_escapes_are_shown_never_sent() {
        assert_eq!(printable("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(printable("zwei\nZeilen"), "zwei\nZeilen");
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
