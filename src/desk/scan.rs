//! Finding a desk's articles.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{ARTICLE_EXTENSIONS, is_review_file, relative, review_path_for};

/// An article file of a desk, as found on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleFile {
    /// The full path.
    pub path: PathBuf,
    /// The path relative to the desk, `/`-separated.
    pub relative: String,
    /// Its sidecar review path (which may not exist).
    pub review_path: PathBuf,
    /// Size in bytes.
    pub size: u64,
    /// Last modification time.
    pub modified: Option<SystemTime>,
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Whether `path` has an article extension and is not a review.
#[must_use]
pub fn is_article_path(path: &Path) -> bool {
    !is_review_file(path)
        && path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// The articles below `desk`, sorted by relative path. Hidden folders and files (`.git`, `.claimdesk`) are
/// skipped; unreadable folders are skipped too, so one bad folder never stops a scan. Symbolic links are not
/// followed, so a link loop cannot either.
#[must_use]
pub fn scan(desk: &Path) -> Vec<ArticleFile> {
    let mut articles: Vec<ArticleFile> = walkdir::WalkDir::new(desk)
        .follow_links(false)
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()))
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file() && is_article_path(entry.path()))
        .map(|entry| {
            let metadata = entry.metadata().ok();
            let path = entry.path().to_owned();
            ArticleFile {
                relative: relative(desk, &path),
                review_path: review_path_for(&path),
                size: metadata.as_ref().map_or(0, std::fs::Metadata::len),
                modified: metadata.and_then(|m| m.modified().ok()),
                path,
            }
        })
        .collect();
    articles.sort_by(|a, b| a.relative.cmp(&b.relative));
    articles
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_articles_in_subfolders_and_skips_hidden_folders_and_reviews() {
        let desk = tempfile::tempdir().unwrap();
        let root = desk.path();
        for file in [
            "b.txt",
            "a.md",
            "sub/c.HTML",
            "sub/c.review.json",
            "sub/notes.json",
            ".git/x.txt",
            ".claimdesk/cache.txt",
            "sub/.hidden.txt",
            "image.png",
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, "Text.").unwrap();
        }
        let found: Vec<String> = scan(root).into_iter().map(|a| a.relative).collect();
        assert_eq!(found, ["a.md", "b.txt", "sub/c.HTML"]);
        let c = scan(root).pop().unwrap();
        assert_eq!(c.review_path, root.join("sub/c.review.json"));
        assert_eq!(c.size, 5);
    }
}
