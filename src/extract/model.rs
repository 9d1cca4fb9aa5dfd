//! Check-worthiness as a linear model: logistic regression over **named features** (figures, attribution,
//! quotes, opinion markers, sentence shape … — shared by all languages) and **lexical features** (the
//! segment's words and word pairs, per language). The weights are data (`assets/model/model.json`, or a
//! desk's own model), so scoring stays linear and every score can be explained by the features that made it.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::article::Language;

use super::features::Analysis;
use super::lexicon::Category;

/// The model file format this build reads and writes.
pub const FORMAT: &str = "claimdesk-model/1";

/// A named feature the extractor found in a segment, with the words that showed it.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// Stable name (`figures.statistic`), the key of its weight.
    pub name: &'static str,
    /// What showed it, for the analyst ("figures: 18 Prozent"); `None` for shape features.
    pub detail: Option<String>,
}

impl Feature {
    /// A feature shown by `detail`.
    #[must_use]
    pub fn shown(name: &'static str, detail: impl Into<String>) -> Self {
        Self {
            name,
            detail: Some(detail.into()),
        }
    }

    /// A shape feature without words to show.
    #[must_use]
    pub fn shape(name: &'static str) -> Self {
        Self { name, detail: None }
    }
}

/// What each named feature means, for the README and the analyst: every name the extractor emits.
pub const NAMED_FEATURES: &[(&str, &str)] = &[
    ("attribution.named", "attributed to a named source"),
    ("attribution.pronoun", "attributed by a pronoun"),
    ("attribution.anonymous", "attributed to an unnamed source"),
    (
        "reported.continues",
        "reported speech continues (German Konjunktiv)",
    ),
    ("quote.reported", "direct quote of a source"),
    ("figures.statistic", "percentages, money, quantities"),
    ("figures.plain", "a plain number"),
    ("date", "a date or month"),
    ("names.one", "one name"),
    ("names.many", "two or more names"),
    ("event", "an event word"),
    ("event.dated", "an event with its date"),
    ("comparison", "a comparison or change"),
    ("absolute", "an absolute (never, alle)"),
    ("shape.declarative", "ends as a statement"),
    ("hedged", "hedged"),
    ("opinion", "opinion marker"),
    ("shape.exclamation", "exclamation"),
    ("headline.statement", "headline that states something"),
    ("prediction", "prediction"),
    ("person.first", "first person"),
    ("person.first_fact", "first-person statement of fact"),
    ("tense.past", "past tense"),
    ("length.short", "short (under 8 words)"),
    ("length.long", "long (over 30 words)"),
];

/// A linear check-worthiness model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// Always [`FORMAT`].
    pub format: String,
    /// What it was trained on, how, and when: for whoever opens the file.
    pub description: String,
    /// The intercept.
    pub bias: f64,
    /// The probability at which a segment becomes a claim; scores are mapped so that it lands on
    /// [`super::DEFAULT_MIN_SCORE`].
    pub threshold: f64,
    /// Weights of the named features, shared by all languages.
    pub named: BTreeMap<String, f64>,
    /// Weights of words and word pairs (`"unemployment"`, `"per cent"`), per language code.
    pub lexical: BTreeMap<String, BTreeMap<String, f64>>,
    /// Held-out measurements printed by `claimdesk train`.
    #[serde(default)]
    pub evaluation: BTreeMap<String, f64>,
}

/// Why a model file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Reading failed.
    #[error("{path}: cannot be read ({source}). Check the path.")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// Not a model file.
    #[error("{path}: not a claimdesk model ({reason}). Train one with `claimdesk train`.")]
    Invalid {
        /// The file.
        path: String,
        /// What is wrong.
        reason: String,
    },
}

/// A segment's score and the contributions that made it.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// The model's probability that the segment is check-worthy.
    pub probability: f64,
    /// The score shown and filtered on, 0 to 1, with the model's threshold at
    /// [`super::DEFAULT_MIN_SCORE`].
    pub score: f64,
    /// The strongest contributions in words, strongest first, each with its sign.
    pub reasons: Vec<String>,
}

