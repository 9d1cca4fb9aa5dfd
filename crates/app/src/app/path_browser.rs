//! The window's own file browsing for machines without a system file dialog (no XDG portal, no zenity):
//! the typed path's folder is listed (folders and articles only) and Tab completes the typed name.
//! Plain file-system work, no egui, so it is tested directly.

use std::path::{Path, PathBuf};

/// Extensions listed as articles or reviews.
const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "html", "htm", "xhtml", "pdf", "json",
];

/// At most this many entries are listed: a folder of 100 000 files must not stall the dialog.
pub const MAX_ENTRIES: usize = 500;

/// One listed entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its name in the folder.
    pub name: String,
    /// Its full path.
    pub path: PathBuf,
    /// Whether it is a folder.
    pub is_dir: bool,
}

/// The folder a typed path points into, and its entries matching the typed name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Listing {
    /// The folder listed.
    pub folder: PathBuf,
    /// Folders first, then files, each by name; only those starting with the typed name.
    pub entries: Vec<Entry>,
    /// Whether more entries matched than are listed.
    pub truncated: bool,
    /// The start of a name the entries were filtered by (empty: the whole folder).
    pub filtered_by: String,
}

/// Splits what was typed into the folder and the start of a name: `/home/a/Art` → (`/home/a`, `Art`),
/// `/home/a/` → (`/home/a`, ``), `` → (the working folder, ``).
#[must_use]
pub fn split_typed(typed: &str, working_dir: &Path) -> (PathBuf, String) {
    let typed = expand_home(typed);
    if typed.is_empty() {
        return (working_dir.to_owned(), String::new());
    }
    let path = Path::new(&typed);
    let absolute = |p: &Path| {
        if p.is_absolute() {
            p.to_owned()
        } else {
            working_dir.join(p)
        }
    };
    if typed.ends_with(std::path::MAIN_SEPARATOR) || typed.ends_with('/') {
        return (absolute(path), String::new());
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let folder = path
        .parent()
        .map_or_else(|| working_dir.to_owned(), absolute);
    (folder, name)
}

/// Lists the folder of `typed`: its folders and, unless `folders_only`, its articles and reviews (by
/// extension), all starting with the typed name; hidden entries only when that name starts with a dot.
#[must_use]
pub fn list(typed: &str, working_dir: &Path, folders_only: bool) -> Listing {
    let (folder, prefix) = split_typed(typed, working_dir);
    let mut listing = Listing {
        folder: folder.clone(),
        filtered_by: prefix.clone(),
        ..Listing::default()
    };
    let Ok(read) = std::fs::read_dir(&folder) else {
        return listing;
    };
    let lower_prefix = prefix.to_lowercase();
    let mut entries: Vec<Entry> = Vec::new();
    for entry in read.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') && !prefix.starts_with('.') {
            continue;
        }
        if !name.to_lowercase().starts_with(&lower_prefix) {
            continue;
        }
        // Follows symlinks, so a linked folder lists as a folder.
        let is_dir = entry.path().is_dir();
        let is_article = Path::new(&name)
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
        if !(is_dir || (!folders_only && is_article)) {
            continue;
        }
        if entries.len() == MAX_ENTRIES {
            listing.truncated = true;
            break;
        }
        entries.push(Entry {
            name,
            path: entry.path(),
            is_dir,
        });
    }
    entries.sort_by(|a, b| {
        b.is_dir
            .cmp(&a.is_dir)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    listing.entries = entries;
    listing
}

/// What Tab makes of `typed`: the longest common start of the matching names; a single folder gets its
/// separator. `None` when nothing matches or nothing would change.
#[must_use]
pub fn complete(typed: &str, working_dir: &Path, folders_only: bool) -> Option<String> {
    let listing = list(typed, working_dir, folders_only);
    let (_, prefix) = split_typed(typed, working_dir);
    let first = listing.entries.first()?;
    let mut common: String = first.name.clone();
    for entry in &listing.entries[1..] {
        let shared: usize = common
            .chars()
            .zip(entry.name.chars())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum();
        common.truncate(shared);
    }
    if common.chars().count() < prefix.chars().count() {
        // Matched without regard to case, but the names disagree on it: keep what was typed.
        return None;
    }
    let typed_expanded = expand_home(typed);
    let stem = &typed_expanded[..typed_expanded.len() - prefix.len()];
    let mut completed = format!("{stem}{common}");
    if listing.entries.len() == 1 && first.is_dir {
        completed.push(std::path::MAIN_SEPARATOR);
    }
    (completed != typed).then_some(completed)
}

/// `~/x` → `$HOME/x`.
#[must_use]
pub fn expand_home(typed: &str) -> String {
    match (typed.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest).display().to_string(),
        _ if typed == "~" => std::env::var_os("HOME").map_or_else(
            || typed.to_owned(),
            |h| format!("{}/", PathBuf::from(h).display()),
        ),
        _ => typed.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "artikel-eins.txt",
            "artikel-zwei.md",
            "Bericht.pdf",
            "bild.png",
            ".versteckt.txt",
        ] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        std::fs::create_dir(dir.path().join("archiv")).unwrap();
        dir
    }

    #[test]
    fn lists_folders_first_then_articles_only() {
        let dir = folder();
        let typed = format!("{}/", dir.path().display());
        let names: Vec<String> = list(&typed, Path::new("/"), false)
            .entries
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(
            names,
            [
                "archiv",
                "artikel-eins.txt",
                "artikel-zwei.md",
                "Bericht.pdf"
            ]
        );
        let folders: Vec<String> = list(&typed, Path::new("/"), true)
            .entries
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(folders, ["archiv"]);
        let hidden = list(&format!("{typed}.v"), Path::new("/"), false);
        assert_eq!(hidden.entries.len(), 1);
        assert!(list(&typed, Path::new("/"), false).filtered_by.is_empty());
        // A new name to save under: nothing matches, and the listing says by what it filtered.
        let new_name = list(
            &format!("{typed}artikel-eins.review.json"),
            Path::new("/"),
            false,
        );
        assert!(new_name.entries.is_empty());
        assert_eq!(new_name.filtered_by, "artikel-eins.review.json");
    }

    #[test]
    fn tab_completes_the_common_start_and_enters_a_single_folder() {
        let dir = folder();
        let base = dir.path().display().to_string();
        assert_eq!(
            complete(&format!("{base}/art"), Path::new("/"), false),
            Some(format!("{base}/artikel-"))
        );
        // "archiv" and "artikel-…" share only what was typed: nothing to add.
        assert_eq!(complete(&format!("{base}/ar"), Path::new("/"), false), None);
        assert_eq!(
            complete(&format!("{base}/artikel-e"), Path::new("/"), false),
            Some(format!("{base}/artikel-eins.txt"))
        );
        assert_eq!(
            complete(&format!("{base}/arc"), Path::new("/"), false),
            Some(format!("{base}/archiv/"))
        );
        assert_eq!(
            complete(&format!("{base}/nichts"), Path::new("/"), false),
            None
        );
        // Relative to the working folder.
        assert_eq!(
            complete("arc", dir.path(), true),
            Some("archiv/".to_owned())
        );
    }

    #[test]
    fn typed_paths_split_into_folder_and_name() {
        let work = Path::new("/work");
        assert_eq!(
            split_typed("/home/a/Art", work),
            (PathBuf::from("/home/a"), "Art".to_owned())
        );
        assert_eq!(
            split_typed("/home/a/", work),
            (PathBuf::from("/home/a/"), String::new())
        );
        assert_eq!(
            split_typed("", work),
            (PathBuf::from("/work"), String::new())
        );
        assert_eq!(
            split_typed("sub/x", work),
            (PathBuf::from("/work/sub"), "x".to_owned())
        );
        assert_eq!(
            split_typed("x", work),
            (PathBuf::from("/work"), "x".to_owned())
        );
    }

    #[test]
    fn a_missing_folder_lists_nothing() {
        let listing = list("/does/not/exist/x", Path::new("/"), false);
        assert!(listing.entries.is_empty());
    }
}
