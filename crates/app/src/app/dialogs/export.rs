//! Export the review: the format, who reviewed it, the report language and the file.

use super::{Choice, DialogContext, expand_home};
use crate::export::Format;
use crate::i18n::Locale;

/// The export dialog; `format` and `path` change as the user chooses and types.
pub(super) fn export_ui(
    ui: &mut egui::Ui,
    format: &mut Format,
    path: &mut String,
    cx: &mut DialogContext<'_>,
    escape: bool,
) -> Option<Choice> {
    let m = cx.messages;
    let mut choice = None;
    ui.heading(m.text("dialog-export-title"));
    let previous = *format;
    for candidate in Format::ALL {
        ui.radio_value(format, candidate, candidate.label());
    }
    if *format != previous {
        // Keep the typed name, with the new format's ending.
        let old_ending = format!(".{}", previous.extension());
        if let Some(stem) = path.strip_suffix(&old_ending) {
            *path = format!("{stem}.{}", format.extension());
        }
    }
    let settings = &mut *cx.settings;
    ui.label(m.text("field-reviewer-organisation"));
    let name = ui.add(
        egui::TextEdit::singleline(&mut settings.reviewer_name)
            .hint_text(m.text("hint-reviewer-organisation"))
            .desired_width(480.0),
    );
    name.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::TextInput, true, m.text("field-reviewer"))
    });
    ui.label(m.text("field-reviewer-site-optional"));
    let site = ui.add(
        egui::TextEdit::singleline(&mut settings.reviewer_url)
            .hint_text("https://…")
            .desired_width(480.0),
    );
    site.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::TextInput, true, m.text("field-reviewer-site"))
    });
    ui.checkbox(
        &mut settings.export_approved_only,
        m.text("field-approved-only"),
    );
    ui.checkbox(
        &mut settings.export_training_examples,
        m.text("field-training-examples"),
    );
    let article_language = cx.article_language;
    ui.horizontal(|ui| {
        let shown = |choice: Option<Locale>| match choice {
            None => m.format(
                "report-language-as-article",
                &[("code", article_language.code().into())],
            ),
            Some(Locale::German) => m.text("menu-language-de"),
            Some(Locale::English) => m.text("menu-language-en"),
        };
        egui::ComboBox::from_label(m.text("field-report-language"))
            .selected_text(shown(settings.export_language))
            .show_ui(ui, |ui| {
                for choice in [None, Some(Locale::German), Some(Locale::English)] {
                    ui.selectable_value(&mut settings.export_language, choice, shown(choice));
                }
            });
    });
    ui.label(m.text("field-file"));
    let file = ui.add(egui::TextEdit::singleline(path).desired_width(480.0));
    file.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::TextInput, true, m.text("field-export-file"))
    });
    let typed = path.trim();
    ui.horizontal(|ui| {
        let ok = ui
            .add_enabled(
                !typed.is_empty(),
                egui::Button::new(m.text("button-export")),
            )
            .clicked();
        if ok {
            choice = Some(Choice::Export(*format, expand_home(typed)));
        }
        if ui.button(m.text("button-browse")).clicked() {
            choice = Some(Choice::BrowseExport);
        }
        if ui.button(m.text("button-cancel")).clicked() || escape {
            choice = Some(Choice::Close);
        }
    });
    choice
}
