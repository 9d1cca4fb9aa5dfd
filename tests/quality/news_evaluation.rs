//! Check-worthiness on real German news nobody here wrote: 1,042 sentences of 60 articles of
//! `../shared/external/de-news/` labelled by claimdesk's rubric (`tests/data/de-news/`, offsets and labels
//! only). Prints precision, recall and F1 at the default threshold and ROC-AUC, beside "flag every
//! sentence", and fails when claimdesk stops beating it. Skips, saying so, when `../shared` is absent.

#![allow(clippy::unwrap_used, reason = "test helpers may panic")]

use crate::common;

use std::collections::HashMap;
use std::path::PathBuf;

use claimdesk::article::Language;
use claimdesk::extract::{DEFAULT_MIN_SCORE, ExtractOptions, Scorer, review_of_path};

struct Labelled {
    start: usize,
    end: usize,
    check_worthy: bool,
}

#[expect(clippy::cast_precision_loss, reason = "a few hundred sentences")]
fn roc_auc(scored: &[(f64, bool)]) -> f64 {
    let positives: Vec<f64> = scored.iter().filter(|s| s.1).map(|s| s.0).collect();
    let negatives: Vec<f64> = scored.iter().filter(|s| !s.1).map(|s| s.0).collect();
    let mut wins = 0.0;
    for p in &positives {
        for n in &negatives {
            wins += if p > n {
                1.0
            } else if (p - n).abs() < f64::EPSILON {
                0.5
            } else {
                0.0
            };
        }
    }
    wins / (positives.len() * negatives.len()) as f64
}

/// Precision, recall and F1 at the default threshold, and ROC-AUC.
struct Measured {
    precision: f64,
    recall: f64,
    f1: f64,
    auc: f64,
}

#[expect(clippy::cast_precision_loss, reason = "a few hundred sentences")]
fn measure(scored: &[(f64, bool)]) -> Measured {
    let positives = scored.iter().filter(|s| s.1).count();
    let flagged: Vec<&(f64, bool)> = scored.iter().filter(|s| s.0 >= DEFAULT_MIN_SCORE).collect();
    let true_positives = flagged.iter().filter(|s| s.1).count();
    let precision = true_positives as f64 / flagged.len().max(1) as f64;
    let recall = true_positives as f64 / positives as f64;
    Measured {
        precision,
        recall,
        f1: 2.0 * precision * recall / (precision + recall),
        auc: roc_auc(scored),
    }
}

#[test]
#[expect(clippy::cast_precision_loss, reason = "a few hundred sentences")]
fn check_worthiness_on_real_german_news_beats_flagging_everything() {
    let articles_path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/external/de-news/articles.jsonl");
    let Ok(articles) = std::fs::read_to_string(&articles_path) else {
        common::skipped(
            "check_worthiness_on_real_german_news_beats_flagging_everything",
            &articles_path,
            "check-worthiness on real news is not measured",
        );
        return;
    };
    let texts: HashMap<String, String> = articles
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|a| Some((a["id"].as_str()?.to_owned(), a["text"].as_str()?.to_owned())))
        .collect();
    let labels_text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/de-news/labels.tsv"),
    )
    .unwrap();
    let mut labels: Vec<(String, Vec<Labelled>)> = Vec::new();
    for line in labels_text.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&str> = line.split('\t').collect();
        let labelled = Labelled {
            start: fields[1].parse().unwrap(),
            end: fields[2].parse().unwrap(),
            check_worthy: fields[3] == "1",
        };
        match labels.last_mut() {
            Some((id, rows)) if id == fields[0] => rows.push(labelled),
            _ => labels.push((fields[0].to_owned(), vec![labelled])),
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let score = |scorer: Scorer| {
        let options = ExtractOptions {
            scorer,
            ..ExtractOptions::with_min_score(0.0)
        };
        let mut scored = Vec::new();
        for (id, rows) in &labels {
            // Read as `claimdesk extract` reads the file, so the offsets are those of the same text.
            let path = dir.path().join(format!("{id}.txt"));
            std::fs::write(&path, &texts[id]).unwrap();
            let (review, _) = review_of_path(&path, Some(Language::German), &options).unwrap();
            for row in rows {
                // A sentence's score is that of the claim covering most of it; no claim scores 0.
                let score = review
                    .claims
                    .iter()
                    .filter(|c| {
                        let overlap = c.end.min(row.end).saturating_sub(c.start.max(row.start));
                        2 * overlap > row.end - row.start
                    })
                    .map(|c| c.score)
                    .fold(0.0, f64::max);
                scored.push((score, row.check_worthy));
            }
        }
        scored
    };
    let words = score(Scorer::Words);
    let total = words.len();
    let positives = words.iter().filter(|s| s.1).count();
    let share = positives as f64 / total as f64;
    let flag_everything = 2.0 * share / (1.0 + share);
    let meaning = score(Scorer::Meaning);
    for (name, scored) in [("words", &words), ("meaning", &meaning)] {
        let m = measure(scored);
        println!(
            "de-news, {total} sentences ({positives} check-worthy), {name}: precision {:.3}, recall {:.3}, \
             F1 {:.3} at {DEFAULT_MIN_SCORE}; ROC-AUC {:.3}; flag every sentence: F1 {flag_everything:.3}",
            m.precision, m.recall, m.f1, m.auc
        );
    }
    let labelled = labels.iter().map(|(_, rows)| rows.len()).sum::<usize>();
    assert_eq!(total, labelled, "every labelled sentence was scored");
    let (words, meaning) = (measure(&words), measure(&meaning));
    assert!(
        words.f1 > flag_everything + 0.03,
        "words: F1 {:.3} no longer beats flagging everything ({flag_everything:.3})",
        words.f1
    );
    assert!(
        words.auc > 0.72,
        "words: ROC-AUC {:.3} fell below 0.72",
        words.auc
    );
    // The default scorer (round 4: 0.862 and 0.710; the previous release 0.79 and 0.62 on these labels). Issue 39's
    // targets are 0.85 and 0.78.
    assert!(
        meaning.auc > words.auc + 0.05 && meaning.auc >= 0.85,
        "default (meaning and words): ROC-AUC {:.3} (words {:.3})",
        meaning.auc,
        words.auc
    );
    assert!(
        meaning.f1 >= 0.69 && meaning.f1 > words.f1,
        "default (meaning and words): F1 {:.3} (words {:.3})",
        meaning.f1,
        words.f1
    );
}
