//! The check-worthiness scorer that reads meaning: a logistic regression over the sentence encoder's vector
//! (multilingual-e5-small), trained on ClaimBuster's English debates and claimdesk's own German and English
//! news sentences (`scripts/model/train-meaning-scorer.py`, weights in `assets/model/meaning-scorer.json`).
//!
//! Why beside the words model: words alone rank real German news barely above chance, while the same
//! vectors that make the memory semantic carry what a sentence is about in either language. The named
//! features and their reasons still explain each claim; this scorer replaces the score, and the meaning part
//! is shown as what it resembles: the nearest of claimdesk's own labelled sentences
//! (`assets/model/meaning-examples.json`, "like a check-worthy sentence: '…'").

use std::sync::LazyLock;

use super::model::Model;
use crate::article::Language;
use crate::encoder::{DIMENSIONS, Encoder, Kind, Vector};

/// The shipped weights.
const SHIPPED: &str = include_str!("../../../../assets/model/meaning-scorer.json");

/// The shipped labelled sentences with their vectors.
const EXAMPLES: &str = include_str!("../../../../assets/model/meaning-examples.json");

/// A logistic regression over sentence vectors.
#[derive(Debug, serde::Deserialize)]
pub struct MeaningScorer {
    /// One weight per vector dimension.
    pub weights: Vec<f32>,
    /// The intercept, calibrated on English.
    pub bias: f32,
    /// The intercept calibrated on each language's own validation sentences (`de`, `en`).
    #[serde(default)]
    pub bias_by_language: std::collections::BTreeMap<String, f32>,
    /// Weight of the words model's logit (named features and word weights, the shipped model or a
    /// desk's own): meaning and words in one score. 0 in files of the first format.
    #[serde(default)]
    pub words_weight: f32,
    /// What it was measured at when trained (shown by the README and `claimdesk extract --help`).
    #[serde(default)]
    pub evaluation: serde_json::Map<String, serde_json::Value>,
}

impl MeaningScorer {
    /// The shipped scorer; `None` if its file does not fit the encoder (a build defect the tests catch).
    #[must_use]
    pub fn shipped() -> Option<&'static Self> {
        static SCORER: LazyLock<Option<MeaningScorer>> = LazyLock::new(|| {
            serde_json::from_str::<MeaningScorer>(SHIPPED)
                .ok()
                .filter(|s| s.weights.len() == crate::encoder::DIMENSIONS)
        });
        SCORER.as_ref()
    }

    /// The probability that the sentence of this language whose vector is `vector` is check-worthy, with
    /// the words model's logit for it; `in_full` is what of that logit counts in full rather than at the
    /// words' share (routine items: see [`routine_weight`]).
    #[must_use]
    pub fn probability(
        &self,
        vector: &[f32],
        language: Language,
        words_logit: f64,
        in_full: f64,
    ) -> f64 {
        let bias = self
            .bias_by_language
            .get(language.code())
            .copied()
            .unwrap_or(self.bias);
        let meaning: f32 = self
            .weights
            .iter()
            .zip(vector)
            .map(|(w, x)| w * x)
            .sum::<f32>();
        let words_weight = f64::from(self.words_weight);
        let logit =
            f64::from(bias + meaning) + words_weight * words_logit + (1.0 - words_weight) * in_full;
        super::model::sigmoid(logit)
    }

    /// The vectors of `texts`, embedded on all cores.
    #[must_use]
    pub fn vectors(encoder: &Encoder, texts: &[&str]) -> Vec<Vector> {
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        encoder.embed_parallel(texts, Kind::Query, threads)
    }
}

/// The words model's logit behind a claim's score: [`Model::calibrate`] undone (scores are written with two
/// decimals, so the ends are held a little inside 0 and 1).
#[must_use]
pub fn words_logit(score: f64, model: &Model) -> f64 {
    let target = super::DEFAULT_MIN_SCORE;
    let score = score.clamp(0.005, 0.995);
    let probability = if score < target {
        score * model.threshold / target
    } else {
        model.threshold + (score - target) * (1.0 - model.threshold) / (1.0 - target)
    }
    .clamp(1e-4, 1.0 - 1e-4);
    (probability / (1.0 - probability)).ln()
}

/// The words model's weight of the routine features a claim shows (a sport result, a schedule): routine
/// items are scored down by data whatever reads the meaning — to the encoder a result reads like any other
/// fact, and a desk does not want it among its claims.
#[must_use]
pub fn routine_weight(reasons: &[crate::review::Reason], model: &Model) -> f64 {
    reasons
        .iter()
        .filter_map(|reason| match reason {
            crate::review::Reason::Found(found) if found.feature.starts_with("routine.") => {
                model.named.get(found.feature.as_ref()).copied()
            }
            _ => None,
        })
        .sum()
}

