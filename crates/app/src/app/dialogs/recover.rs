//! Recovery copies from a session that did not end cleanly: restore or discard each, or decide later.

use super::Choice;
use crate::app::files::RecoveryInfo;
use crate::i18n::Messages;

/// The copies found, each with its buttons.
pub(super) fn recover_ui(
    ui: &mut egui::Ui,
    copies: &[RecoveryInfo],
    m: &Messages,
    escape: bool,
) -> Option<Choice> {
    let mut choice = None;
    ui.heading(m.text("dialog-recover-title"));
    ui.label(m.text("dialog-recover-text"));
    for info in copies {
        ui.separator();
        let target = info
            .review_path
            .as_ref()
            .map_or_else(|| info.article_source.clone(), |p| p.display().to_string());
        ui.label(m.format(
            "dialog-recover-copy",
            &[
                ("target", target.into()),
                ("written", info.written.clone().into()),
            ],
        ));
        ui.horizontal(|ui| {
            if ui.button(m.text("button-restore")).clicked() {
                choice = Some(Choice::Restore(info.clone()));
            }
            if ui.button(m.text("button-discard")).clicked() {
                choice = Some(Choice::DiscardRecovery(info.clone()));
            }
        });
    }
    ui.separator();
    if ui.button(m.text("button-decide-later")).clicked() || escape {
        choice = Some(Choice::Close);
    }
    choice
}
