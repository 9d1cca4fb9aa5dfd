//! The egui workbench: claim list, article, inspector. It reads the review and changes it only through
//! [`Edit`]s and [`Command`]s, applied at the end of each frame.

mod article_view;
pub mod checked_before;
mod claim_list;
pub mod command;
pub mod desk_view;
mod dialogs;
pub mod files;
mod input;
mod inspector;
mod opening;
pub mod path_browser;
pub mod theme;

use crate::i18n::InWords;
use crate::review::{Verdict, Vocabulary};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

pub use command::Command;
use files::{DialogPurpose, FileDialogJob, LoadJob, RecoveryInfo};

use crate::article::Language;
use crate::article::Span;
use crate::i18n::{Locale, Messages};
use crate::review::Review;
use crate::review::edit::{Document, Edit};
use fluent_bundle::FluentValue;

/// The German sample article, opened when claimdesk starts without a file.
pub const GERMAN_SAMPLE: (&str, &str) = (
    "sample-de-stadtwerke.txt",
    include_str!("../../assets/samples/de-stadtwerke.txt"),
);
/// The English sample article.
pub const ENGLISH_SAMPLE: (&str, &str) = (
    "sample-en-harbour.txt",
    include_str!("../../assets/samples/en-harbour.txt"),
);

/// How often a recovery copy of unsaved work is written.
const AUTOSAVE_EVERY: Duration = Duration::from_secs(20);

/// What to open at start.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    /// An article or review file; `None` opens the bundled sample.
    pub file: Option<PathBuf>,
    /// Where Ctrl+S saves.
    pub review: Option<PathBuf>,
    /// Force the article language.
    pub language: Option<Language>,
    /// Where recovery copies go; `None` uses [`files::default_data_dir`].
    pub data_dir: Option<PathBuf>,
    /// The analyst's name for this session (`--reviewer`, `CLAIMDESK_REVIEWER`).
    pub reviewer: Option<String>,
    /// Ask for the analyst's name when none is known (the real window; tests leave it off).
    pub ask_reviewer: bool,
}

/// The window icon (`assets/icon/claimdesk-128.png`; the desktop entry installs the 256 px and SVG ones).
/// 128 px because X11 refuses a 256 px `_NET_WM_ICON` (over 256 KB) from clients without big requests,
/// and the window would have no icon at all.
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icon/claimdesk-128.png");

/// The window icon; an empty one if the bundled PNG could not be decoded (a build defect the tests catch).
#[must_use]
pub fn window_icon() -> std::sync::Arc<egui::IconData> {
    std::sync::Arc::new(eframe::icon_data::from_png_bytes(ICON_PNG).unwrap_or_default())
}

/// Opens the workbench window and runs until it is closed.
///
/// # Errors
/// When no window can be created (no display, no graphics driver).
pub fn run(options: StartOptions) -> anyhow::Result<()> {
    let native_options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("claimdesk")
            .with_inner_size([1400.0, 860.0])
            .with_min_inner_size([720.0, 420.0])
            .with_drag_and_drop(true)
            .with_app_id("claimdesk")
            .with_icon(window_icon()),
        ..Default::default()
    };
    eframe::run_native(
        "claimdesk",
        native_options,
        Box::new(move |cc| {
            let settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default();
            Ok(Box::new(ClaimDeskApp::new(&cc.egui_ctx, settings, options)))
        }),
    )
    .map_err(|error| {
        anyhow::anyhow!(
            "cannot open the claimdesk window: {error}. Is a graphical display available?"
        )
    })
}

/// Light, dark, or whatever the system says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ThemeChoice {
    /// Follow the system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// How the claim list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum SortOrder {
    /// As in the article.
    #[default]
    Position,
    /// Most check-worthy first.
    Score,
}

/// Options that persist between sessions (eframe storage).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The theme.
    pub theme: ThemeChoice,
    /// Article text size in points.
    pub text_size: f32,
    /// Recently opened files, newest first.
    pub recent: Vec<PathBuf>,
    /// After a verdict, jump to the next pending claim.
    pub advance_after_verdict: bool,
    /// Claim list order.
    pub sort: SortOrder,
    /// The reviewing organisation, for exports.
    pub reviewer_name: String,
    /// Its web site, for exports.
    pub reviewer_url: String,
    /// The analyst's own name, recorded with every change (empty until given).
    pub analyst: String,
    /// The export dialog's "approved verdicts only" box.
    pub export_approved_only: bool,
    /// The export dialog's report language; `None`: the article's.
    pub export_language: Option<crate::i18n::Locale>,
    /// The window's language (View → Language); `None`: the system's.
    pub ui_language: Option<Locale>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::System,
            text_size: 17.0,
            recent: Vec::new(),
            advance_after_verdict: true,
            sort: SortOrder::Position,
            reviewer_name: crate::export::DEFAULT_REVIEWER.to_owned(),
            reviewer_url: String::new(),
            analyst: String::new(),
            export_approved_only: false,
            export_language: None,
            ui_language: None,
        }
    }
}

/// The system's language if claimdesk speaks it, else English.
#[must_use]
pub fn system_locale() -> Locale {
    sys_locale::get_locale()
        .and_then(|code| Locale::parse(&code))
        .unwrap_or_default()
}

const MAX_RECENT: usize = 10;

/// Which verdicts the claim list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerdictFilter {
    /// Show pending claims.
    pub pending: bool,
    /// Show confirmed claims.
    pub confirmed: bool,
    /// Show denied claims.
    pub denied: bool,
    /// Show unverified claims.
    pub unverified: bool,
}

impl Default for VerdictFilter {
    fn default() -> Self {
        Self {
            pending: true,
            confirmed: true,
            denied: true,
            unverified: true,
        }
    }
}

impl VerdictFilter {
    /// Whether a claim with `verdict` is shown.
    #[must_use]
    pub fn shows(&self, verdict: Option<Verdict>) -> bool {
        match verdict {
            None => self.pending,
            Some(Verdict::Confirmed) => self.confirmed,
            Some(Verdict::Denied) => self.denied,
            Some(Verdict::Unverified) => self.unverified,
        }
    }
}

