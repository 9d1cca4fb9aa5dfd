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

/// The plain sidecar review name of an article: `story.txt` → `story.review.json` beside it. Built from
/// the raw file name, so two articles whose names differ only in bytes that are not UTF-8 never share a
/// review. [`review_path_for`] decides whether an article's review has this name or the qualified one.
#[must_use]
pub fn plain_review_path(article: &Path) -> PathBuf {
    let mut name = article
        .file_stem()
        .map_or_else(|| OsString::from("article"), OsStr::to_owned);
    name.push(".review.json");
    article.with_file_name(name)
}

/// The qualified sidecar review name: `story.txt` → `story.txt.review.json`, for articles that share a
/// name stem with another article beside them (`story.txt` and `story.html`), or whose plain name is
/// taken by another article's review.
#[must_use]
pub fn qualified_review_path(article: &Path) -> PathBuf {
    let mut name = article
        .file_name()
        .map_or_else(|| OsString::from("article"), OsStr::to_owned);
    name.push(".review.json");
    article.with_file_name(name)
}

/// The review file of an article, beside it. Each article file has its own, whatever else lies beside it:
///
/// 1. `story.txt.review.json` when it exists (a qualified name is never another article's);
/// 2. else `story.review.json` when it exists and names this article as its source (or names none that
///    could be another: standard input, a web address, a file since renamed);
/// 3. else, for a new review, `story.review.json` when no other article beside it shares the name stem
///    (case aside), and the qualified name when one does or when the plain name is another article's.
///
/// So `x.txt` and `x.html` in one folder never share a review, and a review written before this rule
/// (`x.review.json`) stays readable for the article it names.
#[must_use]
pub fn review_path_for(article: &Path) -> PathBuf {
    review_path_among(article, || has_stem_sibling(article))
}

/// [`review_path_for`] with the question "does another article beside it share its name stem?" answered
/// by the caller (a desk scan knows the whole folder and need not read it once per article).
pub fn review_path_among(article: &Path, stem_sibling: impl FnOnce() -> bool) -> PathBuf {
    let qualified = qualified_review_path(article);
    if std::fs::symlink_metadata(&qualified).is_ok() {
        return qualified;
    }
    let plain = plain_review_path(article);
    if std::fs::symlink_metadata(&plain).is_ok() {
        return if review_is_of(&plain, article) {
            plain
        } else {
            qualified
        };
    }
    if stem_sibling() { qualified } else { plain }
}

/// The name stem that decides which articles could share a plain review name: case folded, so `X.txt`
/// and `x.md` count as one stem on every file system.
#[must_use]
pub fn stem_key(article: &Path) -> Option<String> {
    article
        .file_stem()
        .map(|stem| lossless(stem).to_lowercase())
}

/// Whether another article (an article extension, another name) beside `article` has its name stem.
fn has_stem_sibling(article: &Path) -> bool {
    let (Some(parent), Some(key), Some(name)) =
        (article.parent(), stem_key(article), article.file_name())
    else {
        return false;
    };
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    let Ok(entries) = std::fs::read_dir(parent) else {
        return false;
    };
    entries.filter_map(Result::ok).any(|entry| {
        let path = entry.path();
        entry.file_name() != name
            && has_article_extension(&path)
            && !is_review_file(&path)
            && stem_key(&path).as_deref() == Some(key.as_str())
    })
}

/// Whether `path` has one of [`ARTICLE_EXTENSIONS`] (case aside).
#[must_use]
pub fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Whether the review file `review` may be read and written as the review of `article`: it names
/// `article` as its source, or a source that cannot be another article of the folder (standard input, a
/// web address, a name that is not there: the article was renamed). A review that names another file of
/// the folder, or the same stem with another extension (`x.html` for `x.txt`), is that article's. An
/// unreadable review is taken as the article's, so it is reported as damaged, never replaced.
#[must_use]
pub fn review_is_of(review: &Path, article: &Path) -> bool {
    let Some(source) = review_source(review) else {
        return true;
    };
    source_is(&source, article)
}

