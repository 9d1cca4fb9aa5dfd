//! The claim memory on a matching test set written for claimdesk (`tests/data/memory/pairs.tsv`): German and
//! English restatements of earlier claims, related claims with another figure, date, place, actor or object,
//! and unrelated ones. All earlier claims sit in one memory, so each new claim is looked up among all of them
//! as in a real desk; each pair is judged by what the memory says about its own earlier claim.

use claimdesk::article::Language;
use claimdesk::memory::{Entry, MatchOptions, Memory, Relation};
use claimdesk::review::Verdict;

struct Pair {
    relation: String,
    language: Language,
    new: String,
    earlier: String,
}

fn pairs() -> Vec<Pair> {
    include_str!("../data/memory/pairs.tsv")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 4, "bad line: {line}");
            Pair {
                relation: fields[0].to_owned(),
                language: if fields[1] == "de" {
                    Language::German
                } else {
                    Language::English
                },
                new: fields[2].to_owned(),
                earlier: fields[3].to_owned(),
            }
        })
        .collect()
}

#[test]
fn same_claims_are_found_and_related_ones_are_never_called_same() {
    let pairs = pairs();
    let same_count = pairs.iter().filter(|p| p.relation == "same").count();
    let related_count = pairs.iter().filter(|p| p.relation == "related").count();
    let unrelated_count = pairs.iter().filter(|p| p.relation == "unrelated").count();
    assert!(same_count >= 40 && related_count >= 20 && unrelated_count >= 20);

    let mut memory = Memory::new();
    memory
        .add_entries(
            pairs
                .iter()
                .map(|pair| Entry {
                    text: pair.earlier.clone(),
                    verdict: Verdict::Denied,
                    language: pair.language,
                    source: "test set".to_owned(),
                    claim_id: None,
                    url: None,
                    reviewed_at: None,
                    rating: None,
                    note: None,
                    title: None,
                })
                .collect(),
        )
        .unwrap();
    let options = MatchOptions {
        top: 10,
        ..MatchOptions::default()
    };

    let (mut true_same, mut false_same, mut missed_same) = (0, 0, 0);
    let mut related_found = 0;
    let mut unrelated_matched = 0;
    let mut failures = Vec::new();
    for pair in &pairs {
        let matches = memory
            .match_text(&pair.new, pair.language, options)
            .unwrap();
        let own = matches.iter().find(|m| m.entry.text == pair.earlier);
        let said = own.map(|m| (m.relation, m.similarity, m.reason.clone()));
        match (pair.relation.as_str(), own.map(|m| m.relation)) {
            ("same", Some(Relation::Same)) => true_same += 1,
            ("same", _) => {
                missed_same += 1;
                failures.push(format!(
                    "missed same: {} | {} → {said:?}",
                    pair.new, pair.earlier
                ));
            }
            (_, Some(Relation::Same)) => {
                false_same += 1;
                failures.push(format!(
                    "{} called same: {} | {} → {said:?}",
                    pair.relation, pair.new, pair.earlier
                ));
            }
            ("related", Some(Relation::Related)) => related_found += 1,
            ("related", None) => failures.push(format!(
                "related not found: {} | {}",
                pair.new, pair.earlier
            )),
            ("unrelated", Some(_)) => {
                unrelated_matched += 1;
                failures.push(format!(
                    "unrelated matched: {} | {} → {said:?}",
                    pair.new, pair.earlier
                ));
            }
            _ => {}
        }
        if pair.relation == "related"
            && let Some(m) = own
            && m.relation == Relation::Related
        {
            assert!(
                m.reason.starts_with("other "),
                "a related match names the difference: {}",
                m.reason
            );
        }
    }
    let precision = f64::from(true_same) / f64::from((true_same + false_same).max(1));
    let recall = f64::from(true_same) / f64::from((true_same + missed_same).max(1));
    println!(
        "claim memory test set: same precision {precision:.3}, recall {recall:.3} ({true_same} of {same_count}); \
         related found as related {related_found} of {related_count}; unrelated matched {unrelated_matched} of {unrelated_count}"
    );
    for failure in &failures {
        println!("  {failure}");
    }
    assert!(precision >= 0.95, "precision of same {precision:.3}");
    assert!(recall >= 0.85, "recall of same {recall:.3}");
    assert!(
        related_found >= related_count * 3 / 4,
        "related found {related_found}"
    );
    assert!(
        unrelated_matched <= 2,
        "unrelated matched {unrelated_matched}"
    );
}
