//! The claim list: search, verdict filter, sort, and one row per claim. Only visible rows are drawn.

use crate::i18n::InWords as _;
use crate::review::{Verdict, Vocabulary};
use egui::{Align2, FontId, Sense, Vec2};

use super::Workbench;
use crate::app::intent::ViewContext;
use crate::app::settings::SortOrder;
use crate::app::{Command, theme};

const ROW_HEIGHT: f32 = 44.0;

/// The search field.
pub(super) fn search_id() -> egui::Id {
    egui::Id::unique("claimdesk-search")
}

impl Workbench {
    pub(super) fn claim_list_ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
        let m = cx.messages;
        ui.add_space(4.0);
        let search = egui::TextEdit::singleline(&mut self.ui.search)
            .id(search_id())
            .hint_text(m.text("hint-search-claims"))
            .desired_width(f32::INFINITY);
        let response = ui
            .add(search)
            .on_hover_text(m.text("tooltip-search-claims"));
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, m.text("field-search-claims"))
        });
        ui.horizontal_wrapped(|ui| {
            let filter = &mut self.ui.filter;
            ui.checkbox(&mut filter.pending, m.text("filter-pending"));
            ui.checkbox(&mut filter.confirmed, m.text("filter-confirmed"));
            ui.checkbox(&mut filter.denied, m.text("filter-denied"));
            ui.checkbox(&mut filter.unverified, m.text("filter-unverified"));
        });
        ui.horizontal(|ui| {
            ui.label(m.text("sort-label"));
            let mut sort = cx.settings.sort;
            ui.selectable_value(&mut sort, SortOrder::Position, m.text("sort-position"));
            ui.selectable_value(&mut sort, SortOrder::Score, m.text("sort-score"));
            if sort != cx.settings.sort {
                cx.command(Command::ToggleSort);
            }
        });
        ui.separator();
        self.orphaned_ui(ui, m);

        let visible = self.visible_claims(cx.settings.sort);
        let Some(workspace) = &self.workspace else {
            return;
        };
        let claims = &workspace.review().claims;
        if visible.is_empty() {
            ui.label(if claims.is_empty() {
                m.text("claims-none-found")
            } else {
                m.text("claims-none-match")
            });
            return;
        }
        let selected_position = self
            .ui
            .selected
            .as_ref()
            .and_then(|id| visible.iter().position(|&index| &claims[index].id == id));
        let mut scroll = egui::ScrollArea::vertical()
            .id_salt("claim_list")
            .auto_shrink([false, false]);
        if self.ui.scroll_to_selected
            && let Some(position) = selected_position
        {
            #[expect(
                clippy::cast_precision_loss,
                reason = "row positions are far below f32 precision limits"
            )]
            let row_top = position as f32 * (ROW_HEIGHT + ui.spacing().item_spacing.y);
            let viewport = ui.available_height();
            let current = ui
                .data(|d| d.get_temp::<f32>(egui::Id::unique("claimdesk_claim_list_offset")))
                .unwrap_or(0.0);
            if row_top < current || row_top + ROW_HEIGHT > current + viewport {
                scroll = scroll.vertical_scroll_offset((row_top - viewport / 3.0).max(0.0));
            }
        }
        let dark = ui.visuals().dark_mode;
        let mut clicked = None;
        let output = scroll.show_rows(ui, ROW_HEIGHT, visible.len(), |ui, rows| {
            for position in rows {
                let claim = &claims[visible[position]];
                let is_selected = selected_position == Some(position);
                let (rect, response) = ui.allocate_exact_size(
                    Vec2::new(ui.available_width(), ROW_HEIGHT),
                    Sense::click(),
                );
                let speaker = claim.speaker.as_deref().unwrap_or("—");
                let earlier = self.checked_before.best_adoptable(&claim.id);
                let checked_before = earlier.map_or_else(String::new, |found| {
                    let verdict = Verdict::words(Vocabulary::Window, m, Some(found.entry.verdict));
                    let said = if found.relation == crate::memory::Relation::Opposite {
                        m.format("row-opposite-of-checked", &[("verdict", verdict.into())])
                    } else {
                        m.format("row-checked-before", &[("verdict", verdict.into())])
                    };
                    format!(" ({said})")
                });
                let conflict_mark = if claim.conflicts.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", m.text("row-merge-conflict"))
                };
                let label = format!(
                    "{} {} {} {}: {}{checked_before}{conflict_mark}",
                    theme::verdict_symbol(claim.verdict),
                    Verdict::words(Vocabulary::Window, m, claim.verdict),
                    m.decimal(claim.score, 2),
                    speaker,
                    claim.text
                );
                response.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::ListBoxOption, true, is_selected, &label)
                });
                if response.clicked() {
                    clicked = Some(claim.id.clone());
                }
                if !ui.is_rect_visible(rect) {
                    continue;
                }
                let visuals = ui.visuals();
                let painter = ui.painter_at(rect);
                if is_selected {
                    painter.rect_filled(rect, 4.0, visuals.selection.bg_fill);
                } else if response.hovered() {
                    painter.rect_filled(rect, 4.0, visuals.widgets.hovered.weak_bg_fill);
                }
                let strong = if is_selected {
                    visuals.selection.stroke.color
                } else {
                    visuals.strong_text_color()
                };
                let weak = if is_selected {
                    visuals.selection.stroke.color
                } else {
                    visuals.weak_text_color()
                };
                let verdict_color = theme::verdict_color(claim.verdict, dark);
                let left = rect.left() + 6.0;
                painter.text(
                    egui::pos2(left, rect.top() + 4.0),
                    Align2::LEFT_TOP,
                    theme::verdict_symbol(claim.verdict),
                    FontId::proportional(16.0),
                    verdict_color,
                );
                let header = format!(
                    "{} · {} · {}",
                    m.decimal(claim.score, 2),
                    claim.kind.in_words(m),
                    speaker
                );
                painter.text(
                    egui::pos2(left + 22.0, rect.top() + 4.0),
                    Align2::LEFT_TOP,
                    header,
                    FontId::proportional(12.0),
                    weak,
                );
                // A merge conflict outranks everything else the row could say.
                if !claim.conflicts.is_empty() {
                    painter.text(
                        egui::pos2(left, rect.top() + 24.0),
                        Align2::LEFT_TOP,
                        "⚠",
                        FontId::proportional(14.0),
                        visuals.error_fg_color,
                    );
                } else if let Some(found) = earlier {
                    painter.text(
                        egui::pos2(left, rect.top() + 24.0),
                        Align2::LEFT_TOP,
                        "⟲",
                        FontId::proportional(14.0),
                        theme::verdict_color(Some(found.entry.verdict), dark),
                    );
                }
                let first_words: String = claim.text.chars().take(160).collect();
                painter.text(
                    egui::pos2(left + 22.0, rect.top() + 22.0),
                    Align2::LEFT_TOP,
                    first_words,
                    FontId::proportional(14.0),
                    strong,
                );
                // A reviewed claim carries its verdict's colour down its left edge.
                if claim.verdict.is_some() {
                    painter.rect_filled(
                        egui::Rect::from_min_size(rect.left_top(), Vec2::new(3.0, rect.height())),
                        0.0,
                        verdict_color,
                    );
                }
            }
        });
        ui.data_mut(|d| {
            d.insert_temp(
                egui::Id::unique("claimdesk_claim_list_offset"),
                output.state.clamped_offset().y,
            )
        });
        if let Some(id) = clicked {
            self.ui.selected = Some(id);
            self.ui.scroll_to_selected = true;
            self.ui.speaker_draft = None;
        }
    }

    /// Claims whose text left the article: listed with their verdicts and notes, so no work is lost.
    fn orphaned_ui(&self, ui: &mut egui::Ui, m: &crate::i18n::Messages) {
        let Some(workspace) = &self.workspace else {
            return;
        };
        let orphaned = &workspace.review().orphaned;
        if orphaned.is_empty() {
            return;
        }
        let dark = ui.visuals().dark_mode;
        egui::CollapsingHeader::new(
            m.format("orphaned-title", &[("count", orphaned.len().into())]),
        )
        .show(ui, |ui| {
            for claim in orphaned {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(
                        theme::verdict_color(claim.verdict, dark),
                        theme::verdict_symbol(claim.verdict),
                    );
                    ui.label(format!("{}: {}", claim.id, claim.text));
                });
                if !claim.note.is_empty() {
                    ui.weak(m.format("orphaned-note", &[("note", claim.note.clone().into())]));
                }
            }
        });
        ui.separator();
    }
}