/// One of claimdesk's own labelled sentences.
#[derive(Debug, serde::Deserialize)]
pub struct Example {
    /// The sentence.
    pub text: String,
    /// 1: check-worthy, 0: not.
    pub label: u8,
    /// Its language code.
    pub lang: String,
    scale: f32,
    codes: String,
    #[serde(skip)]
    vector: Vec<f32>,
}

impl Example {
    /// Whether the rubric called it check-worthy.
    #[must_use]
    pub fn check_worthy(&self) -> bool {
        self.label == 1
    }
}

#[derive(serde::Deserialize)]
struct ExampleFile {
    examples: Vec<Example>,
}

/// The labelled sentences a claim's meaning is compared with.
#[derive(Debug)]
pub struct Examples {
    examples: Vec<Example>,
}

impl Examples {
    /// The shipped examples with their vectors; `None` if the file is damaged (a build defect the tests
    /// catch).
    #[must_use]
    pub fn shipped() -> Option<&'static Self> {
        static EXAMPLES_READ: LazyLock<Option<Examples>> = LazyLock::new(|| {
            let file: ExampleFile = serde_json::from_str(EXAMPLES).ok()?;
            let mut examples = file.examples;
            for example in &mut examples {
                example.vector = decode(&example.codes, example.scale)?;
            }
            Some(Examples { examples })
        });
        EXAMPLES_READ.as_ref()
    }

    /// The most similar example, preferring the claim's own language (a reason the analyst can read).
    #[must_use]
    pub fn nearest(&self, vector: &[f32], language: Language) -> Option<&Example> {
        let similarity = |example: &Example| -> f32 {
            example.vector.iter().zip(vector).map(|(a, b)| a * b).sum()
        };
        let best_of = |same_language: bool| {
            self.examples
                .iter()
                .filter(|e| !same_language || e.lang == language.code())
                .max_by(|a, b| similarity(a).total_cmp(&similarity(b)))
        };
        best_of(true).or_else(|| best_of(false))
    }
}

/// Hex-coded int8 codes and their scale as a unit vector.
fn decode(codes: &str, scale: f32) -> Option<Vec<f32>> {
    if codes.len() != DIMENSIONS * 2 {
        return None;
    }
    let mut vector = (0..DIMENSIONS)
        .map(|i| {
            let byte = u8::from_str_radix(codes.get(2 * i..2 * i + 2)?, 16).ok()?;
            Some(f32::from(i8::from_le_bytes([byte])) * scale)
        })
        .collect::<Option<Vec<f32>>>()?;
    let norm = vector.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        for x in &mut vector {
            *x /= norm;
        }
    }
    Some(vector)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_words_score_gives_back_the_logit_it_was_calibrated_from() {
        let model = Model::shipped();
        for logit in [-3.0f64, -1.0, -0.2, 0.0, 0.4, 1.5, 3.0] {
            let probability = crate::extract::model::sigmoid(logit);
            let score = model.calibrate(probability);
            let back = words_logit(score, model);
            // Two decimals of score: the logit comes back to within a few hundredths in the middle.
            assert!((back - logit).abs() < 0.2, "{logit} → {score} → {back}");
        }
        assert!(words_logit(0.0, model) < words_logit(0.01, model));
        assert!(words_logit(1.0, model).is_finite());
    }

    #[test]
    fn the_shipped_scorer_and_examples_fit_the_encoder_and_every_language_is_calibrated() {
        let scorer = MeaningScorer::shipped().expect("the scorer's file fits the encoder");
        assert!(scorer.bias_by_language.contains_key("de"));
        assert!(scorer.bias_by_language.contains_key("en"));
        let examples = Examples::shipped().expect("the examples' file reads");
        assert!(examples.examples.len() >= 600);
        for language in [Language::German, Language::English] {
            let own: Vec<&Example> = examples
                .examples
                .iter()
                .filter(|e| e.lang == language.code())
                .collect();
            assert!(own.iter().any(|e| e.check_worthy()) && own.iter().any(|e| !e.check_worthy()));
            // An example's own vector finds itself.
            let first = own[0];
            let nearest = examples.nearest(&first.vector, language).unwrap();
            assert_eq!(nearest.text, first.text);
        }
    }
}
