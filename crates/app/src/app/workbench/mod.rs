//! The workbench view: the open review with its claim list, the article and the inspector. It owns its state
//! (the document with its undo history, the selection, the list's filters, drafts, layout caches, the
//! checked-before lookup) and its `ui`; what only the shell can do (open, save, show a dialog, post a status
//! line) it asks for through the [`ViewContext`].

mod article_view;
pub mod checked_before;
mod claim_list;
mod inspector;

use std::path::PathBuf;
use std::time::Instant;

use super::intent::ViewContext;
use super::settings::SortOrder;
use super::{Command, files};
use crate::article::Span;
use crate::i18n::InWords as _;
use crate::review::edit::{Document, Edit};
use crate::review::{Claim, Review, Verdict, VerdictState, Vocabulary};

/// The open review and where it lives.
pub struct Workspace {
    /// The review with its history.
    pub document: Document,
    /// Where Ctrl+S writes; `None` until the first "Save as".
    pub review_path: Option<PathBuf>,
    /// The article file, when it came from one.
    pub article_path: Option<PathBuf>,
    /// Paragraphs (lines) of the article text.
    pub paragraphs: Vec<Span>,
    /// Sentence segments, for adding a sentence as a claim.
    pub sentences: Vec<Span>,
    /// When the last recovery copy was written.
    pub(crate) last_autosave: Option<Instant>,
    /// Whether unsaved work has changed since the last recovery copy.
    pub(crate) autosave_due: bool,
    /// The review file as this window last read or wrote it, and its bytes' checksum: the base for merging
    /// when someone else saved the file meanwhile.
    pub(crate) on_disk: Option<(Review, String)>,
}

impl Workspace {
    /// Whether the review is in a file (read from or saved to one): "saved" means something only then.
    #[must_use]
    pub fn has_file(&self) -> bool {
        self.on_disk.is_some()
    }

    /// A workspace for `review`; `saved` says whether `review_path` holds exactly this review.
    #[must_use]
    pub fn new(
        review: Review,
        saved: bool,
        review_path: Option<PathBuf>,
        article_path: Option<PathBuf>,
    ) -> Self {
        let text = &review.article.text;
        let paragraphs = paragraphs_of(text);
        let sentences = crate::extract::sentences(text, review.article.language);
        let on_disk = review_path
            .as_deref()
            .filter(|_| saved)
            .and_then(files::digest_of_file)
            .map(|digest| (review.clone(), digest));
        Self {
            on_disk,
            document: Document::new(review, saved),
            review_path,
            article_path,
            paragraphs,
            sentences,
            last_autosave: None,
            autosave_due: false,
        }
    }

    /// The review.
    #[must_use]
    pub fn review(&self) -> &Review {
        self.document.review()
    }

    /// A short name for the window title and status bar.
    #[must_use]
    pub fn display_name(&self) -> String {
        let path = self.review_path.as_ref().or(self.article_path.as_ref());
        path.and_then(|p| p.file_name()).map_or_else(
            || self.review().article.source.clone(),
            |n| n.to_string_lossy().into_owned(),
        )
    }
}

/// Non-empty lines of a text, as spans.
fn paragraphs_of(text: &str) -> Vec<Span> {
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        if !text[start..end].trim().is_empty() {
            paragraphs.push(Span { start, end });
        }
        start = end + 1;
    }
    paragraphs
}

/// Which verdicts the claim list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerdictFilter {
    /// Show pending claims.
    pub pending: bool,
    /// Show confirmed claims.
    pub confirmed: bool,
    /// Show denied claims.
    pub denied: bool,
    /// Show unverified claims.
    pub unverified: bool,
}

impl Default for VerdictFilter {
    fn default() -> Self {
        Self {
            pending: true,
            confirmed: true,
            denied: true,
            unverified: true,
        }
    }
}

impl VerdictFilter {
    /// Whether a claim with `verdict` is shown.
    #[must_use]
    pub fn shows(&self, verdict: Option<Verdict>) -> bool {
        match verdict {
            None => self.pending,
            Some(Verdict::Confirmed) => self.confirmed,
            Some(Verdict::Denied) => self.denied,
            Some(Verdict::Unverified) => self.unverified,
        }
    }
}

