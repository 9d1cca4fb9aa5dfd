//! Three-way merge of reviews of the same article, claim by claim and field by field.
//!
//! Claims are matched by id, then by span and text. A field changed on one side only takes that change; the
//! same field changed both ways differently is a conflict: the merged claim keeps our value and records both,
//! with who set them ([`Conflict`]), so the result is always a valid review (never conflict markers in JSON).
//! Evidence lists merge as sets (additions of both sides kept, removals of either side applied); histories
//! are unioned. This is what `claimdesk merge` and git's merge driver run, and what saving does when the
//! file changed on disk since it was opened.

use foldhash::{HashMap, HashMapExt, HashSet};
use serde_json::{Value, json};

use super::{Claim, ClaimField, Conflict, HistoryEntry, Review};
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
    /// The reviews name different article files (`x.txt` and `x.html`), even if their texts agree.
    #[error(
        "THEIRS reviews the article file {theirs}, OURS reviews {ours}; only reviews of the same article can be merged"
    )]
    DifferentSources {
        /// Ours' article file.
        ours: String,
        /// Theirs'.
        theirs: String,
    },
}

/// The article file a review names, when it names one (not standard input, not a web address).
fn source_file_name(review: &Review) -> Option<&std::ffi::OsStr> {
    let source = review.article.source.as_str();
    if source == "-" || source.contains("://") {
        return None;
    }
    std::path::Path::new(source).file_name()
}

/// Whether two reviews name different article files: the review of `x.html` is never merged into the
/// review of `x.txt`, whatever their texts.
#[must_use]
pub fn name_different_articles(ours: &Review, theirs: &Review) -> bool {
    matches!(
        (source_file_name(ours), source_file_name(theirs)),
        (Some(a), Some(b)) if a != b
    )
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
            Self::DifferentSources { ours, theirs } => m.format(
                "error-merge-different-sources",
                &[("ours", value::text(ours)), ("theirs", value::text(theirs))],
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

/// What makes two claims the same claim when their ids differ: span and text.
type SpanKey<'a> = (usize, usize, &'a str);

fn span_key(claim: &Claim) -> SpanKey<'_> {
    (claim.start, claim.end, claim.text.as_str())
}

/// The claims of one review, found by id and by span in constant time: merging stays O(n log n) in the
/// number of claims (a long report merged as git's driver or on Ctrl+S was cubic).
struct ClaimIndex<'a> {
    by_id: HashMap<&'a str, usize>,
    by_span: HashMap<SpanKey<'a>, usize>,
}

impl<'a> ClaimIndex<'a> {
    fn of(claims: &'a [Claim]) -> Self {
        let mut by_id = HashMap::with_capacity(claims.len());
        let mut by_span = HashMap::with_capacity(claims.len());
        for (index, claim) in claims.iter().enumerate() {
            // The first of equal keys, as a search from the front finds it.
            by_id.entry(claim.id.as_str()).or_insert(index);
            by_span.entry(span_key(claim)).or_insert(index);
        }
        Self { by_id, by_span }
    }

    /// The claim `claim` descends from: the same id, else the same span and text.
    fn counterpart(&self, claim: &Claim) -> Option<usize> {
        self.by_id
            .get(claim.id.as_str())
            .or_else(|| self.by_span.get(&span_key(claim)))
            .copied()
    }
}

/// Who last changed `field` of a claim (or resolved a conflict of it), by its history.
fn last_by(claim: &Claim, field: ClaimField) -> Option<String> {
    claim
        .history
        .iter()
        .rev()
        .find(|entry| entry.action.field() == Some(field))
        .map(|entry| entry.by.clone())
}

/// The fields compared as units, as JSON.
fn field_value(claim: &Claim, field: ClaimField) -> Value {
    match field {
        ClaimField::Verdict => json!(claim.verdict),
        ClaimField::Approval => json!(claim.approval),
        ClaimField::Note => json!(claim.note),
        ClaimField::Speaker => json!([claim.speaker, claim.speaker_kind, claim.speaker_inferred]),
        ClaimField::Span => json!({"start": claim.start, "end": claim.end}),
        ClaimField::Evidence | ClaimField::Claim => Value::Null,
    }
}

pub(super) fn set_value(claim: &mut Claim, from: &Claim, field: ClaimField) {
    match field {
        ClaimField::Verdict => {
            claim.verdict = from.verdict;
            claim.verdict_by.clone_from(&from.verdict_by);
        }
        ClaimField::Approval => claim.approval.clone_from(&from.approval),
        ClaimField::Note => claim.note.clone_from(&from.note),
        ClaimField::Speaker => {
            claim.speaker.clone_from(&from.speaker);
            claim.speaker_kind = from.speaker_kind;
            claim.speaker_inferred = from.speaker_inferred;
        }
        ClaimField::Span => {
            claim.start = from.start;
            claim.end = from.end;
            claim.text.clone_from(&from.text);
        }
        ClaimField::Evidence => claim.evidence.clone_from(&from.evidence),
        ClaimField::Claim => {}
    }
}