/// Whether a review whose article source is `source` (the path as it was given) reviews `article`.
#[must_use]
pub fn source_is(source: &str, article: &Path) -> bool {
    if source == "-" || source.is_empty() || source.contains("://") {
        return true;
    }
    let Some(named) = Path::new(source).file_name() else {
        return true;
    };
    let Some(name) = article.file_name() else {
        return true;
    };
    if named == name {
        return true;
    }
    if stem_key(Path::new(named)) == stem_key(article) {
        return false;
    }
    let beside = article.with_file_name(named);
    std::fs::symlink_metadata(beside).is_err()
}

/// The article source a review file names (`article.source`), read from the file's head (claimdesk
/// writes it among the first lines), else from the whole file. `None` when the file cannot be read as a
/// review.
#[must_use]
pub fn review_source(review: &Path) -> Option<String> {
    use std::io::Read as _;
    let mut head = Vec::with_capacity(HEAD);
    std::fs::File::open(review)
        .ok()?
        .take(HEAD as u64)
        .read_to_end(&mut head)
        .ok()?;
    if let Some(source) = source_in_head(&head) {
        return Some(source);
    }
    // Far above any review's size bound would be refused by the store anyway.
    let bytes = std::fs::read(review).ok()?;
    serde_json::from_slice::<Skim>(&bytes)
        .ok()
        .map(|skim| skim.article.source)
}

/// A review file read for its article's source alone.
#[derive(serde::Deserialize)]
struct Skim {
    article: SkimArticle,
}

#[derive(serde::Deserialize)]
struct SkimArticle {
    source: String,
}

/// Bytes read to find a review's source: claimdesk writes `format`, `version` and then the article's
/// `source` first.
const HEAD: usize = 4096;

fn source_in_head(head: &[u8]) -> Option<String> {
    let text = match std::str::from_utf8(head) {
        Ok(text) => text,
        Err(error) => std::str::from_utf8(&head[..error.valid_up_to()]).ok()?,
    };
    let article = text.find("\"article\"")?;
    let key = article + text[article..].find("\"source\"")?;
    let value = text[key + "\"source\"".len()..]
        .trim_start()
        .strip_prefix(':')?
        .trim_start();
    let mut strings = serde_json::Deserializer::from_str(value).into_iter::<String>();
    strings.next()?.ok()
}

/// The article a review file reviews, beside it: the one its qualified name names (`x.txt.review.json`
/// → `x.txt`), else the file its source names, else (reviews written before the source was a file name)
/// the first article with its name stem that the review may be of.
#[must_use]
pub fn article_of_review(review: &Path) -> Option<PathBuf> {
    let name = lossless(review.file_name()?);
    let stem = name.get(..name.len().checked_sub(".review.json".len())?)?;
    let qualified = review.with_file_name(stem);
    if has_article_extension(&qualified) && qualified.is_file() {
        return Some(qualified);
    }
    if let Some(source) = review_source(review)
        && let Some(named) = Path::new(&source).file_name()
    {
        let beside = review.with_file_name(named);
        if beside.is_file() && has_article_extension(&beside) {
            return Some(beside);
        }
    }
    ARTICLE_EXTENSIONS
        .iter()
        .map(|extension| review.with_file_name(format!("{stem}.{extension}")))
        .find(|article| article.is_file() && review_is_of(review, article))
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

/// The desk `path` lies in, when one of its folders holds claimdesk data (`.claimdesk`); `None` for a
/// file outside any desk.
#[must_use]
pub fn enclosing_desk(path: &Path) -> Option<PathBuf> {
    path.parent()?
        .ancestors()
        .find(|dir| dir.join(DATA_DIR).is_dir())
        .map(Path::to_owned)
}

/// A lock on a desk for writing: two claimdesk processes (or two jobs of one window) never write a desk's
/// reviews, memory or vectors at once, so neither duplicates nor loses the other's work. Held until
/// dropped. Re-entrant on one thread (an import that rebuilds the index takes it twice); another thread or
/// process waits.
///
/// Across processes it is an advisory lock on `<desk>/.claimdesk/lock` (the operating system releases it
/// when a process dies, so a kill never leaves a desk locked).
#[must_use = "the desk is locked only while the guard lives"]
pub struct DeskLock {
    key: PathBuf,
}

struct Held {
    owner: std::thread::ThreadId,
    depth: usize,
    file: Option<std::fs::File>,
}

type Locks = std::sync::Mutex<std::collections::HashMap<PathBuf, Held>>;

fn locks() -> &'static (Locks, std::sync::Condvar) {
    static LOCKS: std::sync::LazyLock<(Locks, std::sync::Condvar)> =
        std::sync::LazyLock::new(|| (Locks::default(), std::sync::Condvar::new()));
    &LOCKS
}

