//! Opening articles, reviews, samples and desks, and saving and exporting the review: the file work of the
//! window, with its dialogs and background jobs.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fluent_bundle::FluentValue;

use crate::i18n::InWords;

use super::files::{self, DialogOutcome, DialogPurpose, FileDialog, Loaded, RecoveryInfo};
use super::jobs::Job;
use super::{ClaimDeskApp, Dialog, PendingAction, View, Workspace, desk_view};
use crate::review::store;

impl ClaimDeskApp {
    /// Opens `path` unless unsaved changes need a decision first.
    pub fn request_open(&mut self, path: PathBuf, ctx: &egui::Context) {
        if path.is_dir() {
            self.open_desk(path, ctx);
            return;
        }
        if self.workbench.is_dirty() {
            self.dialog = Some(Dialog::UnsavedChanges {
                then: PendingAction::Open(path),
            });
        } else {
            self.open_now(path, ctx);
        }
    }

    /// Trains the open desk's model from its decisions in the background; the desk is read again with it
    /// when it is done.
    pub fn train_desk_model(&mut self, ctx: &egui::Context) {
        let Some(desk) = &self.desk else {
            self.post(self.t("status-train-no-desk"), true);
            return;
        };
        if self.train_job.is_some() {
            return;
        }
        let root = desk.root.clone();
        let m = self.messages();
        self.train_job = Some(Job::spawn("train", ctx, move |_| {
            let examples = crate::desk::model::decisions(&root);
            crate::desk::model::train_desk(
                &root,
                &examples,
                crate::extract::train::DEFAULT_SEED,
                crate::desk::model::DESK_EPOCHS,
            )
            .map(|trained| {
                let decisions = trained.split.0 + trained.split.1 + trained.split.2;
                let path = crate::desk::model::model_path(&root).display().to_string();
                m.format(
                    "status-desk-model-trained",
                    &[
                        ("decisions", decisions.into()),
                        ("path", path.into()),
                        ("held_out", trained.held_out.to_string().into()),
                        ("shipped_f1", m.decimal(trained.before.f1, 2).into()),
                    ],
                )
            })
            .map_err(|e| e.in_words(m))
        }));
        self.post(self.t("status-learning"), false);
    }

    /// Stops the download in progress: the window forgets it now; nothing of it is loaded.
    pub fn cancel_download(&mut self) {
        let Some(job) = self.opening.take_if(|job| job.address().is_some()) else {
            return;
        };
        job.cancel();
        let message = self.tf(
            "status-download-cancelled",
            &[("address", job.path.display().to_string().into())],
        );
        self.post(message, false);
    }

    pub(super) fn open_now(&mut self, path: PathBuf, ctx: &egui::Context) {
        self.post(
            self.tf(
                "status-opening",
                &[("path", path.display().to_string().into())],
            ),
            false,
        );
        let resume = if files::is_review_path(&path) {
            None
        } else {
            self.next.review_path.clone()
        };
        let inject = self
            .inject_panic
            .take_if(|work| matches!(work, files::Work::Load | files::Work::Extract));
        self.opening = Some(files::start_load(
            path,
            self.next.language,
            resume,
            inject,
            ctx,
            self.messages(),
        ));
    }

