//! Who is reviewing: the name recorded with every change.
//!
//! On a first start the system's name for the user is offered, and Enter accepts it. An analyst who starts
//! reviewing at once (J, C, D …) does not type those keys into the name: while the field does not have the
//! keyboard they are held, the dialog says so, and they act on the review once it closes. Clicking the
//! field hands it the keyboard to change the name.

use super::Choice;
use crate::i18n::Messages;

/// The name field and its buttons.
pub(super) fn reviewer_ui(
    ui: &mut egui::Ui,
    text: &mut String,
    editing: &mut bool,
    held: &mut Vec<egui::Event>,
    m: &Messages,
    escape: bool,
) -> Option<Choice> {
    let mut choice = None;
    ui.heading(m.text("dialog-reviewer-title"));
    ui.label(m.text("dialog-reviewer-text"));
    if !*editing {
        hold_review_keys(ui, held);
    }
    let field = ui.add(
        egui::TextEdit::singleline(text)
            .id(egui::Id::unique("claimdesk-reviewer-name"))
            .desired_width(480.0),
    );
    field.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::TextInput, true, m.text("field-your-name"))
    });
    if field.has_focus() || field.clicked() {
        *editing = true;
    }
    if *editing && !field.has_focus() && !field.lost_focus() {
        field.request_focus();
    }
    if !*editing {
        ui.label(m.text("dialog-reviewer-offered"));
    }
    if !held.is_empty() {
        let keys = held
            .iter()
            .filter(|e| matches!(e, egui::Event::Key { pressed: true, .. }))
            .count();
        ui.label(m.format("dialog-reviewer-held", &[("count", keys.into())]));
    }
    let entered = (field.lost_focus() || !*editing) && super::enter_pressed(ui);
    let typed = text.trim();
    ui.horizontal(|ui| {
        let ok = ui
            .add_enabled(!typed.is_empty(), egui::Button::new(m.text("button-ok")))
            .clicked();
        if (ok || entered) && !typed.is_empty() {
            choice = Some(Choice::SetAnalyst(typed.to_owned()));
        }
        if ui.button(m.text("button-later")).clicked() || escape {
            choice = Some(Choice::Close);
        }
    });
    choice
}

/// Moves the keys and characters typed this frame (other than Enter, Esc and Tab, which answer the dialog)
/// into `held`.
fn hold_review_keys(ui: &egui::Ui, held: &mut Vec<egui::Event>) {
    ui.input_mut(|input| {
        let answers_dialog = |event: &egui::Event| {
            matches!(
                event,
                egui::Event::Key {
                    key: egui::Key::Enter | egui::Key::Escape | egui::Key::Tab,
                    ..
                }
            )
        };
        let (keep, hold): (Vec<egui::Event>, Vec<egui::Event>) =
            input.events.drain(..).partition(|event| {
                answers_dialog(event)
                    || !matches!(event, egui::Event::Key { .. } | egui::Event::Text(_))
            });
        input.events = keep;
        held.extend(hold);
    });
}
