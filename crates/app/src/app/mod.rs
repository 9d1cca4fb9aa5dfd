//! The egui window, a thin shell in the manner of egui's `WrapApp` and rerun's app: two views — the
//! workbench ([`workbench::Workbench`]: claim list, article, inspector) and the desk
//! ([`desk_view::DeskView`]) — each owning its state and its `ui`; the shell owns files, background jobs
//! ([`jobs::Job`]), dialogs ([`dialogs`]) and the persisted settings, and applies every user intent in one
//! place ([`ClaimDeskApp::apply`]).

pub mod command;
pub mod desk_columns;
pub mod desk_view;
pub mod dialogs;
pub mod files;
mod input;
pub mod intent;
pub mod jobs;
mod menu;
mod opening;
pub mod path_browser;
mod route;
pub mod settings;
pub mod theme;
pub mod workbench;

use std::path::PathBuf;
use std::time::{Duration, Instant};

pub use command::Command;
pub use dialogs::{Dialog, PendingAction};
pub use intent::{Intent, ViewContext};
pub use settings::{Settings, SortOrder, ThemeChoice, system_locale};
pub use workbench::{UiState, VerdictFilter, Workbench, Workspace};

use crate::article::Language;
use crate::i18n::{Locale, Messages};
use dialogs::DialogContext;
use fluent_bundle::FluentValue;

/// The German sample article, opened when claimdesk starts without a file.
pub const GERMAN_SAMPLE: (&str, &str) = (
    "sample-de-stadtwerke.txt",
    include_str!("../../../../assets/samples/de-stadtwerke.txt"),
);
/// The English sample article.
pub const ENGLISH_SAMPLE: (&str, &str) = (
    "sample-en-harbour.txt",
    include_str!("../../../../assets/samples/en-harbour.txt"),
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
    /// The name the question offers (the account's full name, git's user.name, the login), if known.
    pub suggested_reviewer: Option<String>,
}

/// The window icon (`assets/icon/claimdesk-128.png`; the desktop entry installs the 256 px and SVG ones).
/// 128 px because X11 refuses a 256 px `_NET_WM_ICON` (over 256 KB) from clients without big requests,
/// and the window would have no icon at all.
pub const ICON_PNG: &[u8] = include_bytes!("../../../../assets/icon/claimdesk-128.png");

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
                .and_then(|s| eframe::get_value::<Settings>(s, eframe::APP_KEY))
                .map(Settings::loaded)
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

/// Which view fills the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The article under review: claim list, article, inspector.
    #[default]
    Workbench,
    /// The desk: every article of a folder.
    Desk,
}

/// How the next article to open was asked for.
#[derive(Debug, Default)]
struct NextOpening {
    /// Where Ctrl+S saves it (`--review`, or its sidecar in a desk).
    review_path: Option<PathBuf>,
    /// Its language, when forced (`--lang`).
    language: Option<Language>,
    /// The claim to select once it is open (from a desk search).
    select: Option<String>,
    /// It comes from the desk: a fresh extraction holds no work of the analyst, so moving on without saving
    /// asks nothing and leaves no file behind.
    from_desk: bool,
}

/// The claimdesk window.
pub struct ClaimDeskApp {
    /// Persisted options.
    pub settings: Settings,
    /// The workbench view: the open review and everything about how it is shown.
    pub workbench: Workbench,
    /// The open desk, if a folder was opened.
    pub desk: Option<desk_view::DeskView>,
    /// Which view is shown.
    pub view: View,
    /// The current dialog.
    pub dialog: Option<Dialog>,
    /// The status line.
    pub status: Option<StatusMessage>,
    /// How often unsaved work is copied to the data directory.
    pub autosave_every: Duration,
    /// Makes the next piece of work of this kind panic, as a bug in it would: lets tests prove that the
    /// window and the open review survive any failing job.
    #[doc(hidden)]
    pub inject_panic: Option<files::Work>,
    /// Intents of this frame, applied at its end.
    intents: Vec<Intent>,
    /// The article or review being read in the background.
    opening: Option<files::Opening>,
    /// A system file dialog, open in its own thread.
    file_dialog: Option<files::FileDialog>,
    /// Learning the desk's model in the background: the message to show when it is done.
    train_job: Option<jobs::Job<Result<String, String>>>,
    next: NextOpening,
    /// The typed-path dialog's folder listing, for the text it was made for.
    path_listing: Option<(String, path_browser::Listing)>,
    quit_confirmed: bool,
    data_dir: Option<PathBuf>,
    window_title: String,
    /// The analyst's name is to be asked for as soon as no other dialog is open.
    ask_reviewer: bool,
    /// What the question offers as the name.
    suggested_reviewer: Option<String>,
}

