//! Three-way merge of reviews of the same article, claim by claim and field by field.
//!
//! Claims are matched by id, then by span and text. A field changed on one side only takes that change; the
//! same field changed both ways differently is a conflict: the merged claim keeps our value and records both,
//! with who set them ([`Conflict`]), so the result is always a valid review (never conflict markers in JSON).
//! Evidence lists merge as sets (additions of both sides kept, removals of either side applied); histories
//! are unioned. This is what `claimdesk merge` and git's merge driver run, and what saving does when the
//! file changed on disk since it was opened.

use serde_json::{Value, json};

use super::{Claim, Conflict, HistoryEntry, Review};
use crate::i18n::{InWords, Messages, value};

/// Why two reviews cannot be merged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    /// The reviews are of different article texts.
    #[error(
        "{which} reviews a different article (its text has checksum {found}, not {expected}); only reviews of the same article can be merged"
    )]
    DifferentArticles {
        /// Which input differs.
        which: &'static str,
        /// Its checksum.
        found: String,
        /// The expected checksum.
        expected: String,
    },
}

impl InWords for MergeError {
    fn in_words(&self, m: &Messages) -> String {
        match self {
            Self::DifferentArticles {
                found, expected, ..
            } => m.format(
                "error-merge-different-articles",
                &[
                    ("found", value::text(found)),
                    ("expected", value::text(expected)),
                ],
            ),
        }
    }
}

/// The merged review and how many fields are in conflict.
#[derive(Debug, Clone)]
pub struct Merged {
    /// A valid review.
    pub review: Review,
    /// Conflicting fields, over all claims.
    pub conflicts: usize,
}

fn same_claim(a: &Claim, b: &Claim) -> bool {
    a.start == b.start && a.end == b.end && a.text == b.text
}

/// The base claim a side's claim descends from: the same id with the same span, else the same span.
fn counterpart<'a>(claim: &Claim, base: &'a [Claim]) -> Option<&'a Claim> {
    base.iter()
        .find(|b| b.id == claim.id)
        .or_else(|| base.iter().find(|b| same_claim(b, claim)))
}

fn last_by(claim: &Claim, action: &str) -> Option<String> {
    claim
        .history
        .iter()
        .rev()
        .find(|entry| entry.action == action || entry.action.ends_with(&format!(" {action}")))
        .map(|entry| entry.by.clone())
}

/// The fields compared as units, as JSON.
fn field_value(claim: &Claim, field: &str) -> Value {
    match field {
        "verdict" => json!(claim.verdict),
        "approval" => json!(claim.approval),
        "note" => json!(claim.note),
        "speaker" => json!([claim.speaker, claim.speaker_kind]),
        "span" => json!({"start": claim.start, "end": claim.end}),
        _ => Value::Null,
    }
}

fn set_value(claim: &mut Claim, from: &Claim, field: &str) {
    match field {
        "verdict" => {
            claim.verdict = from.verdict;
            claim.verdict_by.clone_from(&from.verdict_by);
        }
        "approval" => claim.approval.clone_from(&from.approval),
        "note" => claim.note.clone_from(&from.note),
        "speaker" => {
            claim.speaker.clone_from(&from.speaker);
            claim.speaker_kind = from.speaker_kind;
        }
        "span" => {
            claim.start = from.start;
            claim.end = from.end;
            claim.text.clone_from(&from.text);
        }
        _ => {}
    }
}

fn conflict_value(claim: &Claim, field: &str) -> Value {
    match field {
        // Spans are resolved from `{start, end}`; the text comes from the article.
        "speaker" => json!(claim.speaker),
        _ => field_value(claim, field),
    }
}

fn who(claim: &Claim, field: &str) -> Option<String> {
    match field {
        "verdict" => claim
            .verdict_by
            .clone()
            .or_else(|| last_by(claim, "verdict")),
        "approval" => claim.approval.as_ref().map(|a| a.by.clone()),
        other => last_by(claim, other),
    }
}

const FIELDS: [&str; 5] = ["verdict", "approval", "note", "speaker", "span"];

fn union_history(a: &[HistoryEntry], b: &[HistoryEntry]) -> Vec<HistoryEntry> {
    let mut all: Vec<HistoryEntry> = a.to_vec();
    for entry in b {
        if !all.contains(entry) {
            all.push(entry.clone());
        }
    }
    // RFC 3339 UTC stamps of one format sort as text; equal stamps keep their order.
    all.sort_by(|x, y| x.at.cmp(&y.at));
    all
}

fn merge_evidence(base: &[String], ours: &[String], theirs: &[String]) -> Vec<String> {
    let removed_by_theirs = |url: &String| base.contains(url) && !theirs.contains(url);
    let mut merged: Vec<String> = ours
        .iter()
        .filter(|url| !removed_by_theirs(url))
        .cloned()
        .collect();
    for url in theirs {
        let removed_by_ours = base.contains(url) && !ours.contains(url);
        if !merged.contains(url) && !removed_by_ours {
            merged.push(url.clone());
        }
    }
    merged
}