/// The open review and where it lives.
pub struct Workspace {
    /// The review with its history.
    pub document: Document,
    /// Where Ctrl+S writes; `None` until the first "Save as".
    pub review_path: Option<PathBuf>,
    /// The article file, when it came from one.
    pub article_path: Option<PathBuf>,
    /// Paragraphs (lines) of the article text.
    pub paragraphs: Vec<Span>,
    /// Sentence segments, for adding a sentence as a claim.
    pub sentences: Vec<Span>,
    /// When the last recovery copy was written.
    last_autosave: Option<Instant>,
    /// Whether unsaved work has changed since the last recovery copy.
    autosave_due: bool,
    /// The review file as this window last read or wrote it, and its bytes' checksum: the base for merging
    /// when someone else saved the file meanwhile.
    pub(crate) on_disk: Option<(Review, String)>,
}

impl Workspace {
    fn new(
        review: Review,
        saved: bool,
        review_path: Option<PathBuf>,
        article_path: Option<PathBuf>,
    ) -> Self {
        let text = &review.article.text;
        let paragraphs = paragraphs_of(text);
        let sentences = crate::extract::sentences(text, review.article.language);
        let on_disk = review_path
            .as_deref()
            .filter(|_| saved)
            .and_then(files::digest_of_file)
            .map(|digest| (review.clone(), digest));
        Self {
            on_disk,
            document: Document::new(review, saved),
            review_path,
            article_path,
            paragraphs,
            sentences,
            last_autosave: None,
            autosave_due: false,
        }
    }

    /// The review.
    #[must_use]
    pub fn review(&self) -> &Review {
        self.document.review()
    }

    /// A short name for the window title and status bar.
    #[must_use]
    pub fn display_name(&self) -> String {
        let path = self.review_path.as_ref().or(self.article_path.as_ref());
        path.and_then(|p| p.file_name()).map_or_else(
            || self.review().article.source.clone(),
            |n| n.to_string_lossy().into_owned(),
        )
    }
}

/// Non-empty lines of a text, as spans.
fn paragraphs_of(text: &str) -> Vec<Span> {
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        if !text[start..end].trim().is_empty() {
            paragraphs.push(Span { start, end });
        }
        start = end + 1;
    }
    paragraphs
}

/// A message in the status bar.
#[derive(Debug, Clone)]
pub struct StatusMessage {
    /// The text.
    pub text: String,
    /// Errors stay longer and are red.
    pub is_error: bool,
    /// When it was posted.
    pub posted: Instant,
}

/// What to do once unsaved changes are dealt with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PendingAction {
    /// Open a file.
    Open(PathBuf),
    /// Open an article of the desk.
    OpenFromDesk(desk_view::OpenArticle),
    /// Open a bundled sample.
    OpenSample(&'static str, &'static str),
    /// Close the window.
    Quit,
}

/// A modal dialog.
#[derive(Debug, Clone)]
pub enum Dialog {
    /// Save, discard or cancel before `then`.
    UnsavedChanges {
        /// What happens after.
        then: PendingAction,
    },
    /// Type a path (no system file dialog available, or by choice).
    PathEntry {
        /// What the path is for.
        purpose: DialogPurpose,
        /// The text typed so far.
        text: String,
        /// Why this dialog is shown.
        note: Option<String>,
    },
    /// An article has a review beside it.
    ResumeReview {
        /// The review file found.
        review_path: PathBuf,
    },
    /// Recovery copies from a session that did not end cleanly.
    Recover {
        /// The copies.
        copies: Vec<RecoveryInfo>,
    },
    /// The chosen file exists: replace it?
    ConfirmOverwrite {
        /// The file.
        path: PathBuf,
    },
    /// Export the review.
    Export {
        /// The format.
        format: crate::export::Format,
        /// Where to write, as typed.
        path: String,
    },
    /// Who is reviewing: the name recorded with every change.
    ReviewerName {
        /// The name as typed.
        text: String,
    },
    /// A failure worth more than a status line.
    Error {
        /// What failed.
        title: String,
        /// Why, and what to do.
        message: String,
    },
}

/// UI state that is not part of the review.
#[derive(Debug, Default)]
pub struct UiState {
    /// The selected claim.
    pub selected: Option<String>,
    /// The claim list search text.
    pub search: String,
    /// Which verdicts the list shows.
    pub filter: VerdictFilter,
    /// Scroll the list and article to the selected claim on the next frame.
    pub scroll_to_selected: bool,
    /// Text selected in the article, as a span of the article text.
    pub article_selection: Option<Span>,
    /// Where a drag selection started (byte offset).
    pub drag_anchor: Option<usize>,
    /// The evidence link being typed.
    pub new_evidence: String,
    /// Show the shortcut overlay.
    pub show_help: bool,
    /// The speaker being edited, per claim, until it is committed.
    pub speaker_draft: Option<(String, String)>,
}

/// Which view fills the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The article under review: claim list, article, inspector.
    #[default]
    Workbench,
    /// The desk: every article of a folder.
    Desk,
}

/// The workbench view's state: the open review with its file paths and undo history, the selection, the
/// claim list's filters and search, drafts and layout caches. The desk view owns its own
/// ([`desk_view::DeskView`]); the app routes commands to one or the other.
#[derive(Default)]
pub struct Workbench {
    /// The open review.
    pub workspace: Option<Workspace>,
    /// Selection, filters, focus.
    pub ui: UiState,
    /// Earlier checks of the open review's claims, from the desk's memory.
    pub checked_before: checked_before::CheckedBefore,
    article_layout: article_view::ArticleLayout,
    visible_cache: std::cell::RefCell<Option<(VisibleKey, Vec<usize>)>>,
}

