//! Who is reviewing: the name recorded with every change.

use super::Choice;
use crate::i18n::Messages;

/// The name field (it takes the keyboard as the dialog opens, so the name can just be typed).
pub(super) fn reviewer_ui(
    ui: &mut egui::Ui,
    text: &mut String,
    m: &Messages,
    escape: bool,
) -> Option<Choice> {
    let mut choice = None;
    ui.heading(m.text("dialog-reviewer-title"));
    ui.label(m.text("dialog-reviewer-text"));
    let field = ui.add(
        egui::TextEdit::singleline(text)
            .id(egui::Id::unique("claimdesk-reviewer-name"))
            .desired_width(480.0),
    );
    field.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::TextInput, true, m.text("field-your-name"))
    });
    if !field.has_focus() && !field.lost_focus() {
        field.request_focus();
    }
    let entered = field.lost_focus() && super::enter_pressed(ui);
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
