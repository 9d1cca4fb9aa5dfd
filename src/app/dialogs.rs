//! Modal dialogs (unsaved changes, typed paths, resume, recovery, errors) and the shortcut overlay.

use crate::i18n::InWords;
use std::path::PathBuf;

use super::files::{self, DialogPurpose};
use super::{ClaimDeskApp, Command, Dialog, PendingAction, Workspace};
use crate::review::store;

/// What a dialog's buttons asked for.
enum Choice {
    Keep,
    Close,
    SaveThen(PendingAction),
    DiscardThen(PendingAction),
    UsePath(DialogPurpose, PathBuf),
    Resume(PathBuf),
    Restore(files::RecoveryInfo),
    Export(crate::export::Format, PathBuf),
    BrowseExport,
    Browse(DialogPurpose),
    Overwrite(PathBuf),
    DiscardRecovery(files::RecoveryInfo),
    SetAnalyst(String),
}

impl ClaimDeskApp {
    pub(super) fn dialogs_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = self.dialog.clone() else {
            return;
        };
        let mut choice = Choice::Keep;
        let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
        let m = self.messages();
        egui::Modal::new(egui::Id::unique("claimdesk_dialog")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            match &dialog {
                Dialog::UnsavedChanges { then } => {
                    ui.heading(m.text("dialog-unsaved-title"));
                    ui.label(m.text("dialog-unsaved-text"));
                    ui.horizontal(|ui| {
                        if ui.button(m.text("button-save")).clicked()
                            || ui.input(|i| i.key_pressed(egui::Key::Enter))
                        {
                            choice = Choice::SaveThen(then.clone());
                        }
                        if ui.button(m.text("button-discard-changes")).clicked() {
                            choice = Choice::DiscardThen(then.clone());
                        }
                        if ui.button(m.text("button-cancel")).clicked() || escape {
                            choice = Choice::Close;
                        }
                    });
                }
                Dialog::PathEntry {
                    purpose,
                    text,
                    note,
                } => {
                    ui.heading(m.text(match purpose {
                        DialogPurpose::Open => "dialog-open-file",
                        DialogPurpose::OpenFolder => "dialog-open-folder",
                        DialogPurpose::SaveAs => "dialog-save-as",
                        DialogPurpose::Export => "dialog-export-to",
                        DialogPurpose::OpenAddress => "dialog-open-address",
                    }));
                    if let Some(note) = note {
                        ui.label(note);
                    }
                    let mut typed = text.clone();
                    let browsing = *purpose != DialogPurpose::OpenAddress
                        && !crate::article::fetch::looks_like_address(&typed);
                    let folders_only = *purpose == DialogPurpose::OpenFolder;
                    let field_id = egui::Id::unique("claimdesk-path-entry");
                    let working_dir = std::env::current_dir().unwrap_or_default();
                    let tab = browsing
                        && ui.memory(|m| m.has_focus(field_id))
                        && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Tab));
                    if tab
                        && let Some(completed) =
                            super::path_browser::complete(&typed, &working_dir, folders_only)
                    {
                        typed = completed;
                        move_cursor_to_end(ui.ctx(), field_id, &typed);
                    }
                    let response = ui.add(
                        egui::TextEdit::singleline(&mut typed)
                            .id(field_id)
                            .lock_focus(true)
                            .hint_text(if *purpose == DialogPurpose::OpenAddress {
                                m.text("hint-address")
                            } else {
                                m.text("hint-path")
                            })
                            .desired_width(480.0),
                    );
                    response.widget_info(|| {
                        let name = if *purpose == DialogPurpose::OpenAddress {
                            m.text("field-web-address")
                        } else {
                            m.text("field-path")
                        };
                        egui::WidgetInfo::labeled(egui::Role::TextInput, true, name)
                    });
                    if !response.has_focus() && !response.lost_focus() {
                        response.request_focus();
                    }
                    let entered =
                        response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if browsing
                        && let Some(path) =
                            self.folder_listing_ui(ui, &typed, &working_dir, folders_only)
                    {
                        if path.is_dir() {
                            typed = format!("{}{}", path.display(), std::path::MAIN_SEPARATOR);
                            move_cursor_to_end(ui.ctx(), field_id, &typed);
                            response.request_focus();
                        } else {
                            choice = Choice::UsePath(*purpose, path);
                        }
                    }
                    if typed != *text {
                        self.dialog = Some(Dialog::PathEntry {
                            purpose: *purpose,
                            text: typed.clone(),
                            note: note.clone(),
                        });
                    }
                    ui.horizontal(|ui| {
                        let ok = ui
                            .add_enabled(
                                !typed.trim().is_empty(),
                                egui::Button::new(m.text("button-ok")),
                            )
                            .clicked();
                        if (ok || entered) && !typed.trim().is_empty() {
                            choice = Choice::UsePath(*purpose, expand_home(typed.trim()));
                        }
                        if note.is_none()
                            && *purpose != DialogPurpose::OpenAddress
                            && ui
                                .button(m.text("button-browse"))
                                .on_hover_text(m.text("tooltip-browse"))
                                .clicked()
                        {
                            choice = Choice::Browse(*purpose);
                        }
                        if ui.button(m.text("button-cancel")).clicked() || escape {
                            choice = Choice::Close;
                        }
                    });
                }
                Dialog::ResumeReview { review_path } => {
                    ui.heading(m.text("dialog-resume-title"));
                    ui.label(m.format(
                        "dialog-resume-text",
                        &[("path", review_path.display().to_string().into())],
                    ));
                    ui.horizontal(|ui| {
                        if ui.button(m.text("button-resume-review")).clicked()
                            || ui.input(|i| i.key_pressed(egui::Key::Enter))
                        {
                            choice = Choice::Resume(review_path.clone());
                        }
                        if ui.button(m.text("button-new-review")).clicked() || escape {
                            choice = Choice::Close;
                        }
                    });
                }
                Dialog::Recover { copies } => {
                    ui.heading(m.text("dialog-recover-title"));
                    ui.label(m.text("dialog-recover-text"));
                    for info in copies {
                        ui.separator();
                        let target = info.review_path.as_ref().map_or_else(
                            || info.article_source.clone(),
                            |p| p.display().to_string(),
                        );
                        ui.label(m.format(
                            "dialog-recover-copy",
                            &[
                                ("target", target.into()),
                                ("written", info.written.clone().into()),
                            ],
                        ));
                        ui.horizontal(|ui| {
                            if ui.button(m.text("button-restore")).clicked() {
                                choice = Choice::Restore(info.clone());
                            }
                            if ui.button(m.text("button-discard")).clicked() {
                                choice = Choice::DiscardRecovery(info.clone());
                            }
                        });
                    }
                    ui.separator();
                    if ui.button(m.text("button-decide-later")).clicked() || escape {
                        choice = Choice::Close;
                    }
                }
                Dialog::Export { format, path } => {
                    ui.heading(m.text("dialog-export-title"));
                    let mut chosen = *format;
                    for candidate in crate::export::Format::ALL {
                        ui.radio_value(&mut chosen, candidate, candidate.label());
                    }
                    let mut typed = path.clone();
                    if chosen != *format {
                        // Keep the typed name, with the new format's ending.
                        let old_ending = format!(".{}", format.extension());
                        if let Some(stem) = typed.strip_suffix(&old_ending) {
                            typed = format!("{stem}.{}", chosen.extension());
                        }
                    }
                    ui.label(m.text("field-reviewer-organisation"));
                    let name = ui.add(
                        egui::TextEdit::singleline(&mut self.settings.reviewer_name)
                            .desired_width(480.0),
                    );
                    name.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::TextInput,
                            true,
                            m.text("field-reviewer"),
                        )
                    });
                    ui.label(m.text("field-reviewer-site-optional"));
                    let site = ui.add(
                        egui::TextEdit::singleline(&mut self.settings.reviewer_url)
                            .hint_text("https://…")
                            .desired_width(480.0),
                    );
                    site.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::TextInput,
                            true,
                            m.text("field-reviewer-site"),
                        )
                    });
                    ui.checkbox(
                        &mut self.settings.export_approved_only,
                        m.text("field-approved-only"),
                    );
                    let article_language = self
                        .workbench
                        .workspace
                        .as_ref()
                        .map(|w| w.review().article.language.report_locale())
                        .unwrap_or_default();
                    ui.horizontal(|ui| {
                        let shown = |choice: Option<crate::i18n::Locale>| match choice {
                            None => m.format(
                                "report-language-as-article",
                                &[("code", article_language.code().into())],
                            ),
                            Some(crate::i18n::Locale::German) => m.text("menu-language-de"),
                            Some(crate::i18n::Locale::English) => m.text("menu-language-en"),
                        };
                        egui::ComboBox::from_label(m.text("field-report-language"))
                            .selected_text(shown(self.settings.export_language))
                            .show_ui(ui, |ui| {
                                for choice in [
                                    None,
                                    Some(crate::i18n::Locale::German),
                                    Some(crate::i18n::Locale::English),
                                ] {
                                    ui.selectable_value(
                                        &mut self.settings.export_language,
                                        choice,
                                        shown(choice),
                                    );
                                }
                            });
                    });
                    ui.label(m.text("field-file"));
                    let file = ui.add(egui::TextEdit::singleline(&mut typed).desired_width(480.0));
                    file.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::TextInput,
                            true,
                            m.text("field-export-file"),
                        )
                    });
                    if chosen != *format || typed != *path {
                        self.dialog = Some(Dialog::Export {
                            format: chosen,
                            path: typed.clone(),
                        });
                    }
                    ui.horizontal(|ui| {
                        let ok = ui
                            .add_enabled(
                                !typed.trim().is_empty(),
                                egui::Button::new(m.text("button-export")),
                            )
                            .clicked();
                        if ok {
                            choice = Choice::Export(chosen, expand_home(typed.trim()));
                        }
                        if ui.button(m.text("button-browse")).clicked() {
                            choice = Choice::BrowseExport;
                        }
                        if ui.button(m.text("button-cancel")).clicked() || escape {
                            choice = Choice::Close;
                        }
                    });
                }
                Dialog::ConfirmOverwrite { path } => {
                    ui.heading(m.text("dialog-replace-title"));
                    ui.label(m.format(
                        "dialog-replace-text",
                        &[("path", path.display().to_string().into())],
                    ));
                    ui.horizontal(|ui| {
                        if ui.button(m.text("button-replace")).clicked() {
                            choice = Choice::Overwrite(path.clone());
                        }
                        if ui.button(m.text("button-cancel")).clicked() || escape {
                            choice = Choice::Close;
                        }
                    });
                }
                Dialog::ReviewerName { text } => {
                    ui.heading(m.text("dialog-reviewer-title"));
                    ui.label(m.text("dialog-reviewer-text"));
                    let mut typed = text.clone();
                    let field = ui.add(
                        egui::TextEdit::singleline(&mut typed)
                            .id(egui::Id::unique("claimdesk-reviewer-name"))
                            .desired_width(480.0),
                    );
                    field.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::TextInput,
                            true,
                            m.text("field-your-name"),
                        )
                    });
                    // The field takes the keyboard as the dialog opens, so the name can just be typed.
                    if !field.has_focus() && !field.lost_focus() {
                        field.request_focus();
                    }
                    if typed != *text {
                        self.dialog = Some(Dialog::ReviewerName {
                            text: typed.clone(),
                        });
                    }
                    let entered =
                        field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    ui.horizontal(|ui| {
                        let ok = ui
                            .add_enabled(
                                !typed.trim().is_empty(),
                                egui::Button::new(m.text("button-ok")),
                            )
                            .clicked();
                        if (ok || entered) && !typed.trim().is_empty() {
                            choice = Choice::SetAnalyst(typed.trim().to_owned());
                        }
                        if ui.button(m.text("button-later")).clicked() || escape {
                            choice = Choice::Close;
                        }
                    });
                }
                Dialog::Error { title, message } => {
                    ui.heading(title);
                    ui.label(message);
                    if ui.button(m.text("button-ok")).clicked()
                        || escape
                        || ui.input(|i| i.key_pressed(egui::Key::Enter))
                    {
                        choice = Choice::Close;
                    }
                }
            }
        });
        self.apply_choice(choice, ctx);
    }

    fn apply_choice(&mut self, choice: Choice, ctx: &egui::Context) {
        match choice {
            Choice::Keep => {}
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
                match store::load(&info.recovery_file) {
                    Ok(review) => {
                        let mut workspace =
                            Workspace::new(review, false, info.review_path.clone(), None);
                        workspace.autosave_due = true;
                        self.install(workspace);
                        self.post(self.t("status-recovered"), false);
                    }
                    Err(error) => self.post(error.in_words(self.messages()), true),
                }
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

    pub(super) fn help_ui(&mut self, ctx: &egui::Context) {
        let mut open = true;
        let m = self.messages();
        egui::Window::new(m.text("help-title"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.label(m.text("help-single-keys"));
                egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                    for command in Command::ALL {
                        let keys: Vec<String> = command
                            .shortcuts()
                            .iter()
                            .map(|s| ctx.format_shortcut(s))
                            .collect();
                        if keys.is_empty() {
                            continue;
                        }
                        ui.label(keys.join(&m.text("help-or")));
                        ui.label(command.label(m));
                        ui.end_row();
                    }
                });
            });
        if !open || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.workbench.ui.show_help = false;
        }
    }
}