fn conflict_value(claim: &Claim, field: ClaimField) -> Value {
    match field {
        // Spans are resolved from `{start, end}`; the text comes from the article.
        ClaimField::Speaker => json!(claim.speaker),
        _ => field_value(claim, field),
    }
}

fn who(claim: &Claim, field: ClaimField) -> Option<String> {
    match field {
        ClaimField::Verdict => claim
            .verdict_by
            .clone()
            .or_else(|| last_by(claim, ClaimField::Verdict)),
        ClaimField::Approval => claim.approval.as_ref().map(|a| a.by.clone()),
        other => last_by(claim, other),
    }
}

fn union_history(a: &[HistoryEntry], b: &[HistoryEntry]) -> Vec<HistoryEntry> {
    let mut all: Vec<HistoryEntry> = a.to_vec();
    let mut seen: HashSet<&HistoryEntry> = a.iter().collect();
    for entry in b {
        if seen.insert(entry) {
            all.push(entry.clone());
        }
    }
    // RFC 3339 UTC stamps of one format sort as text; equal stamps keep their order.
    all.sort_by(|x, y| x.at.cmp(&y.at));
    all
}

fn merge_evidence(base: &[String], ours: &[String], theirs: &[String]) -> Vec<String> {
    let (base_set, ours_set, theirs_set): (HashSet<&String>, HashSet<&String>, HashSet<&String>) = (
        base.iter().collect(),
        ours.iter().collect(),
        theirs.iter().collect(),
    );
    let removed_by_theirs = |url: &String| base_set.contains(url) && !theirs_set.contains(url);
    let mut merged: Vec<String> = ours
        .iter()
        .filter(|url| !removed_by_theirs(url))
        .cloned()
        .collect();
    let mut present: HashSet<String> = merged.iter().cloned().collect();
    for url in theirs {
        let removed_by_ours = base_set.contains(url) && !ours_set.contains(url);
        if !removed_by_ours && present.insert(url.clone()) {
            merged.push(url.clone());
        }
    }
    merged
}

