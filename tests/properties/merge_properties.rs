//! Properties of the three-way merge over random edits of two reviewers on the version-1 fixture: merging a
//! side with an unchanged other side gives that side; merging is symmetric up to which side a conflict names
//! first; no verdict, note or evidence link either side set is ever lost. Fixed seed, as in
//! `tests/properties.rs`.

#![allow(clippy::unwrap_used, reason = "test code")]

use std::path::Path;

use claimdesk::review::edit::{Document, Edit};
use claimdesk::review::merge::merge;
use claimdesk::review::{Claim, Review, Verdict, store};
use proptest::prelude::*;
use proptest::test_runner::{FileFailurePersistence, RngSeed};

const CI_SEED: u64 = 0x00c1_a1d5_e5c0_2026;

fn config(cases: u32) -> ProptestConfig {
    let defaults = ProptestConfig::default();
    let explore = std::env::var_os("CLAIMDESK_PROPTEST_EXPLORE").is_some();
    ProptestConfig {
        cases,
        rng_seed: if explore {
            defaults.rng_seed
        } else {
            RngSeed::Fixed(CI_SEED)
        },
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..defaults
    }
}

fn base() -> Review {
    store::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/team/v1.review.json"))
        .unwrap()
}

const IDS: [&str; 4] = ["c1", "c2", "c3", "c4"];
const NOTES: [&str; 3] = ["Quelle A", "Quelle B", ""];
const LINKS: [&str; 3] = [
    "https://a.example/1",
    "https://b.example/2",
    "https://c.example/3",
];

#[derive(Debug, Clone)]
enum Op {
    Verdict(usize, u8),
    Note(usize, usize),
    AddLink(usize, usize),
    RemoveLink(usize),
    Remove(usize),
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    prop::collection::vec(
        prop_oneof![
            (0..4usize, 0..4u8).prop_map(|(c, v)| Op::Verdict(c, v)),
            (0..4usize, 0..3usize).prop_map(|(c, n)| Op::Note(c, n)),
            (0..4usize, 0..3usize).prop_map(|(c, l)| Op::AddLink(c, l)),
            (0..4usize).prop_map(Op::RemoveLink),
            (0..4usize).prop_map(Op::Remove),
        ],
        0..8,
    )
}

fn apply(review: &Review, who: &str, ops: &[Op]) -> Review {
    let mut document = Document::new(review.clone(), true);
    document.set_reviewer(who);
    for op in ops {
        let edit = match *op {
            Op::Verdict(c, v) => Edit::SetVerdict {
                claim_id: IDS[c].into(),
                verdict: [
                    None,
                    Some(Verdict::Confirmed),
                    Some(Verdict::Denied),
                    Some(Verdict::Unverified),
                ][usize::from(v)],
            },
            Op::Note(c, n) => Edit::SetNote {
                claim_id: IDS[c].into(),
                note: NOTES[n].into(),
            },
            Op::AddLink(c, l) => Edit::AddEvidence {
                claim_id: IDS[c].into(),
                index: 99,
                url: LINKS[l].into(),
            },
            Op::RemoveLink(c) => Edit::RemoveEvidence {
                claim_id: IDS[c].into(),
                index: 0,
            },
            Op::Remove(c) => Edit::RemoveClaim {
                claim_id: IDS[c].into(),
            },
        };
        // Edits of removed claims or missing links are refused and change nothing, as in the window.
        let _ = document.apply(edit);
    }
    document.into_review()
}

/// What a reader of the review sees of a claim (not its history): id, verdict, note, evidence, conflicts.
type Content = (String, Option<Verdict>, String, Vec<String>, usize);

fn content(claim: &Claim) -> Content {
    (
        claim.id.clone(),
        claim.verdict,
        claim.note.clone(),
        claim.evidence.clone(),
        claim.conflicts.len(),
    )
}

fn contents(review: &Review) -> Vec<Content> {
    review.claims.iter().map(content).collect()
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn merging_with_an_unchanged_side_gives_the_other_side(ours in ops()) {
        let base = base();
        let ours = apply(&base, "Alice", &ours);
        let merged = merge(&base, &ours, &base).unwrap();
        prop_assert_eq!(merged.conflicts, 0);
        prop_assert_eq!(contents(&merged.review), contents(&ours));
        let merged = merge(&base, &base, &ours).unwrap();
        prop_assert_eq!(merged.conflicts, 0);
        prop_assert_eq!(contents(&merged.review), contents(&ours));
        store::validate(&merged.review).unwrap();
    }

    #[test]
    fn merge_is_symmetric_and_loses_nothing(ours in ops(), theirs in ops()) {
        let base = base();
        let ours = apply(&base, "Alice", &ours);
        let theirs = apply(&base, "Bob", &theirs);
        let one = merge(&base, &ours, &theirs).unwrap();
        let other = merge(&base, &theirs, &ours).unwrap();
        store::validate(&one.review).unwrap();
        prop_assert_eq!(one.conflicts, other.conflicts);
        let spans = |r: &Review| r.claims.iter().map(|c| (c.start, c.end)).collect::<Vec<_>>();
        prop_assert_eq!(spans(&one.review), spans(&other.review));
        for (a, b) in one.review.claims.iter().zip(&other.review.claims) {
            for (x, y) in a.conflicts.iter().zip(&b.conflicts) {
                prop_assert_eq!(&x.field, &y.field);
                prop_assert_eq!(&x.ours, &y.theirs, "a conflict names the other side first in the other order");
            }
            if a.conflicts.is_empty() {
                prop_assert_eq!(a.verdict, b.verdict);
                prop_assert_eq!(&a.note, &b.note);
            }
            let mut ea = a.evidence.clone();
            let mut eb = b.evidence.clone();
            ea.sort();
            eb.sort();
            prop_assert_eq!(ea, eb);
        }
        // Nothing either side set is lost: a changed verdict or note is the merged value or in a conflict;
        // an added link is kept while its claim is.
        for side in [&ours, &theirs] {
            for claim in &side.claims {
                let Some(original) = base.claim(&claim.id) else { continue };
                let Some(merged) = one.review.claims.iter().find(|c| c.start == claim.start && c.end == claim.end) else {
                    // Gone only when the other side removed it and this side left it unchanged.
                    prop_assert!(claim.verdict == original.verdict && claim.note == original.note && claim.evidence == original.evidence);
                    continue;
                };
                let kept = |field: &str, value: serde_json::Value, now: serde_json::Value| {
                    now == value || merged.conflicts.iter().any(|c| c.field == field && (c.ours == value || c.theirs == value))
                };
                if claim.verdict != original.verdict {
                    prop_assert!(kept("verdict", serde_json::json!(claim.verdict), serde_json::json!(merged.verdict)));
                }
                if claim.note != original.note {
                    prop_assert!(kept("note", serde_json::json!(claim.note), serde_json::json!(merged.note)));
                }
                for link in &claim.evidence {
                    if !original.evidence.contains(link) {
                        prop_assert!(merged.evidence.contains(link), "added link {} lost", link);
                    }
                }
            }
        }
    }
}