/// What a process says while it waits for another one's desk lock: the command line prints it, a window
/// that waits in a background job says nothing.
static BUSY_NOTICE: std::sync::OnceLock<fn(&Path)> = std::sync::OnceLock::new();

/// Sets what is said, once per wait, when another claimdesk holds a desk's lock (the command line:
/// "another claimdesk is working on this desk").
pub fn set_busy_notice(notice: fn(&Path)) {
    let _ = BUSY_NOTICE.set(notice);
}

impl DeskLock {
    /// Locks `desk` for writing, waiting while another thread or process holds it.
    pub fn acquire(desk: &Path) -> Self {
        let key = desk.canonicalize().unwrap_or_else(|_| desk.to_owned());
        let me = std::thread::current().id();
        let (mutex, freed) = locks();
        let mut told = false;
        let mut held = mutex
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        loop {
            match held.get_mut(&key) {
                Some(entry) if entry.owner == me => {
                    entry.depth += 1;
                    return Self { key };
                }
                Some(_) => {
                    if !told {
                        told = true;
                        if let Some(notice) = BUSY_NOTICE.get() {
                            notice(&key);
                        }
                    }
                    held = freed
                        .wait(held)
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                }
                None => {
                    held.insert(
                        key.clone(),
                        Held {
                            owner: me,
                            depth: 1,
                            file: None,
                        },
                    );
                    break;
                }
            }
        }
        drop(held);
        // The other processes: the file lock, taken outside the map's mutex (it may wait long).
        let file = std::fs::create_dir_all(data_dir(&key))
            .and_then(|()| {
                std::fs::OpenOptions::new()
                    .create(true)
                    .truncate(false)
                    .write(true)
                    .open(data_dir(&key).join("lock"))
            })
            .ok();
        if let Some(file) = &file
            && let Err(std::fs::TryLockError::WouldBlock) = file.try_lock()
        {
            if !told && let Some(notice) = BUSY_NOTICE.get() {
                notice(&key);
            }
            // A lock that cannot be taken at all (a file system without locks) leaves the desk as
            // unguarded as before, never stuck.
            let _ = file.lock();
        }
        let mut held = mutex
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(entry) = held.get_mut(&key) {
            entry.file = file;
        }
        Self { key }
    }
}

