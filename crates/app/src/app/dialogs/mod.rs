//! Modal dialogs, one function each, and the shortcut overlay. A dialog edits its own fields (the text
//! typed so far) and answers with a [`Choice`]; the shell carries the choice out
//! ([`super::ClaimDeskApp::apply`]).

mod export;
mod help;
mod path_entry;
mod recover;
mod reviewer;

use std::path::PathBuf;

pub use help::help_ui;

use super::files::{DialogPurpose, RecoveryInfo};
use super::settings::Settings;
use crate::i18n::{Locale, Messages};

/// What to do once unsaved changes are dealt with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PendingAction {
    /// Open a file.
    Open(PathBuf),
    /// Open an article of the desk.
    OpenFromDesk(super::desk_view::OpenArticle),
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
        /// The name as typed, or as the system offered it.
        text: String,
        /// Whether the field has the keyboard; while not, keys are held for the review.
        editing: bool,
        /// Keys typed while the offered name waits for Enter, replayed when the dialog closes.
        held: Vec<egui::Event>,
    },
    /// A failure worth more than a status line.
    Error {
        /// What failed.
        title: String,
        /// Why, and what to do.
        message: String,
    },
}

/// What a dialog's buttons asked for.
#[derive(Debug, Clone)]
pub enum Choice {
    /// Close the dialog.
    Close,
    /// Save, then do what waited.
    SaveThen(PendingAction),
    /// Drop the unsaved changes, then do what waited.
    DiscardThen(PendingAction),
    /// A path was typed or picked for `purpose`.
    UsePath(DialogPurpose, PathBuf),
    /// Open the review found beside the article.
    Resume(PathBuf),
    /// Restore a recovery copy.
    Restore(RecoveryInfo),
    /// Export in this format to this file.
    Export(crate::export::Format, PathBuf),
    /// Pick the export file with the system dialog.
    BrowseExport,
    /// Use the system dialog instead of typing.
    Browse(DialogPurpose),
    /// Replace the existing file.
    Overwrite(PathBuf),
    /// Delete a recovery copy.
    DiscardRecovery(RecoveryInfo),
    /// The analyst's name.
    SetAnalyst(String),
}

/// What a dialog reads and may change besides its own fields.
pub struct DialogContext<'a> {
    /// The window's messages.
    pub messages: &'static Messages,
    /// The options the export dialog edits in place (reviewer, site, report language).
    pub settings: &'a mut Settings,
    /// The open article's report language, for "as the article".
    pub article_language: Locale,
    /// The typed-path dialog's folder listing, for the text it was made for (listed again only when the
    /// text changes).
    pub listing: &'a mut Option<(String, super::path_browser::Listing)>,
}

/// Draws `dialog` as a modal window; returns what its buttons (or Enter and Esc) asked for.
pub fn dialog_ui(
    dialog: &mut Dialog,
    ctx: &egui::Context,
    cx: &mut DialogContext<'_>,
) -> Option<Choice> {
    let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("claimdesk_dialog")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        choice = match dialog {
            Dialog::UnsavedChanges { then } => unsaved_ui(ui, then, cx.messages, escape),
            Dialog::PathEntry {
                purpose,
                text,
                note,
            } => path_entry::path_entry_ui(ui, *purpose, text, note.as_deref(), cx, escape),
            Dialog::ResumeReview { review_path } => resume_ui(ui, review_path, cx.messages, escape),
            Dialog::Recover { copies } => recover::recover_ui(ui, copies, cx.messages, escape),
            Dialog::Export { format, path } => export::export_ui(ui, format, path, cx, escape),
            Dialog::ConfirmOverwrite { path } => overwrite_ui(ui, path, cx.messages, escape),
            Dialog::ReviewerName {
                text,
                editing,
                held,
            } => reviewer::reviewer_ui(ui, text, editing, held, cx.messages, escape),
            Dialog::Error { title, message } => error_ui(ui, title, message, cx.messages, escape),
        };
    });
    if choice.is_some()
        && let Dialog::ReviewerName { held, .. } = dialog
    {
        // The review keys typed while the name was offered act now, in the order typed.
        super::input::InputPacer::defer(ctx, std::mem::take(held));
    }
    choice
}

fn enter_pressed(ui: &egui::Ui) -> bool {
    ui.input(|i| i.key_pressed(egui::Key::Enter))
}

/// Save, discard or cancel before what waits.
fn unsaved_ui(
    ui: &mut egui::Ui,
    then: &PendingAction,
    m: &Messages,
    escape: bool,
) -> Option<Choice> {
    let mut choice = None;
    ui.heading(m.text("dialog-unsaved-title"));
    ui.label(m.text("dialog-unsaved-text"));
    ui.horizontal(|ui| {
        if ui.button(m.text("button-save")).clicked() || enter_pressed(ui) {
            choice = Some(Choice::SaveThen(then.clone()));
        }
        if ui.button(m.text("button-discard-changes")).clicked() {
            choice = Some(Choice::DiscardThen(then.clone()));
        }
        if ui.button(m.text("button-cancel")).clicked() || escape {
            choice = Some(Choice::Close);
        }
    });
    choice
}

/// Resume the review found beside the article, or start a new one.
fn resume_ui(
    ui: &mut egui::Ui,
    review_path: &std::path::Path,
    m: &Messages,
    escape: bool,
) -> Option<Choice> {
    let mut choice = None;
    ui.heading(m.text("dialog-resume-title"));
    ui.label(m.format(
        "dialog-resume-text",
        &[("path", review_path.display().to_string().into())],
    ));
    ui.horizontal(|ui| {
        if ui.button(m.text("button-resume-review")).clicked() || enter_pressed(ui) {
            choice = Some(Choice::Resume(review_path.to_owned()));
        }
        if ui.button(m.text("button-new-review")).clicked() || escape {
            choice = Some(Choice::Close);
        }
    });
    choice
}

/// The chosen file exists: replace it?
fn overwrite_ui(
    ui: &mut egui::Ui,
    path: &std::path::Path,
    m: &Messages,
    escape: bool,
) -> Option<Choice> {
    let mut choice = None;
    ui.heading(m.text("dialog-replace-title"));
    ui.label(m.format(
        "dialog-replace-text",
        &[("path", path.display().to_string().into())],
    ));
    ui.horizontal(|ui| {
        if ui.button(m.text("button-replace")).clicked() {
            choice = Some(Choice::Overwrite(path.to_owned()));
        }
        if ui.button(m.text("button-cancel")).clicked() || escape {
            choice = Some(Choice::Close);
        }
    });
    choice
}

/// A failure worth more than a status line.
fn error_ui(
    ui: &mut egui::Ui,
    title: &str,
    message: &str,
    m: &Messages,
    escape: bool,
) -> Option<Choice> {
    ui.heading(title);
    ui.label(message);
    let ok = ui.button(m.text("button-ok")).clicked();
    (ok || escape || enter_pressed(ui)).then_some(Choice::Close)
}

/// `~/x` → `$HOME/x`.
fn expand_home(path: &str) -> PathBuf {
    PathBuf::from(super::path_browser::expand_home(path))
}
