//! The memory by meaning (`tests/data/memory/meaning.tsv`, written for claimdesk): restatements within and
//! across German and English found as the same fact, near misses (another figure, year, month, day,
//! place, or a negation) related with that difference named, unrelated claims not matched. All earlier
//! claims sit in one memory, so each new claim is looked up among all of them, as in a desk.

use claimdesk::article::Language;
use claimdesk::memory::{Entry, MatchOptions, Memory, Relation};
use claimdesk::review::Verdict;

struct Row {
    relation: String,
    what: String,
    new_language: Language,
    new: String,
    earlier_language: Language,
    earlier: String,
}

fn language(code: &str) -> Language {
    if code == "de" {
        Language::German
    } else {
        Language::English
    }
}

fn rows() -> Vec<Row> {
    include_str!("../data/memory/meaning.tsv")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 6, "bad line: {line}");
            Row {
                relation: f[0].to_owned(),
                what: f[1].to_owned(),
                new_language: language(f[2]),
                new: f[3].to_owned(),
                earlier_language: language(f[4]),
                earlier: f[5].to_owned(),
            }
        })
        .collect()
}

#[test]
fn meaning_finds_restatements_across_languages_and_names_what_differs_in_near_misses() {
    let rows = rows();
    let mut earlier: Vec<(String, Language)> = rows
        .iter()
        .map(|r| (r.earlier.clone(), r.earlier_language))
        .collect();
    earlier.sort_by(|a, b| a.0.cmp(&b.0));
    earlier.dedup_by(|a, b| a.0 == b.0);
    let mut memory = Memory::new();
    assert!(memory.semantic(), "the encoder ships in assets/encoder");
    memory
        .add_entries(
            earlier
                .into_iter()
                .map(|(text, language)| Entry {
                    text,
                    verdict: Verdict::Denied,
                    language,
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
    assert_eq!(
        memory.pending(),
        0,
        "a small memory is embedded as it opens"
    );
    let options = MatchOptions {
        top: 10,
        ..MatchOptions::default()
    };
    let mut failures = Vec::new();
    let (mut same, mut related, mut opposite, mut unrelated) = (0, 0, 0, 0);
    for row in &rows {
        let matches = memory
            .match_text(&row.new, row.new_language, options)
            .unwrap();
        let own = matches.iter().find(|m| m.entry.text == row.earlier);
        let said = own.map(|m| (m.relation, m.similarity, m.reason.clone()));
        let right = match (row.relation.as_str(), own) {
            ("same", Some(m)) => m.relation == Relation::Same,
            ("related", Some(m)) => {
                m.relation == Relation::Related && m.reason.contains(&format!("other {}", row.what))
            }
            ("opposite", Some(m)) => m.relation == Relation::Opposite,
            ("unrelated", None) => true,
            _ => false,
        };
        if right {
            match row.relation.as_str() {
                "same" => same += 1,
                "related" => related += 1,
                "opposite" => opposite += 1,
                _ => unrelated += 1,
            }
        } else {
            failures.push(format!(
                "{} ({}): {} | {} → {said:?}",
                row.relation, row.what, row.new, row.earlier
            ));
        }
    }
    let count = |relation: &str| rows.iter().filter(|r| r.relation == relation).count();
    println!(
        "meaning test set: same {same} of {}, related with the difference named {related} of {}, opposite {opposite} of {}, unrelated left out {unrelated} of {}",
        count("same"),
        count("related"),
        count("opposite"),
        count("unrelated")
    );
    for failure in &failures {
        println!("  {failure}");
    }
    assert!(same * 10 >= count("same") * 9, "same {same}");
    assert!(related * 10 >= count("related") * 9, "related {related}");
    assert!(unrelated + 1 >= count("unrelated"), "unrelated {unrelated}");
    // A denial never adopts the verdict of the claim it denies: every opposite is found as one.
    assert_eq!(opposite, count("opposite"), "opposite {opposite}");
}