/// Merges one claim present on both sides; `base` is `None` when both added it independently.
fn merge_claim(base: Option<&Claim>, ours: &Claim, theirs: &Claim) -> Claim {
    let mut merged = ours.clone();
    for field in FIELDS {
        let (o, t) = (field_value(ours, field), field_value(theirs, field));
        if o == t {
            continue;
        }
        let b = base.map(|b| field_value(b, field));
        if b.as_ref() == Some(&o) {
            set_value(&mut merged, theirs, field);
        } else if b.as_ref() == Some(&t) {
            // Ours changed, theirs did not: ours stays.
        } else {
            if field == "verdict" {
                // No approval stands while the verdict is undecided.
                merged.approval = None;
            }
            merged.conflicts.push(Conflict {
                field: field.to_owned(),
                ours: conflict_value(ours, field),
                theirs: conflict_value(theirs, field),
                ours_by: who(ours, field),
                theirs_by: who(theirs, field),
            });
        }
    }
    let empty = Vec::new();
    merged.evidence = merge_evidence(
        base.map_or(&empty, |b| &b.evidence),
        &ours.evidence,
        &theirs.evidence,
    );
    merged.history = union_history(&ours.history, &theirs.history);
    for conflict in &theirs.conflicts {
        if !merged.conflicts.contains(conflict) {
            merged.conflicts.push(conflict.clone());
        }
    }
    // An approval never outlives the verdict it approved.
    if merged.approval.is_some()
        && merged.verdict != ours.verdict
        && merged.approval != theirs.approval
    {
        merged.approval = None;
    }
    merged
}

/// Whether a side left a base claim as it was (apart from history).
fn unchanged(base: &Claim, side: &Claim) -> bool {
    FIELDS
        .iter()
        .all(|field| field_value(base, field) == field_value(side, field))
        && base.evidence == side.evidence
}

fn removed_conflict(kept: &Claim, ours_removed: bool) -> Conflict {
    let text = json!(kept.text);
    let remover = None;
    let keeper = kept.history.last().map(|e| e.by.clone());
    if ours_removed {
        Conflict {
            field: "claim".to_owned(),
            ours: Value::Null,
            theirs: text,
            ours_by: remover,
            theirs_by: keeper,
        }
    } else {
        Conflict {
            field: "claim".to_owned(),
            ours: text,
            theirs: Value::Null,
            ours_by: keeper,
            theirs_by: remover,
        }
    }
}

fn union_by_id(a: &[Claim], b: &[Claim]) -> Vec<Claim> {
    let mut all = a.to_vec();
    for claim in b {
        match all.iter_mut().find(|c| c.id == claim.id) {
            Some(existing) => existing.history = union_history(&existing.history, &claim.history),
            None => all.push(claim.clone()),
        }
    }
    all
}

/// Merges `ours` and `theirs`, both descended from `base`.
///
/// # Errors
/// [`MergeError::DifferentArticles`] when the three are not reviews of the same article text.
pub fn merge(base: &Review, ours: &Review, theirs: &Review) -> Result<Merged, MergeError> {
    for (which, review) in [("BASE", base), ("THEIRS", theirs)] {
        if review.article.sha256 != ours.article.sha256 {
            return Err(MergeError::DifferentArticles {
                which,
                found: review.article.sha256.clone(),
                expected: ours.article.sha256.clone(),
            });
        }
    }
    let mut claims: Vec<Claim> = Vec::new();
    let mut removed: Vec<Claim> = union_by_id(&ours.removed, &theirs.removed);
    let mut used_theirs = vec![false; theirs.claims.len()];
    for o in &ours.claims {
        let b = counterpart(o, &base.claims);
        let t_index = match b {
            Some(b) => theirs
                .claims
                .iter()
                .position(|t| counterpart(t, &base.claims).is_some_and(|tb| tb.id == b.id)),
            None => theirs
                .claims
                .iter()
                .position(|t| counterpart(t, &base.claims).is_none() && same_claim(t, o)),
        };
        match (b, t_index) {
            (_, Some(index)) => {
                used_theirs[index] = true;
                claims.push(merge_claim(b, o, &theirs.claims[index]));
            }
            (None, None) => claims.push(o.clone()),
            (Some(b), None) => {
                // They removed it. If we did not change it, it goes; otherwise a conflict keeps it.
                if unchanged(b, o) {
                    let mut gone = o.clone();
                    if let Some(theirs_removed) = theirs.removed.iter().find(|r| r.id == b.id) {
                        gone.history = union_history(&gone.history, &theirs_removed.history);
                    }
                    removed.retain(|r| r.id != gone.id);
                    removed.push(gone);
                } else {
                    let mut kept = o.clone();
                    kept.conflicts.push(removed_conflict(o, false));
                    claims.push(kept);
                }
            }
        }
    }
    for (index, t) in theirs.claims.iter().enumerate() {
        if used_theirs[index] {
            continue;
        }
        match counterpart(t, &base.claims) {
            // We removed it: it goes unless they changed it.
            Some(b) => {
                if !unchanged(b, t) {
                    let mut kept = t.clone();
                    kept.conflicts.push(removed_conflict(t, true));
                    claims.push(kept);
                }
            }
            None => claims.push(t.clone()),
        }
    }
    // Claims added on both sides may share an id for different spans: later ones get fresh ids.
    claims.sort_by_key(|c| (c.start, c.end));
    let mut review = Review {
        claims: Vec::new(),
        removed: Vec::new(),
        ..ours.clone()
    };
    review.orphaned = union_by_id(&ours.orphaned, &theirs.orphaned);
    review.removed.clone_from(&removed);
    for mut claim in claims {
        if review.claims.iter().any(|c| c.id == claim.id)
            || review.orphaned.iter().any(|c| c.id == claim.id)
        {
            claim.id = review.next_claim_id();
        }
        review.claims.push(claim);
    }
    removed.retain(|r| review.claims.iter().all(|c| c.id != r.id));
    review.removed = removed;
    review.created.clone_from(&base.created);
    review.modified = ours.modified.clone().max(theirs.modified.clone());
    review.version = super::FORMAT_VERSION;
    let conflicts = review.claims.iter().map(|c| c.conflicts.len()).sum();
    Ok(Merged { review, conflicts })
}