/// The claimdesk window.
pub struct ClaimDeskApp {
    /// Persisted options.
    pub settings: Settings,
    /// The workbench view: the open review and everything about how it is shown.
    pub workbench: Workbench,
    /// The current dialog.
    pub dialog: Option<Dialog>,
    /// The open desk, if a folder was opened.
    pub desk: Option<desk_view::DeskView>,
    /// Which view is shown.
    pub view: View,
    /// The claim to select once the loading article is open (from a desk search).
    select_after_load: Option<String>,
    /// The typed-path dialog's folder listing, for the text it was made for (listed again only when the
    /// text changes).
    path_listing: Option<(String, path_browser::Listing)>,
    /// Training the desk's model in the background: the message to show when it is done.
    train_job: Option<std::sync::mpsc::Receiver<Result<String, String>>>,
    /// The loading article comes from the desk: a fresh extraction holds no work of the analyst, so moving
    /// on without saving asks nothing and leaves no file behind.
    opening_from_desk: bool,
    /// The status line.
    pub status: Option<StatusMessage>,
    /// Commands to apply at the end of the frame.
    pending_commands: Vec<Command>,
    /// Edits to apply at the end of the frame.
    pending_edits: Vec<Edit>,
    load_job: Option<LoadJob>,
    file_dialog: Option<FileDialogJob>,
    start_review_path: Option<PathBuf>,
    language: Option<Language>,
    quit_confirmed: bool,
    data_dir: Option<PathBuf>,
    /// How often unsaved work is copied to the data directory.
    pub autosave_every: Duration,
    window_title: String,
    /// Makes the next job of this kind panic, as a bug in it would: lets tests prove that the window and the
    /// open review survive any failing job.
    #[doc(hidden)]
    pub inject_panic: Option<files::Job>,
    /// The analyst's name is to be asked for as soon as no other dialog is open.
    ask_reviewer: bool,
}

/// What the visible claim list depends on.
#[derive(Debug, Clone, PartialEq)]
struct VisibleKey {
    search: String,
    filter: VerdictFilter,
    sort: SortOrder,
    revision: u64,
    claims: usize,
    sha256: String,
}

impl ClaimDeskApp {
    /// The app, opening `options.file` (or the German sample).
    pub fn new(ctx: &egui::Context, settings: Settings, options: StartOptions) -> Self {
        let mut app = Self {
            settings,
            workbench: Workbench::default(),
            dialog: None,
            desk: None,
            view: View::Workbench,
            select_after_load: None,
            opening_from_desk: false,
            status: None,
            pending_commands: Vec::new(),
            path_listing: None,
            train_job: None,
            pending_edits: Vec::new(),
            load_job: None,
            file_dialog: None,
            start_review_path: options.review.clone(),
            language: options.language,
            quit_confirmed: false,
            data_dir: options.data_dir.clone().or_else(files::default_data_dir),
            autosave_every: AUTOSAVE_EVERY,
            window_title: String::new(),
            inject_panic: None,
            ask_reviewer: false,
        };
        apply_theme(ctx, app.settings.theme);
        match options.file {
            Some(path) if path.is_dir() => app.open_desk(path, ctx),
            Some(path) => app.open_now(path, ctx),
            None => {
                app.open_sample(GERMAN_SAMPLE.0, GERMAN_SAMPLE.1);
                app.post(app.t("status-sample-opened"), false);
            }
        }
        if let Some(name) = options.reviewer.filter(|n| !n.trim().is_empty()) {
            app.settings.analyst = name.trim().to_owned();
        }
        let copies = files::pending_recoveries(app.data_dir.as_deref());
        if !copies.is_empty() {
            app.dialog = Some(Dialog::Recover { copies });
        }
        app.ask_reviewer = options.ask_reviewer && app.settings.analyst.trim().is_empty();
        app
    }

    /// The window's language: chosen in View → Language, else the system's.
    #[must_use]
    pub fn locale(&self) -> Locale {
        self.settings.ui_language.unwrap_or_else(system_locale)
    }

