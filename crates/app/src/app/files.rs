//! File work that must not freeze the window: loading and extracting in a background thread, system file
//! dialogs, and autosave recovery copies in the user's data directory.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use fluent_bundle::FluentValue;

use super::jobs::{Job, JobFailure, Progress};
use crate::article::{self, Language, LoadOptions};
use crate::extract::{self, ExtractOptions};
use crate::i18n::{InWords, Messages};
use crate::review::anchor::{AnchorReport, follow_source, reanchor};
use crate::review::{Review, store};

/// What a background load produced.
pub enum Loaded {
    /// A new review of an article.
    Article {
        /// The review.
        review: Review,
        /// The article file.
        article_path: Option<PathBuf>,
        /// Notes for the user (encoding, language).
        warnings: Vec<article::LoadWarning>,
    },
    /// A review file to resume.
    Review {
        /// The review.
        review: Review,
        /// Its file.
        path: PathBuf,
        /// Set when the article changed since the review and the claims were re-anchored.
        reanchored: Option<AnchorReport>,
    },
}

/// Work that must never take the window down with it: a panic in any of these is reported as an error and
/// the open review stays as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// Reading and decoding a file, in the background.
    Load,
    /// Finding the claims of a loaded article, in the background (and for the bundled samples).
    Extract,
    /// Writing the review file.
    Save,
}

/// Runs `work` for `job` on `subject`, turning a panic into an error message for the user: a bug in
/// claimdesk, or input it did not foresee, must not cost the analyst the open review.
///
/// # Errors
/// The error of `work`, or a message naming the job, the file and the panic.
pub fn guarded<T>(
    kind: Work,
    subject: &Path,
    m: &Messages,
    work: impl FnOnce() -> Result<T, String>,
) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).unwrap_or_else(|payload| {
        let reason = crate::i18n::value::panic_reason(payload.as_ref());
        Err(failed(kind, subject, reason, m))
    })
}

/// What a failed piece of `kind` work on `subject` says.
fn failed(kind: Work, subject: &Path, reason: FluentValue<'static>, m: &Messages) -> String {
    let path: FluentValue<'_> = subject.display().to_string().into();
    match kind {
        Work::Load => m.format(
            "error-failed-loading",
            &[("path", path), ("reason", reason)],
        ),
        Work::Extract => m.format(
            "error-failed-extracting",
            &[("path", path), ("reason", reason)],
        ),
        Work::Save => m.format("error-failed-saving", &[("path", path), ("reason", reason)]),
    }
}

/// Panics when `injected` names `job`, as a bug in that job would: lets tests prove the window survives.
pub(super) fn fail_if_injected(injected: &mut Option<Work>, kind: Work) {
    if *injected == Some(kind) {
        *injected = None;
        panic!("injected failure in {kind:?}");
    }
}

/// An article or review being read (and extracted) in the background.
pub struct Opening {
    /// The file being loaded.
    pub path: PathBuf,
    job: Job<Result<Loaded, String>>,
    messages: &'static Messages,
}

impl Opening {
    /// The web address being downloaded, when this load is a download.
    #[must_use]
    pub fn address(&self) -> Option<&str> {
        article::fetch::address_in_path(&self.path)
    }

    /// The result, once it is there.
    pub fn poll(&mut self) -> Option<Result<Loaded, String>> {
        let outcome = self.job.poll()?;
        Some(outcome.unwrap_or_else(|failure| {
            Err(match failure {
                JobFailure::Panicked(reason) => {
                    failed(Work::Load, &self.path, reason.into(), self.messages)
                }
                JobFailure::Lost(_) => self.messages.format(
                    "error-load-stopped",
                    &[("path", self.path.display().to_string().into())],
                ),
            })
        }))
    }

    /// Fraction done, 0 to 1.
    #[must_use]
    pub fn fraction(&self) -> f32 {
        self.job.fraction()
    }

    /// Stops a download; the window forgets the job at once (the thread ends by itself, at the latest at
    /// the fetch timeout, and its answer goes nowhere).
    pub fn cancel(&self) {
        self.job.cancel();
    }
}

/// Whether a path names a review file rather than an article.
#[must_use]
pub fn is_review_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

