//! The inspector: everything about the selected claim, and the controls to review it.

use super::Workbench;
use super::checked_before::LookupState;
use crate::app::intent::ViewContext;
use crate::app::{Command, theme};
use crate::i18n::InWords as _;
use crate::i18n::Messages;
use crate::memory::Relation;
use crate::review::Origin;
use crate::review::edit::Edit;
use crate::review::{Verdict, Vocabulary};
use crate::web_url::is_web_url;
use std::fmt::Write as _;

/// The note field of a claim; each claim's note has its own, so a cursor never jumps between notes.
pub(super) fn note_id(claim_id: &str) -> egui::Id {
    egui::Id::unique(("claimdesk-note", claim_id))
}

/// The evidence link field.
pub(super) fn evidence_id() -> egui::Id {
    egui::Id::unique("claimdesk-evidence")
}

impl Workbench {
    /// The earlier checks of the selected claim, best first, and the key that adopts the best "same" one.
    fn checked_before_ui(
        &mut self,
        ui: &mut egui::Ui,
        m: &Messages,
        claim_id: &str,
        dark: bool,
        commands: &mut Vec<Command>,
    ) {
        if let Some((fraction, cancelled)) = self.checked_before.embedding() {
            ui.horizontal_wrapped(|ui| {
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(160.0)
                        .text(m.text("checked-before-embedding")),
                );
                if !cancelled
                    && ui
                        .button(m.text("button-cancel"))
                        .on_hover_text(m.text("tooltip-cancel-embedding"))
                        .clicked()
                {
                    self.checked_before.cancel_embedding();
                }
            });
        }
        let lookup = &self.checked_before;
        for notice in &lookup.notices {
            ui.colored_label(ui.visuals().warn_fg_color, notice);
        }
        let matches = lookup.matches(claim_id);
        ui.label(
            egui::RichText::new(
                m.format("checked-before-title", &[("count", matches.len().into())]),
            )
            .strong(),
        );
        if matches.is_empty() {
            let text = match &lookup.state {
                LookupState::NoDesk => m.text("checked-before-no-desk"),
                LookupState::Running => m.text("checked-before-running"),
                LookupState::Ready(size) => {
                    m.format("checked-before-nothing", &[("size", (*size).into())])
                }
                LookupState::Failed(message) => m.format(
                    "checked-before-failed",
                    &[("message", message.clone().into())],
                ),
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
                            Verdict::words(Vocabulary::Window, m, verdict)
                        ),
                    );
                    if let Some(rating) = &entry.rating {
                        ui.weak(format!("“{rating}”"));
                    }
                    let relation = match found.relation {
                        Relation::Same => egui::RichText::new(m.text("relation-same")).strong(),
                        Relation::Opposite => {
                            egui::RichText::new(m.text("relation-opposite")).strong()
                        }
                        Relation::Related => {
                            egui::RichText::new(m.text("relation-related")).italics()
                        }
                    };
                    ui.label(relation);
                    // A percentage alone read like a probability of truth: the words say what it is.
                    ui.weak(similarity_in_words(found.similarity, m))
                        .on_hover_text(m.text("tooltip-similarity"));
                });
                ui.add(egui::Label::new(&entry.text).wrap());
                let mut origin = entry.source.clone();
                origin.push_str(" · ");
                origin.push_str(&entry.language.in_words(m));
                if let Some(date) = &entry.reviewed_at {
                    origin.push_str(" · ");
                    origin.push_str(&m.date(date));
                }
                ui.weak(origin);
                if let Some(url) = entry.url.as_deref().filter(|u| is_web_url(u)) {
                    ui.hyperlink_to(url, url)
                        .on_hover_text(m.text("tooltip-open-in-browser"));
                }
                ui.weak(found.why.in_words(m));
                if position == 0 && matches!(found.relation, Relation::Same | Relation::Opposite) {
                    let shortcut = Command::AdoptEarlierVerdict.shortcut_text(ui.ctx());
                    if ui
                        .button(m.format("button-adopt-verdict", &[("shortcut", shortcut.into())]))
                        .on_hover_text(m.text("tooltip-adopt-verdict"))
                        .clicked()
                    {
                        commands.push(Command::AdoptEarlierVerdict);
                    }
                }
            });
        }
    }

    /// Who set the verdict and whether a second reviewer approved it.
    fn four_eyes_ui(ui: &mut egui::Ui, m: &Messages, claim: &crate::review::Claim) {
        if claim.verdict.is_none() {
            return;
        }
        let set_by = claim
            .verdict_by
            .clone()
            .unwrap_or_else(|| m.text("unknown-reviewer"));
        match &claim.approval {
            Some(approval) => {
                ui.label(m.format(
                    "four-eyes-approved",
                    &[
                        ("by", set_by.into()),
                        ("approver", approval.by.clone().into()),
                        ("date", m.date(&approval.at).into()),
                    ],
                ));
            }
            None => {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        m.format("four-eyes-awaiting", &[("by", set_by.into())]),
                    );
                    ui.weak(m.text("four-eyes-hint"));
                });
            }
        }
    }

    /// Merge conflicts of the claim: both values, who set them, and the keys that decide.
    fn conflicts_ui(
        ui: &mut egui::Ui,
        m: &Messages,
        claim: &crate::review::Claim,
        commands: &mut Vec<Command>,
    ) {
        if claim.conflicts.is_empty() {
            return;
        }
        ui.add_space(6.0);
        ui.colored_label(
            ui.visuals().error_fg_color,
            egui::RichText::new(m.format(
                "conflicts-title",
                &[("count", claim.conflicts.len().into())],
            ))
            .strong(),
        );
        for (index, conflict) in claim.conflicts.iter().enumerate() {
            let show = |value: &serde_json::Value| match value {
                serde_json::Value::Null => m.text("conflict-removed"),
                serde_json::Value::String(text) => text.clone(),
                other => other.to_string(),
            };
            egui::Frame::group(ui.style())
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(egui::RichText::new(conflict.field.name()).strong());
                    let who = |by: &Option<String>| by.clone().unwrap_or_else(|| m.text("unknown"));
                    ui.label(m.format(
                        "conflict-ours",
                        &[
                            ("value", show(&conflict.ours).into()),
                            ("by", who(&conflict.ours_by).into()),
                        ],
                    ));
                    ui.label(m.format(
                        "conflict-theirs",
                        &[
                            ("value", show(&conflict.theirs).into()),
                            ("by", who(&conflict.theirs_by).into()),
                        ],
                    ));
                    if index == 0 {
                        ui.horizontal(|ui| {
                            if ui.button(m.text("button-keep-ours")).clicked() {
                                commands.push(Command::KeepOurs);
                            }
                            if ui.button(m.text("button-take-theirs")).clicked() {
                                commands.push(Command::TakeTheirs);
                            }
                        });
                    }
                });
        }
    }

    pub(super) fn inspector_ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
        let m = cx.messages;
        let Some(workspace) = &self.workspace else {
            return;
        };
        let Some(claim) = self
            .ui
            .selected
            .as_ref()
            .and_then(|id| workspace.review().claim(id))
            .cloned()
        else {
            ui.add_space(8.0);
            ui.label(m.text("inspector-no-claim"));
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
                    ui.strong(m.format("inspector-claim", &[("id", claim.id.clone().into())]));
                    ui.weak(format!("· {}", claim.kind.in_words(m)));
                    if claim.origin == Origin::Manual {
                        ui.weak(format!("· {}", m.text("inspector-added-by-hand")));
                    }
                });
                ui.add(egui::Label::new(egui::RichText::new(&claim.text).size(15.0)).wrap());
                ui.add_space(6.0);
                Self::verdict_ui(ui, m, &claim, dark, &mut commands);
                ui.add_space(6.0);
                self.speaker_ui(ui, m, &claim, language, &mut edits);
                ui.add_space(6.0);
                Self::note_ui(ui, m, &claim, &mut edits);
                ui.add_space(6.0);
                self.evidence_ui(ui, cx, &claim, &mut edits);
                ui.add_space(6.0);
                self.checked_before_ui(ui, m, &claim.id, dark, &mut commands);
                ui.add_space(6.0);
                Self::reasons_ui(ui, m, &claim);
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(m.text("button-remove-claim")).clicked() {
                        commands.push(Command::RemoveClaim);
                    }
                });
            });
        for edit in edits {
            cx.edit(edit);
        }
        for command in commands {
            cx.command(command);
        }
    }

    /// The verdict buttons with their keys, who set the verdict and any merge conflicts.
    fn verdict_ui(
        ui: &mut egui::Ui,
        m: &Messages,
        claim: &crate::review::Claim,
        dark: bool,
        commands: &mut Vec<Command>,
    ) {
        ui.label(egui::RichText::new(m.text("inspector-verdict")).strong());
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
                    Verdict::words(Vocabulary::Window, m, verdict)
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
        Self::four_eyes_ui(ui, m, claim);
        Self::conflicts_ui(ui, m, claim, commands);
    }

    /// The speaker or source, edited as a draft and committed when the field is left.
    fn speaker_ui(
        &mut self,
        ui: &mut egui::Ui,
        m: &Messages,
        claim: &crate::review::Claim,
        language: crate::article::Language,
        edits: &mut Vec<Edit>,
    ) {
        ui.label(egui::RichText::new(m.text("inspector-speaker-source")).strong());
        let draft = match &self.ui.speaker_draft {
            Some((id, text)) if id == &claim.id => text.clone(),
            _ => claim.speaker.clone().unwrap_or_default(),
        };
        let mut speaker = draft;
        let response = ui.add(
            egui::TextEdit::singleline(&mut speaker)
                .hint_text(m.text("unknown"))
                .desired_width(f32::INFINITY),
        );
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, m.text("field-speaker"))
        });
        if response.changed() {
            self.ui.speaker_draft = Some((claim.id.clone(), speaker.clone()));
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
            self.ui.speaker_draft = None;
        }
        if claim.speaker_inferred && claim.speaker.is_some() {
            // Inferred from the context: exports leave it out until the analyst says it is right.
            ui.horizontal_wrapped(|ui| {
                ui.weak(m.text("inspector-speaker-inferred"));
                if ui
                    .small_button(m.text("button-confirm-speaker"))
                    .on_hover_text(m.text("tooltip-confirm-speaker"))
                    .clicked()
                {
                    edits.push(Edit::SetSpeaker {
                        claim_id: claim.id.clone(),
                        speaker: claim.speaker.clone(),
                        kind: claim.speaker_kind,
                    });
                }
            });
        }
    }

    /// The analyst's note.
    fn note_ui(
        ui: &mut egui::Ui,
        m: &Messages,
        claim: &crate::review::Claim,
        edits: &mut Vec<Edit>,
    ) {
        ui.label(
            egui::RichText::new(m.format(
                "inspector-note",
                &[("shortcut", Command::EditNote.shortcut_text(ui.ctx()).into())],
            ))
            .strong(),
        );
        let mut note = claim.note.clone();
        let response = ui.add(
            egui::TextEdit::multiline(&mut note)
                .id(note_id(&claim.id))
                .hint_text(m.text("hint-note"))
                .desired_rows(4)
                .desired_width(f32::INFINITY),
        );
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, m.text("field-note"))
        });
        if response.changed() {
            edits.push(Edit::SetNote {
                claim_id: claim.id.clone(),
                note,
            });
        }
    }

    /// Evidence links and the field that adds one (http and https only).
    fn evidence_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut ViewContext<'_>,
        claim: &crate::review::Claim,
        edits: &mut Vec<Edit>,
    ) {
        let m = cx.messages;
        ui.label(egui::RichText::new(m.text("inspector-evidence")).strong());
        for (index, url) in claim.evidence.iter().enumerate() {
            ui.horizontal(|ui| {
                if ui
                    .small_button("✖")
                    .on_hover_text(m.text("tooltip-remove-link"))
                    .clicked()
                {
                    edits.push(Edit::RemoveEvidence {
                        claim_id: claim.id.clone(),
                        index,
                    });
                }
                if is_web_url(url) {
                    ui.hyperlink_to(url, url)
                        .on_hover_text(m.text("tooltip-open-in-browser"));
                } else {
                    ui.label(url);
                }
            });
        }
        // The button is laid out first, from the right, and the field takes what is left: a field
        // sized by a guess at the button's width would widen the panel every frame whenever the
        // label is longer than the guess ("Hinzufügen").
        let row = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
        let right_to_left = egui::Layout::right_to_left(egui::Align::Center);
        ui.allocate_ui_with_layout(row, right_to_left, |ui| {
            let valid = is_web_url(&self.ui.new_evidence);
            let add = ui
                .add_enabled(valid, egui::Button::new(m.text("button-add")))
                .clicked();
            let response = ui.add(
                egui::TextEdit::singleline(&mut self.ui.new_evidence)
                    .id(evidence_id())
                    .hint_text("https://…")
                    .desired_width(ui.available_width()),
            );
            response.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::TextInput,
                    true,
                    m.text("field-evidence-link"),
                )
            });
            let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let valid = is_web_url(&self.ui.new_evidence);
            if (add || entered) && valid {
                edits.push(Edit::AddEvidence {
                    claim_id: claim.id.clone(),
                    index: usize::MAX,
                    url: self.ui.new_evidence.trim().to_owned(),
                });
                self.ui.new_evidence.clear();
            } else if entered && !self.ui.new_evidence.trim().is_empty() {
                cx.post(m.text("status-evidence-web-only"), true);
            }
        });
    }

    /// Why the claim was picked, its hedges and its history.
    fn reasons_ui(ui: &mut egui::Ui, m: &Messages, claim: &crate::review::Claim) {
        ui.label(
            egui::RichText::new(m.format(
                "inspector-check-worthiness",
                &[("score", m.decimal(claim.score, 2).into())],
            ))
            .strong(),
        );
        for reason in &claim.reasons {
            ui.label(format!("• {}", reason.in_words(m)));
        }
        if !claim.hedges.is_empty() {
            ui.add_space(4.0);
            ui.label(egui::RichText::new(m.text("inspector-hedges")).strong());
            ui.label(claim.hedges.join(", "));
        }
        if !claim.history.is_empty() {
            ui.add_space(4.0);
            egui::CollapsingHeader::new(m.format(
                "inspector-history",
                &[("count", claim.history.len().into())],
            ))
            .id_salt(("history", &claim.id))
            .show(ui, |ui| {
                for entry in claim.history.iter().rev() {
                    let line = history_line(entry, m);
                    ui.add(egui::Label::new(egui::RichText::new(line).small()).wrap());
                }
            });
        }
    }
}