/// UI state that is not part of the review.
#[derive(Debug, Default)]
pub struct UiState {
    /// The selected claim.
    pub selected: Option<String>,
    /// The claim list search text.
    pub search: String,
    /// Which verdicts the list shows.
    pub filter: VerdictFilter,
    /// Scroll the list and article to the selected claim on the next frame.
    pub scroll_to_selected: bool,
    /// Text selected in the article, as a span of the article text.
    pub article_selection: Option<Span>,
    /// Where a drag selection started (byte offset).
    pub drag_anchor: Option<usize>,
    /// The evidence link being typed.
    pub new_evidence: String,
    /// Show the shortcut overlay.
    pub show_help: bool,
    /// The speaker being edited, per claim, until it is committed.
    pub speaker_draft: Option<(String, String)>,
}

/// What the visible claim list depends on.
#[derive(Debug, Clone, PartialEq)]
struct VisibleKey {
    search: String,
    filter: VerdictFilter,
    sort: SortOrder,
    revision: u64,
    claims: usize,
    sha256: String,
}

/// The workbench view's state.
#[derive(Default)]
pub struct Workbench {
    /// The open review.
    pub workspace: Option<Workspace>,
    /// Selection, filters, focus.
    pub ui: UiState,
    /// Earlier checks of the open review's claims, from the desk's memory.
    pub checked_before: checked_before::CheckedBefore,
    article_layout: article_view::ArticleLayout,
    visible_cache: std::cell::RefCell<Option<(VisibleKey, Vec<usize>)>>,
    /// The claim a verdict was just given to and the claim the selection then moved on to: N right after
    /// (D, N) writes the note on the claim just judged, not on the next one.
    just_judged: Option<(String, Option<String>)>,
}

impl Workbench {
    /// Shows `workspace`, selecting `wanted` (a desk search hit) or the claim the review was saved on, and
    /// the first merge conflict over both. Returns the ids of conflicting claims.
    pub fn install(&mut self, workspace: Workspace, wanted: Option<String>) -> Vec<String> {
        let selected = wanted
            .or_else(|| workspace.review().selected.clone())
            .filter(|id| workspace.review().claim(id).is_some());
        let conflicted: Vec<String> = workspace
            .review()
            .claims
            .iter()
            .filter(|c| !c.conflicts.is_empty())
            .map(|c| c.id.clone())
            .collect();
        // A merged review opens on its first conflict, and says where the others are.
        let first = conflicted
            .first()
            .cloned()
            .or_else(|| workspace.review().claims.first().map(|c| c.id.clone()));
        let selected = if conflicted.is_empty() {
            selected
        } else {
            None
        };
        self.workspace = Some(workspace);
        // Another document: its revisions start again and say nothing about the claims looked up before.
        self.checked_before.clear();
        self.ui = UiState {
            filter: self.ui.filter,
            ..UiState::default()
        };
        self.select(selected.or(first));
        conflicted
    }

