//! Check-worthiness on claimdesk's own news set (`tests/data/news-set/`): 280 German and English sentences
//! written for claimdesk across seven desks (politics, economy, local, science, culture, sport, social-media
//! rumours), labelled by one rubric and never trained on. Prints precision, recall, F1 (at the default
//! threshold) and ROC-AUC per desk and language for the words model and the shipped scorer (meaning and
//! words), beside flagging every sentence, and fails when the shipped scorer stops beating either.

#![allow(clippy::unwrap_used, reason = "test helpers may panic")]
#![expect(clippy::cast_precision_loss, reason = "a few hundred sentences")]

use std::collections::BTreeMap;

use claimdesk::article::Language;
use claimdesk::extract::{DEFAULT_MIN_SCORE, ExtractOptions, Scorer, extract_text};

/// Each sentence's score and whether it is check-worthy.
type Scored = Vec<(f64, bool)>;

struct Sentence {
    desk: String,
    text: String,
    check_worthy: bool,
}

fn sentences(language: &str) -> Vec<Sentence> {
    let path = format!(
        "{}/tests/data/news-set/{language}.jsonl",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            Sentence {
                desk: value["desk"].as_str().unwrap().to_owned(),
                text: value["text"].as_str().unwrap().to_owned(),
                check_worthy: value["label"] == 1,
            }
        })
        .collect()
}

/// A sentence's score: that of the claim covering most of it; a sentence extraction never makes a claim
/// scores 0.
fn score(text: &str, language: Language, scorer: Scorer) -> f64 {
    let options = ExtractOptions {
        scorer,
        ..ExtractOptions::with_min_score(0.0)
    };
    extract_text(text, language, &options)
        .iter()
        .filter(|claim| 2 * (claim.end - claim.start) > text.len())
        .map(|claim| claim.score)
        .fold(0.0, f64::max)
}

#[derive(Debug, Clone, Copy)]
struct Measured {
    precision: f64,
    recall: f64,
    f1: f64,
    auc: f64,
}

fn measure(scored: &[(f64, bool)]) -> Measured {
    let positives = scored.iter().filter(|s| s.1).count();
    let flagged: Vec<_> = scored.iter().filter(|s| s.0 >= DEFAULT_MIN_SCORE).collect();
    let hits = flagged.iter().filter(|s| s.1).count();
    let precision = hits as f64 / flagged.len().max(1) as f64;
    let recall = hits as f64 / positives.max(1) as f64;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let (mut wins, mut pairs) = (0.0, 0.0);
    for p in scored.iter().filter(|s| s.1) {
        for n in scored.iter().filter(|s| !s.1) {
            pairs += 1.0;
            wins += if p.0 > n.0 {
                1.0
            } else if (p.0 - n.0).abs() < f64::EPSILON {
                0.5
            } else {
                0.0
            };
        }
    }
    Measured {
        precision,
        recall,
        f1,
        auc: wins / f64::max(pairs, 1.0),
    }
}

fn flag_everything(scored: &[(f64, bool)]) -> f64 {
    let share = scored.iter().filter(|s| s.1).count() as f64 / scored.len() as f64;
    2.0 * share / (1.0 + share)
}

#[test]
fn the_shipped_scorer_beats_words_and_flagging_everything_on_every_language_of_the_news_set() {
    println!(
        "news set | language | desk | sentences | flag every sentence F1 | words P / R / F1 / AUC | meaning and words P / R / F1 / AUC"
    );
    for (code, language) in [("de", Language::German), ("en", Language::English)] {
        let set = sentences(code);
        assert!(set.len() >= 140, "{code}: {} sentences", set.len());
        let mut by_desk: BTreeMap<&str, (Scored, Scored)> = BTreeMap::new();
        for sentence in &set {
            let entry = by_desk.entry(sentence.desk.as_str()).or_default();
            entry.0.push((
                score(&sentence.text, language, Scorer::Words),
                sentence.check_worthy,
            ));
            entry.1.push((
                score(&sentence.text, language, Scorer::Meaning),
                sentence.check_worthy,
            ));
        }
        assert_eq!(by_desk.len(), 7, "{code}: seven desks");
        let all_words: Scored = by_desk.values().flat_map(|d| d.0.clone()).collect();
        let all_meaning: Scored = by_desk.values().flat_map(|d| d.1.clone()).collect();
        let rows = by_desk
            .iter()
            .map(|(desk, (words, meaning))| (*desk, words.as_slice(), meaning.as_slice()))
            .chain([("all", all_words.as_slice(), all_meaning.as_slice())]);
        for (desk, words, meaning) in rows {
            let (w, m) = (measure(words), measure(meaning));
            println!(
                "news set | {code} | {desk} | {} | {:.2} | {:.2} / {:.2} / {:.2} / {:.2} | {:.2} / {:.2} / {:.2} / {:.2}",
                words.len(),
                flag_everything(words),
                w.precision,
                w.recall,
                w.f1,
                w.auc,
                m.precision,
                m.recall,
                m.f1,
                m.auc
            );
        }
        let (words, meaning) = (measure(&all_words), measure(&all_meaning));
        let baseline = flag_everything(&all_meaning);
        assert!(
            meaning.f1 > baseline + 0.15,
            "{code}: F1 {:.3} against flagging everything {baseline:.3}",
            meaning.f1
        );
        assert!(
            meaning.auc >= 0.85 && meaning.auc > words.auc,
            "{code}: ROC-AUC {:.3} (words {:.3})",
            meaning.auc,
            words.auc
        );
    }
}