/// One recorded change in the window's words: "24.01.2025 · Alice · Urteil: Offen › Falsch". The file keeps
/// the machine words (`verdict`, `pending`); the window says them in its language.
pub(crate) fn history_line(entry: &crate::review::HistoryEntry, m: &Messages) -> String {
    use crate::review::{Act, ClaimField, Step};
    let action = &entry.action;
    let action_id = match action.act() {
        Act::Changed(ClaimField::Verdict) => Some("history-action-verdict"),
        Act::Changed(ClaimField::Note) => Some("history-action-note"),
        Act::Changed(ClaimField::Evidence) => Some("history-action-evidence"),
        Act::Changed(ClaimField::Speaker) => Some("history-action-speaker"),
        Act::Changed(ClaimField::Span) => Some("history-action-span"),
        Act::Changed(ClaimField::Approval) => Some("history-action-approved"),
        Act::Added => Some("history-action-added"),
        Act::Removed => Some("history-action-removed"),
        Act::Changed(ClaimField::Claim) | Act::Resolved(_) | Act::Other(_) => None,
    };
    let field_words = |field: ClaimField| match field {
        ClaimField::Verdict => m.text("history-action-verdict"),
        ClaimField::Note => m.text("history-action-note"),
        ClaimField::Evidence => m.text("history-action-evidence"),
        ClaimField::Speaker => m.text("history-action-speaker"),
        ClaimField::Span => m.text("history-action-span"),
        ClaimField::Approval => m.text("history-action-approved"),
        ClaimField::Claim => field.name().to_owned(),
    };
    let action_words = match (action_id, action.act()) {
        (Some(id), _) => m.text(id),
        (None, Act::Resolved(field)) => format!(
            "{}: {}",
            m.text("history-action-resolved"),
            field_words(*field)
        ),
        // As recorded: an action of a newer build.
        (None, _) => action.as_str().to_owned(),
    };
    let action_words = match (action_id, action.step()) {
        (Some(_), Step::Undid) => m.format("history-undo", &[("action", action_words.into())]),
        (Some(_), Step::Redid) => m.format("history-redo", &[("action", action_words.into())]),
        _ => action_words,
    };
    // Verdicts are recorded as their machine names; the window shows its verdict words.
    let is_verdict = action.changed() == Some(ClaimField::Verdict);
    let value = |text: &String| {
        if is_verdict {
            match crate::review::VerdictState::of_label(text) {
                Some(state) => Verdict::words(Vocabulary::Window, m, state.verdict()),
                None => text.clone(),
            }
        } else {
            text.clone()
        }
    };
    let mut line = format!("{} · {} · {action_words}", m.date(&entry.at), entry.by);
    match (&entry.from, &entry.to) {
        (Some(from), Some(to)) => {
            let _ = write!(line, ": {} › {}", value(from), value(to));
        }
        (None, Some(to)) => {
            let _ = write!(line, ": {}", value(to));
        }
        _ => {}
    }
    line
}

