//! Edits of a review as values, with undo/redo and dirty tracking.
//!
//! The UI never changes a [`Review`] directly: it sends an [`Edit`] to [`Document::apply`], which checks it,
//! applies it, and records its inverse. Undo and redo replay those; the document is dirty whenever its state
//! differs from the last saved one.

use super::{Claim, Review, Verdict};

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
    /// Replace a claim (used to adjust its span, and as the inverse of such adjustments).
    ReplaceClaim {
        /// The new version; its id names the claim to replace.
        claim: Box<Claim>,
    },
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
    /// No evidence at that index.
    #[error("claim {0} has no evidence link number {1}")]
    NoSuchEvidence(String, usize),
}

/// Whether `url` is an absolute http(s) URL with a host.
#[must_use]
pub fn is_web_url(url: &str) -> bool {
    url::Url::parse(url.trim()).is_ok_and(|parsed| {
        matches!(parsed.scheme(), "http" | "https")
            && parsed.host_str().is_some_and(|h| !h.is_empty())
    })
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

    /// Whether there is something to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies `edit`, recording it for undo.
    ///
    /// Consecutive note edits of the same claim merge into one undo step, so undo does not go back one
    /// keystroke at a time.
    ///
    /// # Errors
    /// [`EditError`] when the edit does not fit the review; nothing changes then.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        let inverse = apply_to(&mut self.review, edit.clone())?;
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
        match apply_to(&mut self.review, step.inverse.clone()) {
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
        match apply_to(&mut self.review, step.forward.clone()) {
            Ok(_) => {
                let redone = step.forward.clone();
                self.undo.push(step);
                Some(redone)
            }
            Err(_) => None,
        }
    }

    /// Gives up the document and returns its review.
    #[must_use]
    pub fn into_review(self) -> Review {
        self.review
    }
}

fn claim_mut<'a>(review: &'a mut Review, id: &str) -> Result<&'a mut Claim, EditError> {
    review
        .claims
        .iter_mut()
        .find(|claim| claim.id == id)
        .ok_or_else(|| EditError::NoSuchClaim(id.to_owned()))
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

/// Applies `edit` to `review` and returns the edit that undoes it.
fn apply_to(review: &mut Review, edit: Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::SetVerdict { claim_id, verdict } => {
            let claim = claim_mut(review, &claim_id)?;
            let previous = std::mem::replace(&mut claim.verdict, verdict);
            Ok(Edit::SetVerdict {
                claim_id,
                verdict: previous,
            })
        }
        Edit::SetNote { claim_id, note } => {
            let claim = claim_mut(review, &claim_id)?;
            let previous = std::mem::replace(&mut claim.note, note);
            Ok(Edit::SetNote {
                claim_id,
                note: previous,
            })
        }
        Edit::SetSpeaker {
            claim_id,
            speaker,
            kind,
        } => {
            let claim = claim_mut(review, &claim_id)?;
            let previous = std::mem::replace(&mut claim.speaker, speaker);
            let previous_kind = std::mem::replace(&mut claim.speaker_kind, kind);
            Ok(Edit::SetSpeaker {
                claim_id,
                speaker: previous,
                kind: previous_kind,
            })
        }
        Edit::AddEvidence {
            claim_id,
            index,
            url,
        } => {
            let url = url.trim().to_owned();
            if !is_web_url(&url) {
                return Err(EditError::BadUrl(url));
            }
            let claim = claim_mut(review, &claim_id)?;
            let index = index.min(claim.evidence.len());
            claim.evidence.insert(index, url);
            Ok(Edit::RemoveEvidence { claim_id, index })
        }
        Edit::RemoveEvidence { claim_id, index } => {
            let claim = claim_mut(review, &claim_id)?;
            if index >= claim.evidence.len() {
                return Err(EditError::NoSuchEvidence(claim_id, index));
            }
            let url = claim.evidence.remove(index);
            Ok(Edit::AddEvidence {
                claim_id,
                index,
                url,
            })
        }
        Edit::AddClaim { claim } => {
            if review.claim(&claim.id).is_some() {
                return Err(EditError::DuplicateClaim(claim.id.clone()));
            }
            check_span(review, &claim)?;
            let claim_id = claim.id.clone();
            let position = review
                .claims
                .partition_point(|c| (c.start, c.end) <= (claim.start, claim.end));
            review.claims.insert(position, *claim);
            Ok(Edit::RemoveClaim { claim_id })
        }
        Edit::RemoveClaim { claim_id } => {
            let index = review
                .index_of(&claim_id)
                .ok_or_else(|| EditError::NoSuchClaim(claim_id.clone()))?;
            let claim = review.claims.remove(index);
            Ok(Edit::AddClaim {
                claim: Box::new(claim),
            })
        }
        Edit::ReplaceClaim { claim } => {
            check_span(review, &claim)?;
            let index = review
                .index_of(&claim.id)
                .ok_or_else(|| EditError::NoSuchClaim(claim.id.clone()))?;
            let previous = review.claims.remove(index);
            let position = review
                .claims
                .partition_point(|c| (c.start, c.end) <= (claim.start, claim.end));
            review.claims.insert(position, *claim);
            Ok(Edit::ReplaceClaim {
                claim: Box::new(previous),
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
    }
}
