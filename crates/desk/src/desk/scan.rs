//! Finding a desk's articles.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{ARTICLE_EXTENSIONS, is_review_file, relative};
use crate::layout::{review_path_among, stem_key};

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
/// skipped; unreadable folders are skipped too, so one bad folder never stops a scan. A symbolic link to an
/// article file inside the desk is an article like any other; links to folders are not followed (so a link
/// loop cannot stop a scan), and links that leave the desk are not read ([`links_outside`] names them).
#[must_use]
pub fn scan(desk: &Path) -> Vec<ArticleFile> {
    let root = desk.canonicalize().unwrap_or_else(|_| desk.to_owned());
    let paths: Vec<PathBuf> = entries(desk)
        .filter(|entry| {
            entry.file_type().is_file()
                || (entry.path_is_symlink() && link_target(entry.path(), &root) == Some(true))
        })
        .map(|entry| entry.path().to_owned())
        .filter(|path| !crate::export::is_claimdesk_report(path))
        .collect();
    // Articles that share a folder and a name stem (`x.txt`, `x.html`) each get a review of their own.
    let mut stems: std::collections::HashMap<(PathBuf, String), usize> =
        std::collections::HashMap::new();
    for path in &paths {
        if let (Some(parent), Some(stem)) = (path.parent(), stem_key(path)) {
            *stems.entry((parent.to_owned(), stem)).or_default() += 1;
        }
    }
    let mut articles: Vec<ArticleFile> = paths
        .into_iter()
        .map(|path| {
            // The link's target's size and time: what a reader of the file gets.
            let metadata = std::fs::metadata(&path).ok();
            let shared_stem = || {
                path.parent()
                    .zip(stem_key(&path))
                    .and_then(|(parent, stem)| stems.get(&(parent.to_owned(), stem)))
                    .is_some_and(|&count| count > 1)
            };
            ArticleFile {
                relative: relative(desk, &path),
                review_path: review_path_among(&path, shared_stem),
                size: metadata.as_ref().map_or(0, std::fs::Metadata::len),
                modified: metadata.and_then(|m| m.modified().ok()),
                path,
            }
        })
        .collect();
    articles.sort_by(|a, b| a.relative.cmp(&b.relative));
    articles
}

/// Article-named links below `desk` whose file lies outside it, with where they point: the desk does not
/// read them (a desk shared with colleagues must not read a reviewer's other files), and says so.
#[must_use]
pub fn links_outside(desk: &Path) -> Vec<(String, PathBuf)> {
    let root = desk.canonicalize().unwrap_or_else(|_| desk.to_owned());
    let mut links: Vec<(String, PathBuf)> = entries(desk)
        .filter(|entry| entry.path_is_symlink() && link_target(entry.path(), &root) == Some(false))
        .map(|entry| {
            let target = std::fs::read_link(entry.path()).unwrap_or_default();
            (relative(desk, entry.path()), target)
        })
        .collect();
    links.sort();
    links
}

/// The article-named entries below `desk`, hidden ones left out.
fn entries(desk: &Path) -> impl Iterator<Item = walkdir::DirEntry> {
    walkdir::WalkDir::new(desk)
        .follow_links(false)
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()))
        .filter_map(Result::ok)
        .filter(|entry| entry.depth() > 0 && is_article_path(entry.path()))
}

/// For a link to a file: whether that file is inside `root` (canonical). `None` for dangling links and
/// links to anything but a file.
fn link_target(link: &Path, root: &Path) -> Option<bool> {
    let target = link.canonicalize().ok()?;
    target.is_file().then(|| target.starts_with(root))
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
        #[cfg(unix)]
        {
            let outside = tempfile::tempdir().unwrap();
            std::fs::write(outside.path().join("secret.txt"), "Privat.").unwrap();
            std::os::unix::fs::symlink(root.join("b.txt"), root.join("inside.txt")).unwrap();
            std::os::unix::fs::symlink(outside.path().join("secret.txt"), root.join("out.txt"))
                .unwrap();
            std::os::unix::fs::symlink(root.join("gone.txt"), root.join("dangling.txt")).unwrap();
            let found: Vec<String> = scan(root).into_iter().map(|a| a.relative).collect();
            assert_eq!(found, ["a.md", "b.txt", "inside.txt", "sub/c.HTML"]);
            let skipped = links_outside(root);
            assert_eq!(skipped.len(), 1);
            assert_eq!(skipped[0].0, "out.txt");
        }
        assert_eq!(c.review_path, root.join("sub/c.review.json"));
        assert_eq!(c.size, 5);
    }
}