/// `~/x` → `$HOME/x`.
fn expand_home(path: &str) -> PathBuf {
    PathBuf::from(super::path_browser::expand_home(path))
}

/// Puts the text cursor of the field `id` after its last character (after a completion).
fn move_cursor_to_end(ctx: &egui::Context, id: egui::Id, text: &str) {
    let mut state = egui::TextEdit::load_state(ctx, id).unwrap_or_default();
    let end = egui::text::CCursor::new(text.chars().count());
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::one(end)));
    state.store(ctx, id);
}

impl ClaimDeskApp {
    /// The typed path's folder, listed under the field: a click on a folder enters it, a click on a file
    /// chooses it. Returns the entry clicked.
    fn folder_listing_ui(
        &mut self,
        ui: &mut egui::Ui,
        typed: &str,
        working_dir: &std::path::Path,
        folders_only: bool,
    ) -> Option<PathBuf> {
        let key = format!("{folders_only}\u{0}{typed}");
        if self.path_listing.as_ref().is_none_or(|(k, _)| *k != key) {
            let listing = super::path_browser::list(typed, working_dir, folders_only);
            self.path_listing = Some((key, listing));
        }
        let m = self.messages();
        let (_, listing) = self.path_listing.as_ref()?;
        let mut clicked = None;
        ui.horizontal(|ui| {
            ui.weak(m.format(
                "listing-in",
                &[("folder", listing.folder.display().to_string().into())],
            ));
            if let Some(parent) = listing.folder.parent()
                && ui
                    .small_button(m.text("button-up"))
                    .on_hover_text(m.text("tooltip-up"))
                    .clicked()
            {
                clicked = Some(parent.to_owned());
            }
        });
        egui::ScrollArea::vertical()
            .max_height(220.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                if listing.entries.is_empty() {
                    ui.weak(if folders_only {
                        m.text("listing-no-folders")
                    } else {
                        m.text("listing-no-entries")
                    });
                }
                for entry in &listing.entries {
                    let label = if entry.is_dir {
                        format!("📁 {}/", entry.name)
                    } else {
                        format!("📄 {}", entry.name)
                    };
                    if ui.selectable_label(false, label).clicked() {
                        clicked = Some(entry.path.clone());
                    }
                }
                if listing.truncated {
                    ui.weak(m.format(
                        "listing-truncated",
                        &[("count", super::path_browser::MAX_ENTRIES.into())],
                    ));
                }
            });
        ui.weak(m.text("listing-tab-hint"));
        clicked
    }
}
