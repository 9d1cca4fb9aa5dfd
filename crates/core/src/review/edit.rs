//! Edits of a review as values, with undo/redo and dirty tracking.
//!
//! The UI never changes a [`Review`] directly: it sends an [`Edit`] to [`Document::apply`], which checks it,
//! applies it, and records its inverse. Undo and redo replay those; the document is dirty whenever its state
//! differs from the last saved one.

use super::fields::{self, Act, ClaimField, HistoryAction, VerdictState};
use super::{Approval, Claim, HistoryEntry, Review, Verdict};
use crate::i18n::{InWords, Messages, value};
use crate::web_url::is_web_url;

/// One change to a review.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Set or clear (pending) a claim's verdict.
    SetVerdict {
        /// The claim.
        claim_id: String,
        /// The new verdict.
        verdict: Option<Verdict>,
    },
    /// Replace a claim's note.
    SetNote {
        /// The claim.
        claim_id: String,
        /// The new note.
        note: String,
    },
    /// Replace a claim's speaker.
    SetSpeaker {
        /// The claim.
        claim_id: String,
        /// The new speaker; `None` for unknown.
        speaker: Option<String>,
        /// Whether the new speaker is a person or an organisation.
        kind: Option<crate::review::SpeakerKind>,
    },
    /// Add an evidence link at `index`.
    AddEvidence {
        /// The claim.
        claim_id: String,
        /// Position in the list; past the end appends.
        index: usize,
        /// An http(s) URL.
        url: String,
    },
    /// Remove the evidence link at `index`.
    RemoveEvidence {
        /// The claim.
        claim_id: String,
        /// Position in the list.
        index: usize,
    },
    /// Add a claim (kept in text order).
    AddClaim {
        /// The claim; its span must match the article text.
        claim: Box<Claim>,
    },
    /// Remove a claim.
    RemoveClaim {
        /// The claim.
        claim_id: String,
    },
    /// Replace a claim (used to adjust its span, and to adopt an earlier verdict with its citation).
    ReplaceClaim {
        /// The new version; its id names the claim to replace. Its history is ignored: history only grows.
        claim: Box<Claim>,
    },
    /// Approve a claim's verdict (four eyes): by a reviewer other than the one who set it.
    Approve {
        /// The claim.
        claim_id: String,
    },
    /// Decide a merge conflict of a claim for one side.
    ResolveConflict {
        /// The claim.
        claim_id: String,
        /// Which of its conflicts.
        index: usize,
        /// Take their value (else keep ours).
        theirs: bool,
    },
    /// Put a claim back as it was (the inverse of the edits above); its history is kept and grows.
    Restore {
        /// The earlier version.
        claim: Box<Claim>,
    },
}

impl Edit {
    /// The claim the edit is about.
    #[must_use]
    pub fn claim_id(&self) -> &str {
        match self {
            Self::SetVerdict { claim_id, .. }
            | Self::SetNote { claim_id, .. }
            | Self::SetSpeaker { claim_id, .. }
            | Self::AddEvidence { claim_id, .. }
            | Self::RemoveEvidence { claim_id, .. }
            | Self::RemoveClaim { claim_id }
            | Self::Approve { claim_id }
            | Self::ResolveConflict { claim_id, .. } => claim_id,
            Self::AddClaim { claim } | Self::ReplaceClaim { claim } | Self::Restore { claim } => {
                &claim.id
            }
        }
    }
}