    /// What the next start reopens: this article (or review), and the desk only when it came from one.
    fn remember_last(&mut self, path: &Path, from_desk: bool) {
        if crate::article::fetch::address_in_path(path).is_some() {
            // A web page is fetched once; it is reopened from its review once saved.
            return;
        }
        self.settings.last_article =
            Some(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned()));
        if !from_desk {
            self.settings.last_desk = None;
        }
    }

    /// Started without a file: the desk and article open when the window was last closed, with its review;
    /// the bundled sample on a very first start only.
    pub(super) fn resume_or_sample(&mut self, ctx: &egui::Context) {
        let desk = self.settings.last_desk.clone();
        let article = self.settings.last_article.clone();
        if let Some(desk) = desk.clone().filter(|d| d.is_dir()) {
            self.open_desk(desk.clone(), ctx);
            let request = article
                .filter(|a| a.is_file() && a.starts_with(&desk))
                .and_then(|a| {
                    let view = self.desk.as_ref()?;
                    view.open_request(&view.relative_of(&a)?, None)
                });
            if let Some(request) = request {
                self.open_from_desk(request, ctx);
            }
            return;
        }
        if let Some(article) = article.clone().filter(|a| a.is_file()) {
            if !files::is_review_path(&article) {
                let review = files::review_path_for(&article);
                if review.is_file() {
                    self.next.review_path = Some(review);
                }
            }
            self.open_now(article, ctx);
            return;
        }
        if !self.settings.started_before {
            self.open_sample(crate::app::GERMAN_SAMPLE.0, crate::app::GERMAN_SAMPLE.1);
            self.post(self.t("status-sample-opened"), false);
        } else if let Some(gone) = article.or(desk) {
            self.post(
                self.tf(
                    "status-last-article-gone",
                    &[("path", gone.display().to_string().into())],
                ),
                true,
            );
        }
    }

    /// Opens `folder` as the desk and shows it; the open review stays open behind it.
    pub fn open_desk(&mut self, folder: PathBuf, ctx: &egui::Context) {
        // Colleagues' work in sync clients' conflicted copies joins the reviews before the desk is read.
        let copies = crate::desk::copies::merge_all(&folder);
        let desk = desk_view::DeskView::open(folder, ctx);
        let mut message = self.tf(
            "status-desk-opened",
            &[
                ("path", desk.root.display().to_string().into()),
                ("articles", desk.rows.len().into()),
            ],
        );
        let mut trouble = false;
        if !copies.is_empty() {
            let (merged, conflicts, refused) = copies.iter().fold(
                (0usize, 0usize, 0usize),
                |(merged, conflicts, refused), (_, outcome)| match outcome {
                    Ok(crate::desk::copies::CopyOutcome::Merged { conflicts: c, .. }) => {
                        (merged + 1, conflicts + c, refused)
                    }
                    _ => (merged, conflicts, refused + 1),
                },
            );
            trouble = refused > 0;
            message.push(' ');
            message.push_str(&self.tf(
                "status-copies-merged",
                &[
                    ("merged", merged.into()),
                    ("conflicts", conflicts.into()),
                    ("refused", refused.into()),
                ],
            ));
        }
        self.post(message, trouble);
        self.settings.remember_recent(&desk.root);
        self.settings.last_desk = Some(desk.root.clone());
        self.desk = Some(desk);
        self.view = View::Desk;
    }

    /// Opens an article of the desk (with its sidecar review, which Ctrl+S writes) in the workbench.
    pub fn open_from_desk(&mut self, request: desk_view::OpenArticle, ctx: &egui::Context) {
        if let Some(desk) = &mut self.desk {
            desk.select_article(&request.article);
        }
        if self.workbench.is_dirty() {
            self.view = View::Workbench;
            self.dialog = Some(Dialog::UnsavedChanges {
                then: PendingAction::OpenFromDesk(request),
            });
            return;
        }
        self.next.review_path = Some(request.review);
        self.next.select = request.claim;
        self.next.from_desk = true;
        self.view = View::Workbench;
        self.open_now(request.article, ctx);
    }

    /// The desk article `step` away from the open one (or the next with pending claims), opened.
    pub(super) fn open_neighbour(&mut self, step: isize, pending: bool, ctx: &egui::Context) {
        let Some(desk) = &self.desk else {
            self.post(self.t("status-navigation-needs-desk"), true);
            return;
        };
        let current = self.workbench.workspace.as_ref().and_then(|w| {
            w.article_path
                .as_deref()
                .or(w.review_path.as_deref())
                .and_then(|p| desk.relative_of(p))
        });
        let from = if self.view == View::Desk {
            desk.selected.clone()
        } else {
            current
        };
        match desk
            .neighbour(from.as_deref(), step, pending)
            .and_then(|next| desk.open_request(&next, None))
        {
            Some(request) => self.open_from_desk(request, ctx),
            None => self.post(
                if pending {
                    self.t("status-no-further-pending-article")
                } else {
                    self.t("status-no-further-article")
                },
                false,
            ),
        }
    }

    pub(super) fn open_sample(&mut self, name: &'static str, text: &'static str) {
        let m = self.messages();
        let inject = &mut self.inject_panic;
        match files::guarded(files::Work::Extract, Path::new(name), m, || {
            files::fail_if_injected(inject, files::Work::Extract);
            Ok(files::review_of_text(name, text))
        }) {
            Ok(review) => self.install(Workspace::new(review, true, None, None)),
            Err(message) => {
                let title = self.t("error-open-sample");
                self.show_job_error(&title, message);
            }
        }
    }

    /// An error dialog and status message for work that failed; the open review stays as it was.
    pub(super) fn show_job_error(&mut self, title: &str, message: String) {
        self.post(message.clone(), true);
        self.dialog = Some(Dialog::Error {
            title: title.to_owned(),
            message,
        });
    }

    pub(super) fn install(&mut self, workspace: Workspace) {
        let wanted = self.next.select.take();
        let conflicted = self.workbench.install(workspace, wanted);
        if !conflicted.is_empty() {
            let message = self.tf(
                "status-merge-conflicts",
                &[
                    ("count", conflicted.len().into()),
                    ("claims", conflicted.join(", ").into()),
                ],
            );
            self.post(message, true);
        }
    }

    /// Opens a recovery copy in place of the open review; it counts as unsaved.
    pub(super) fn restore(&mut self, info: &RecoveryInfo) {
        match store::load(&info.recovery_file) {
            Ok(review) => {
                let mut workspace = Workspace::new(review, false, info.review_path.clone(), None);
                workspace.autosave_due = true;
                self.install(workspace);
                self.post(self.t("status-recovered"), false);
            }
            Err(error) => self.post(error.in_words(self.messages()), true),
        }
    }

    pub(super) fn poll_jobs(&mut self, ctx: &egui::Context) {
        if let Some(job) = &mut self.train_job {
            match job.poll() {
                None => ctx.request_repaint_after(Duration::from_millis(200)),
                Some(outcome) => {
                    self.train_job = None;
                    let result = outcome.unwrap_or_else(|failure| Err(format!("{failure:?}")));
                    match result {
                        Ok(message) => {
                            if let Some(root) = self.desk.as_ref().map(|d| d.root.clone()) {
                                // Read again with the new model: the table's counts were the old model's.
                                self.desk = Some(desk_view::DeskView::open(root, ctx));
                            }
                            self.post(message, false);
                        }
                        Err(message) => {
                            self.dialog = Some(Dialog::Error {
                                title: self.t("error-learn-from-desk"),
                                message: message.clone(),
                            });
                            self.post(message, true);
                        }
                    }
                }
            }
        }
        if let Some(job) = &mut self.opening {
            match job.poll() {
                None => ctx.request_repaint_after(Duration::from_millis(100)),
                Some(result) => {
                    let path = job.path.clone();
                    self.opening = None;
                    self.finish_load(result, &path);
                }
            }
        }
        if let Some(dialog) = &mut self.file_dialog {
            if let Some(outcome) = dialog.poll() {
                let purpose = dialog.purpose;
                self.file_dialog = None;
                self.finish_file_dialog(purpose, outcome, ctx);
            } else {
                ctx.request_repaint_after(Duration::from_millis(200));
            }
        }
    }

    pub(super) fn finish_load(&mut self, result: Result<Loaded, String>, path: &Path) {
        let from_desk = std::mem::take(&mut self.next.from_desk);
        match result {
            Err(message) => {
                // The open review stays as it was; the message names the file and the problem.
                let title = if crate::article::fetch::address_in_path(path).is_some() {
                    self.t("error-open-address")
                } else {
                    self.t("error-open-file")
                };
                self.dialog = Some(Dialog::Error {
                    title,
                    message: message.clone(),
                });
                self.post(message, true);
            }
            Ok(Loaded::Review {
                review,
                path,
                reanchored,
            }) => {
                self.settings.remember_recent(&path);
                self.remember_last(&path, from_desk);
                let count = review.claims.len();
                let dirty = reanchored.is_some();
                self.next.review_path = None;
                self.install(Workspace::new(review, !dirty, Some(path.clone()), None));
                match reanchored {
                    Some(report) => {
                        if let Some(workspace) = &mut self.workbench.workspace {
                            workspace.autosave_due = true;
                        }
                        self.dialog = Some(Dialog::Error {
                            title: self.t("error-article-changed"),
                            message: report.summary(),
                        });
                        self.post(report.summary(), false);
                    }
                    None => self.post(
                        self.tf(
                            "status-resumed",
                            &[
                                ("path", path.display().to_string().into()),
                                ("count", count.into()),
                            ],
                        ),
                        false,
                    ),
                }
            }
            Ok(Loaded::Article {
                review,
                article_path,
                warnings,
            }) => {
                self.settings.remember_recent(path);
                self.remember_last(article_path.as_deref().unwrap_or(path), from_desk);
                let count = review.claims.len();
                let beside = article_path.as_deref().map(files::review_path_for);
                let review_path = self.next.review_path.take();
                // A review just extracted holds nothing the analyst did: nothing to lose, nothing to ask
                // about on quitting. The status line says that it has no file yet.
                let _ = from_desk;
                self.install(Workspace::new(
                    review,
                    true,
                    review_path.clone(),
                    article_path,
                ));
                let mut message = self.tf(
                    "status-claims-found",
                    &[
                        ("count", count.into()),
                        ("path", path.display().to_string().into()),
                    ],
                );
                for warning in warnings {
                    message.push(' ');
                    message.push_str(&warning.in_words(self.messages()));
                }
                self.post(message, false);
                if let Some(beside) =
                    beside.filter(|b| b.is_file() && review_path.as_deref() != Some(b.as_path()))
                {
                    self.dialog = Some(Dialog::ResumeReview {
                        review_path: beside,
                    });
                }
            }
        }
    }

    pub(super) fn finish_file_dialog(
        &mut self,
        purpose: DialogPurpose,
        outcome: DialogOutcome,
        ctx: &egui::Context,
    ) {
        match outcome {
            DialogOutcome::Cancelled => {}
            DialogOutcome::Chosen(path) => self.use_chosen_path(purpose, path, ctx),
            DialogOutcome::Unavailable => {
                let note = self.t("status-no-file-dialog");
                let text = match purpose {
                    DialogPurpose::SaveAs => self
                        .suggested_review_path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default(),
                    _ => String::new(),
                };
                self.dialog = Some(Dialog::PathEntry {
                    purpose,
                    text,
                    note: Some(note.clone()),
                });
            }
        }
    }

    pub(super) fn use_chosen_path(
        &mut self,
        purpose: DialogPurpose,
        path: PathBuf,
        ctx: &egui::Context,
    ) {
        match purpose {
            DialogPurpose::Open | DialogPurpose::OpenFolder | DialogPurpose::OpenAddress => {
                self.request_open(path, ctx);
            }
            DialogPurpose::SaveAs => {
                let current = self
                    .workbench
                    .workspace
                    .as_ref()
                    .and_then(|w| w.review_path.clone());
                if path.exists() && current.as_deref() != Some(path.as_path()) {
                    // Never replace another file without asking: it may be an earlier review.
                    self.dialog = Some(Dialog::ConfirmOverwrite { path });
                    return;
                }
                self.save_as(path);
            }
            DialogPurpose::Export => {
                let format = match &self.dialog {
                    Some(Dialog::Export { format, .. }) => *format,
                    _ => crate::export::Format::Html,
                };
                self.export_to(format, &path);
            }
        }
    }

    pub(super) fn suggested_review_path(&self) -> Option<PathBuf> {
        let workspace = self.workbench.workspace.as_ref()?;
        if let Some(path) = &workspace.review_path {
            return Some(path.clone());
        }
        if let Some(article) = &workspace.article_path {
            Some(files::review_path_for(article))
        } else {
            let article = &workspace.review().article;
            let stem = if article.url.is_some() {
                // A web article has no file to sit beside: its name comes from its headline.
                files::file_name_for_title(article.title.as_deref().unwrap_or("article"))
            } else {
                Path::new(&article.source)
                    .file_stem()?
                    .to_string_lossy()
                    .into_owned()
            };
            Some(
                std::env::current_dir()
                    .ok()?
                    .join(format!("{stem}.review.json")),
            )
        }
    }

    /// `<review or article stem>.<format extension>` beside the review or article.
    pub(super) fn suggested_export_path(&self, format: crate::export::Format) -> String {
        let Some(base) = self.suggested_review_path() else {
            return String::new();
        };
        let name = base
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stem = name.strip_suffix(".review.json").unwrap_or(&name);
        base.with_file_name(format!("{stem}.{}", format.extension()))
            .display()
            .to_string()
    }

    /// Writes an export of the open review; the review itself is not touched.
    pub fn export_to(&mut self, format: crate::export::Format, path: &Path) {
        let m = self.messages();
        let Some(workspace) = &self.workbench.workspace else {
            return;
        };
        let options = crate::export::ExportOptions {
            reviewer_name: self.settings.reviewer_name.trim().to_owned(),
            reviewer_url: Some(self.settings.reviewer_url.trim().to_owned())
                .filter(|u| crate::web_url::is_web_url(u)),
            review_url: None,
            include_source_path: false,
            approved_only: self.settings.export_approved_only,
            article_url: None,
            report_language: self.settings.export_language,
            include_training_examples: self.settings.export_training_examples,
        };
        let result = crate::export::export(workspace.review(), format, &options)
            .map_err(|e| e.in_words(m))
            .and_then(|exported| {
                store::write_atomic(path, &exported.bytes)
                    .map(|()| exported)
                    .map_err(|e| e.in_words(m))
            });
        match result {
            Ok(exported) => {
                let message = self.tf(
                    "status-exported",
                    &[
                        ("format", format.label().into()),
                        ("path", path.display().to_string().into()),
                        ("skipped", exported.skipped_pending.into()),
                    ],
                );
                self.dialog = None;
                self.post(message, false);
            }
            Err(message) => {
                self.dialog = Some(Dialog::Error {
                    title: self.t("error-export"),
                    message,
                });
            }
        }
    }

    pub(super) fn start_file_dialog(&mut self, purpose: DialogPurpose, ctx: &egui::Context) {
        if self.file_dialog.is_some() {
            return;
        }
        let suggestion = match purpose {
            DialogPurpose::Open | DialogPurpose::OpenFolder | DialogPurpose::OpenAddress => None,
            DialogPurpose::SaveAs | DialogPurpose::Export => self.suggested_review_path(),
        };
        let directory = suggestion
            .as_ref()
            .and_then(|p| p.parent().map(Path::to_owned))
            .or_else(|| {
                self.workbench
                    .workspace
                    .as_ref()
                    .and_then(|w| w.article_path.as_ref()?.parent().map(Path::to_owned))
            });
        let name = suggestion.and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()));
        self.file_dialog = Some(FileDialog::start(
            purpose,
            directory,
            name,
            ctx,
            self.messages(),
        ));
    }

    /// Makes `path` the review's file and saves there.
    pub fn save_as(&mut self, path: PathBuf) {
        let mut earlier_path = None;
        if let Some(workspace) = &mut self.workbench.workspace {
            earlier_path = Some(workspace.review_path.replace(path));
        }
        // The recovery copy was kept under the document's earlier identity (no file yet, or another
        // one): once saved under the new name, that copy must not come back at the next start.
        if self.save()
            && let Some(earlier_path) = earlier_path
            && let Some(workspace) = &self.workbench.workspace
            && earlier_path != workspace.review_path
        {
            files::remove_recovery(
                self.data_dir.as_deref(),
                workspace.review(),
                earlier_path.as_deref(),
            );
        }
    }

    /// Saves to the review path; asks for one when there is none. Returns whether the review is saved.
    pub fn save(&mut self) -> bool {
        // The window's messages, taken before the review is borrowed for writing.
        let m = self.messages();
        let selected = self.workbench.ui.selected.clone();
        let Some(workspace) = &mut self.workbench.workspace else {
            return false;
        };
        let Some(path) = workspace.review_path.clone() else {
            let text = self
                .suggested_review_path()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            self.dialog = Some(Dialog::PathEntry {
                purpose: DialogPurpose::SaveAs,
                text,
                note: None,
            });
            return false;
        };
        // A review of a desk is never written through a link that leaves the desk.
        let desk = self
            .desk
            .as_ref()
            .map(|desk| desk.root.clone())
            .filter(|root| path.starts_with(root))
            .or_else(|| crate::layout::enclosing_desk(&path));
        if let Some(desk) = desk
            && let Err(error) = store::check_inside_desk(&path, &desk)
        {
            let title = m.text("error-save");
            self.show_job_error(&title, error.in_words(m));
            return false;
        }
        // Someone saved the file since this window read or wrote it (a colleague, `git pull`, a second
        // window): merge with what was read as the base instead of overwriting their work.
        let mut merge_note = None;
        if let Some((base, digest)) = &workspace.on_disk
            && let Some(current) = files::digest_of_file(&path)
            && &current != digest
        {
            let merged = store::load(&path)
                .map_err(|e| e.in_words(m))
                .and_then(|theirs| {
                    crate::review::merge::merge(base, workspace.review(), &theirs)
                        .map_err(|e| e.in_words(m))
                });
            match merged {
                Ok(merged) => {
                    let conflicts = merged.conflicts;
                    workspace.document.absorb(merged.review);
                    merge_note = Some(conflicts);
                }
                Err(reason) => {
                    self.dialog = Some(Dialog::Error {
                        title: m.text("error-review-changed-on-disk"),
                        message: m.format(
                            "error-review-changed-text",
                            &[
                                ("path", path.display().to_string().into()),
                                ("reason", reason.clone().into()),
                            ],
                        ),
                    });
                    return false;
                }
            }
        }
        let previous_recovery_key =
            files::recovery_key(workspace.review(), workspace.review_path.as_deref());
        {
            let (selected_slot, modified) = workspace.document.review_metadata_mut();
            *selected_slot = selected;
            *modified = crate::review::now_rfc3339();
        }
        let inject = &mut self.inject_panic;
        let saved = files::guarded(files::Work::Save, &path, m, || {
            files::fail_if_injected(inject, files::Work::Save);
            store::save(workspace.review(), &path).map_err(|e| e.in_words(m))
        });
        match saved {
            Ok(()) => {
                workspace.document.mark_saved();
                workspace.on_disk =
                    files::digest_of_file(&path).map(|digest| (workspace.review().clone(), digest));
                workspace.autosave_due = false;
                files::remove_recovery(self.data_dir.as_deref(), workspace.review(), Some(&path));
                if previous_recovery_key != files::recovery_key(workspace.review(), Some(&path)) {
                    files::remove_recovery(self.data_dir.as_deref(), workspace.review(), None);
                }
                self.settings.remember_recent(&path);
                if workspace.article_path.is_none() {
                    self.settings.last_article = Some(path.clone());
                }
                let shown: FluentValue<'_> = path.display().to_string().into();
                match merge_note {
                    Some(0) => self.post(self.tf("status-saved-merged", &[("path", shown)]), false),
                    Some(conflicts) => self.post(
                        self.tf(
                            "status-saved-merged-conflicts",
                            &[("path", shown), ("count", conflicts.into())],
                        ),
                        true,
                    ),
                    None => self.post(self.tf("status-saved-file", &[("path", shown)]), false),
                }
                true
            }
            Err(message) => {
                let title = self.t("error-save");
                self.show_job_error(&title, message);
                false
            }
        }
    }

    pub(super) fn autosave(&mut self) {
        let Some(workspace) = &mut self.workbench.workspace else {
            return;
        };
        if !workspace.document.is_dirty() || !workspace.autosave_due {
            return;
        }
        if workspace
            .last_autosave
            .is_some_and(|t| t.elapsed() < self.autosave_every)
        {
            return;
        }
        workspace.last_autosave = Some(Instant::now());
        match files::write_recovery(
            self.data_dir.as_deref(),
            workspace.review(),
            workspace.review_path.as_deref(),
        ) {
            Ok(_) => workspace.autosave_due = false,
            Err(error) => self.post(
                self.tf(
                    "status-recovery-not-written",
                    &[("error", error.clone().into())],
                ),
                true,
            ),
        }
    }

    /// Carries out what waited for the unsaved-changes decision.
    pub fn continue_pending(&mut self, action: PendingAction, ctx: &egui::Context) {
        match action {
            PendingAction::Open(path) => self.open_now(path, ctx),
            PendingAction::OpenFromDesk(request) => self.open_from_desk(request, ctx),
            PendingAction::OpenSample(name, text) => self.open_sample(name, text),
            PendingAction::Quit => {
                self.quit_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Drops unsaved changes of the open review (and its recovery copy).
    pub fn discard_changes(&mut self) {
        if let Some(workspace) = &mut self.workbench.workspace {
            files::remove_recovery(
                self.data_dir.as_deref(),
                workspace.review(),
                workspace.review_path.as_deref(),
            );
            workspace.document.mark_saved();
        }
    }
}