pub use crate::desk::review_path_for;

/// Starts loading `path` (an article or a review) in a background thread.
pub fn start_load(
    path: PathBuf,
    language: Option<Language>,
    resume_review: Option<PathBuf>,
    mut inject_panic: Option<Work>,
    repaint: &egui::Context,
    messages: &'static Messages,
) -> Opening {
    let job_path = path.clone();
    let job = Job::spawn("load", repaint, move |progress| {
        load(
            &job_path,
            language,
            resume_review,
            &mut inject_panic,
            progress,
            messages,
        )
    });
    Opening {
        path,
        job,
        messages,
    }
}

fn load(
    path: &Path,
    language: Option<Language>,
    resume_review: Option<PathBuf>,
    inject_panic: &mut Option<Work>,
    progress: &Progress,
    m: &Messages,
) -> Result<Loaded, String> {
    fail_if_injected(inject_panic, Work::Load);
    let cancel: &AtomicBool = progress.cancel_flag();
    if let Some(address) = article::fetch::address_in_path(path) {
        // Fetched once; the review keeps the text, so reopening it never goes to the web again.
        let loaded = article::load_url(
            address,
            LoadOptions { language },
            &article::fetch::FetchOptions::default(),
            Some(cancel),
        )
        .map_err(|e| e.in_words(m))?;
        return extract_loaded(loaded, None, path, inject_panic, progress, m);
    }
    if is_review_path(path) {
        let mut review = store::load(path).map_err(|e| e.in_words(m))?;
        extract::complete_review(&mut review);
        let (review, reanchored) = follow_source(review, path);
        return Ok(Loaded::Review {
            review,
            path: path.to_owned(),
            reanchored,
        });
    }
    let mut loaded =
        article::load_path(path, LoadOptions { language }).map_err(|e| e.in_words(m))?;
    let beside = resume_review
        .as_deref()
        .is_some_and(|review| review.parent() == path.parent());
    if beside && let Some(name) = path.file_name() {
        // A sidecar review names its article by file name: it finds it wherever the folder is moved,
        // and carries no local path.
        loaded.article.source = name.to_string_lossy().into_owned();
    }
    if let Some(review_path) = resume_review.filter(|p| p.is_file()) {
        // `claimdesk ARTICLE --review EXISTING`: continue that review on this article's current text.
        let mut review = store::load(&review_path).map_err(|e| e.in_words(m))?;
        extract::complete_review(&mut review);
        if review.article.sha256 == loaded.article.sha256 {
            return Ok(Loaded::Review {
                review,
                path: review_path,
                reanchored: None,
            });
        }
        let mut article = loaded.article;
        article.source.clone_from(&review.article.source);
        let (review, report) = reanchor(review, article);
        return Ok(Loaded::Review {
            review,
            path: review_path,
            reanchored: Some(report),
        });
    }
    extract_loaded(
        loaded,
        Some(path.to_owned()),
        path,
        inject_panic,
        progress,
        m,
    )
}

fn extract_loaded(
    loaded: article::Loaded,
    article_path: Option<PathBuf>,
    path: &Path,
    inject_panic: &mut Option<Work>,
    progress: &Progress,
    m: &Messages,
) -> Result<Loaded, String> {
    progress.set_total(loaded.article.text.len());
    let review = guarded(Work::Extract, path, m, || {
        fail_if_injected(inject_panic, Work::Extract);
        let options = window_options(article_path.as_deref());
        Ok(extract::new_review(loaded.article, &options, &mut |done| {
            progress.set_done(done);
        }))
    })?;
    Ok(Loaded::Article {
        review,
        article_path,
        warnings: loaded.warnings,
    })
}

/// A file name (no extension) for a headline: lower-case letters, digits and dashes, at most 60 characters.
#[must_use]
pub fn file_name_for_title(title: &str) -> String {
    let mut name = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            name.push(c);
        } else if !name.is_empty() && !name.ends_with('-') {
            name.push('-');
        }
        if name.chars().count() >= 60 {
            break;
        }
    }
    let name = name.trim_end_matches('-');
    if name.is_empty() {
        "article".to_owned()
    } else {
        name.to_owned()
    }
}