/// Why an edit was refused. The review is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No claim has that id.
    #[error("there is no claim {0}")]
    NoSuchClaim(String),
    /// A claim with that id exists already.
    #[error("a claim {0} exists already")]
    DuplicateClaim(String),
    /// The span does not fit the article text.
    #[error("the span {start}..{end} does not fit the article text")]
    BadSpan {
        /// Start offset.
        start: usize,
        /// End offset.
        end: usize,
    },
    /// Not an http(s) URL.
    #[error("only http and https links can be evidence: {0}")]
    BadUrl(String),
    /// The link is in the list already.
    #[error("{0} is already evidence for this claim")]
    DuplicateEvidence(String),
    /// No evidence at that index.
    #[error("claim {0} has no evidence link number {1}")]
    NoSuchEvidence(String, usize),
    /// The claim has no verdict yet, so there is nothing to approve.
    #[error("{0} has no verdict to approve")]
    NoVerdictToApprove(String),
    /// Approvals are signed: the reviewer must have given a name.
    #[error("approving needs your name: set it in View › Your reviewer name…")]
    ApproverUnknown,
    /// The reviewer who set the verdict cannot approve it.
    #[error("{0} set this verdict; a second reviewer must approve it")]
    OwnVerdict(String),
    /// No conflict at that index.
    #[error("claim {0} has no conflict number {1}")]
    NoSuchConflict(String, usize),
}

impl InWords for EditError {
    fn in_words(&self, m: &Messages) -> String {
        match self {
            Self::NoSuchClaim(id) => m.format("error-edit-no-claim", &[("id", value::text(id))]),
            Self::DuplicateClaim(id) => {
                m.format("error-edit-duplicate-claim", &[("id", value::text(id))])
            }
            Self::BadSpan { start, end } => m.format(
                "error-edit-bad-span",
                &[
                    ("start", start.to_string().into()),
                    ("end", end.to_string().into()),
                ],
            ),
            Self::BadUrl(url) => m.format("error-edit-bad-url", &[("url", value::text(url))]),
            Self::DuplicateEvidence(url) => m.format(
                "error-edit-duplicate-evidence",
                &[("url", value::text(url))],
            ),
            Self::NoSuchEvidence(id, index) => m.format(
                "error-edit-no-evidence",
                &[("id", value::text(id)), ("number", (index + 1).into())],
            ),
            Self::NoVerdictToApprove(id) => m.format(
                "error-edit-no-verdict-to-approve",
                &[("id", value::text(id))],
            ),
            Self::ApproverUnknown => m.text("error-edit-approver-unknown"),
            Self::OwnVerdict(name) => {
                m.format("error-edit-own-verdict", &[("name", value::text(name))])
            }
            Self::NoSuchConflict(id, index) => m.format(
                "error-edit-no-conflict",
                &[("id", value::text(id)), ("number", (index + 1).into())],
            ),
        }
    }
}

/// The reviewer name used when none was given.
pub const UNKNOWN_REVIEWER: &str = "unknown";

/// Who makes an edit and when; undo and redo mark their entries.
#[derive(Debug, Clone)]
struct Stamp {
    by: String,
    at: String,
    /// Whether the edit is done, undone or redone.
    step: fields::Step,
}

/// A review with its edit history.
#[derive(Debug, Clone)]
pub struct Document {
    review: Review,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The state id the file on disk has; `None` when the document was never saved.
    saved_state: Option<u64>,
    next_state: u64,
    reviewer: String,
}

/// An applied edit: how to undo it, how to redo it, and the state id it led to.
#[derive(Debug, Clone)]
struct Step {
    forward: Edit,
    inverse: Edit,
    state: u64,
}

impl Document {
    /// A document for `review`. `saved` says whether the review is what is on disk (an opened file) or new.
    #[must_use]
    pub fn new(review: Review, saved: bool) -> Self {
        Self {
            review,
            undo: Vec::new(),
            redo: Vec::new(),
            saved_state: saved.then_some(0),
            next_state: 1,
            reviewer: UNKNOWN_REVIEWER.to_owned(),
        }
    }

    /// Who makes the edits from now on (recorded in each claim's history).
    pub fn set_reviewer(&mut self, name: &str) {
        let name = name.trim();
        self.reviewer = if name.is_empty() {
            UNKNOWN_REVIEWER.to_owned()
        } else {
            name.to_owned()
        };
    }

