//! The check-worthiness scorer: a small network over the sentence encoder's vector (multilingual-e5-small)
//! and the sentence's named features, stacked with the words model's logit. Trained on ClaimBuster's
//! English debates and claimdesk's own German and English news sentences by
//! `scripts/model/train-scorer.py` (weights in `assets/model/scorer.json`, how it was chosen and measured
//! in `scripts/model/README-scorer.md`).
//!
//! Why both: words alone read "a figure, so a claim"; the vector carries what a sentence is about in either
//! language, and the named features what claimdesk's rubric knows (routine results, rumours, attribution).
//! The named features still explain each claim, and the meaning part is shown as what it resembles: the
//! nearest of claimdesk's own labelled sentences on the side of the decision
//! (`assets/model/meaning-examples.json`, "like a check-worthy sentence: '…'").

use std::sync::LazyLock;

use super::model::Model;
use crate::article::Language;
use crate::encoder::{DIMENSIONS, Encoder, Kind, Vector};

/// The shipped weights.
const SHIPPED: &str = include_str!("../../../../assets/model/scorer.json");

/// The shipped labelled sentences with their vectors.
const EXAMPLES: &str = include_str!("../../../../assets/model/meaning-examples.json");

/// The scorer file's format this build reads.
const FORMAT: u32 = 4;

/// One dense layer: `weights[unit][input]`.
#[derive(Debug, serde::Deserialize)]
struct Layer {
    weights: Vec<Vec<f32>>,
    bias: Vec<f32>,
}

/// The output unit: one weight per hidden unit.
#[derive(Debug, serde::Deserialize)]
struct Output {
    weights: Vec<f32>,
    bias: f32,
}

/// The network over a sentence's vector and named features, stacked with the words model.
#[derive(Debug, serde::Deserialize)]
pub struct MeaningScorer {
    format: u32,
    /// The named features it reads after the vector, in its input order; 1 when a sentence has one.
    features: Vec<String>,
    hidden: Vec<Layer>,
    output: Output,
    /// Weight of the network's logit in the score.
    meaning_weight: f32,
    /// Weight of the words model's logit (named features and word weights: the shipped model or a desk's
    /// own).
    words_weight: f32,
    /// The intercept of each language (`de`, `en`), calibrated on its own news sentences.
    bias_by_language: std::collections::BTreeMap<String, f32>,
    /// The probability from which a sentence is check-worthy; scores are mapped so that it lands on the
    /// default minimum score.
    threshold: f64,
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
                .filter(MeaningScorer::fits)
        });
        SCORER.as_ref()
    }

    /// Whether the layers' sizes fit each other, the encoder and the features.
    fn fits(&self) -> bool {
        let mut inputs = DIMENSIONS + self.features.len();
        for layer in &self.hidden {
            if layer.weights.len() != layer.bias.len()
                || layer.weights.iter().any(|unit| unit.len() != inputs)
            {
                return false;
            }
            inputs = layer.bias.len();
        }
        self.format == FORMAT
            && self.output.weights.len() == inputs
            && self.features.iter().all(|name| {
                super::model::NAMED_FEATURES
                    .iter()
                    .any(|(known, _)| known == name)
            })
            && (0.0..1.0).contains(&self.threshold)
    }

    /// The probability that a sentence of `language` is check-worthy: its vector, the names of its named
    /// features and the words model's logit for it.
    #[must_use]
    pub fn probability(
        &self,
        vector: &[f32],
        features: &[&str],
        language: Language,
        words_logit: f64,
    ) -> f64 {
        let mut input: Vec<f32> = Vec::with_capacity(DIMENSIONS + self.features.len());
        input.extend_from_slice(&vector[..DIMENSIONS.min(vector.len())]);
        input.resize(DIMENSIONS, 0.0);
        input.extend(self.features.iter().map(|name| {
            if features.contains(&name.as_str()) {
                1.0
            } else {
                0.0
            }
        }));
        for layer in &self.hidden {
            input = layer
                .weights
                .iter()
                .zip(&layer.bias)
                .map(|(unit, bias)| {
                    let sum: f32 = unit.iter().zip(&input).map(|(w, x)| w * x).sum();
                    (sum + bias).max(0.0)
                })
                .collect();
        }
        let meaning: f32 = self
            .output
            .weights
            .iter()
            .zip(&input)
            .map(|(w, x)| w * x)
            .sum::<f32>()
            + self.output.bias;
        let bias = self
            .bias_by_language
            .get(language.code())
            .or_else(|| self.bias_by_language.get(Language::English.code()))
            .copied()
            .unwrap_or_default();
        let logit = f64::from(self.meaning_weight * meaning + bias)
            + f64::from(self.words_weight) * words_logit;
        super::model::sigmoid(logit)
    }

    /// A probability as a score: the threshold lands on the default minimum score, order kept.
    #[must_use]
    pub fn calibrate(&self, probability: f64) -> f64 {
        super::model::map_threshold(probability, self.threshold)
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

    /// The most similar example on the side of the decision (check-worthy or not: the reason agrees with
    /// the score), preferring the claim's own language (a reason the analyst can read).
    #[must_use]
    pub fn nearest(
        &self,
        vector: &[f32],
        language: Language,
        check_worthy: bool,
    ) -> Option<&Example> {
        let similarity = |example: &Example| -> f32 {
            example.vector.iter().zip(vector).map(|(a, b)| a * b).sum()
        };
        let best_of = |same_language: bool| {
            self.examples
                .iter()
                .filter(|e| e.check_worthy() == check_worthy)
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
        assert!(!scorer.features.is_empty());
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
            let nearest = examples
                .nearest(&first.vector, language, first.check_worthy())
                .unwrap();
            assert_eq!(nearest.text, first.text);
            // On the other side, never an example of the wrong label.
            let other = examples
                .nearest(&first.vector, language, !first.check_worthy())
                .unwrap();
            assert_ne!(other.check_worthy(), first.check_worthy());
        }
    }
}