/// Merges one claim present on both sides; `base` is `None` when both added it independently.
fn merge_claim(base: Option<&Claim>, ours: &Claim, theirs: &Claim) -> Claim {
    let mut merged = ours.clone();
    for field in ClaimField::MERGED {
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
            if field == ClaimField::Verdict {
                // No approval stands while the verdict is undecided.
                merged.approval = None;
            }
            merged.conflicts.push(Conflict {
                field,
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
    ClaimField::MERGED
        .iter()
        .all(|&field| field_value(base, field) == field_value(side, field))
        && base.evidence == side.evidence
}

fn removed_conflict(kept: &Claim, ours_removed: bool) -> Conflict {
    let text = json!(kept.text);
    let remover = None;
    let keeper = kept.history.last().map(|e| e.by.clone());
    if ours_removed {
        Conflict {
            field: ClaimField::Claim,
            ours: Value::Null,
            theirs: text,
            ours_by: remover,
            theirs_by: keeper,
        }
    } else {
        Conflict {
            field: ClaimField::Claim,
            ours: text,
            theirs: Value::Null,
            ours_by: keeper,
            theirs_by: remover,
        }
    }
}

fn union_by_id(a: &[Claim], b: &[Claim]) -> Vec<Claim> {
    let mut all = a.to_vec();
    let mut position: HashMap<String, usize> = HashMap::with_capacity(all.len());
    for (index, claim) in all.iter().enumerate() {
        position.entry(claim.id.clone()).or_insert(index);
    }
    for claim in b {
        if let Some(&index) = position.get(&claim.id) {
            all[index].history = union_history(&all[index].history, &claim.history);
        } else {
            position.insert(claim.id.clone(), all.len());
            all.push(claim.clone());
        }
    }
    all
}

/// The numbered part of a claim id (`c12` → 12).
fn id_number(id: &str) -> Option<u64> {
    id.strip_prefix('c').and_then(|n| n.parse::<u64>().ok())
}

/// Merges `ours` and `theirs`, both descended from `base`.
///
/// # Errors
/// [`MergeError::DifferentArticles`] when the three are not reviews of the same article text,
/// [`MergeError::DifferentSources`] when ours and theirs name different article files.
pub fn merge(base: &Review, ours: &Review, theirs: &Review) -> Result<Merged, MergeError> {
    if name_different_articles(ours, theirs) {
        return Err(MergeError::DifferentSources {
            ours: ours.article.source.clone(),
            theirs: theirs.article.source.clone(),
        });
    }
    for (which, review) in [("BASE", base), ("THEIRS", theirs)] {
        if review.article.sha256 != ours.article.sha256 {
            return Err(MergeError::DifferentArticles {
                which,
                found: review.article.sha256.clone(),
                expected: ours.article.sha256.clone(),
            });
        }
    }
    let base_index = ClaimIndex::of(&base.claims);
    // Each of their claims with the base claim it descends from; which of theirs descends from a base claim,
    // and which new claim of theirs has a span.
    let theirs_base: Vec<Option<usize>> = theirs
        .claims
        .iter()
        .map(|t| base_index.counterpart(t))
        .collect();
    let mut theirs_of_base: HashMap<usize, usize> = HashMap::with_capacity(theirs.claims.len());
    let mut theirs_new_by_span: HashMap<SpanKey<'_>, usize> = HashMap::new();
    for (index, (t, b)) in theirs.claims.iter().zip(&theirs_base).enumerate() {
        match b {
            Some(b) => {
                theirs_of_base.entry(*b).or_insert(index);
            }
            None => {
                theirs_new_by_span.entry(span_key(t)).or_insert(index);
            }
        }
    }
    let theirs_removed: HashMap<&str, &Claim> = theirs
        .removed
        .iter()
        .rev()
        .map(|r| (r.id.as_str(), r))
        .collect();
    let mut claims: Vec<Claim> = Vec::new();
    // Removed claims in order; a claim removed again replaces its earlier entry, at the end.
    let mut removed: Vec<Option<Claim>> = union_by_id(&ours.removed, &theirs.removed)
        .into_iter()
        .map(Some)
        .collect();
    let mut removed_at: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, claim) in removed.iter().enumerate() {
        if let Some(claim) = claim {
            removed_at.entry(claim.id.clone()).or_default().push(index);
        }
    }
    let mut used_theirs = vec![false; theirs.claims.len()];
    for o in &ours.claims {
        let b = base_index.counterpart(o);
        let t_index = match b {
            Some(b) => theirs_of_base.get(&b).copied(),
            None => theirs_new_by_span.get(&span_key(o)).copied(),
        };
        let b = b.map(|b| &base.claims[b]);
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
                    if let Some(theirs_removed) = theirs_removed.get(b.id.as_str()) {
                        gone.history = union_history(&gone.history, &theirs_removed.history);
                    }
                    for index in removed_at.remove(&gone.id).unwrap_or_default() {
                        removed[index] = None;
                    }
                    removed_at
                        .entry(gone.id.clone())
                        .or_default()
                        .push(removed.len());
                    removed.push(Some(gone));
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
        match theirs_base[index] {
            // We removed it: it goes unless they changed it.
            Some(b) => {
                if !unchanged(&base.claims[b], t) {
                    let mut kept = t.clone();
                    kept.conflicts.push(removed_conflict(t, true));
                    claims.push(kept);
                }
            }
            None => claims.push(t.clone()),
        }
    }
    let removed: Vec<Claim> = removed.into_iter().flatten().collect();
    // Claims added on both sides may share an id for different spans: later ones get fresh ids.
    claims.sort_by_key(|c| (c.start, c.end));
    let mut review = Review {
        claims: Vec::with_capacity(claims.len()),
        removed: Vec::new(),
        ..ours.clone()
    };
    review.orphaned = union_by_id(&ours.orphaned, &theirs.orphaned);
    let mut taken: HashSet<String> = review.orphaned.iter().map(|c| c.id.clone()).collect();
    let mut highest = review
        .orphaned
        .iter()
        .chain(&removed)
        .filter_map(|c| id_number(&c.id))
        .max()
        .unwrap_or(0);
    for mut claim in claims {
        if taken.contains(&claim.id) {
            highest += 1;
            claim.id = format!("c{highest}");
        }
        highest = highest.max(id_number(&claim.id).unwrap_or(0));
        taken.insert(claim.id.clone());
        review.claims.push(claim);
    }
    let kept_ids: HashSet<&str> = review.claims.iter().map(|c| c.id.as_str()).collect();
    review.removed = removed
        .into_iter()
        .filter(|r| !kept_ids.contains(r.id.as_str()))
        .collect();
    review.created.clone_from(&base.created);
    review.modified = ours.modified.clone().max(theirs.modified.clone());
    review.version = super::FORMAT_VERSION;
    let conflicts = review.claims.iter().map(|c| c.conflicts.len()).sum();
    Ok(Merged { review, conflicts })
}