    /// Who makes the edits.
    #[must_use]
    pub fn reviewer(&self) -> &str {
        &self.reviewer
    }

    fn stamp(&self, step: fields::Step) -> Stamp {
        Stamp {
            by: self.reviewer.clone(),
            at: crate::review::now_rfc3339(),
            step,
        }
    }

    /// The review as it is now.
    #[must_use]
    pub fn review(&self) -> &Review {
        &self.review
    }

    /// The review for changes that are not edits of its content (selection, timestamps before saving).
    pub fn review_metadata_mut(&mut self) -> (&mut Option<String>, &mut String) {
        (&mut self.review.selected, &mut self.review.modified)
    }

    /// Identifies the current content: equal revisions mean equal reviews (undo returns to earlier ones).
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.state()
    }

    fn state(&self) -> u64 {
        self.undo.last().map_or(0, |step| step.state)
    }

    /// Whether there are changes that are not saved.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.saved_state != Some(self.state())
    }

    /// Records that the current state is what is on disk.
    pub fn mark_saved(&mut self) {
        self.saved_state = Some(self.state());
    }

    /// Whether there is something to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Applies `edit`, recording it for undo.
    ///
    /// Consecutive note edits of the same claim merge into one undo step, so undo does not go back one
    /// keystroke at a time.
    ///
    /// # Errors
    /// [`EditError`] when the edit does not fit the review; nothing changes then.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        let stamp = self.stamp(fields::Step::Did);
        let inverse = apply_to(&mut self.review, edit.clone(), &stamp)?;
        self.redo.clear();
        let state = self.next_state;
        self.next_state += 1;
        if let (Edit::SetNote { claim_id, .. }, Some(last)) = (&edit, self.undo.last_mut())
            && matches!(&last.forward, Edit::SetNote { claim_id: previous, .. } if previous == claim_id)
        {
            last.forward = edit;
            last.state = state;
            return Ok(());
        }
        self.undo.push(Step {
            forward: edit,
            inverse,
            state,
        });
        Ok(())
    }

    /// Undoes the last edit; returns it, or `None` when there was nothing to undo.
    pub fn undo(&mut self) -> Option<Edit> {
        let step = self.undo.pop()?;
        // The inverse of a recorded edit always applies to the state it was recorded in.
        let stamp = self.stamp(fields::Step::Undid);
        match apply_to(&mut self.review, step.inverse.clone(), &stamp) {
            Ok(_) => {
                let undone = step.forward.clone();
                self.redo.push(step);
                Some(undone)
            }
            Err(_) => None,
        }
    }

    /// Redoes the last undone edit; returns it, or `None` when there was nothing to redo.
    pub fn redo(&mut self) -> Option<Edit> {
        let step = self.redo.pop()?;
        let stamp = self.stamp(fields::Step::Redid);
        match apply_to(&mut self.review, step.forward.clone(), &stamp) {
            Ok(_) => {
                let redone = step.forward.clone();
                self.undo.push(step);
                Some(redone)
            }
            Err(_) => None,
        }
    }

    /// Replaces the review with `review` (a merge of this one with a colleague's), as an unsaved change.
    /// The undo history is dropped: its steps were recorded against the review before the merge.
    pub fn absorb(&mut self, review: Review) {
        self.review = review;
        self.undo.clear();
        self.redo.clear();
        self.saved_state = None;
        self.next_state += 1;
    }

    /// Gives up the document and returns its review.
    #[must_use]
    pub fn into_review(self) -> Review {
        self.review
    }
}

fn check_span(review: &Review, claim: &Claim) -> Result<(), EditError> {
    let bad = EditError::BadSpan {
        start: claim.start,
        end: claim.end,
    };
    match review.article.text.get(claim.start..claim.end) {
        Some(slice) if claim.start < claim.end && slice == claim.text => Ok(()),
        _ => Err(bad),
    }
}

