//! The one route of user intents ([`ClaimDeskApp::apply`]): commands, edits, dialog answers and what the
//! views ask for all pass here, so every change of the window's state has one place to be read.

use super::dialogs::Choice;
use super::files::{self, DialogPurpose};
use super::{
    ClaimDeskApp, Command, Dialog, ENGLISH_SAMPLE, GERMAN_SAMPLE, Intent, PendingAction, SortOrder,
    View, ViewContext, Workbench, desk_view,
};

impl ClaimDeskApp {
    /// The one route of user intents: every command, edit, dialog answer and request of a view passes here.
    pub fn apply(&mut self, intent: Intent, ctx: &egui::Context) {
        match intent {
            Intent::Command(command) => self.apply_command(command, ctx),
            Intent::Edit(edit) => self.with_workbench(ctx, |workbench, _, cx| {
                workbench.apply_edit(edit, cx);
            }),
            Intent::Choice(choice) => self.apply_choice(choice, ctx),
            Intent::Open(path) => self.request_open(path, ctx),
            Intent::OpenFromDesk(request) => self.open_from_desk(request, ctx),
            Intent::Post { text, is_error } => self.post(text, is_error),
            Intent::ShowError { title, message } => self.show_job_error(&title, message),
        }
    }

    /// Runs `act` on the workbench with a context of the shell, then applies what it asked for.
    fn with_workbench(
        &mut self,
        ctx: &egui::Context,
        act: impl FnOnce(&mut Workbench, &egui::Context, &mut ViewContext<'_>),
    ) {
        let mut asked = Vec::new();
        let messages = self.messages();
        let opening = self.opening.as_ref().map(|o| o.path.as_path());
        let mut cx = ViewContext::new(messages, &self.settings, opening, &mut asked);
        act(&mut self.workbench, ctx, &mut cx);
        for intent in asked {
            self.apply(intent, ctx);
        }
    }

    fn apply_command(&mut self, command: Command, ctx: &egui::Context) {
        if self.dialog.is_some() && !matches!(command, Command::Quit) {
            return;
        }
        if command.verdict().is_some() && self.view == View::Desk {
            self.post(self.t("status-open-article-first"), true);
            return;
        }
        if self.view == View::Desk
            && let Some(desk) = &mut self.desk
        {
            // The desk view carries out its own commands, and says what the shell is to do next.
            match desk.command(command, ctx) {
                desk_view::Handled::No => {}
                desk_view::Handled::Yes => return,
                desk_view::Handled::Then(intent) => return self.apply(intent, ctx),
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
            Command::OpenPath => {
                self.dialog = Some(Dialog::PathEntry {
                    purpose: DialogPurpose::Open,
                    text: String::new(),
                    note: None,
                });
            }
            Command::CancelDownload => self.cancel_download(),
            Command::TrainDeskModel => self.train_desk_model(ctx),
            Command::ShowDesk => match (&self.desk, self.view) {
                (None, _) => self.post(self.t("status-no-desk"), true),
                (Some(_), View::Desk) if self.workbench.workspace.is_some() => {
                    self.view = View::Workbench;
                }
                (Some(_), _) => self.view = View::Desk,
            },
            Command::NextArticle => self.open_neighbour(1, false, ctx),
            Command::PreviousArticle => self.open_neighbour(-1, false, ctx),
            Command::NextPendingArticle => self.open_neighbour(1, true, ctx),
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
            Command::SetReviewerName => {
                self.dialog = Some(Dialog::ReviewerName {
                    text: self.settings.analyst.clone(),
                    editing: true,
                    held: Vec::new(),
                });
            }
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
            Command::OpenArticle => {}
            workbench_command => self.with_workbench(ctx, |workbench, ctx, cx| {
                workbench.command(workbench_command, ctx, cx);
            }),
        }
    }

    fn request_sample(&mut self, (name, text): (&'static str, &'static str)) {
        if self.workbench.is_dirty() {
            self.dialog = Some(Dialog::UnsavedChanges {
                then: PendingAction::OpenSample(name, text),
            });
        } else {
            self.open_sample(name, text);
        }
    }

    fn apply_choice(&mut self, choice: Choice, ctx: &egui::Context) {
        match choice {
            Choice::Close => self.dialog = None,
            Choice::SaveThen(then) => {
                self.dialog = None;
                if self.save() {
                    self.continue_pending(then, ctx);
                }
            }
            Choice::DiscardThen(then) => {
                self.dialog = None;
                self.discard_changes();
                self.continue_pending(then, ctx);
            }
            Choice::UsePath(purpose, path) => {
                self.dialog = None;
                self.use_chosen_path(purpose, path, ctx);
            }
            Choice::Resume(path) => {
                self.dialog = None;
                self.open_now(path, ctx);
            }
            Choice::Restore(info) => {
                self.dialog = None;
                self.restore(&info);
            }
            Choice::Export(format, path) => self.export_to(format, &path),
            Choice::Overwrite(path) => {
                self.dialog = None;
                self.save_as(path);
            }
            Choice::BrowseExport => self.start_file_dialog(DialogPurpose::Export, ctx),
            Choice::Browse(purpose) => {
                self.dialog = None;
                self.start_file_dialog(purpose, ctx);
            }
            Choice::SetAnalyst(name) => {
                self.dialog = None;
                self.post(
                    self.tf("status-reviewing-as", &[("name", name.clone().into())]),
                    false,
                );
                self.settings.analyst = name;
            }
            Choice::DiscardRecovery(info) => {
                files::discard_recovery(&info);
                let remaining = files::pending_recoveries(self.data_dir.as_deref());
                self.dialog =
                    (!remaining.is_empty()).then_some(Dialog::Recover { copies: remaining });
            }
        }
    }
}
