//! The common ancestor of two copies of one review, read from their histories: what a three-way merge
//! needs when there is no base file (a sync client's "conflicted copy" beside the review it split from).
//!
//! Every change to a claim is in its `history`, so the entries both copies share are what happened before
//! they parted, and the entries after that are each side's own changes. A field only one side changed since
//! has, in the base, the other side's value; a field both changed gets the value its first own change
//! started from. The merge then takes one-sided changes and keeps two-sided ones as conflicts, as
//! `claimdesk merge` does with a real base.

use std::collections::HashSet;

use super::{Act, Claim, ClaimField, HistoryEntry, Review, VerdictState};

/// The review both `ours` and `theirs` descend from, as far as their histories tell.
#[must_use]
pub fn common_base(ours: &Review, theirs: &Review) -> Review {
    let theirs_any = |id: &str| {
        theirs
            .claims
            .iter()
            .chain(&theirs.removed)
            .rev()
            .find(|c| c.id == id)
    };
    let ours_active: HashSet<&str> = ours.claims.iter().map(|c| c.id.as_str()).collect();
    let mut claims = Vec::new();
    for o in &ours.claims {
        // A claim theirs never had was added by us after they parted: not in the base.
        if let Some(t) = theirs_any(&o.id) {
            claims.push(base_claim(o, t));
        }
    }
    // Claims we removed that they kept: the base had them.
    for t in &theirs.claims {
        if ours_active.contains(t.id.as_str()) {
            continue;
        }
        if let Some(o) = ours.removed.iter().rev().find(|c| c.id == t.id) {
            claims.push(base_claim(o, t));
        }
    }
    claims.sort_by_key(|c| (c.start, c.end));
    Review {
        claims,
        removed: Vec::new(),
        ..ours.clone()
    }
}

/// The base version of one claim both sides have.
fn base_claim(ours: &Claim, theirs: &Claim) -> Claim {
    // Typing on in a note extends the reviewer's last note entry in place (a later `at`, a new `to`): that
    // entry is still shared, and the side that extended it changed the note. Within the same second the
    // stamps cannot tell which side did: both count as changed, and two different notes stay a conflict.
    let same_note_entry = |a: &HistoryEntry, b: &HistoryEntry| {
        matches!(a.action.act(), Act::Changed(ClaimField::Note))
            && a.action.step() == super::Step::Did
            && a.action == b.action
            && a.by == b.by
            && a.from == b.from
    };
    let shared = ours
        .history
        .iter()
        .zip(&theirs.history)
        .take_while(|(a, b)| a == b || same_note_entry(a, b))
        .count();
    let extended = |side: &Claim, other: &Claim| {
        side.history[..shared]
            .iter()
            .zip(&other.history[..shared])
            .any(|(a, b)| a != b && a.at >= b.at)
    };
    let (ours_extended, theirs_extended) = (extended(ours, theirs), extended(theirs, ours));
    let ours_since = &ours.history[shared..];
    let theirs_since = &theirs.history[shared..];
    let changed = |since: &[HistoryEntry], field: ClaimField, note_extended: bool| {
        (field == ClaimField::Note && note_extended)
            || since.iter().any(|e| e.action.changed() == Some(field))
    };
    let mut base = ours.clone();
    base.history = ours.history[..shared].to_vec();
    base.conflicts.clear();
    for field in ClaimField::RECORDED {
        match (
            changed(ours_since, field, ours_extended),
            changed(theirs_since, field, theirs_extended),
        ) {
            (false, _) => {}
            (true, false) => copy_field(&mut base, theirs, field),
            (true, true) => {
                let first = ours.history[..shared]
                    .iter()
                    .zip(&theirs.history[..shared])
                    .find(|(a, b)| a != b)
                    .map(|(a, _)| a)
                    .filter(|_| field == ClaimField::Note)
                    .or_else(|| {
                        ours_since
                            .iter()
                            .find(|e| e.action.changed() == Some(field))
                    });
                restore_field(&mut base, field, first.and_then(|e| e.from.as_deref()));
            }
        }
    }
    base
}

/// The merge's own copy of a field.
fn copy_field(base: &mut Claim, from: &Claim, field: ClaimField) {
    super::merge::set_value(base, from, field);
}

/// Sets `field` of `base` to the value a history entry started from (its text form, see the edit log).
/// Where the text cannot give the value back, the field gets a value neither side has, so that two different
/// changes stay a conflict rather than one silently winning.
fn restore_field(base: &mut Claim, field: ClaimField, from: Option<&str>) {
    match field {
        ClaimField::Verdict => {
            base.verdict = from
                .and_then(VerdictState::of_label)
                .and_then(VerdictState::verdict);
            base.verdict_by = None;
        }
        ClaimField::Note => from.unwrap_or_default().clone_into(&mut base.note),
        ClaimField::Speaker => base.speaker = from.map(str::to_owned),
        ClaimField::Span => {
            let span = from.and_then(|text| {
                let (start, end) = text.split_once("..")?;
                Some((start.parse().ok()?, end.parse().ok()?))
            });
            if let Some((start, end)) = span {
                base.start = start;
                base.end = end;
            }
        }
        ClaimField::Evidence => {
            base.evidence = from
                .unwrap_or_default()
                .split_whitespace()
                .map(str::to_owned)
                .collect();
        }
        ClaimField::Approval | ClaimField::Claim => base.approval = None,
    }
}
