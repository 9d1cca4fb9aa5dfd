//! The article: readable text with every claim highlighted in its verdict's colour, hedges underlined and
//! speakers marked. Only paragraphs in view are laid out, so long articles stay fluid.

use crate::i18n::InWords as _;
use std::sync::Arc;

use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Pos2, Rect, Sense, Stroke, Vec2};

use super::Workbench;
use crate::app::intent::ViewContext;
use crate::app::theme;
use crate::article::Span;
use crate::review::{Claim, Review};

/// Paragraph heights for one text width and size; estimates until a paragraph was laid out once.
#[derive(Default)]
pub(super) struct ArticleLayout {
    key: (String, u32, u32),
    heights: Vec<f32>,
    measured: Vec<bool>,
    offsets: Vec<f32>,
}

const PARAGRAPH_GAP: f32 = 10.0;

impl ArticleLayout {
    fn prepare(&mut self, review: &Review, paragraphs: &[Span], width: f32, text_size: f32) {
        let key = (
            review.article.sha256.clone(),
            width.to_bits(),
            text_size.to_bits(),
        );
        if key == self.key && self.heights.len() == paragraphs.len() {
            return;
        }
        self.key = key;
        let chars_per_row = (width / (text_size * 0.5)).max(10.0);
        let row_height = text_size * 1.35;
        self.heights = paragraphs
            .iter()
            .map(|p| {
                #[expect(clippy::cast_precision_loss, reason = "an estimate")]
                let chars = review.article.text[p.start..p.end].chars().count() as f32;
                (chars / chars_per_row).ceil().max(1.0) * row_height
            })
            .collect();
        self.measured = vec![false; paragraphs.len()];
        self.recompute_offsets();
    }

    fn recompute_offsets(&mut self) {
        self.offsets.clear();
        let mut y = 0.0;
        for height in &self.heights {
            self.offsets.push(y);
            y += height + PARAGRAPH_GAP;
        }
        self.offsets.push(y);
    }

    fn total_height(&self) -> f32 {
        self.offsets.last().copied().unwrap_or(0.0)
    }

    /// Paragraphs intersecting `top..bottom`.
    fn visible(&self, top: f32, bottom: f32) -> std::ops::Range<usize> {
        let count = self.heights.len();
        let first = self.offsets[..count]
            .partition_point(|&y| y <= top)
            .saturating_sub(1);
        let last = self.offsets[..count].partition_point(|&y| y < bottom);
        first..last.max(first).min(count)
    }
}

/// Byte offset in `paragraph` of the character at `char_index`.
fn byte_of_char(paragraph: &str, char_index: usize) -> usize {
    paragraph
        .char_indices()
        .nth(char_index)
        .map_or(paragraph.len(), |(byte, _)| byte)
}

/// Character index of `byte` in `paragraph`.
fn char_of_byte(paragraph: &str, byte: usize) -> usize {
    paragraph
        .get(..byte.min(paragraph.len()))
        .map_or(0, |before| before.chars().count())
}

/// Styles for one paragraph.
struct Styler<'a> {
    claims: &'a [Claim],
    selected: Option<&'a str>,
    selection: Option<Span>,
    dark: bool,
    font: FontId,
    text_color: Color32,
    speaker_color: Color32,
}

impl Styler<'_> {
    fn job(&self, text: &str, paragraph: Span, wrap_width: f32) -> LayoutJob {
        // Every place where the formatting may change.
        let mut cuts = vec![paragraph.start, paragraph.end];
        let first_claim = self.claims.partition_point(|c| c.end <= paragraph.start);
        let claims: Vec<&Claim> = self.claims[first_claim..]
            .iter()
            .take_while(|c| c.start < paragraph.end)
            .collect();
        for claim in &claims {
            cuts.extend([claim.start, claim.end]);
            cuts.extend(claim.hedge_spans.iter().flat_map(|s| [s.start, s.end]));
            cuts.extend(claim.speaker_span.iter().flat_map(|s| [s.start, s.end]));
        }
        if let Some(selection) = self.selection {
            cuts.extend([selection.start, selection.end]);
        }
        cuts.retain(|&c| c >= paragraph.start && c <= paragraph.end && text.is_char_boundary(c));
        cuts.sort_unstable();
        cuts.dedup();
        let mut job = LayoutJob {
            wrap: egui::text::TextWrapping {
                max_width: wrap_width,
                ..Default::default()
            },
            ..Default::default()
        };
        for window in cuts.windows(2) {
            let (start, end) = (window[0], window[1]);
            let mut format = TextFormat {
                font_id: self.font.clone(),
                color: self.text_color,
                ..Default::default()
            };
            // Claims may overlap (an analyst's claim inside an extracted one): the innermost wins.
            let covering = claims
                .iter()
                .filter(|c| c.start <= start && end <= c.end)
                .min_by_key(|c| c.end - c.start);
            if let Some(claim) = covering {
                let selected = self.selected == Some(claim.id.as_str());
                format.background = theme::highlight_color(claim.verdict, self.dark, selected);
                if claim
                    .hedge_spans
                    .iter()
                    .any(|s| s.start <= start && end <= s.end)
                {
                    format.underline = Stroke::new(2.0, theme::verdict_color(None, self.dark));
                }
                if claim
                    .speaker_span
                    .is_some_and(|s| s.start <= start && end <= s.end)
                {
                    format.color = self.speaker_color;
                }
            }
            if self
                .selection
                .is_some_and(|s| s.start <= start && end <= s.end && s.start < s.end)
            {
                format.background = theme::selection_color(self.dark);
            }
            job.append(&text[start..end], 0.0, format);
        }
        job
    }
}

