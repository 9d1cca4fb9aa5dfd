//! The shortcut overlay (F1): every command that has a key, with its keys.

use crate::app::Command;
use crate::i18n::Messages;

/// Draws the overlay; returns whether it stays open.
pub fn help_ui(ctx: &egui::Context, m: &Messages) -> bool {
    let mut open = true;
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
    open && !ctx.input(|i| i.key_pressed(egui::Key::Escape))
}
