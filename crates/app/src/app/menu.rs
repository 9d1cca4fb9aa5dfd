//! The shell's own bars: the menu (every command with its shortcut) and the status line (the open file,
//! saved or not, the reviewer, progress, the last message).

use std::time::Duration;

use super::{ClaimDeskApp, Command, Intent, settings, theme};
use crate::i18n::{InWords as _, Locale};
use crate::review::{Verdict, Vocabulary};
use settings::ThemeChoice;

impl ClaimDeskApp {
    pub(super) fn menu_bar_ui(&mut self, ui: &mut egui::Ui) {
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
                    if self.opening.as_ref().is_some_and(|j| j.address().is_some()) {
                        self.menu_item(ui, Command::CancelDownload);
                    }
                    ui.menu_button(self.t("menu-open-recent"), |ui| {
                        if self.settings.recent.is_empty() {
                            ui.label(self.t("menu-no-recent-files"));
                        }
                        for path in self.settings.recent.clone() {
                            if ui.button(path.display().to_string()).clicked() {
                                self.intents.push(Intent::Open(path));
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
                        settings::apply_theme(ui.ctx(), theme);
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

    pub(super) fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                let mut cancel = false;
                if let Some(job) = &self.opening {
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
                    } else if workspace.has_file() {
                        self.t("status-saved")
                    } else {
                        self.t("status-no-review-file")
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