impl Drop for DeskLock {
    fn drop(&mut self) {
        let (mutex, freed) = locks();
        let mut held = mutex
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let last = held.get_mut(&self.key).is_some_and(|entry| {
            entry.depth -= 1;
            entry.depth == 0
        });
        if last {
            // Dropping the file releases the process lock.
            held.remove(&self.key);
            freed.notify_all();
        }
    }
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

/// A file name for a terminal or a report line: every control character, line breaks and tabs too, is
/// written as `\u{a}`, so a name cannot forge a line of the report it appears in.
#[must_use]
pub fn printable_name(name: &str) -> std::borrow::Cow<'_, str> {
    if !name.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(name);
    }
    std::borrow::Cow::Owned(
        name.chars()
            .map(|c| {
                if c.is_control() {
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

    fn review_naming(path: &Path, source: &str) {
        let json = serde_json::json!({
            "format": "claimdesk-review",
            "version": 2,
            "article": { "source": source, "title": null, "text": "x" }
        });
        std::fs::write(path, serde_json::to_vec_pretty(&json).unwrap()).unwrap();
    }

    #[test]
    fn articles_that_share_a_name_stem_get_reviews_of_their_own() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("alone.txt"), "x").unwrap();
        assert_eq!(
            review_path_for(&d.join("alone.txt")),
            d.join("alone.review.json")
        );
        for name in ["x.txt", "x.html", "X.PDF"] {
            std::fs::write(d.join(name), "x").unwrap();
        }
        let reviews: Vec<PathBuf> = ["x.txt", "x.html", "X.PDF"]
            .iter()
            .map(|n| review_path_for(&d.join(n)))
            .collect();
        assert_eq!(
            reviews,
            [
                d.join("x.txt.review.json"),
                d.join("x.html.review.json"),
                d.join("X.PDF.review.json")
            ]
        );
        // A review written before the rule stays its article's, and only its article's.
        review_naming(&d.join("x.review.json"), "x.txt");
        assert_eq!(review_path_for(&d.join("x.txt")), d.join("x.review.json"));
        assert_eq!(
            review_path_for(&d.join("x.html")),
            d.join("x.html.review.json")
        );
        assert_eq!(
            article_of_review(&d.join("x.review.json")),
            Some(d.join("x.txt"))
        );
        assert_eq!(
            article_of_review(&d.join("x.html.review.json")),
            Some(d.join("x.html"))
        );
        // A qualified review wins over the plain one.
        review_naming(&d.join("x.txt.review.json"), "x.txt");
        assert_eq!(
            review_path_for(&d.join("x.txt")),
            d.join("x.txt.review.json")
        );
    }

    #[test]
    fn a_review_naming_another_file_is_not_this_articles() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("a.txt"), "x").unwrap();
        std::fs::write(d.join("b.txt"), "x").unwrap();
        // `a.review.json` names b.txt, which is there: it is b's (copied or renamed by hand), not a's.
        review_naming(&d.join("a.review.json"), "b.txt");
        assert!(!review_is_of(&d.join("a.review.json"), &d.join("a.txt")));
        assert_eq!(
            review_path_for(&d.join("a.txt")),
            d.join("a.txt.review.json")
        );
        // The same stem with another extension, even when that file is gone.
        review_naming(&d.join("c.review.json"), "sub/c.html");
        std::fs::write(d.join("c.txt"), "x").unwrap();
        assert!(!review_is_of(&d.join("c.review.json"), &d.join("c.txt")));
        assert_eq!(article_of_review(&d.join("c.review.json")), None);
        // A renamed article keeps its review; so do standard input and web addresses.
        review_naming(&d.join("renamed.review.json"), "old-name.txt");
        assert!(review_is_of(
            &d.join("renamed.review.json"),
            &d.join("renamed.txt")
        ));
        assert!(source_is("-", &d.join("a.txt")));
        assert!(source_is("https://example.org/a.html", &d.join("a.txt")));
        // A damaged review is taken as the article's, to be reported, never replaced.
        std::fs::write(d.join("damaged.review.json"), "{broken").unwrap();
        assert!(review_is_of(
            &d.join("damaged.review.json"),
            &d.join("damaged.txt")
        ));
    }

    #[test]
    fn the_source_is_read_from_the_head_or_the_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let head = dir.path().join("h.review.json");
        review_naming(&head, "Lindenau \"Bad\".txt");
        assert_eq!(
            review_source(&head).as_deref(),
            Some("Lindenau \"Bad\".txt")
        );
        // Keys in another order, the source far down: read from the whole file.
        let late = dir.path().join("l.review.json");
        let padding = "p".repeat(2 * HEAD);
        std::fs::write(
            &late,
            format!(
                r#"{{"padding": "{padding}", "article": {{"text": "t", "source": "late.md"}}}}"#
            ),
        )
        .unwrap();
        assert_eq!(review_source(&late).as_deref(), Some("late.md"));
    }

    #[test]
    fn names_cannot_forge_report_lines() {
        assert_eq!(printable_name("a\nmerged into b"), "a\\u{a}merged into b");
        assert_eq!(printable_name("Haushalt.txt"), "Haushalt.txt");
    }

    #[test]
    fn a_desk_lock_is_reentrant_on_one_thread_and_exclusive_across_threads() {
        let desk = tempfile::tempdir().unwrap();
        let root = desk.path().to_owned();
        let outer = DeskLock::acquire(&root);
        let inner = DeskLock::acquire(&root);
        let (sender, receiver) = std::sync::mpsc::channel();
        let other = {
            let root = root.clone();
            std::thread::spawn(move || {
                let _lock = DeskLock::acquire(&root);
                sender.send(()).unwrap();
            })
        };
        std::thread::sleep(std::time::Duration::from_millis(100));
        assert!(receiver.try_recv().is_err(), "the other thread waits");
        drop(inner);
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert!(
            receiver.try_recv().is_err(),
            "still held by the outer guard"
        );
        drop(outer);
        receiver
            .recv_timeout(std::time::Duration::from_secs(5))
            .unwrap();
        other.join().unwrap();
        assert!(root.join(DATA_DIR).join("lock").is_file());
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
