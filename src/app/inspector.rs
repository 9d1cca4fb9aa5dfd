//! The inspector: everything about the selected claim, and the controls to review it.

use super::checked_before::LookupState;
use super::{ClaimDeskApp, Command, theme};
use crate::memory::Relation;
use crate::review::edit::{Edit, is_web_url};
use crate::review::{Origin, Verdict};

/// The note field of a claim; each claim's note has its own, so a cursor never jumps between notes.
pub(super) fn note_id(claim_id: &str) -> egui::Id {
    egui::Id::unique(("claimdesk-note", claim_id))
}

/// The evidence link field.
pub(super) fn evidence_id() -> egui::Id {
    egui::Id::unique("claimdesk-evidence")
}

impl ClaimDeskApp {
    /// The earlier checks of the selected claim, best first, and the key that adopts the best "same" one.
    fn checked_before_ui(
        &self,
        ui: &mut egui::Ui,
        claim_id: &str,
        dark: bool,
        commands: &mut Vec<Command>,
    ) {
        let lookup = &self.workbench.checked_before;
        let matches = lookup.matches(claim_id);
        ui.label(egui::RichText::new(format!("Checked before ({})", matches.len())).strong());
        if matches.is_empty() {
            let text = match &lookup.state {
                LookupState::NoDesk => {
                    "Open an article from a folder to compare it with earlier checks.".to_owned()
                }
                LookupState::Running => "Looking in the desk's memory…".to_owned(),
                LookupState::Ready(size) => {
                    format!("Nothing like it among {size} earlier checked claims of this desk.")
                }
                LookupState::Failed(message) => format!("The memory could not be read: {message}"),
            };
            ui.weak(text);
            return;
        }
        for (position, found) in matches.iter().enumerate() {
            let entry = &found.entry;
            let frame = egui::Frame::group(ui.style()).inner_margin(6.0);
            frame.show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_wrapped(|ui| {
                    let verdict = Some(entry.verdict);
                    ui.colored_label(
                        theme::verdict_color(verdict, dark),
                        format!(
                            "{} {}",
                            theme::verdict_symbol(verdict),
                            theme::verdict_label(verdict)
                        ),
                    );
                    if let Some(rating) = &entry.rating {
                        ui.weak(format!("“{rating}”"));
                    }
                    let relation = match found.relation {
                        Relation::Same => egui::RichText::new("same fact").strong(),
                        Relation::Related => egui::RichText::new("related").italics(),
                    };
                    ui.label(relation);
                    ui.weak(format!("{:.0} %", found.similarity * 100.0));
                });
                ui.add(egui::Label::new(&entry.text).wrap());
                let mut origin = entry.source.clone();
                if let Some(date) = &entry.reviewed_at {
                    origin.push_str(" · ");
                    origin.push_str(date.get(..10).unwrap_or(date));
                }
                ui.weak(origin);
                if let Some(url) = entry.url.as_deref().filter(|u| is_web_url(u)) {
                    ui.hyperlink_to(url, url)
                        .on_hover_text("Open in the browser");
                }
                ui.weak(&found.reason);
                if position == 0 && found.relation == Relation::Same {
                    let shortcut = Command::AdoptEarlierVerdict.shortcut_text(ui.ctx());
                    if ui
                        .button(format!("Adopt this verdict ({shortcut})"))
                        .on_hover_text("Sets the same verdict and cites this check in the note")
                        .clicked()
                    {
                        commands.push(Command::AdoptEarlierVerdict);
                    }
                }
            });
        }
    }

    /// Who set the verdict and whether a second reviewer approved it.
    fn four_eyes_ui(&self, ui: &mut egui::Ui, claim: &crate::review::Claim) {
        if claim.verdict.is_none() {
            return;
        }
        let set_by = claim.verdict_by.as_deref().unwrap_or("unknown reviewer");
        match &claim.approval {
            Some(approval) => {
                ui.label(format!(
                    "Set by {set_by} · approved by {} ({})",
                    approval.by, approval.at
                ));
            }
            None => {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        format!("Set by {set_by} · awaiting approval"),
                    );
                    ui.weak("(V: approve as a second reviewer)");
                });
            }
        }
    }

    /// Merge conflicts of the claim: both values, who set them, and the keys that decide.
    fn conflicts_ui(
        &self,
        ui: &mut egui::Ui,
        claim: &crate::review::Claim,
        commands: &mut Vec<Command>,
    ) {
        if claim.conflicts.is_empty() {
            return;
        }
        ui.add_space(6.0);
        ui.colored_label(
            ui.visuals().error_fg_color,
            egui::RichText::new(format!("Merge conflicts ({})", claim.conflicts.len())).strong(),
        );
        for (index, conflict) in claim.conflicts.iter().enumerate() {
            let show = |value: &serde_json::Value| match value {
                serde_json::Value::Null => "(removed / none)".to_owned(),
                serde_json::Value::String(text) => text.clone(),
                other => other.to_string(),
            };
            egui::Frame::group(ui.style())
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(egui::RichText::new(&conflict.field).strong());
                    ui.label(format!(
                        "ours: {} ({})",
                        show(&conflict.ours),
                        conflict.ours_by.as_deref().unwrap_or("unknown")
                    ));
                    ui.label(format!(
                        "theirs: {} ({})",
                        show(&conflict.theirs),
                        conflict.theirs_by.as_deref().unwrap_or("unknown")
                    ));
                    if index == 0 {
                        ui.horizontal(|ui| {
                            if ui.button("Keep ours (O)").clicked() {
                                commands.push(Command::KeepOurs);
                            }
                            if ui.button("Take theirs (T)").clicked() {
                                commands.push(Command::TakeTheirs);
                            }
                        });
                    }
                });
        }
    }

    pub(super) fn inspector_ui(&mut self, ui: &mut egui::Ui) {
        let Some(workspace) = &self.workbench.workspace else {
            return;
        };
        let Some(claim) = self
            .workbench
            .ui
            .selected
            .as_ref()
            .and_then(|id| workspace.review().claim(id))
            .cloned()
        else {
            ui.add_space(8.0);
            ui.label("No claim selected. Press J to select the first one.");
            return;
        };
        let dark = ui.visuals().dark_mode;
        let language = workspace.review().article.language;
        let mut edits = Vec::new();
        let mut commands = Vec::new();
        egui::ScrollArea::vertical()
            .id_salt("inspector")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_space(4.0);
                ui.horizontal(|ui| {
                    ui.strong(format!("Claim {}", claim.id));
                    ui.weak(format!("· {}", claim.kind.label()));
                    if claim.origin == Origin::Manual {
                        ui.weak("· added by hand");
                    }
                });
                ui.add(egui::Label::new(egui::RichText::new(&claim.text).size(15.0)).wrap());
                ui.add_space(6.0);

                ui.label(egui::RichText::new("Verdict").strong());
                ui.horizontal_wrapped(|ui| {
                    for (verdict, command) in [
                        (Some(Verdict::Confirmed), Command::Confirm),
                        (Some(Verdict::Denied), Command::Deny),
                        (Some(Verdict::Unverified), Command::MarkUnverified),
                        (None, Command::MarkPending),
                    ] {
                        let shortcut = command.shortcut_text(ui.ctx());
                        let text = egui::RichText::new(format!(
                            "{} {} ({shortcut})",
                            theme::verdict_symbol(verdict),
                            theme::verdict_label(verdict)
                        ))
                        .color(theme::verdict_color(verdict, dark));
                        if ui
                            .add(egui::Button::selectable(claim.verdict == verdict, text))
                            .clicked()
                        {
                            commands.push(command);
                        }
                    }
                });
                self.four_eyes_ui(ui, &claim);
                self.conflicts_ui(ui, &claim, &mut commands);
                ui.add_space(6.0);

                ui.label(egui::RichText::new("Speaker / source").strong());
                let draft = match &self.workbench.ui.speaker_draft {
                    Some((id, text)) if id == &claim.id => text.clone(),
                    _ => claim.speaker.clone().unwrap_or_default(),
                };
                let mut speaker = draft;
                let response = ui.add(
                    egui::TextEdit::singleline(&mut speaker)
                        .hint_text("unknown")
                        .desired_width(f32::INFINITY),
                );
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Speaker")
                });
                if response.changed() {
                    self.workbench.ui.speaker_draft = Some((claim.id.clone(), speaker.clone()));
                }
                if response.lost_focus() {
                    let new = Some(speaker.trim().to_owned()).filter(|s| !s.is_empty());
                    if new != claim.speaker {
                        edits.push(Edit::SetSpeaker {
                            claim_id: claim.id.clone(),
                            kind: new
                                .as_deref()
                                .map(|s| crate::extract::attribution::speaker_kind(s, language)),
                            speaker: new,
                        });
                    }
                    self.workbench.ui.speaker_draft = None;
                }
                ui.add_space(6.0);

                ui.label(
                    egui::RichText::new(format!(
                        "Note ({})",
                        Command::EditNote.shortcut_text(ui.ctx())
                    ))
                    .strong(),
                );
                let mut note = claim.note.clone();
                let response = ui.add(
                    egui::TextEdit::multiline(&mut note)
                        .id(note_id(&claim.id))
                        .hint_text("What you found, and how")
                        .desired_rows(4)
                        .desired_width(f32::INFINITY),
                );
                response
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Note"));
                if response.changed() {
                    edits.push(Edit::SetNote {
                        claim_id: claim.id.clone(),
                        note,
                    });
                }
                ui.add_space(6.0);

                ui.label(egui::RichText::new("Evidence").strong());
                for (index, url) in claim.evidence.iter().enumerate() {
                    ui.horizontal(|ui| {
                        if ui
                            .small_button("✖")
                            .on_hover_text("Remove this link")
                            .clicked()
                        {
                            edits.push(Edit::RemoveEvidence {
                                claim_id: claim.id.clone(),
                                index,
                            });
                        }
                        if is_web_url(url) {
                            ui.hyperlink_to(url, url)
                                .on_hover_text("Open in the browser");
                        } else {
                            ui.label(url);
                        }
                    });
                }
                ui.horizontal(|ui| {
                    let response = ui.add(
                        egui::TextEdit::singleline(&mut self.workbench.ui.new_evidence)
                            .id(evidence_id())
                            .hint_text("https://…")
                            .desired_width(ui.available_width() - 50.0),
                    );
                    response.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Evidence link")
                    });
                    let entered =
                        response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    let valid = is_web_url(&self.workbench.ui.new_evidence);
                    if (ui.add_enabled(valid, egui::Button::new("Add")).clicked() || entered)
                        && valid
                    {
                        edits.push(Edit::AddEvidence {
                            claim_id: claim.id.clone(),
                            index: usize::MAX,
                            url: self.workbench.ui.new_evidence.trim().to_owned(),
                        });
                        self.workbench.ui.new_evidence.clear();
                    } else if entered && !self.workbench.ui.new_evidence.trim().is_empty() {
                        self.post("Only http:// and https:// links can be evidence.", true);
                    }
                });
                ui.add_space(6.0);

                self.checked_before_ui(ui, &claim.id, dark, &mut commands);
                ui.add_space(6.0);

                ui.label(
                    egui::RichText::new(format!("Check-worthiness {:.2}", claim.score)).strong(),
                );
                for reason in &claim.reasons {
                    ui.label(format!("• {reason}"));
                }
                if !claim.hedges.is_empty() {
                    ui.add_space(4.0);
                    ui.label(egui::RichText::new("Hedges").strong());
                    ui.label(claim.hedges.join(", "));
                }
                if !claim.history.is_empty() {
                    ui.add_space(4.0);
                    egui::CollapsingHeader::new(format!("History ({})", claim.history.len()))
                        .id_salt(("history", &claim.id))
                        .show(ui, |ui| {
                            for entry in claim.history.iter().rev() {
                                let mut line =
                                    format!("{} · {} · {}", entry.at, entry.by, entry.action);
                                match (&entry.from, &entry.to) {
                                    (Some(from), Some(to)) => {
                                        line.push_str(&format!(": {from} → {to}"))
                                    }
                                    (None, Some(to)) => line.push_str(&format!(": {to}")),
                                    _ => {}
                                }
                                ui.add(egui::Label::new(egui::RichText::new(line).small()).wrap());
                            }
                        });
                }
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Remove claim (Del)").clicked() {
                        commands.push(Command::RemoveClaim);
                    }
                });
            });
        for edit in edits {
            self.edit(edit);
        }
        for command in commands {
            self.command(command);
        }
    }
}