/// How close an earlier claim is, in words with the percentage: "nearly identical · 93 %".
fn similarity_in_words(similarity: f64, m: &Messages) -> String {
    let level = if similarity >= 0.85 {
        "high"
    } else if similarity >= 0.65 {
        "medium"
    } else {
        "low"
    };
    #[expect(
        clippy::cast_possible_truncation,
        reason = "a percentage from 0 to 100"
    )]
    let percent = (similarity * 100.0).round() as i64;
    m.format(
        "similarity-in-words",
        &[("level", level.into()), ("percent", percent.into())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::review::HistoryEntry;

    fn entry(action: &str, from: Option<&str>, to: Option<&str>) -> HistoryEntry {
        HistoryEntry {
            at: "2025-01-24T10:00:00Z".to_owned(),
            by: "Alice".to_owned(),
            action: crate::review::HistoryAction::parse(action),
            from: from.map(str::to_owned),
            to: to.map(str::to_owned),
        }
    }

    #[test]
    fn history_lines_in_the_windows_words_with_the_files_machine_words_translated() {
        let german = Locale::German.messages();
        let english = Locale::English.messages();
        let verdict = entry("verdict", Some("pending"), Some("denied"));
        assert_eq!(
            history_line(&verdict, german),
            "24.01.2025 · Alice · Urteil: Offen › Falsch"
        );
        assert_eq!(
            history_line(&verdict, english),
            "24 January 2025 · Alice · verdict: pending › denied"
        );
        let undone = entry("undo note", Some("K"), Some(""));
        assert_eq!(
            history_line(&undone, german),
            "24.01.2025 · Alice · rückgängig: Notiz: K › "
        );
        assert_eq!(
            history_line(&entry("redo added", None, Some("c4")), english),
            "24 January 2025 · Alice · redo added: c4"
        );
        // An action of a newer build: shown as recorded.
        assert_eq!(
            history_line(&entry("merged", None, None), german),
            "24.01.2025 · Alice · merged"
        );
    }
}