/// The value of a recorded field as text, for history entries.
fn field_text(claim: &Claim, field: ClaimField) -> Option<String> {
    match field {
        ClaimField::Verdict => Some(VerdictState::from(claim.verdict).label().to_owned()),
        ClaimField::Note => Some(claim.note.clone()),
        // An inferred speaker the analyst confirms is a change of its own ("X (inferred)" → "X").
        ClaimField::Speaker => claim.speaker.as_ref().map(|speaker| {
            if claim.speaker_inferred {
                format!("{speaker} (inferred)")
            } else {
                speaker.clone()
            }
        }),
        ClaimField::Span => Some(format!("{}..{}", claim.start, claim.end)),
        ClaimField::Evidence => Some(claim.evidence.join(" ")),
        ClaimField::Approval => claim.approval.as_ref().map(|a| a.by.clone()),
        ClaimField::Claim => None,
    }
}

/// Appends one history entry per tracked field that differs between `before` and `after` (`after` is the
/// claim in the review). Typing a note coalesces into the last note entry of the same reviewer.
fn record_changes(before: &Claim, after: &mut Claim, stamp: &Stamp) {
    for field in ClaimField::RECORDED {
        let (from, to) = (field_text(before, field), field_text(after, field));
        if from == to {
            continue;
        }
        let action = HistoryAction::new(stamp.step, Act::Changed(field));
        if field == ClaimField::Note
            && stamp.step == fields::Step::Did
            && let Some(last) = after.history.last_mut()
            && last.action == action
            && last.by == stamp.by
        {
            last.to = to;
            last.at.clone_from(&stamp.at);
            continue;
        }
        after.history.push(HistoryEntry {
            at: stamp.at.clone(),
            by: stamp.by.clone(),
            action,
            from,
            to,
        });
    }
}

fn entry(stamp: &Stamp, act: Act, to: Option<String>) -> HistoryEntry {
    HistoryEntry {
        at: stamp.at.clone(),
        by: stamp.by.clone(),
        action: HistoryAction::new(stamp.step, act),
        from: None,
        to,
    }
}

/// Applies a change to one claim, records it, and returns the edit that undoes it.
fn change_claim(
    review: &mut Review,
    claim_id: &str,
    stamp: &Stamp,
    change: impl FnOnce(&mut Claim, &Review) -> Result<(), EditError>,
) -> Result<Edit, EditError> {
    let index = review
        .index_of(claim_id)
        .ok_or_else(|| EditError::NoSuchClaim(claim_id.to_owned()))?;
    let before = review.claims[index].clone();
    let mut after = before.clone();
    change(&mut after, review)?;
    if after.verdict != before.verdict {
        // A new verdict is the setter's (unless the change named its setter, as resolving a conflict for
        // a colleague's value does), and needs a new approval.
        if after.verdict_by == before.verdict_by {
            after.verdict_by = after.verdict.map(|_| stamp.by.clone());
        }
        if after.approval.is_some() && after.approval == before.approval {
            after.approval = None;
        }
    }
    record_changes(&before, &mut after, stamp);
    let moved = (after.start, after.end) != (before.start, before.end);
    review.claims.remove(index);
    let position = if moved {
        review
            .claims
            .partition_point(|c| (c.start, c.end) <= (after.start, after.end))
    } else {
        index
    };
    review.claims.insert(position, after);
    Ok(Edit::Restore {
        claim: Box::new(before),
    })
}