/// Words and word pairs of a segment, as the model sees them: lower case, numbers as `#`. Function words
/// (articles, pronouns, prepositions) count only inside a pair with a content word ("i think", "per
/// cent"): alone they say more about the style of the training data than about check-worthiness.
#[must_use]
pub fn lexical_terms(analysis: &Analysis<'_>) -> Vec<String> {
    let words: Vec<(String, bool)> = analysis
        .words
        .iter()
        .map(|w| {
            let text = if w.has_digit() {
                "#".to_owned()
            } else {
                w.lower
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_owned()
            };
            (text, w.is(Category::Function))
        })
        .filter(|(w, _)| !w.is_empty())
        .collect();
    let mut terms = Vec::with_capacity(words.len() * 2);
    for (index, (word, function)) in words.iter().enumerate() {
        if !function {
            terms.push(word.clone());
        }
        if let Some((next, next_function)) = words.get(index + 1)
            && !(*function && *next_function)
        {
            terms.push(format!("{word} {next}"));
        }
    }
    terms.sort_unstable();
    terms.dedup();
    terms
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

impl Model {
    /// The model shipped with claimdesk.
    ///
    /// # Panics
    /// Never with a built binary: the shipped file is checked by the tests.
    #[must_use]
    pub fn shipped() -> &'static Self {
        static SHIPPED: OnceLock<Model> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            Self::from_json(
                include_str!("../../assets/model/model.json"),
                "shipped model",
            )
            .expect("the shipped model is valid")
        })
    }

    /// The round-1 hand-set weights: where training starts, and what the named weights are kept near.
    ///
    /// # Panics
    /// Never with a built binary: the file is checked by the tests.
    #[must_use]
    pub fn prior() -> &'static Self {
        static PRIOR: OnceLock<Model> = OnceLock::new();
        PRIOR.get_or_init(|| {
            Self::from_json(include_str!("../../assets/model/prior.json"), "prior model")
                .expect("the prior model is valid")
        })
    }

    /// Reads a model file.
    ///
    /// # Errors
    /// [`ModelError`] naming the file.
    pub fn load(path: &Path) -> Result<Self, ModelError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| ModelError::Read {
            path: shown.clone(),
            source,
        })?;
        Self::from_json(&text, &shown)
    }

    /// Parses a model.
    ///
    /// # Errors
    /// [`ModelError::Invalid`].
    pub fn from_json(text: &str, shown: &str) -> Result<Self, ModelError> {
        let model: Self = serde_json::from_str(text).map_err(|e| ModelError::Invalid {
            path: shown.to_owned(),
            reason: e.to_string(),
        })?;
        if model.format != FORMAT {
            return Err(ModelError::Invalid {
                path: shown.to_owned(),
                reason: format!("format `{}`, expected `{FORMAT}`", model.format),
            });
        }
        let finite = model.bias.is_finite()
            && (0.0..1.0).contains(&model.threshold)
            && model.threshold > 0.0
            && model.named.values().all(|w| w.is_finite())
            && model
                .lexical
                .values()
                .flat_map(|m| m.values())
                .all(|w| w.is_finite());
        if !finite {
            return Err(ModelError::Invalid {
                path: shown.to_owned(),
                reason: "a weight or the threshold is out of range".to_owned(),
            });
        }
        Ok(model)
    }

    /// The raw linear sum for a segment's features and terms.
    #[must_use]
    pub fn logit(&self, features: &[Feature], language: Language, terms: &[String]) -> f64 {
        let lexical = self.lexical.get(language.code());
        let named: f64 = features.iter().filter_map(|f| self.named.get(f.name)).sum();
        let words: f64 = lexical.map_or(0.0, |weights| {
            terms.iter().filter_map(|t| weights.get(t.as_str())).sum()
        });
        self.bias + named + words
    }

    /// Scores a segment and explains the score.
    #[must_use]
    pub fn score(&self, features: &[Feature], language: Language, terms: &[String]) -> Scored {
        let probability = sigmoid(self.logit(features, language, terms));
        let mut contributions: Vec<(f64, String)> = features
            .iter()
            .filter_map(|f| {
                let weight = *self.named.get(f.name)?;
                let label = f
                    .detail
                    .clone()
                    .unwrap_or_else(|| label_of(f.name).to_owned());
                Some((weight, label))
            })
            .collect();
        if let Some(weights) = self.lexical.get(language.code()) {
            let mut words: Vec<(f64, &str)> = terms
                .iter()
                .filter_map(|t| weights.get(t.as_str()).map(|w| (*w, t.as_str())))
                .filter(|(w, _)| w.abs() >= 0.15)
                .collect();
            words.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
            let positive: Vec<&str> = words
                .iter()
                .filter(|w| w.0 > 0.0)
                .take(3)
                .map(|w| w.1)
                .collect();
            let negative: Vec<&str> = words
                .iter()
                .filter(|w| w.0 < 0.0)
                .take(3)
                .map(|w| w.1)
                .collect();
            let sum = |sign: f64| {
                words
                    .iter()
                    .filter(|w| w.0.signum() == sign)
                    .map(|w| w.0)
                    .sum::<f64>()
            };
            if !positive.is_empty() {
                contributions.push((sum(1.0), format!("words: {}", positive.join(", "))));
            }
            if !negative.is_empty() {
                contributions.push((sum(-1.0), format!("words: {}", negative.join(", "))));
            }
        }
        contributions.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
        let reasons = contributions
            .into_iter()
            .filter(|(weight, _)| weight.abs() >= 0.05)
            .take(6)
            .map(|(weight, label)| format!("{label} {}", if weight > 0.0 { "+" } else { "−" }))
            .collect();
        Scored {
            probability,
            score: self.calibrate(probability),
            reasons,
        }
    }

    /// Maps a probability so that the model's threshold lands on the default minimum score, keeping order.
    #[must_use]
    pub fn calibrate(&self, probability: f64) -> f64 {
        let target = super::DEFAULT_MIN_SCORE;
        let score = if probability < self.threshold {
            target * probability / self.threshold
        } else {
            target + (1.0 - target) * (probability - self.threshold) / (1.0 - self.threshold)
        };
        (score.clamp(0.0, 1.0) * 100.0).round() / 100.0
    }

    /// The number of weights, for the model's description.
    #[must_use]
    pub fn size(&self) -> usize {
        self.named.len() + self.lexical.values().map(BTreeMap::len).sum::<usize>()
    }

    /// A lookup of the lexical weights of one language (for the trainer).
    #[must_use]
    pub fn lexical_map(&self, language: Language) -> HashMap<String, f64> {
        self.lexical
            .get(language.code())
            .map(|m| m.iter().map(|(k, v)| (k.clone(), *v)).collect())
            .unwrap_or_default()
    }
}

fn label_of(name: &str) -> &'static str {
    NAMED_FEATURES
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("feature", |(_, label)| label)
}