/// A review of an article held in memory (the bundled samples).
#[must_use]
pub fn review_of_text(name: &str, text: &str) -> Review {
    let loaded = article::load_bytes(text.as_bytes(), name, Some("txt"), LoadOptions::default());
    let article = match loaded {
        Ok(loaded) => loaded.article,
        // The bundled samples are valid text; this arm only keeps the function total.
        Err(_) => article::Article {
            source: name.to_owned(),
            title: None,
            language: Language::English,
            text: text.to_owned(),
            sha256: article::sha256_hex(text),
            format: article::SourceFormat::Text,
            published: None,
            url: None,
            fetched: None,
            canonical_url: None,
            author: None,
        },
    };
    extract::new_review(article, &window_options(None), &mut |_| {})
}

/// How the window finds claims: by meaning and words in one score (the sentence encoder beside the named
/// features and word weights), the words part from the desk's own model when the article's desk has one —
/// what the analysts taught it counts.
#[must_use]
pub fn window_options(article_path: Option<&Path>) -> ExtractOptions {
    ExtractOptions {
        model: article_path.and_then(crate::desk::model::model_for),
        scorer: extract::Scorer::Meaning,
        ..ExtractOptions::default()
    }
}

/// Which file dialog is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogPurpose {
    /// Open an article or review.
    Open,
    /// Open a folder as a desk.
    OpenFolder,
    /// Open a web address (typed or pasted; never a system dialog).
    OpenAddress,
    /// Choose where to save the review.
    SaveAs,
    /// Choose where to export.
    Export,
}

/// A system file dialog running in its own thread, so the window keeps drawing.
pub struct FileDialog {
    /// What the chosen path is for.
    pub purpose: DialogPurpose,
    started: Instant,
    job: Job<Option<PathBuf>>,
}

/// What became of a file dialog.
pub enum DialogOutcome {
    /// The user chose a path.
    Chosen(PathBuf),
    /// The user cancelled.
    Cancelled,
    /// No dialog could be shown (no XDG portal, no zenity): ask for a typed path instead.
    Unavailable,
}

/// A dialog that returns nothing this fast was never shown: rfd answers at once when it has no backend.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(400);

impl FileDialog {
    /// Opens a system dialog for `purpose`, starting in `directory` with `file_name` suggested.
    pub fn start(
        purpose: DialogPurpose,
        directory: Option<PathBuf>,
        file_name: Option<String>,
        repaint: &egui::Context,
        m: &'static crate::i18n::Messages,
    ) -> Self {
        let job = Job::spawn("file-dialog", repaint, move |_| {
            let mut dialog = rfd::FileDialog::new();
            if let Some(directory) = directory {
                dialog = dialog.set_directory(directory);
            }
            if let Some(name) = file_name {
                dialog = dialog.set_file_name(name);
            }
            match purpose {
                DialogPurpose::Open | DialogPurpose::OpenAddress => dialog
                    .add_filter(
                        m.text("file-filter-articles"),
                        &["txt", "md", "markdown", "html", "htm", "pdf", "json"],
                    )
                    .add_filter(m.text("file-filter-all"), &["*"])
                    .set_title(m.text("file-dialog-open"))
                    .pick_file(),
                DialogPurpose::SaveAs => dialog
                    .add_filter(m.text("file-filter-review"), &["json"])
                    .set_title(m.text("file-dialog-save"))
                    .save_file(),
                DialogPurpose::Export => dialog.set_title(m.text("file-dialog-export")).save_file(),
                DialogPurpose::OpenFolder => {
                    dialog.set_title(m.text("file-dialog-folder")).pick_folder()
                }
            }
        });
        Self {
            purpose,
            started: Instant::now(),
            job,
        }
    }

    /// The outcome, once the dialog closed.
    pub fn poll(&mut self) -> Option<DialogOutcome> {
        Some(match self.job.poll()? {
            Ok(Some(path)) => DialogOutcome::Chosen(path),
            Ok(None) if self.started.elapsed() < NO_DIALOG_WITHIN => DialogOutcome::Unavailable,
            Ok(None) => DialogOutcome::Cancelled,
            Err(_) => DialogOutcome::Unavailable,
        })
    }
}