/// Sets a claim's field from a conflict's JSON value.
fn set_field(
    claim: &mut Claim,
    review: &Review,
    field: ClaimField,
    value: &serde_json::Value,
    by: Option<&String>,
) -> Result<(), EditError> {
    let bad = |_| EditError::NoSuchConflict(claim.id.clone(), 0);
    match field {
        ClaimField::Verdict => {
            claim.verdict = serde_json::from_value(value.clone()).map_err(bad)?;
            claim.verdict_by = by.cloned();
        }
        ClaimField::Note => claim.note = serde_json::from_value(value.clone()).map_err(bad)?,
        ClaimField::Speaker => {
            claim.speaker = serde_json::from_value(value.clone()).map_err(bad)?;
        }
        ClaimField::Approval => {
            claim.approval = serde_json::from_value(value.clone()).map_err(bad)?;
        }
        ClaimField::Span => {
            let span: crate::article::Span = serde_json::from_value(value.clone()).map_err(bad)?;
            let text = review
                .article
                .text
                .get(span.start..span.end)
                .filter(|t| !t.is_empty())
                .ok_or(EditError::BadSpan {
                    start: span.start,
                    end: span.end,
                })?;
            text.clone_into(&mut claim.text);
            claim.start = span.start;
            claim.end = span.end;
        }
        ClaimField::Evidence | ClaimField::Claim => {}
    }
    Ok(())
}