    /// The window's messages.
    #[must_use]
    pub fn messages(&self) -> &'static Messages {
        self.locale().messages()
    }

    fn t(&self, id: &str) -> String {
        self.messages().text(id)
    }

    fn tf(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.messages().format(id, args)
    }

    /// Posts a status message.
    pub fn post(&mut self, text: impl Into<String>, is_error: bool) {
        self.status = Some(StatusMessage {
            text: text.into(),
            is_error,
            posted: Instant::now(),
        });
    }

    /// Queues a command for the end of the frame.
    pub fn command(&mut self, command: Command) {
        self.pending_commands.push(command);
    }

    /// Queues an edit for the end of the frame.
    pub fn edit(&mut self, edit: Edit) {
        self.pending_edits.push(edit);
    }

    /// Whether a file is loading in the background.
    #[must_use]
    pub fn is_loading(&self) -> bool {
        self.load_job.is_some()
    }

    /// The selected claim's index in the review.
    #[must_use]
    pub fn selected_index(&self) -> Option<usize> {
        let workspace = self.workbench.workspace.as_ref()?;
        workspace
            .review()
            .index_of(self.workbench.ui.selected.as_deref()?)
    }

    /// Indices of the claims the list shows, in list order.
    #[must_use]
    pub fn visible_claims(&self) -> Vec<usize> {
        let Some(workspace) = &self.workbench.workspace else {
            return Vec::new();
        };
        let key = VisibleKey {
            search: self.workbench.ui.search.clone(),
            filter: self.workbench.ui.filter,
            sort: self.settings.sort,
            revision: workspace.document.revision(),
            claims: workspace.review().claims.len(),
            sha256: workspace.review().article.sha256.clone(),
        };
        if let Some((cached_key, cached)) = &*self.workbench.visible_cache.borrow()
            && *cached_key == key
        {
            return cached.clone();
        }
        let computed = self.compute_visible_claims(workspace);
        *self.workbench.visible_cache.borrow_mut() = Some((key, computed.clone()));
        computed
    }

    fn compute_visible_claims(&self, workspace: &Workspace) -> Vec<usize> {
        let needle = self.workbench.ui.search.trim().to_lowercase();
        let mut indices: Vec<usize> = workspace
            .review()
            .claims
            .iter()
            .enumerate()
            .filter(|(_, claim)| self.workbench.ui.filter.shows(claim.verdict))
            .filter(|(_, claim)| {
                needle.is_empty()
                    || claim.text.to_lowercase().contains(&needle)
                    || claim
                        .speaker
                        .as_ref()
                        .is_some_and(|s| s.to_lowercase().contains(&needle))
                    || claim.note.to_lowercase().contains(&needle)
            })
            .map(|(index, _)| index)
            .collect();
        if self.settings.sort == SortOrder::Score {
            let claims = &workspace.review().claims;
            indices.sort_by(|&a, &b| claims[b].score.total_cmp(&claims[a].score).then(a.cmp(&b)));
        }
        indices
    }

    fn select(&mut self, id: Option<String>) {
        self.workbench.ui.selected = id;
        self.workbench.ui.scroll_to_selected = true;
        self.workbench.ui.new_evidence.clear();
        self.workbench.ui.speaker_draft = None;
    }

    fn select_relative(&mut self, step: isize) {
        let visible = self.visible_claims();
        let Some(workspace) = &self.workbench.workspace else {
            return;
        };
        let current = self
            .selected_index()
            .and_then(|index| visible.iter().position(|&v| v == index));
        let target = match current {
            Some(position) => position
                .saturating_add_signed(step)
                .min(visible.len().saturating_sub(1)),
            None if step < 0 => visible.len().saturating_sub(1),
            None => 0,
        };
        let id = visible
            .get(target)
            .map(|&index| workspace.review().claims[index].id.clone());
        if id.is_some() {
            self.select(id);
        }
    }

    fn select_next_pending(&mut self) {
        let visible = self.visible_claims();
        let Some(workspace) = &self.workbench.workspace else {
            return;
        };
        let claims = &workspace.review().claims;
        let current = self
            .selected_index()
            .and_then(|index| visible.iter().position(|&v| v == index));
        let start = current.map_or(0, |p| p + 1);
        let order = visible.iter().skip(start).chain(visible.iter().take(start));
        let next = order
            .copied()
            .find(|&index| claims[index].verdict.is_none());
        match next {
            Some(index) => {
                let id = claims[index].id.clone();
                self.select(Some(id));
            }
            None => self.post(self.t("status-all-reviewed"), false),
        }
    }

    // ----- commands and edits -------------------------------------------------------------------------

    fn apply_pending(&mut self, ctx: &egui::Context) {
        let commands = std::mem::take(&mut self.pending_commands);
        for command in commands {
            self.apply_command(command, ctx);
        }
        let edits = std::mem::take(&mut self.pending_edits);
        for edit in edits {
            self.apply_edit(edit);
        }
    }

    fn apply_edit(&mut self, edit: Edit) {
        if let Some(job) = &self.load_job {
            // The loading file replaces this review when it is ready; an edit now would be lost with it.
            let message = self.tf(
                "status-not-changed-opening",
                &[("path", job.path.display().to_string().into())],
            );
            self.post(message, true);
            return;
        }
        let Some(workspace) = &mut self.workbench.workspace else {
            return;
        };
        workspace.document.set_reviewer(&self.settings.analyst);
        match workspace.document.apply(edit) {
            Ok(()) => workspace.autosave_due = true,
            Err(error) => self.post(
                self.tf(
                    "status-not-changed",
                    &[("error", error.in_words(self.messages()).into())],
                ),
                true,
            ),
        }
    }

    /// Takes over the verdict of the selected claim's best "same" earlier check and cites it in the note,
    /// as one edit (one undo step).
    fn adopt_earlier_verdict(&mut self) {
        let Some(id) = self.selected_id() else {
            return;
        };
        let Some(found) = self.workbench.checked_before.best_same(&id).cloned() else {
            self.post(
                self.tf("status-no-earlier-verdict", &[("id", id.into())]),
                true,
            );
            return;
        };
        let Some(claim) = self
            .workbench
            .workspace
            .as_ref()
            .and_then(|w| w.review().claim(&id))
        else {
            return;
        };
        let citation = checked_before::citation(&found, self.messages());
        if claim.verdict == Some(found.entry.verdict) && claim.note.contains(&citation) {
            self.post(
                self.tf("status-already-adopted", &[("id", id.into())]),
                false,
            );
            return;
        }
        let mut adopted = claim.clone();
        adopted.verdict = Some(found.entry.verdict);
        if !adopted.note.contains(&citation) {
            adopted.note = if adopted.note.trim().is_empty() {
                citation
            } else {
                format!("{}\n{citation}", adopted.note.trim_end())
            };
        }
        self.apply_edit(Edit::ReplaceClaim {
            claim: Box::new(adopted),
        });
        let verdict = Verdict::words(
            Vocabulary::Window,
            self.messages(),
            Some(found.entry.verdict),
        );
        let message = self.tf(
            "status-adopted",
            &[
                ("id", id.into()),
                ("verdict", verdict.into()),
                ("source", found.entry.source.clone().into()),
            ],
        );
        self.post(message, false);
    }

    fn selected_id(&self) -> Option<String> {
        self.workbench.ui.selected.clone().filter(|id| {
            self.workbench
                .workspace
                .as_ref()
                .is_some_and(|w| w.review().claim(id).is_some())
        })
    }

    fn apply_command(&mut self, command: Command, ctx: &egui::Context) {
        if self.dialog.is_some() && !matches!(command, Command::Quit) {
            return;
        }
        if let Some(verdict) = command.verdict() {
            if self.view == View::Desk {
                self.post(self.t("status-open-article-first"), true);
                return;
            }
            let Some(claim_id) = self.selected_id() else {
                self.post(self.t("status-select-claim-first"), true);
                return;
            };
            self.apply_edit(Edit::SetVerdict { claim_id, verdict });
            if verdict.is_some() && self.settings.advance_after_verdict {
                self.select_next_pending();
            }
            return;
        }
        if self.view == View::Desk
            && let Some(desk) = &mut self.desk
        {
            match command {
                Command::NextClaim => return desk.select_relative(1),
                Command::PreviousClaim => return desk.select_relative(-1),
                Command::Find => {
                    return ctx.memory_mut(|m| m.request_focus(desk_view::DeskView::filter_id()));
                }
                Command::OpenArticle => {
                    if let Some(request) = desk
                        .selected
                        .clone()
                        .and_then(|selected| desk.open_request(&selected, None))
                    {
                        self.open_from_desk(request, ctx);
                    }
                    return;
                }
                _ => {}
            }
        }
        match command {
            Command::Open => self.start_file_dialog(DialogPurpose::Open, ctx),
            Command::OpenFolder => self.start_file_dialog(DialogPurpose::OpenFolder, ctx),
            Command::OpenAddress => {
                self.dialog = Some(Dialog::PathEntry {
                    purpose: DialogPurpose::OpenAddress,
                    text: String::new(),
                    note: Some(self.t("dialog-address-note")),
                });
            }
            Command::CancelDownload => self.cancel_download(),
            Command::TrainDeskModel => self.train_desk_model(),
            Command::ShowDesk => match (&self.desk, self.view) {
                (None, _) => self.post(self.t("status-no-desk"), true),
                (Some(_), View::Desk) if self.workbench.workspace.is_some() => {
                    self.view = View::Workbench
                }
                (Some(_), _) => self.view = View::Desk,
            },
            Command::OpenArticle => {}
            Command::NextArticle => self.open_neighbour(1, false, ctx),
            Command::PreviousArticle => self.open_neighbour(-1, false, ctx),
            Command::NextPendingArticle => self.open_neighbour(1, true, ctx),
            Command::OpenPath => {
                self.dialog = Some(Dialog::PathEntry {
                    purpose: DialogPurpose::Open,
                    text: String::new(),
                    note: None,
                })
            }
            Command::Save => {
                self.save();
            }
            Command::SaveAs => self.start_file_dialog(DialogPurpose::SaveAs, ctx),
            Command::Export => {
                if self.workbench.workspace.is_some() {
                    let format = crate::export::Format::Html;
                    self.dialog = Some(Dialog::Export {
                        format,
                        path: self.suggested_export_path(format),
                    });
                }
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo => self.undo_redo(true),
            Command::Redo => self.undo_redo(false),
            Command::NextClaim => self.select_relative(1),
            Command::PreviousClaim => self.select_relative(-1),
            Command::NextPending => self.select_next_pending(),
            Command::EditNote => {
                if let Some(id) = self.selected_id() {
                    ctx.memory_mut(|m| m.request_focus(inspector::note_id(&id)));
                }
            }
            Command::AddEvidence => {
                if self.selected_id().is_some() {
                    ctx.memory_mut(|m| m.request_focus(inspector::evidence_id()));
                }
            }
            Command::AddClaim => self.add_claim_from_selection(),
            Command::SetSpanFromSelection => self.set_span_from_selection(),
            Command::RemoveClaim => self.remove_selected(),
            Command::AdoptEarlierVerdict => self.adopt_earlier_verdict(),
            Command::Approve => {
                if let Some(claim_id) = self.selected_id() {
                    self.apply_edit(Edit::Approve { claim_id });
                }
            }
            Command::KeepOurs | Command::TakeTheirs => {
                let theirs = command == Command::TakeTheirs;
                let conflicted = self.selected_id().filter(|id| {
                    self.workbench
                        .workspace
                        .as_ref()
                        .and_then(|w| w.review().claim(id))
                        .is_some_and(|c| !c.conflicts.is_empty())
                });
                match conflicted {
                    Some(claim_id) => self.apply_edit(Edit::ResolveConflict {
                        claim_id,
                        index: 0,
                        theirs,
                    }),
                    None => self.post(self.t("status-no-conflict"), false),
                }
            }
            Command::SetReviewerName => {
                self.dialog = Some(Dialog::ReviewerName {
                    text: self.settings.analyst.clone(),
                });
            }
            Command::Find => ctx.memory_mut(|m| m.request_focus(claim_list::search_id())),
            Command::ToggleAdvance => {
                self.settings.advance_after_verdict = !self.settings.advance_after_verdict;
                let state = if self.settings.advance_after_verdict {
                    "on"
                } else {
                    "off"
                };
                self.post(self.tf("status-advance", &[("state", state.into())]), false);
            }
            Command::ToggleSort => {
                self.settings.sort = match self.settings.sort {
                    SortOrder::Position => SortOrder::Score,
                    SortOrder::Score => SortOrder::Position,
                };
                self.workbench.ui.scroll_to_selected = true;
            }
            Command::ZoomIn => self.settings.text_size = (self.settings.text_size + 1.0).min(40.0),
            Command::ZoomOut => self.settings.text_size = (self.settings.text_size - 1.0).max(9.0),
            Command::ShowHelp => self.workbench.ui.show_help = !self.workbench.ui.show_help,
            Command::OpenGermanSample => self.request_sample(GERMAN_SAMPLE),
            Command::OpenEnglishSample => self.request_sample(ENGLISH_SAMPLE),
            Command::Confirm | Command::Deny | Command::MarkUnverified | Command::MarkPending => {}
        }
    }

    fn request_sample(&mut self, (name, text): (&'static str, &'static str)) {
        if self.is_dirty() {
            self.dialog = Some(Dialog::UnsavedChanges {
                then: PendingAction::OpenSample(name, text),
            });
        } else {
            self.open_sample(name, text);
        }
    }

    fn undo_redo(&mut self, undo: bool) {
        let Some(workspace) = &mut self.workbench.workspace else {
            return;
        };
        workspace.document.set_reviewer(&self.settings.analyst);
        let edit = if undo {
            workspace.document.undo()
        } else {
            workspace.document.redo()
        };
        let Some(edit) = edit else {
            let message = if undo {
                self.t("status-nothing-to-undo")
            } else {
                self.t("status-nothing-to-redo")
            };
            self.post(message, false);
            return;
        };
        workspace.autosave_due = true;
        // Follow the change: select the claim it touched, if it still exists.
        let touched = Some(edit.claim_id().to_owned());
        if let Some(id) = touched.filter(|id| workspace.review().claim(id).is_some()) {
            self.select(Some(id));
        }
        let what = describe_edit(self.messages(), &edit);
        let message = if undo {
            self.tf("status-undid", &[("edit", what.into())])
        } else {
            self.tf("status-redid", &[("edit", what.into())])
        };
        self.post(message, false);
    }

    /// The selected article text, or the sentence that holds the caret.
    fn selection_span(&self) -> Option<Span> {
        let workspace = self.workbench.workspace.as_ref()?;
        let selection = self.workbench.ui.article_selection?;
        let text = &workspace.review().article.text;
        if selection.is_empty() {
            return workspace
                .sentences
                .iter()
                .copied()
                .find(|s| s.start <= selection.start && selection.start <= s.end);
        }
        let slice = text.get(selection.start..selection.end)?;
        let start = selection.start + (slice.len() - slice.trim_start().len());
        let end = selection.end - (slice.len() - slice.trim_end().len());
        (start < end).then_some(Span { start, end })
    }

    fn add_claim_from_selection(&mut self) {
        let Some(span) = self.selection_span() else {
            self.post(self.t("status-select-text-first"), true);
            return;
        };
        let Some(workspace) = &self.workbench.workspace else {
            return;
        };
        let review = workspace.review();
        if let Some(existing) = review
            .claims
            .iter()
            .find(|c| c.start == span.start && c.end == span.end)
        {
            let id = existing.id.clone();
            self.select(Some(id));
            self.post(self.t("status-already-a-claim"), false);
            return;
        }
        let id = review.next_claim_id();
        let title = self.t("error-add-claim");
        let Some(claim) = self.analyse_span(span, id.clone(), &title) else {
            return;
        };
        self.apply_edit(Edit::AddClaim {
            claim: Box::new(claim),
        });
        self.workbench.ui.article_selection = None;
        self.select(Some(id));
        self.post(self.t("status-claim-added"), false);
    }

    /// The claim the extractor makes of `span` (a hand-made claim); `None` when the span holds no text.
    /// A failure is reported under `title`, the review unchanged.
    fn analyse_span(
        &mut self,
        span: Span,
        id: String,
        title: &str,
    ) -> Option<crate::review::Claim> {
        let m = self.messages();
        let review = self.workbench.workspace.as_ref()?.review();
        let analysed = files::guarded(
            files::Job::Extract,
            Path::new(&review.article.source),
            m,
            || {
                Ok(crate::extract::manual_claim(
                    &review.article.text,
                    review.article.language,
                    span,
                    id,
                ))
            },
        );
        match analysed {
            Ok(claim) => claim,
            Err(message) => {
                self.show_job_error(title, message);
                None
            }
        }
    }

    fn set_span_from_selection(&mut self) {
        let (Some(span), Some(id)) = (self.selection_span(), self.selected_id()) else {
            self.post(self.t("status-select-claim-and-text"), true);
            return;
        };
        let Some(workspace) = &self.workbench.workspace else {
            return;
        };
        let review = workspace.review();
        let Some(current) = review.claim(&id) else {
            return;
        };
        let current = current.clone();
        let title = self.t("error-change-claim");
        let Some(mut claim) = self.analyse_span(span, id.clone(), &title) else {
            return;
        };
        // The analyst's work on the claim stays; only the span and what follows from it change.
        claim.verdict = current.verdict;
        claim.note.clone_from(&current.note);
        claim.evidence.clone_from(&current.evidence);
        claim.origin = current.origin;
        claim.score = current.score;
        claim.kind = current.kind;
        if current.speaker.is_some() && claim.speaker.is_none() {
            claim.speaker.clone_from(&current.speaker);
        }
        self.apply_edit(Edit::ReplaceClaim {
            claim: Box::new(claim),
        });
        self.workbench.ui.article_selection = None;
        self.workbench.ui.scroll_to_selected = true;
        self.post(self.t("status-span-adjusted"), false);
    }

    fn remove_selected(&mut self) {
        let Some(id) = self.selected_id() else { return };
        let visible = self.visible_claims();
        let position = self
            .selected_index()
            .and_then(|index| visible.iter().position(|&v| v == index));
        let neighbour = position.and_then(|p| {
            visible
                .get(p + 1)
                .or_else(|| p.checked_sub(1).and_then(|q| visible.get(q)))
        });
        let neighbour_id = neighbour.and_then(|&index| {
            self.workbench
                .workspace
                .as_ref()
                .map(|w| w.review().claims[index].id.clone())
        });
        self.apply_edit(Edit::RemoveClaim { claim_id: id });
        self.select(neighbour_id);
        self.post(self.t("status-claim-removed"), false);
    }

    // ----- the frame ----------------------------------------------------------------------------------

    /// Draws one frame into `ui` (the whole window) and applies what the user did.
    pub fn root_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.poll_jobs(&ctx);
        let m = self.messages();
        if let Some(workspace) = &self.workbench.workspace {
            let location = workspace
                .review_path
                .clone()
                .or_else(|| workspace.article_path.clone());
            self.workbench.checked_before.refresh(
                &ctx,
                workspace.review(),
                workspace.document.revision(),
                location,
                m,
            );
        }
        self.handle_dropped_files(&ctx);
        self.handle_close_request(&ctx);
        input::InputPacer::install(&ctx);
        // Keyboard commands act before anything is drawn, in the order typed; keys after a command that
        // hands the keyboard to a text field or dialog wait for it (see `input`).
        let desk_shown = self.view == View::Desk;
        let active = move |command: Command| command != Command::OpenArticle || desk_shown;
        command::dispatch(&ctx, self.dialog.is_some(), &active, |command| {
            self.apply_command(command, &ctx);
            if self.dialog.is_some() || command::moves_focus_to_text(command) {
                command::AfterCommand::Text
            } else {
                command::AfterCommand::Shortcuts
            }
        });

        if let Some(desk) = &mut self.desk {
            desk.poll(&ctx);
        }
        self.menu_bar_ui(ui);
        self.status_bar_ui(ui);
        let messages = self.messages();
        if self.view == View::Desk
            && let Some(desk) = &mut self.desk
        {
            let open = egui::CentralPanel::default()
                .show(ui, |ui| desk.ui(ui, messages))
                .inner;
            if let Some(request) = open {
                self.open_from_desk(request, &ctx);
            }
        } else {
            if self.workbench.workspace.is_some() {
                egui::Panel::left("claims")
                    .resizable(true)
                    .default_size(330.0)
                    .min_size(220.0)
                    .show(ui, |ui| self.claim_list_ui(ui));
                egui::Panel::right("inspector")
                    .resizable(true)
                    .default_size(360.0)
                    .min_size(260.0)
                    .show(ui, |ui| self.inspector_ui(ui));
            }
            egui::CentralPanel::default().show(ui, |ui| self.article_ui(ui));
        }
        self.workbench.ui.scroll_to_selected = false;
        if self.ask_reviewer && self.dialog.is_none() && !self.is_loading() {
            // Asked once, after whatever the start had to say (recovery, a changed article).
            self.ask_reviewer = false;
            self.dialog = Some(Dialog::ReviewerName {
                text: std::env::var("USER").unwrap_or_default(),
            });
        }
        self.dialogs_ui(&ctx);
        if self.workbench.ui.show_help {
            self.help_ui(&ctx);
        }

        self.apply_pending(&ctx);
        self.autosave();
        self.update_title(&ctx);
        if self.is_dirty() {
            ctx.request_repaint_after(AUTOSAVE_EVERY);
        }
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.request_open(path, ctx);
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && self.is_dirty() && !self.quit_confirmed
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::UnsavedChanges {
                then: PendingAction::Quit,
            });
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match &self.workbench.workspace {
            Some(workspace) => {
                let marker = if workspace.document.is_dirty() {
                    " ●"
                } else {
                    ""
                };
                format!("{}{marker} — claimdesk", workspace.display_name())
            }
            None => "claimdesk".to_owned(),
        };
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    /// The window title as last set.
    #[must_use]
    pub fn window_title(&self) -> &str {
        &self.window_title
    }

    fn menu_bar_ui(&mut self, ui: &mut egui::Ui) {
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button(self.t("menu-file"), |ui| {
                    for command in [
                        Command::Open,
                        Command::OpenPath,
                        Command::OpenAddress,
                        Command::OpenFolder,
                    ] {
                        self.menu_item(ui, command);
                    }
                    if self
                        .load_job
                        .as_ref()
                        .is_some_and(|j| j.address().is_some())
                    {
                        self.menu_item(ui, Command::CancelDownload);
                    }
                    ui.menu_button(self.t("menu-open-recent"), |ui| {
                        if self.settings.recent.is_empty() {
                            ui.label(self.t("menu-no-recent-files"));
                        }
                        for path in self.settings.recent.clone() {
                            if ui.button(path.display().to_string()).clicked() {
                                let ctx = ui.ctx().clone();
                                self.request_open(path, &ctx);
                                ui.close();
                            }
                        }
                    });
                    ui.menu_button(self.t("menu-open-sample"), |ui| {
                        self.menu_item(ui, Command::OpenGermanSample);
                        self.menu_item(ui, Command::OpenEnglishSample);
                    });
                    ui.separator();
                    for command in [Command::Save, Command::SaveAs, Command::Export] {
                        self.menu_item(ui, command);
                    }
                    ui.separator();
                    self.menu_item(ui, Command::Quit);
                });
                ui.menu_button(self.t("menu-edit"), |ui| {
                    for command in [Command::Undo, Command::Redo] {
                        self.menu_item(ui, command);
                    }
                    ui.separator();
                    for command in [
                        Command::Confirm,
                        Command::Deny,
                        Command::MarkUnverified,
                        Command::MarkPending,
                        Command::Approve,
                        Command::AdoptEarlierVerdict,
                        Command::KeepOurs,
                        Command::TakeTheirs,
                    ] {
                        self.menu_item(ui, command);
                    }
                    ui.separator();
                    for command in [
                        Command::EditNote,
                        Command::AddEvidence,
                        Command::AddClaim,
                        Command::SetSpanFromSelection,
                        Command::RemoveClaim,
                    ] {
                        self.menu_item(ui, command);
                    }
                    ui.separator();
                    let mut advance = self.settings.advance_after_verdict;
                    if ui
                        .checkbox(&mut advance, Command::ToggleAdvance.label(self.messages()))
                        .changed()
                    {
                        self.command(Command::ToggleAdvance);
                    }
                });
                ui.menu_button(self.t("menu-view"), |ui| {
                    for command in [
                        Command::ShowDesk,
                        Command::NextArticle,
                        Command::PreviousArticle,
                        Command::NextPendingArticle,
                        Command::TrainDeskModel,
                    ] {
                        self.menu_item(ui, command);
                    }
                    ui.separator();
                    for command in [
                        Command::NextClaim,
                        Command::PreviousClaim,
                        Command::NextPending,
                        Command::Find,
                        Command::ToggleSort,
                    ] {
                        self.menu_item(ui, command);
                    }
                    ui.separator();
                    self.menu_item(ui, Command::ZoomIn);
                    self.menu_item(ui, Command::ZoomOut);
                    ui.separator();
                    self.menu_item(ui, Command::SetReviewerName);
                    ui.separator();
                    ui.menu_button(self.t("menu-language"), |ui| {
                        let mut choice = self.settings.ui_language;
                        ui.radio_value(&mut choice, None, self.t("menu-language-system"));
                        ui.radio_value(
                            &mut choice,
                            Some(Locale::German),
                            self.t("menu-language-de"),
                        );
                        ui.radio_value(
                            &mut choice,
                            Some(Locale::English),
                            self.t("menu-language-en"),
                        );
                        self.settings.ui_language = choice;
                    });
                    ui.label(self.t("menu-theme"));
                    let mut theme = self.settings.theme;
                    ui.radio_value(&mut theme, ThemeChoice::System, self.t("theme-system"));
                    ui.radio_value(&mut theme, ThemeChoice::Light, self.t("theme-light"));
                    ui.radio_value(&mut theme, ThemeChoice::Dark, self.t("theme-dark"));
                    if theme != self.settings.theme {
                        self.settings.theme = theme;
                        apply_theme(ui.ctx(), theme);
                    }
                });
                ui.menu_button(self.t("menu-help"), |ui| {
                    self.menu_item(ui, Command::ShowHelp);
                    ui.label(concat!("claimdesk ", env!("CARGO_PKG_VERSION")));
                });
            });
        });
    }

    fn menu_item(&mut self, ui: &mut egui::Ui, command: Command) {
        let mut button = egui::Button::new(command.label(self.messages()));
        if let Some(shortcut) = command.shortcuts().first() {
            button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
        }
        if ui.add(button).clicked() {
            self.command(command);
            ui.close();
        }
    }

    fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                let mut cancel = false;
                if let Some(job) = &self.load_job {
                    ui.spinner();
                    if let Some(address) = job.address() {
                        ui.label(self.tf(
                            "status-downloading",
                            &[("address", address.to_string().into())],
                        ));
                        cancel = ui.button(self.t("button-cancel-download")).clicked();
                    } else {
                        ui.label(self.tf(
                            "status-extracting",
                            &[("path", job.path.display().to_string().into())],
                        ));
                        ui.add(
                            egui::ProgressBar::new(job.fraction())
                                .desired_width(160.0)
                                .show_percentage(),
                        );
                    }
                    ui.separator();
                }
                if cancel {
                    self.command(Command::CancelDownload);
                }
                if let Some(workspace) = &self.workbench.workspace {
                    let saved = if workspace.document.is_dirty() {
                        self.t("status-unsaved-changes")
                    } else {
                        self.t("status-saved")
                    };
                    ui.label(workspace.display_name());
                    ui.separator();
                    ui.label(saved);
                    ui.separator();
                    ui.label(
                        workspace
                            .review()
                            .article
                            .language
                            .in_words(self.messages()),
                    );
                    ui.separator();
                    let analyst = self.settings.analyst.trim();
                    ui.label(if analyst.is_empty() {
                        self.t("status-reviewer-not-set")
                    } else {
                        self.tf("status-reviewer", &[("name", analyst.into())])
                    });
                    ui.separator();
                    let progress = workspace.review().progress();
                    ui.label(self.tf(
                        "status-reviewed",
                        &[
                            ("reviewed", progress.reviewed().into()),
                            ("total", progress.total().into()),
                        ],
                    ));
                    let dark = ui.visuals().dark_mode;
                    for (verdict, count) in [
                        (Some(Verdict::Confirmed), progress.confirmed),
                        (Some(Verdict::Denied), progress.denied),
                        (Some(Verdict::Unverified), progress.unverified),
                        (None, progress.pending),
                    ] {
                        ui.colored_label(
                            theme::verdict_color(verdict, dark),
                            format!(
                                "{} {count} {}",
                                theme::verdict_symbol(verdict),
                                Verdict::words(Vocabulary::Window, self.messages(), verdict)
                            ),
                        );
                    }
                }
                if let Some(status) = &self.status {
                    let expired =
                        !status.is_error && status.posted.elapsed() > Duration::from_secs(12);
                    if !expired {
                        ui.separator();
                        let color = if status.is_error {
                            ui.visuals().error_fg_color
                        } else {
                            ui.visuals().text_color()
                        };
                        ui.colored_label(color, &status.text);
                    }
                }
            });
        });
    }
}

