//! The check-worthiness scorer that reads meaning: a logistic regression over the sentence encoder's vector
//! (multilingual-e5-small), trained on ClaimBuster's English debates and claimdesk's own German and English
//! news sentences (`scripts/model/train-meaning-scorer.py`, weights in `assets/model/meaning-scorer.json`).
//!
//! Why beside the words model: words alone rank real German news barely above chance, while the same
//! vectors that make the memory semantic carry what a sentence is about in either language. The named
//! features and their reasons still explain each claim; this scorer only replaces the score.

use std::sync::LazyLock;

use crate::encoder::{Encoder, Kind};

/// The shipped weights.
const SHIPPED: &str = include_str!("../../assets/model/meaning-scorer.json");

/// A logistic regression over sentence vectors.
#[derive(Debug, serde::Deserialize)]
pub struct MeaningScorer {
    /// One weight per vector dimension.
    pub weights: Vec<f32>,
    /// The intercept.
    pub bias: f32,
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

    /// The probability that the sentence whose vector is `vector` is check-worthy.
    #[must_use]
    pub fn probability(&self, vector: &[f32]) -> f64 {
        let logit: f32 = self.bias
            + self
                .weights
                .iter()
                .zip(vector)
                .map(|(w, x)| w * x)
                .sum::<f32>();
        1.0 / (1.0 + (-f64::from(logit)).exp())
    }

    /// The probabilities of `texts`, embedded on all cores.
    #[must_use]
    pub fn score_texts(&self, encoder: &Encoder, texts: &[&str]) -> Vec<f64> {
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        encoder
            .embed_parallel(texts, Kind::Query, threads)
            .iter()
            .map(|vector| self.probability(vector))
            .collect()
    }
}