/// Applies `edit` to `review`, records it in the claim's history, and returns the edit that undoes it.
fn apply_to(review: &mut Review, edit: Edit, stamp: &Stamp) -> Result<Edit, EditError> {
    match edit {
        Edit::SetVerdict { claim_id, verdict } => {
            change_claim(review, &claim_id, stamp, |claim, _| {
                claim.verdict = verdict;
                Ok(())
            })
        }
        Edit::SetNote { claim_id, note } => change_claim(review, &claim_id, stamp, |claim, _| {
            claim.note = note;
            Ok(())
        }),
        Edit::SetSpeaker {
            claim_id,
            speaker,
            kind,
        } => change_claim(review, &claim_id, stamp, |claim, _| {
            claim.speaker = speaker;
            claim.speaker_kind = kind;
            // Set by the analyst: no longer only inferred.
            claim.speaker_inferred = false;
            Ok(())
        }),
        Edit::AddEvidence {
            claim_id,
            index,
            url,
        } => {
            // Credentials in a link would be published with the review: they are dropped.
            let url = crate::web_url::without_credentials(url.trim());
            if !is_web_url(&url) {
                return Err(EditError::BadUrl(url));
            }
            change_claim(review, &claim_id, stamp, |claim, _| {
                if claim.evidence.contains(&url) {
                    return Err(EditError::DuplicateEvidence(url.clone()));
                }
                let index = index.min(claim.evidence.len());
                claim.evidence.insert(index, url);
                Ok(())
            })
        }
        Edit::RemoveEvidence { claim_id, index } => {
            change_claim(review, &claim_id, stamp, |claim, _| {
                if index >= claim.evidence.len() {
                    return Err(EditError::NoSuchEvidence(claim.id.clone(), index));
                }
                claim.evidence.remove(index);
                Ok(())
            })
        }
        Edit::AddClaim { claim } => {
            if review.claim(&claim.id).is_some() {
                return Err(EditError::DuplicateClaim(claim.id.clone()));
            }
            check_span(review, &claim)?;
            let mut claim = *claim;
            // A claim put back keeps the history it had when it was removed.
            if let Some(index) = review.removed.iter().position(|c| c.id == claim.id) {
                let removed = review.removed.remove(index);
                if removed.history.len() > claim.history.len() {
                    claim.history = removed.history;
                }
            }
            // Putting back a removed claim is the removal undone.
            let act = if stamp.step == fields::Step::Undid {
                Act::Removed
            } else {
                Act::Added
            };
            claim
                .history
                .push(entry(stamp, act, Some(claim.text.clone())));
            let claim_id = claim.id.clone();
            let position = review
                .claims
                .partition_point(|c| (c.start, c.end) <= (claim.start, claim.end));
            review.claims.insert(position, claim);
            Ok(Edit::RemoveClaim { claim_id })
        }
        Edit::RemoveClaim { claim_id } => {
            let index = review
                .index_of(&claim_id)
                .ok_or_else(|| EditError::NoSuchClaim(claim_id.clone()))?;
            let mut claim = review.claims.remove(index);
            // Removing an added claim again is the addition undone.
            let act = if stamp.step == fields::Step::Undid {
                Act::Added
            } else {
                Act::Removed
            };
            claim.history.push(entry(stamp, act, None));
            review.removed.retain(|c| c.id != claim.id);
            review.removed.push(claim.clone());
            Ok(Edit::AddClaim {
                claim: Box::new(claim),
            })
        }
        Edit::ReplaceClaim { claim } => {
            check_span(review, &claim)?;
            let replacement = *claim;
            let id = replacement.id.clone();
            change_claim(review, &id, stamp, |current, _| {
                let history = std::mem::take(&mut current.history);
                *current = Claim {
                    history,
                    ..replacement
                };
                Ok(())
            })
        }
        Edit::Restore { claim } => {
            check_span(review, &claim)?;
            let earlier = *claim;
            let id = earlier.id.clone();
            let index = review
                .index_of(&id)
                .ok_or_else(|| EditError::NoSuchClaim(id.clone()))?;
            let before = review.claims[index].clone();
            let mut restored = Claim {
                history: before.history.clone(),
                ..earlier
            };
            record_changes(&before, &mut restored, stamp);
            review.claims.remove(index);
            let position = review
                .claims
                .partition_point(|c| (c.start, c.end) <= (restored.start, restored.end));
            review.claims.insert(position, restored);
            Ok(Edit::Restore {
                claim: Box::new(before),
            })
        }
        Edit::Approve { claim_id } => change_claim(review, &claim_id, stamp, |claim, _| {
            if claim.verdict.is_none() {
                return Err(EditError::NoVerdictToApprove(claim.id.clone()));
            }
            if stamp.by == UNKNOWN_REVIEWER {
                return Err(EditError::ApproverUnknown);
            }
            if claim.verdict_by.as_deref() == Some(stamp.by.as_str()) {
                return Err(EditError::OwnVerdict(stamp.by.clone()));
            }
            claim.approval = Some(Approval {
                by: stamp.by.clone(),
                at: stamp.at.clone(),
            });
            Ok(())
        }),
        Edit::ResolveConflict {
            claim_id,
            index,
            theirs,
        } => {
            let conflict = review
                .claim(&claim_id)
                .and_then(|c| c.conflicts.get(index))
                .cloned()
                .ok_or_else(|| EditError::NoSuchConflict(claim_id.clone(), index))?;
            let removed_by_chosen = if theirs {
                conflict.theirs.is_null()
            } else {
                conflict.ours.is_null()
            };
            if conflict.field == ClaimField::Claim && removed_by_chosen {
                // The chosen side removed the claim: resolving for it removes it here too.
                return apply_to(review, Edit::RemoveClaim { claim_id }, stamp);
            }
            change_claim(review, &claim_id, stamp, |claim, review| {
                if theirs {
                    set_field(
                        claim,
                        review,
                        conflict.field,
                        &conflict.theirs,
                        conflict.theirs_by.as_ref(),
                    )?;
                }
                claim.conflicts.remove(index);
                claim.history.push(HistoryEntry {
                    from: None,
                    to: Some(if theirs { "theirs" } else { "ours" }.to_owned()),
                    ..entry(stamp, Act::Resolved(conflict.field), None)
                });
                Ok(())
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{LoadOptions, load_bytes};
    use crate::extract::{ExtractOptions, extract};

    fn document() -> Document {
        let text = "Die Regierung hat am Montag 300 Millionen Euro bewilligt, sagte ein Sprecher.\nDie Polizei nahm 40 Personen fest.";
        let article = load_bytes(text.as_bytes(), "t.txt", None, LoadOptions::default())
            .unwrap()
            .article;
        let claims = extract(&article, &ExtractOptions::default());
        assert_eq!(claims.len(), 2);
        Document::new(Review::new(article, claims), true)
    }

    #[test]
    fn verdict_undo_redo_and_dirty_state() {
        let mut doc = document();
        assert!(!doc.is_dirty());
        doc.apply(Edit::SetVerdict {
            claim_id: "c1".into(),
            verdict: Some(Verdict::Confirmed),
        })
        .unwrap();
        assert!(doc.is_dirty());
        assert_eq!(doc.review().claims[0].verdict, Some(Verdict::Confirmed));
        doc.undo().unwrap();
        assert_eq!(doc.review().claims[0].verdict, None);
        assert!(!doc.is_dirty(), "undoing back to the saved state is clean");
        doc.redo().unwrap();
        assert!(doc.is_dirty());
        doc.mark_saved();
        assert!(!doc.is_dirty());
        doc.undo().unwrap();
        assert!(doc.is_dirty(), "undoing past a save is a change");
    }

    #[test]
    fn note_typing_is_one_undo_step() {
        let mut doc = document();
        for note in ["a", "ab", "abc"] {
            doc.apply(Edit::SetNote {
                claim_id: "c2".into(),
                note: note.into(),
            })
            .unwrap();
        }
        assert_eq!(doc.review().claims[1].note, "abc");
        doc.undo().unwrap();
        assert_eq!(doc.review().claims[1].note, "");
        assert!(!doc.can_undo());
    }

    #[test]
    fn claims_are_added_in_order_and_removed() {
        let mut doc = document();
        let mut claim = doc.review().claims[1].clone();
        doc.apply(Edit::RemoveClaim {
            claim_id: "c2".into(),
        })
        .unwrap();
        assert_eq!(doc.review().claims.len(), 1);
        doc.undo().unwrap();
        assert_eq!(doc.review().claims[1].id, "c2");
        claim.id = "c3".into();
        claim.start += 4;
        claim.text = doc.review().article.text[claim.start..claim.end].to_owned();
        doc.apply(Edit::AddClaim {
            claim: Box::new(claim),
        })
        .unwrap();
        let ids: Vec<&str> = doc.review().claims.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["c1", "c2", "c3"]);
    }

    #[test]
    fn bad_edits_change_nothing() {
        let mut doc = document();
        let before = doc.review().clone();
        assert!(matches!(
            doc.apply(Edit::SetVerdict {
                claim_id: "nope".into(),
                verdict: None
            }),
            Err(EditError::NoSuchClaim(_))
        ));
        assert!(matches!(
            doc.apply(Edit::AddEvidence {
                claim_id: "c1".into(),
                index: 0,
                url: "javascript:alert(1)".into()
            }),
            Err(EditError::BadUrl(_))
        ));
        let mut claim = before.claims[0].clone();
        claim.id = "c9".into();
        claim.end += 1;
        assert!(matches!(
            doc.apply(Edit::AddClaim {
                claim: Box::new(claim)
            }),
            Err(EditError::BadSpan { .. })
        ));
        assert_eq!(doc.review(), &before);
        assert!(!doc.can_undo());
    }

    #[test]
    fn evidence_add_and_remove() {
        let mut doc = document();
        doc.apply(Edit::AddEvidence {
            claim_id: "c1".into(),
            index: 9,
            url: " https://example.org/a ".into(),
        })
        .unwrap();
        assert_eq!(doc.review().claims[0].evidence, ["https://example.org/a"]);
        doc.apply(Edit::RemoveEvidence {
            claim_id: "c1".into(),
            index: 0,
        })
        .unwrap();
        assert!(doc.review().claims[0].evidence.is_empty());
        doc.undo().unwrap();
        assert_eq!(doc.review().claims[0].evidence, ["https://example.org/a"]);
        // A password in a link would be published with the review.
        doc.apply(Edit::AddEvidence {
            claim_id: "c1".into(),
            index: 9,
            url: "https://bob:hunter2@example.org/b".into(),
        })
        .unwrap();
        assert_eq!(
            doc.review().claims[0].evidence.last().map(String::as_str),
            Some("https://example.org/b")
        );
    }
}