impl Workbench {
    pub(super) fn article_ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
        let m = cx.messages;
        let Some(workspace) = &self.workspace else {
            ui.centered_and_justified(|ui| {
                if cx.opening.is_some() {
                    ui.spinner();
                } else {
                    ui.label(m.text("article-empty"));
                }
            });
            return;
        };
        let review = workspace.review();
        ui.horizontal_wrapped(|ui| {
            let title = review
                .article
                .title
                .as_deref()
                .unwrap_or(&review.article.source);
            ui.heading(title);
        });
        ui.horizontal_wrapped(|ui| {
            let article = &review.article;
            ui.weak(m.format(
                "article-header",
                &[
                    ("source", article.source.clone().into()),
                    ("language", article.language.in_words(m).into()),
                    ("claims", review.claims.len().into()),
                ],
            ));
            if let Some(author) = &article.author {
                ui.weak(m.format("article-by", &[("author", author.clone().into())]));
            }
            if let Some(published) = &article.published {
                ui.weak(m.format("article-published", &[("date", m.date(published).into())]));
            }
            if let Some(fetched) = &article.fetched {
                // The review keeps this text: the page as it was then, whatever it says now.
                ui.weak(m.format("article-downloaded", &[("date", m.date(fetched).into())]));
            }
            let is_sample = workspace.article_path.is_none()
                && workspace.review_path.is_none()
                && article.url.is_none();
            if is_sample {
                ui.weak(m.text("article-sample"));
            }
        });
        ui.weak(m.text("article-hint"));
        ui.separator();

        let text_size = cx.settings.text_size;
        let dark = ui.visuals().dark_mode;
        let text_width = (ui.available_width() - 24.0).clamp(200.0, text_size * 42.0);
        let styler = Styler {
            claims: &review.claims,
            selected: self.ui.selected.as_deref(),
            selection: self.ui.article_selection,
            dark,
            font: FontId::proportional(text_size),
            text_color: ui.visuals().text_color(),
            speaker_color: if dark {
                Color32::from_rgb(120, 200, 255)
            } else {
                Color32::from_rgb(0, 95, 160)
            },
        };
        let text = &review.article.text;
        let paragraphs = &workspace.paragraphs;
        let layout = &mut self.article_layout;
        layout.prepare(review, paragraphs, text_width, text_size);

        let selected_claim = self.ui.selected.as_ref().and_then(|id| review.claim(id));
        let scroll_target = if self.ui.scroll_to_selected {
            selected_claim.and_then(|claim| {
                paragraphs
                    .iter()
                    .position(|p| p.start <= claim.start && claim.start < p.end.max(p.start + 1))
            })
        } else {
            None
        };

        let mut clicked_claim: Option<String> = None;
        let mut selection = self.ui.article_selection;
        let mut drag_anchor = self.ui.drag_anchor;
        let mut measured_changed = false;