    /// Whether the open review has unsaved changes.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.workspace
            .as_ref()
            .is_some_and(|w| w.document.is_dirty())
    }

    /// The selected claim's index in the review.
    #[must_use]
    pub fn selected_index(&self) -> Option<usize> {
        let workspace = self.workspace.as_ref()?;
        workspace.review().index_of(self.ui.selected.as_deref()?)
    }

    /// The selected claim's id, when it still exists.
    #[must_use]
    pub fn selected_id(&self) -> Option<String> {
        self.ui.selected.clone().filter(|id| {
            self.workspace
                .as_ref()
                .is_some_and(|w| w.review().claim(id).is_some())
        })
    }

    fn selected_claim(&self) -> Option<&Claim> {
        let id = self.ui.selected.as_deref()?;
        self.workspace.as_ref()?.review().claim(id)
    }

    /// Indices of the claims the list shows, in list order.
    #[must_use]
    pub fn visible_claims(&self, sort: SortOrder) -> Vec<usize> {
        let Some(workspace) = &self.workspace else {
            return Vec::new();
        };
        let key = VisibleKey {
            search: self.ui.search.clone(),
            filter: self.ui.filter,
            sort,
            revision: workspace.document.revision(),
            claims: workspace.review().claims.len(),
            sha256: workspace.review().article.sha256.clone(),
        };
        if let Some((cached_key, cached)) = &*self.visible_cache.borrow()
            && *cached_key == key
        {
            return cached.clone();
        }
        let computed = self.compute_visible_claims(workspace, sort);
        *self.visible_cache.borrow_mut() = Some((key, computed.clone()));
        computed
    }

    fn compute_visible_claims(&self, workspace: &Workspace, sort: SortOrder) -> Vec<usize> {
        let needle = self.ui.search.trim().to_lowercase();
        let mut indices: Vec<usize> = workspace
            .review()
            .claims
            .iter()
            .enumerate()
            .filter(|(_, claim)| self.ui.filter.shows(claim.verdict))
            .filter(|(_, claim)| {
                needle.is_empty()
                    || claim.text.to_lowercase().contains(&needle)
                    || claim
                        .speaker
                        .as_ref()
                        .is_some_and(|s| s.to_lowercase().contains(&needle))
                    || claim.note.to_lowercase().contains(&needle)
            })
            .map(|(index, _)| index)
            .collect();
        if sort == SortOrder::Score {
            let claims = &workspace.review().claims;
            indices.sort_by(|&a, &b| claims[b].score.total_cmp(&claims[a].score).then(a.cmp(&b)));
        }
        indices
    }

    /// Selects a claim (or none) and scrolls to it; drafts of the last one go.
    pub fn select(&mut self, id: Option<String>) {
        self.ui.selected = id;
        self.ui.scroll_to_selected = true;
        self.ui.new_evidence.clear();
        self.ui.speaker_draft = None;
    }

    fn select_relative(&mut self, step: isize, sort: SortOrder) {
        let visible = self.visible_claims(sort);
        let Some(workspace) = &self.workspace else {
            return;
        };
        let current = self
            .selected_index()
            .and_then(|index| visible.iter().position(|&v| v == index));
        let target = match current {
            Some(position) => position
                .saturating_add_signed(step)
                .min(visible.len().saturating_sub(1)),
            None if step < 0 => visible.len().saturating_sub(1),
            None => 0,
        };
        let id = visible
            .get(target)
            .map(|&index| workspace.review().claims[index].id.clone());
        if id.is_some() {
            self.select(id);
        }
    }

    fn select_next_pending(&mut self, cx: &mut ViewContext<'_>) {
        let visible = self.visible_claims(cx.settings.sort);
        let Some(workspace) = &self.workspace else {
            return;
        };
        let claims = &workspace.review().claims;
        let current = self
            .selected_index()
            .and_then(|index| visible.iter().position(|&v| v == index));
        let start = current.map_or(0, |p| p + 1);
        let order = visible.iter().skip(start).chain(visible.iter().take(start));
        let next = order
            .copied()
            .find(|&index| claims[index].verdict.is_none());
        match next {
            Some(index) => {
                let id = claims[index].id.clone();
                self.select(Some(id));
            }
            None => cx.post(cx.messages.text("status-all-reviewed"), false),
        }
    }

    /// Applies an edit to the open review, recorded as the analyst's.
    pub fn apply_edit(&mut self, edit: Edit, cx: &mut ViewContext<'_>) {
        if let Some(path) = cx.opening {
            // The loading file replaces this review when it is ready; an edit now would be lost with it.
            let message = cx.messages.format(
                "status-not-changed-opening",
                &[("path", path.display().to_string().into())],
            );
            cx.post(message, true);
            return;
        }
        let Some(workspace) = &mut self.workspace else {
            return;
        };
        workspace.document.set_reviewer(&cx.settings.analyst);
        match workspace.document.apply(edit) {
            Ok(()) => workspace.autosave_due = true,
            Err(error) => {
                let message = cx.messages.format(
                    "status-not-changed",
                    &[("error", error.in_words(cx.messages).into())],
                );
                cx.post(message, true);
            }
        }
    }

    /// Carries out a workbench command (the shell handles the others).
    pub fn command(&mut self, command: Command, ctx: &egui::Context, cx: &mut ViewContext<'_>) {
        let just_judged = self.just_judged.take();
        if let Some(verdict) = command.verdict() {
            let Some(claim_id) = self.selected_id() else {
                cx.post(cx.messages.text("status-select-claim-first"), true);
                return;
            };
            self.apply_edit(
                Edit::SetVerdict {
                    claim_id: claim_id.clone(),
                    verdict: verdict.verdict(),
                },
                cx,
            );
            if verdict != VerdictState::Pending && cx.settings.advance_after_verdict {
                self.select_next_pending(cx);
                self.just_judged = Some((claim_id, self.selected_id()));
            }
            return;
        }
        let sort = cx.settings.sort;
        match command {
            Command::Undo => self.undo_redo(true, cx),
            Command::Redo => self.undo_redo(false, cx),
            Command::NextClaim => self.select_relative(1, sort),
            Command::PreviousClaim => self.select_relative(-1, sort),
            Command::NextPending => self.select_next_pending(cx),
            Command::EditNote => {
                // Right after a verdict moved the selection on, the note is for the claim just judged:
                // the selection goes back to it, visibly, and the note opens there.
                if let Some((judged, moved_to)) = just_judged
                    && moved_to == self.selected_id()
                    && self
                        .workspace
                        .as_ref()
                        .is_some_and(|w| w.review().claim(&judged).is_some())
                {
                    self.select(Some(judged.clone()));
                    cx.post(
                        cx.messages
                            .format("status-note-for-judged", &[("id", judged.into())]),
                        false,
                    );
                }
                if let Some(id) = self.selected_id() {
                    ctx.memory_mut(|m| m.request_focus(inspector::note_id(&id)));
                }
            }
            Command::AddEvidence if self.selected_id().is_some() => {
                ctx.memory_mut(|m| m.request_focus(inspector::evidence_id()));
            }
            Command::Find => ctx.memory_mut(|m| m.request_focus(claim_list::search_id())),
            Command::AddClaim => self.add_claim_from_selection(cx),
            Command::SetSpanFromSelection => self.set_span_from_selection(cx),
            Command::RemoveClaim => self.remove_selected(cx),
            Command::AdoptEarlierVerdict => self.adopt_earlier_verdict(cx),
            Command::Approve => {
                if let Some(claim_id) = self.selected_id() {
                    self.apply_edit(Edit::Approve { claim_id }, cx);
                }
            }
            Command::KeepOurs | Command::TakeTheirs => {
                let theirs = command == Command::TakeTheirs;
                let conflicted = self
                    .selected_claim()
                    .filter(|c| !c.conflicts.is_empty())
                    .map(|c| c.id.clone());
                match conflicted {
                    Some(claim_id) => self.apply_edit(
                        Edit::ResolveConflict {
                            claim_id,
                            index: 0,
                            theirs,
                        },
                        cx,
                    ),
                    None => cx.post(cx.messages.text("status-no-conflict"), false),
                }
            }
            _ => {}
        }
    }

    /// Takes over the verdict of the selected claim's best "same" earlier check and cites it in the note,
    /// as one edit (one undo step).
    fn adopt_earlier_verdict(&mut self, cx: &mut ViewContext<'_>) {
        let m = cx.messages;
        let Some(id) = self.selected_id() else {
            return;
        };
        let Some(found) = self.checked_before.best_adoptable(&id).cloned() else {
            cx.post(
                m.format("status-no-earlier-verdict", &[("id", id.into())]),
                true,
            );
            return;
        };
        let Some(verdict) = checked_before::adopted_verdict(&found) else {
            // The opposite of "unverified" is no verdict either: nothing is adopted, and the analyst is
            // told why.
            cx.post(
                m.format(
                    "status-opposite-not-adopted",
                    &[
                        ("id", id.into()),
                        (
                            "verdict",
                            Verdict::words(Vocabulary::Window, m, Some(found.entry.verdict)).into(),
                        ),
                    ],
                ),
                true,
            );
            return;
        };
        let Some(claim) = self.selected_claim() else {
            return;
        };
        // The note is part of the review: it is written in the review's language, whatever the window's.
        let review_words = self.workspace.as_ref().map_or(m, |w| {
            w.review().article.language.report_locale().messages()
        });
        let citation = checked_before::citation(&found, review_words);
        if claim.verdict == Some(verdict) && claim.note.contains(&citation) {
            cx.post(
                m.format("status-already-adopted", &[("id", id.into())]),
                false,
            );
            return;
        }
        let mut adopted = claim.clone();
        adopted.verdict = Some(verdict);
        if !adopted.note.contains(&citation) {
            adopted.note = if adopted.note.trim().is_empty() {
                citation
            } else {
                format!("{}\n{citation}", adopted.note.trim_end())
            };
        }
        self.apply_edit(
            Edit::ReplaceClaim {
                claim: Box::new(adopted),
            },
            cx,
        );
        let words = Verdict::words(Vocabulary::Window, m, Some(verdict));
        let source = found.entry.source.clone();
        let message = if found.relation == crate::memory::Relation::Opposite {
            m.format(
                "status-adopted-inverse",
                &[
                    ("id", id.into()),
                    ("verdict", words.into()),
                    ("source", source.into()),
                ],
            )
        } else {
            m.format(
                "status-adopted",
                &[
                    ("id", id.into()),
                    ("verdict", words.into()),
                    ("source", source.into()),
                ],
            )
        };
        cx.post(message, false);
    }

    fn undo_redo(&mut self, undo: bool, cx: &mut ViewContext<'_>) {
        let m = cx.messages;
        let Some(workspace) = &mut self.workspace else {
            return;
        };
        workspace.document.set_reviewer(&cx.settings.analyst);
        let edit = if undo {
            workspace.document.undo()
        } else {
            workspace.document.redo()
        };
        let Some(edit) = edit else {
            let message = if undo {
                m.text("status-nothing-to-undo")
            } else {
                m.text("status-nothing-to-redo")
            };
            cx.post(message, false);
            return;
        };
        workspace.autosave_due = true;
        // Follow the change: select the claim it touched, if it still exists.
        let touched = Some(edit.claim_id().to_owned());
        if let Some(id) = touched.filter(|id| workspace.review().claim(id).is_some()) {
            self.select(Some(id));
        }
        let what = describe_edit(m, &edit);
        let message = if undo {
            m.format("status-undid", &[("edit", what.into())])
        } else {
            m.format("status-redid", &[("edit", what.into())])
        };
        cx.post(message, false);
    }

    /// The selected article text, or the sentence that holds the caret.
    fn selection_span(&self) -> Option<Span> {
        let workspace = self.workspace.as_ref()?;
        let selection = self.ui.article_selection?;
        let text = &workspace.review().article.text;
        if selection.is_empty() {
            return workspace
                .sentences
                .iter()
                .copied()
                .find(|s| s.start <= selection.start && selection.start <= s.end);
        }
        let slice = text.get(selection.start..selection.end)?;
        let start = selection.start + (slice.len() - slice.trim_start().len());
        let end = selection.end - (slice.len() - slice.trim_end().len());
        (start < end).then_some(Span { start, end })
    }

    fn add_claim_from_selection(&mut self, cx: &mut ViewContext<'_>) {
        let m = cx.messages;
        let Some(span) = self.selection_span() else {
            cx.post(m.text("status-select-text-first"), true);
            return;
        };
        let Some(workspace) = &self.workspace else {
            return;
        };
        let review = workspace.review();
        if let Some(existing) = review
            .claims
            .iter()
            .find(|c| c.start == span.start && c.end == span.end)
        {
            let id = existing.id.clone();
            self.select(Some(id));
            cx.post(m.text("status-already-a-claim"), false);
            return;
        }
        let id = review.next_claim_id();
        let Some(claim) = self.analyse_span(span, id.clone(), &m.text("error-add-claim"), cx)
        else {
            return;
        };
        self.apply_edit(
            Edit::AddClaim {
                claim: Box::new(claim),
            },
            cx,
        );
        self.ui.article_selection = None;
        self.select(Some(id));
        cx.post(m.text("status-claim-added"), false);
    }

    /// The claim the extractor makes of `span` (a hand-made claim); `None` when the span holds no text.
    /// A failure is reported under `title`, the review unchanged.
    fn analyse_span(
        &self,
        span: Span,
        id: String,
        title: &str,
        cx: &mut ViewContext<'_>,
    ) -> Option<Claim> {
        let review = self.workspace.as_ref()?.review();
        let analysed = files::guarded(
            files::Work::Extract,
            std::path::Path::new(&review.article.source),
            cx.messages,
            || {
                Ok(crate::extract::manual_claim(
                    &review.article.text,
                    review.article.language,
                    span,
                    id,
                ))
            },
        );
        match analysed {
            Ok(claim) => claim,
            Err(message) => {
                cx.show_error(title, message);
                None
            }
        }
    }

    fn set_span_from_selection(&mut self, cx: &mut ViewContext<'_>) {
        let m = cx.messages;
        let (Some(span), Some(id)) = (self.selection_span(), self.selected_id()) else {
            cx.post(m.text("status-select-claim-and-text"), true);
            return;
        };
        let Some(current) = self.selected_claim().cloned() else {
            return;
        };
        let Some(mut claim) = self.analyse_span(span, id, &m.text("error-change-claim"), cx) else {
            return;
        };
        // The analyst's work on the claim stays; only the span and what follows from it change.
        claim.verdict = current.verdict;
        claim.note.clone_from(&current.note);
        claim.evidence.clone_from(&current.evidence);
        claim.origin = current.origin;
        claim.score = current.score;
        claim.kind = current.kind;
        if current.speaker.is_some() && claim.speaker.is_none() {
            claim.speaker.clone_from(&current.speaker);
        }
        self.apply_edit(
            Edit::ReplaceClaim {
                claim: Box::new(claim),
            },
            cx,
        );
        self.ui.article_selection = None;
        self.ui.scroll_to_selected = true;
        cx.post(m.text("status-span-adjusted"), false);
    }

    fn remove_selected(&mut self, cx: &mut ViewContext<'_>) {
        let Some(id) = self.selected_id() else { return };
        let visible = self.visible_claims(cx.settings.sort);
        let position = self
            .selected_index()
            .and_then(|index| visible.iter().position(|&v| v == index));
        let neighbour = position.and_then(|p| {
            visible
                .get(p + 1)
                .or_else(|| p.checked_sub(1).and_then(|q| visible.get(q)))
        });
        let neighbour_id = neighbour.and_then(|&index| {
            self.workspace
                .as_ref()
                .map(|w| w.review().claims[index].id.clone())
        });
        self.apply_edit(Edit::RemoveClaim { claim_id: id }, cx);
        self.select(neighbour_id);
        cx.post(cx.messages.text("status-claim-removed"), false);
    }

    /// Draws the claim list, the inspector and the article into `ui`.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
        if let Some(workspace) = &self.workspace {
            let location = workspace
                .review_path
                .clone()
                .or_else(|| workspace.article_path.clone());
            self.checked_before.refresh(
                ui.ctx(),
                workspace.review(),
                workspace.document.revision(),
                location,
                cx.messages,
            );
        }
        if self.workspace.is_some() {
            egui::Panel::left("claims")
                .resizable(true)
                .default_size(330.0)
                .min_size(220.0)
                .show(ui, |ui| self.claim_list_ui(ui, cx));
            egui::Panel::right("inspector")
                .resizable(true)
                .default_size(360.0)
                .min_size(260.0)
                .show(ui, |ui| self.inspector_ui(ui, cx));
        }
        egui::CentralPanel::default().show(ui, |ui| self.article_ui(ui, cx));
        self.ui.scroll_to_selected = false;
    }
}