impl ClaimDeskApp {
    /// The app, opening `options.file` (or the German sample).
    pub fn new(ctx: &egui::Context, settings: Settings, options: StartOptions) -> Self {
        let mut app = Self {
            settings,
            workbench: Workbench::default(),
            desk: None,
            view: View::Workbench,
            dialog: None,
            status: None,
            autosave_every: AUTOSAVE_EVERY,
            inject_panic: None,
            intents: Vec::new(),
            opening: None,
            file_dialog: None,
            train_job: None,
            next: NextOpening {
                review_path: options.review.clone(),
                language: options.language,
                ..NextOpening::default()
            },
            path_listing: None,
            quit_confirmed: false,
            data_dir: options.data_dir.clone().or_else(files::default_data_dir),
            window_title: String::new(),
            ask_reviewer: false,
            suggested_reviewer: options.suggested_reviewer.clone(),
        };
        settings::apply_theme(ctx, app.settings.theme);
        match options.file {
            Some(path) if path.is_dir() => app.open_desk(path, ctx),
            Some(path) => app.open_now(path, ctx),
            None => app.resume_or_sample(ctx),
        }
        app.settings.started_before = true;
        if let Some(name) = options.reviewer.filter(|n| !n.trim().is_empty()) {
            name.trim().clone_into(&mut app.settings.analyst);
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
        self.intents.push(Intent::Command(command));
    }

    /// Queues an edit for the end of the frame.
    pub fn edit(&mut self, edit: crate::review::edit::Edit) {
        self.intents.push(Intent::Edit(edit));
    }

    /// Whether a file is loading in the background.
    #[must_use]
    pub fn is_loading(&self) -> bool {
        self.opening.is_some()
    }

    /// Draws one frame into `ui` (the whole window) and applies what the user did.
    pub fn root_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.poll_jobs(&ctx);
        self.handle_dropped_files(&ctx);
        self.handle_close_request(&ctx);
        input::InputPacer::install(&ctx);
        // Keyboard commands act before anything is drawn, in the order typed; keys after a command that
        // hands the keyboard to a text field or dialog wait for it (see `input`).
        let desk_shown = self.view == View::Desk;
        let active = move |command: Command| command != Command::OpenArticle || desk_shown;
        command::dispatch(&ctx, self.dialog.is_some(), &active, |command| {
            self.apply(Intent::Command(command), &ctx);
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
        self.view_ui(ui);
        if self.ask_reviewer && self.dialog.is_none() && !self.is_loading() {
            // Asked once, after whatever the start had to say (recovery, a changed article).
            self.ask_reviewer = false;
            let text = self.suggested_reviewer.clone().unwrap_or_default();
            self.dialog = Some(Dialog::ReviewerName {
                // A name offered by the system is confirmed with Enter; the keys typed meanwhile are
                // review keys, held for the review. Without one the field takes the keyboard.
                editing: text.is_empty(),
                text,
                held: Vec::new(),
            });
        }
        self.dialog_ui(&ctx);
        if self.workbench.ui.show_help {
            self.workbench.ui.show_help = dialogs::help_ui(&ctx, self.messages());
        }

        for intent in std::mem::take(&mut self.intents) {
            self.apply(intent, &ctx);
        }
        self.autosave();
        self.update_title(&ctx);
        if self.workbench.is_dirty() {
            ctx.request_repaint_after(AUTOSAVE_EVERY);
        }
    }

    /// The desk or the workbench, whichever is shown.
    fn view_ui(&mut self, ui: &mut egui::Ui) {
        let messages = self.messages();
        if self.view == View::Desk
            && let Some(desk) = &mut self.desk
        {
            let open = egui::CentralPanel::default()
                .show(ui, |ui| desk.ui(ui, messages))
                .inner;
            if let Some(request) = open {
                self.intents.push(Intent::OpenFromDesk(request));
            }
            return;
        }
        let opening = self.opening.as_ref().map(|o| o.path.as_path());
        let mut cx = ViewContext::new(messages, &self.settings, opening, &mut self.intents);
        self.workbench.ui(ui, &mut cx);
    }

    /// The open dialog, if any; its answer is applied at the end of the frame.
    fn dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = &mut self.dialog else {
            return;
        };
        let article_language = self
            .workbench
            .workspace
            .as_ref()
            .map(|w| w.review().article.language.report_locale())
            .unwrap_or_default();
        let mut cx = DialogContext {
            messages: self
                .settings
                .ui_language
                .unwrap_or_else(system_locale)
                .messages(),
            settings: &mut self.settings,
            article_language,
            listing: &mut self.path_listing,
        };
        if let Some(choice) = dialogs::dialog_ui(dialog, ctx, &mut cx) {
            self.intents.push(Intent::Choice(choice));
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
        if ctx.input(|i| i.viewport().close_requested())
            && self.workbench.is_dirty()
            && !self.quit_confirmed
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
}

impl eframe::App for ClaimDeskApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.root_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}
