//! The typed-path dialog: a path (or a web address) typed, completed with Tab, or picked from the folder
//! listed under the field — for when no system file dialog is there, or by choice.

use std::path::{Path, PathBuf};

use super::{Choice, DialogContext, expand_home};
use crate::app::files::DialogPurpose;
use crate::app::path_browser;
use crate::i18n::Messages;

/// The dialog for `purpose`; `text` is what is typed so far and changes as the user types.
pub(super) fn path_entry_ui(
    ui: &mut egui::Ui,
    purpose: DialogPurpose,
    text: &mut String,
    note: Option<&str>,
    cx: &mut DialogContext<'_>,
    escape: bool,
) -> Option<Choice> {
    let m = cx.messages;
    let mut choice = None;
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
    let address = purpose == DialogPurpose::OpenAddress;
    let browsing = !address && !crate::article::fetch::looks_like_address(text);
    let folders_only = purpose == DialogPurpose::OpenFolder;
    let field_id = egui::Id::unique("claimdesk-path-entry");
    let working_dir = std::env::current_dir().unwrap_or_default();
    let tab = browsing
        && ui.memory(|m| m.has_focus(field_id))
        && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Tab));
    if tab && let Some(completed) = path_browser::complete(text, &working_dir, folders_only) {
        *text = completed;
        move_cursor_to_end(ui.ctx(), field_id, text);
    }
    let response = ui.add(
        egui::TextEdit::singleline(text)
            .id(field_id)
            .lock_focus(true)
            .hint_text(if address {
                m.text("hint-address")
            } else {
                m.text("hint-path")
            })
            .desired_width(480.0),
    );
    response.widget_info(|| {
        let name = if address {
            m.text("field-web-address")
        } else {
            m.text("field-path")
        };
        egui::WidgetInfo::labeled(egui::Role::TextInput, true, name)
    });
    if !response.has_focus() && !response.lost_focus() {
        response.request_focus();
    }
    let entered = response.lost_focus() && super::enter_pressed(ui);
    if browsing && let Some(path) = folder_listing_ui(ui, text, &working_dir, folders_only, cx) {
        if path.is_dir() {
            *text = format!("{}{}", path.display(), std::path::MAIN_SEPARATOR);
            move_cursor_to_end(ui.ctx(), field_id, text);
            response.request_focus();
        } else {
            choice = Some(Choice::UsePath(purpose, path));
        }
    }
    let typed = text.trim();
    ui.horizontal(|ui| {
        let ok = ui
            .add_enabled(!typed.is_empty(), egui::Button::new(m.text("button-ok")))
            .clicked();
        if (ok || entered) && !typed.is_empty() {
            choice = Some(Choice::UsePath(purpose, expand_home(typed)));
        }
        if note.is_none()
            && !address
            && ui
                .button(m.text("button-browse"))
                .on_hover_text(m.text("tooltip-browse"))
                .clicked()
        {
            choice = Some(Choice::Browse(purpose));
        }
        if ui.button(m.text("button-cancel")).clicked() || escape {
            choice = Some(Choice::Close);
        }
    });
    choice
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

/// The typed path's folder, listed under the field: a click on a folder enters it, a click on a file
/// chooses it. Returns the entry clicked.
fn folder_listing_ui(
    ui: &mut egui::Ui,
    typed: &str,
    working_dir: &Path,
    folders_only: bool,
    cx: &mut DialogContext<'_>,
) -> Option<PathBuf> {
    let key = format!("{folders_only}\u{0}{typed}");
    if cx.listing.as_ref().is_none_or(|(k, _)| *k != key) {
        let listing = path_browser::list(typed, working_dir, folders_only);
        *cx.listing = Some((key, listing));
    }
    let m: &Messages = cx.messages;
    let (_, listing) = cx.listing.as_ref()?;
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
                // A name typed to save under is new, so nothing matching it is no sign of an empty
                // folder.
                ui.weak(if !listing.filtered_by.is_empty() {
                    m.format(
                        "listing-no-match",
                        &[("name", listing.filtered_by.clone().into())],
                    )
                } else if folders_only {
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
                    &[("count", path_browser::MAX_ENTRIES.into())],
                ));
            }
        });
    ui.weak(m.text("listing-tab-hint"));
    clicked
}