fn describe_edit(messages: &Messages, edit: &Edit) -> String {
    let id = |claim_id: &str| -> FluentValue<'static> { claim_id.to_owned().into() };
    match edit {
        Edit::SetVerdict { claim_id, verdict } => messages.format(
            "edit-verdict",
            &[
                ("id", id(claim_id)),
                (
                    "verdict",
                    Verdict::words(Vocabulary::Window, messages, *verdict).into(),
                ),
            ],
        ),
        Edit::SetNote { claim_id, .. } => messages.format("edit-note", &[("id", id(claim_id))]),
        Edit::SetSpeaker { claim_id, .. } => {
            messages.format("edit-speaker", &[("id", id(claim_id))])
        }
        Edit::AddEvidence { claim_id, .. } | Edit::RemoveEvidence { claim_id, .. } => {
            messages.format("edit-evidence", &[("id", id(claim_id))])
        }
        Edit::AddClaim { claim } => messages.format("edit-added-claim", &[("id", id(&claim.id))]),
        Edit::RemoveClaim { claim_id } => {
            messages.format("edit-removed-claim", &[("id", id(claim_id))])
        }
        Edit::ReplaceClaim { claim } | Edit::Restore { claim } => {
            messages.format("edit-changes", &[("id", id(&claim.id))])
        }
        Edit::Approve { claim_id } => messages.format("edit-approval", &[("id", id(claim_id))]),
        Edit::ResolveConflict { claim_id, .. } => {
            messages.format("edit-conflict", &[("id", id(claim_id))])
        }
    }
}

fn apply_theme(ctx: &egui::Context, theme: ThemeChoice) {
    ctx.set_theme(match theme {
        ThemeChoice::System => egui::ThemePreference::System,
        ThemeChoice::Light => egui::ThemePreference::Light,
        ThemeChoice::Dark => egui::ThemePreference::Dark,
    });
}

impl eframe::App for ClaimDeskApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.root_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}