/// claimdesk's data directory: `$CLAIMDESK_DATA_DIR`, else the platform's (`~/.local/share/claimdesk`).
#[must_use]
pub fn default_data_dir() -> Option<PathBuf> {
    std::env::var_os("CLAIMDESK_DATA_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            directories::ProjectDirs::from("org", "claimdesk", "claimdesk")
                .map(|dirs| dirs.data_dir().to_owned())
        })
}

fn recovery_dir(data_dir: Option<&Path>) -> Option<PathBuf> {
    Some(data_dir?.join("recovery"))
}

/// What a recovery copy belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryInfo {
    /// The recovery copy itself.
    pub recovery_file: PathBuf,
    /// The review file the work belongs to, if it had one.
    pub review_path: Option<PathBuf>,
    /// The article's source.
    pub article_source: String,
    /// When the copy was written (RFC 3339).
    pub written: String,
}

/// A stable name for the recovery copy of one document.
#[must_use]
pub fn recovery_key(review: &Review, review_path: Option<&Path>) -> String {
    let identity = review_path.map_or_else(
        || review.article.sha256.clone(),
        |p| p.display().to_string(),
    );
    article::sha256_hex(&identity)[..16].to_owned()
}

/// Writes a recovery copy of `review` (never over the user's own file).
///
/// # Errors
/// When the data directory cannot be written.
pub fn write_recovery(
    data_dir: Option<&Path>,
    review: &Review,
    review_path: Option<&Path>,
) -> Result<PathBuf, String> {
    let dir = recovery_dir(data_dir).ok_or("no data directory for recovery copies")?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let key = recovery_key(review, review_path);
    let file = dir.join(format!("{key}.review.json"));
    store::save(review, &file).map_err(|e| e.to_string())?;
    let info = RecoveryInfo {
        recovery_file: file.clone(),
        review_path: review_path.map(Path::to_owned),
        article_source: review.article.source.clone(),
        written: crate::review::now_rfc3339(),
    };
    let info_bytes = serde_json::to_vec_pretty(&info).map_err(|e| e.to_string())?;
    store::write_atomic(&dir.join(format!("{key}.info.json")), &info_bytes)
        .map_err(|e| e.to_string())?;
    Ok(file)
}

/// Removes the recovery copy of a document (after it was saved or deliberately discarded).
pub fn remove_recovery(data_dir: Option<&Path>, review: &Review, review_path: Option<&Path>) {
    let Some(dir) = recovery_dir(data_dir) else {
        return;
    };
    let key = recovery_key(review, review_path);
    let _ = std::fs::remove_file(dir.join(format!("{key}.review.json")));
    let _ = std::fs::remove_file(dir.join(format!("{key}.info.json")));
}

/// Removes a recovery copy by its info.
pub fn discard_recovery(info: &RecoveryInfo) {
    let _ = std::fs::remove_file(&info.recovery_file);
    let name = info
        .recovery_file
        .file_name()
        .map(|n| n.to_string_lossy().replace(".review.json", ".info.json"));
    if let Some(name) = name {
        let _ = std::fs::remove_file(info.recovery_file.with_file_name(name));
    }
}

/// The recovery copies left by a session that did not end cleanly, newest first.
#[must_use]
pub fn pending_recoveries(data_dir: Option<&Path>) -> Vec<RecoveryInfo> {
    let Some(dir) = recovery_dir(data_dir) else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut infos: Vec<RecoveryInfo> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".info.json"))
        .filter_map(|entry| std::fs::read(entry.path()).ok())
        .filter_map(|bytes| serde_json::from_slice::<RecoveryInfo>(&bytes).ok())
        .filter(|info| info.recovery_file.is_file())
        .collect();
    infos.sort_by(|a, b| b.written.cmp(&a.written));
    infos
}

/// The SHA-256 of a file's bytes, lower-case hex; `None` when it cannot be read.
pub fn digest_of_file(path: &Path) -> Option<String> {
    std::fs::read(path).ok().map(|bytes| digest_of(&bytes))
}

/// The SHA-256 of bytes, lower-case hex.
#[must_use]
pub fn digest_of(bytes: &[u8]) -> String {
    crate::hashing::sha256_hex(bytes)
}