        egui::ScrollArea::vertical()
            .id_salt("article")
            .auto_shrink([false, false])
            .show_viewport(ui, |ui, viewport| {
                ui.set_height(layout.total_height());
                let origin = ui.min_rect().min;
                let left = origin.x + ((ui.available_width() - text_width) / 2.0).max(0.0);
                if let Some(index) = scroll_target {
                    let rect = Rect::from_min_size(
                        Pos2::new(left, origin.y + layout.offsets[index]),
                        Vec2::new(text_width, layout.heights[index]),
                    );
                    ui.scroll_to_rect(rect, Some(egui::Align::Center));
                }
                let range = layout.visible(viewport.min.y - 200.0, viewport.max.y + 200.0);
                for index in range {
                    let paragraph = paragraphs[index];
                    let paragraph_text = &text[paragraph.start..paragraph.end];
                    let job = styler.job(text, paragraph, text_width);
                    let galley: Arc<Galley> = ui.painter().layout_job(job);
                    let height = galley.size().y;
                    if !layout.measured[index] || (layout.heights[index] - height).abs() > 0.5 {
                        layout.heights[index] = height;
                        layout.measured[index] = true;
                        measured_changed = true;
                    }
                    let top_left = Pos2::new(left, origin.y + layout.offsets[index]);
                    let rect = Rect::from_min_size(top_left, Vec2::new(text_width, height));
                    let response = ui.interact(
                        rect,
                        ui.scope_id().with(("paragraph", index)),
                        Sense::click_and_drag(),
                    );
                    let offset_at = |pos: Pos2| {
                        let cursor = galley.cursor_from_pos(pos - top_left);
                        paragraph.start + byte_of_char(paragraph_text, cursor.index.0)
                    };
                    if response.drag_started()
                        && let Some(pos) = response.interact_pointer_pos()
                    {
                        drag_anchor = Some(offset_at(pos));
                    }
                    if response.dragged()
                        && let (Some(anchor), Some(pos)) =
                            (drag_anchor, response.interact_pointer_pos())
                    {
                        // A selection stays inside the paragraph where it began.
                        let here = offset_at(pos).clamp(paragraph.start, paragraph.end);
                        let anchor = anchor.clamp(paragraph.start, paragraph.end);
                        selection = Some(Span {
                            start: anchor.min(here),
                            end: anchor.max(here),
                        });
                    }
                    if response.clicked()
                        && let Some(pos) = response.interact_pointer_pos()
                    {
                        let offset = offset_at(pos);
                        selection = Some(Span {
                            start: offset,
                            end: offset,
                        });
                        let first = review.claims.partition_point(|c| c.end <= offset);
                        let hit = review.claims[first..]
                            .iter()
                            .take_while(|c| c.start <= offset)
                            .filter(|c| offset < c.end)
                            .min_by_key(|c| c.end - c.start);
                        if let Some(claim) = hit {
                            clicked_claim = Some(claim.id.clone());
                        }
                    }
                    if response.hovered() {
                        ui.ctx().set_cursor_icon(egui::CursorIcon::Text);
                    }
                    ui.painter()
                        .galley(top_left, Arc::clone(&galley), styler.text_color);
                    if let Some(claim) = selected_claim
                        .filter(|c| c.start < paragraph.end && c.end > paragraph.start)
                    {
                        let start = char_of_byte(
                            paragraph_text,
                            claim.start.saturating_sub(paragraph.start),
                        );
                        let end = char_of_byte(
                            paragraph_text,
                            claim.end.min(paragraph.end) - paragraph.start,
                        );
                        outline(
                            ui,
                            &galley,
                            top_left,
                            start,
                            end,
                            theme::verdict_color(claim.verdict, dark),
                        );
                    }
                }
            });
        if measured_changed {
            layout.recompute_offsets();
            ui.ctx().request_repaint();
        }
        self.ui.article_selection = selection;
        self.ui.drag_anchor = drag_anchor;
        if let Some(id) = clicked_claim {
            self.ui.selected = Some(id);
            self.ui.speaker_draft = None;
            self.ui.new_evidence.clear();
        }
    }
}

/// Draws a frame around characters `start..end` of a galley, row by row.
fn outline(ui: &egui::Ui, galley: &Galley, origin: Pos2, start: usize, end: usize, color: Color32) {
    let stroke = Stroke::new(2.0, color);
    let mut row_start = 0;
    for row in &galley.rows {
        let row_chars = row.char_count_including_newline().0;
        let row_end = row_start + row_chars;
        let from = start.max(row_start);
        let to = end.min(row_end);
        if from < to {
            let left = galley
                .pos_from_cursor(CCursor {
                    prefer_next_row: true,
                    ..CCursor::new(from)
                })
                .min
                .x;
            let right = galley
                .pos_from_cursor(CCursor {
                    prefer_next_row: false,
                    ..CCursor::new(to)
                })
                .min
                .x;
            let rect = Rect::from_min_max(
                Pos2::new(left, row.min_y()),
                Pos2::new(right.max(left + 2.0), row.max_y()),
            );
            ui.painter().rect_stroke(
                rect.translate(origin.to_vec2()).expand(1.5),
                3.0,
                stroke,
                egui::StrokeKind::Outside,
            );
        }
        row_start = row_end;
    }
}