/// An edit in the window's words, for the status line after undo and redo.
fn describe_edit(messages: &crate::i18n::Messages, edit: &Edit) -> String {
    use fluent_bundle::FluentValue;
    let id = |claim_id: &str| -> FluentValue<'static> { claim_id.to_owned().into() };
    match edit {
        Edit::SetVerdict { claim_id, verdict } => messages.format(
            "edit-verdict",
            &[
                ("id", id(claim_id)),
                (
                    "verdict",
                    Verdict::words(Vocabulary::Window, messages, *verdict).into(),
                ),
            ],
        ),
        Edit::SetNote { claim_id, .. } => messages.format("edit-note", &[("id", id(claim_id))]),
        Edit::SetSpeaker { claim_id, .. } => {
            messages.format("edit-speaker", &[("id", id(claim_id))])
        }
        Edit::AddEvidence { claim_id, .. } | Edit::RemoveEvidence { claim_id, .. } => {
            messages.format("edit-evidence", &[("id", id(claim_id))])
        }
        Edit::AddClaim { claim } => messages.format("edit-added-claim", &[("id", id(&claim.id))]),
        Edit::RemoveClaim { claim_id } => {
            messages.format("edit-removed-claim", &[("id", id(claim_id))])
        }
        Edit::ReplaceClaim { claim } | Edit::Restore { claim } => {
            messages.format("edit-changes", &[("id", id(&claim.id))])
        }
        Edit::Approve { claim_id } => messages.format("edit-approval", &[("id", id(claim_id))]),
        Edit::ResolveConflict { claim_id, .. } => {
            messages.format("edit-conflict", &[("id", id(claim_id))])
        }
    }
}
