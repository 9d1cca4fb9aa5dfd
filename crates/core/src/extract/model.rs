//! Check-worthiness as a linear model: logistic regression over **named features** (figures, attribution,
//! quotes, opinion markers, sentence shape … — shared by all languages) and **lexical features** (the
//! segment's words and word pairs, per language). The weights are data (`assets/model/model.json`, or a
//! desk's own model), so scoring stays linear and every score can be explained by the features that made it.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::article::Language;
use crate::review::{FoundReason, Reason, Sign};

use super::features::Analysis;
use super::lexicon::Category;
use crate::i18n::{InWords, Messages, value};

/// The model file format this build reads and writes.
pub const FORMAT: &str = "claimdesk-model/1";

/// A named feature the extractor found in a segment. What showed it is looked up only for claims
/// ([`super::explain`]): most segments are scored and never shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Feature {
    /// Its place in [`NAMED_FEATURES`]: weights are read by index, not by hashing the name per segment.
    index: u8,
}

impl Feature {
    /// The feature called `name`, one of [`NAMED_FEATURES`]. Written as `const { Feature::named(…) }` it is
    /// looked up while compiling, and a name that is not in the list does not compile.
    ///
    /// # Panics
    /// When `name` is not a named feature.
    #[must_use]
    pub const fn named(name: &str) -> Self {
        let mut index = 0;
        while index < NAMED_FEATURES.len() {
            if const_str_eq(NAMED_FEATURES[index].0, name) {
                #[expect(
                    clippy::cast_possible_truncation,
                    reason = "far fewer than 256 named features"
                )]
                return Self { index: index as u8 };
            }
            index += 1;
        }
        panic!("not a named feature")
    }

    /// Its stable name (`figures.statistic`), the key of its weight in model files.
    #[must_use]
    pub fn name(self) -> &'static str {
        NAMED_FEATURES[usize::from(self.index)].0
    }

    /// Its place in [`NAMED_FEATURES`].
    #[must_use]
    pub fn index(self) -> usize {
        usize::from(self.index)
    }
}

const fn const_str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
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
    ("hedged", "hedged: modal uncertainty (vielleicht, could)"),
    (
        "hedged.report",
        "second-hand: reported, not vouched for (angeblich, reportedly)",
    ),
    ("opinion", "opinion marker"),
    ("shape.exclamation", "exclamation"),
    ("headline.statement", "headline that states something"),
    ("prediction", "prediction"),
    (
        "rumour",
        "circulating claim (social media, viral posts, kursiert)",
    ),
    ("routine.sport", "routine sport result or play-by-play"),
    ("routine.schedule", "schedule or broadcast note"),
    ("person.first", "first person"),
    ("person.first_fact", "first-person statement of fact"),
    ("tense.past", "past tense"),
    ("length.short", "short (under 8 words)"),
    ("length.long", "long (over 30 words)"),
];

/// How strongly a word or word pair must weigh to be named among a claim's reasons.
const SHOWN_TERM_WEIGHT: f64 = 0.15;

/// A segment weighed by a model: what [`Model::weigh`] gives.
#[derive(Debug)]
pub struct Weighed {
    logit: f64,
    /// The named features with a weight.
    named: Vec<(f64, Feature)>,
    /// The terms that weigh enough to be shown: weight, first word, whether a pair.
    words: Vec<(f64, u32, bool)>,
}

impl Weighed {
    /// The probability that the segment is check-worthy.
    #[must_use]
    pub fn probability(&self) -> f64 {
        sigmoid(self.logit)
    }
}

/// How many reasons a claim lists at most: the strongest contributions, enough to see why it was picked.
const SHOWN_REASONS: usize = 6;

/// How strongly a feature must count against a claim to be named among its reasons.
const NOTABLE_COUNTERWEIGHT: f64 = 0.3;

/// A probability as a score with two decimals: piecewise linear, so that `threshold` lands on the default
/// minimum score and the order of sentences is kept.
#[must_use]
pub fn map_threshold(probability: f64, threshold: f64) -> f64 {
    let target = super::DEFAULT_MIN_SCORE;
    let score = if probability < threshold {
        target * probability / threshold
    } else {
        target + (1.0 - target) * (probability - threshold) / (1.0 - threshold)
    };
    (score.clamp(0.0, 1.0) * 100.0).round() / 100.0
}

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
    #[serde(skip)]
    compiled: Compiled,
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

impl InWords for ModelError {
    fn in_words(&self, m: &Messages) -> String {
        match self {
            Self::Read { path, source } => m.format(
                "error-model-read",
                &[
                    ("path", value::text(path)),
                    ("reason", value::io_reason(source, m)),
                ],
            ),
            Self::Invalid { path, reason } => m.format(
                "error-model-invalid",
                &[("path", value::text(path)), ("reason", value::text(reason))],
            ),
        }
    }
}

/// Words and word pairs of a segment, as the model sees them: lower case, numbers as `#`. Function words
/// (articles, pronouns, prepositions) count only inside a pair with a content word ("i think", "per
/// cent"): alone they say more about the style of the training data than about check-worthiness. Each
/// distinct term counts once.
#[derive(Debug, Clone)]
pub struct Terms<'a> {
    words: Vec<&'a str>,
    /// Term hashes, sorted and distinct, each with its first word and whether it is a pair.
    hashed: Vec<(u64, u32, bool)>,
}

use crate::hashing::{FNV_OFFSET, fnv1a_bytes as fnv};
// A pair's hash is its first word's continued with " " and the second word (FNV-1a continues), so it
// equals the hash of the pair's text as stored in the model file — without building it.

/// The hash of a term as written in the model file.
#[must_use]
pub fn term_hash(term: &str) -> u64 {
    fnv(FNV_OFFSET, term.as_bytes())
}

impl<'a> Terms<'a> {
    /// The terms of an analysed segment.
    #[must_use]
    pub fn of(analysis: &'a Analysis<'_>) -> Self {
        let mut words = Vec::with_capacity(analysis.words.len());
        let mut function = Vec::with_capacity(analysis.words.len());
        for word in &analysis.words {
            let lower: &str = &word.lower;
            let text: &str = if word.has_digit() {
                "#"
            } else if lower
                .as_bytes()
                .first()
                .is_some_and(u8::is_ascii_alphabetic)
                && lower.as_bytes().last().is_some_and(u8::is_ascii_alphabetic)
            {
                // Nearly every word: nothing to trim.
                lower
            } else {
                lower.trim_matches(|c: char| !c.is_alphanumeric())
            };
            if !text.is_empty() {
                words.push(text);
                function.push(word.is(Category::Function));
            }
        }
        let mut hashed = Vec::with_capacity(words.len() * 2);
        for (index, word) in words.iter().enumerate() {
            let position = u32::try_from(index).unwrap_or(u32::MAX);
            let hash = fnv(FNV_OFFSET, word.as_bytes());
            if !function[index] {
                hashed.push((hash, position, false));
            }
            if let Some(next) = words.get(index + 1)
                && !(function[index] && function[index + 1])
            {
                let pair = fnv(fnv(hash, b" "), next.as_bytes());
                hashed.push((pair, position, true));
            }
        }
        hashed.sort_unstable_by_key(|(hash, _, _)| *hash);
        hashed.dedup_by_key(|(hash, _, _)| *hash);
        Self { words, hashed }
    }

    /// The term hashes, sorted and distinct.
    pub fn hashes(&self) -> impl Iterator<Item = u64> + '_ {
        self.hashed.iter().map(|(hash, _, _)| *hash)
    }

    /// Whether the term from word `first` stands for a number ("#"): the figures feature names those.
    fn has_number(&self, first: u32, pair: bool) -> bool {
        let first = first as usize;
        self.words[first] == "#" || (pair && self.words[first + 1] == "#")
    }

    /// The text of the term from word `first` (a pair: with the word after it).
    fn text(&self, first: u32, pair: bool) -> String {
        let first = first as usize;
        if pair {
            let (a, b) = (self.words[first], self.words[first + 1]);
            let mut text = String::with_capacity(a.len() + 1 + b.len());
            text.push_str(a);
            text.push(' ');
            text.push_str(b);
            text
        } else {
            self.words[first].to_owned()
        }
    }

    /// The terms as text (for training and for reading).
    #[must_use]
    pub fn texts(&self) -> Vec<String> {
        self.hashed
            .iter()
            .map(|(_, first, pair)| self.text(*first, *pair))
            .collect()
    }
}

/// The lexical weights by term hash, built once per model from its readable form.
#[derive(Default)]
struct Compiled(OnceLock<Lookup>);

/// The weights in the shape scoring reads them fastest.
struct Lookup {
    /// By [`Feature::index`]; `None` where the model has no weight for the feature.
    named: Vec<Option<f64>>,
    /// Per language code, the word weights by term hash.
    lexical: Vec<(String, foldhash::HashMap<u64, f64>)>,
}

impl Clone for Compiled {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl PartialEq for Compiled {
    fn eq(&self, _: &Self) -> bool {
        // A cache of the weights, which are compared themselves.
        true
    }
}

impl std::fmt::Debug for Compiled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Compiled")
    }
}

pub(crate) fn sigmoid(x: f64) -> f64 {
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
                include_str!("../../../../assets/model/model.json"),
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
            Self::from_json(
                include_str!("../../../../assets/model/prior.json"),
                "prior model",
            )
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

    /// A model from its parts (the trainer builds models this way).
    #[must_use]
    pub fn new(
        description: String,
        bias: f64,
        threshold: f64,
        named: BTreeMap<String, f64>,
        lexical: BTreeMap<String, BTreeMap<String, f64>>,
    ) -> Self {
        Self {
            format: FORMAT.to_owned(),
            description,
            bias,
            threshold,
            named,
            lexical,
            evaluation: BTreeMap::new(),
            compiled: Compiled::default(),
        }
    }

    fn lookup(&self) -> &Lookup {
        self.compiled.0.get_or_init(|| Lookup {
            named: NAMED_FEATURES
                .iter()
                .map(|(name, _)| self.named.get(*name).copied())
                .collect(),
            lexical: self
                .lexical
                .iter()
                .map(|(code, weights)| {
                    let by_hash = weights
                        .iter()
                        .map(|(term, weight)| (term_hash(term), *weight))
                        .collect();
                    (code.clone(), by_hash)
                })
                .collect(),
        })
    }

    fn lexical_by_hash(&self, language: Language) -> Option<&foldhash::HashMap<u64, f64>> {
        let code = language.code();
        self.lookup()
            .lexical
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, weights)| weights)
    }

    fn named_weight(&self, feature: Feature) -> Option<f64> {
        self.lookup().named[feature.index()]
    }

    /// The raw linear sum for a segment's features and term hashes.
    #[must_use]
    pub fn logit(
        &self,
        features: &[Feature],
        language: Language,
        hashes: impl Iterator<Item = u64>,
    ) -> f64 {
        let named: f64 = features.iter().filter_map(|f| self.named_weight(*f)).sum();
        let words: f64 = self.lexical_by_hash(language).map_or(0.0, |weights| {
            hashes.filter_map(|hash| weights.get(&hash)).sum()
        });
        self.bias + named + words
    }

    /// Weighs a segment's named `features` and `terms`: its score, and the weights its reasons are read from,
    /// each weight looked up once.
    #[must_use]
    pub fn weigh(&self, features: &[Feature], language: Language, terms: &Terms<'_>) -> Weighed {
        // Summed in the order of [`Model::logit`], so both give the same score to the last bit.
        let (mut named_sum, mut words_sum) = (0.0, 0.0);
        let mut named = Vec::with_capacity(features.len());
        for feature in features {
            if let Some(weight) = self.named_weight(*feature) {
                named_sum += weight;
                named.push((weight, *feature));
            }
        }
        let mut words = Vec::new();
        if let Some(weights) = self.lexical_by_hash(language) {
            for (hash, first, pair) in &terms.hashed {
                if let Some(&weight) = weights.get(hash) {
                    words_sum += weight;
                    if weight.abs() >= SHOWN_TERM_WEIGHT {
                        words.push((weight, *first, *pair));
                    }
                }
            }
        }
        Weighed {
            logit: self.bias + named_sum + words_sum,
            named,
            words,
        }
    }

    /// The strongest contributions to a segment's score, strongest first, each with its sign: the named
    /// features as `explain` shows them, and the words the model weighs. Built only for claims, and only
    /// the few that are named are put into words.
    #[must_use]
    pub fn reasons(
        weighed: Weighed,
        explain: impl Fn(Feature) -> FoundReason,
        terms: &Terms<'_>,
    ) -> Vec<Reason> {
        /// A contribution before it is put into words.
        enum Contribution {
            Named(Feature),
            /// The words weighing for (`1.0`) or against (`-1.0`).
            Words(f64),
        }
        let Weighed {
            named, mut words, ..
        } = weighed;
        let mut contributions: Vec<(f64, Contribution)> = Vec::with_capacity(named.len() + 2);
        contributions.extend(
            named
                .into_iter()
                .map(|(weight, feature)| (weight, Contribution::Named(feature))),
        );
        words.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
        // The terms that can be shown for a sign, strongest first: "#" stands for any number in the model,
        // and the figures feature already names them.
        let shown = |sign: f64| {
            words.iter().filter(move |w| {
                w.0.signum().total_cmp(&sign).is_eq() && !terms.has_number(w.1, w.2)
            })
        };
        for sign in [1.0, -1.0] {
            if shown(sign).next().is_some() {
                let total: f64 = words
                    .iter()
                    .filter(|w| w.0.signum().total_cmp(&sign).is_eq())
                    .map(|w| w.0)
                    .sum();
                contributions.push((total, Contribution::Words(sign)));
            }
        }
        contributions.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
        // Sized once: a claim's reasons are kept as long as its review, where a grown vector's spare room
        // would be wasted.
        let mut reasons = Vec::with_capacity(contributions.len().min(SHOWN_REASONS));
        reasons.extend(
            contributions
                .into_iter()
                // Reasons say why a sentence was picked; a feature that counts slightly against it ("direct
                // quote" in debate-trained weights) reads as noise there, so only strong counterweights show.
                .filter(|(weight, _)| *weight >= 0.05 || *weight <= -NOTABLE_COUNTERWEIGHT)
                .take(SHOWN_REASONS)
                .map(|(weight, contribution)| {
                    let mut reason = match contribution {
                        Contribution::Named(feature) => explain(feature),
                        Contribution::Words(sign) => FoundReason::new("words").with_words(
                            shown(sign).map(|(_, first, pair)| terms.text(*first, *pair)),
                            3,
                        ),
                    };
                    reason.sign = Some(if weight > 0.0 {
                        Sign::For
                    } else {
                        Sign::Against
                    });
                    Reason::Found(reason)
                }),
        );
        reasons
    }

    /// Maps a probability so that the model's threshold lands on the default minimum score, keeping order.
    #[must_use]
    pub fn calibrate(&self, probability: f64) -> f64 {
        map_threshold(probability, self.threshold)
    }

    /// The number of weights, for the model's description.
    #[must_use]
    pub fn size(&self) -> usize {
        self.named.len() + self.lexical.values().map(BTreeMap::len).sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_the_extractor_gives_has_words_and_no_message_is_left_over() {
        use std::collections::{BTreeMap, BTreeSet};

        use crate::i18n::catalog::messages_of;
        use crate::i18n::{InWords, Locale};
        use crate::review::words::reason_message_id;
        use crate::review::{FoundReason, Reason, Sign};
        let features: Vec<&str> = NAMED_FEATURES
            .iter()
            .map(|(name, _)| *name)
            .chain([
                "words",
                "by_hand",
                "meaning.like_check_worthy",
                "meaning.like_not_check_worthy",
            ])
            .collect();
        let mut expected: BTreeSet<String> =
            features.iter().map(|f| reason_message_id(f)).collect();
        // A source without a name has its own words where the named one is shown.
        expected.insert("reason-attribution-pronoun-unnamed".to_owned());
        expected.insert("reason-reported-continues-unnamed".to_owned());
        let allowed: BTreeSet<String> = ["words", "speaker", "marker"]
            .into_iter()
            .map(str::to_owned)
            .collect();
        for locale in [Locale::German, Locale::English] {
            let reasons: BTreeMap<String, BTreeSet<String>> = messages_of(locale)
                .into_iter()
                .filter(|(id, _)| id.starts_with("reason-"))
                .collect();
            let ids: BTreeSet<String> = reasons.keys().cloned().collect();
            assert_eq!(ids, expected, "{locale:?}");
            for (id, variables) in &reasons {
                assert!(variables.is_subset(&allowed), "{id}: {variables:?}");
            }
            // Rendered, no placeable is left unfilled and no message id shows through.
            for feature in &features {
                let reason = Reason::Found(FoundReason {
                    speaker: Some("Anna Roth".to_owned()),
                    marker: Some("sagte".to_owned()),
                    sign: Some(Sign::For),
                    ..FoundReason::new(*feature).with_words(["18 Prozent", "4 Mio.", "x"], 2)
                });
                let text = reason.in_words(locale.messages());
                assert!(text.ends_with(" +"), "{text}");
                assert!(!text.contains('{') && !text.contains("reason-"), "{text}");
            }
        }
        let english = Locale::English.messages();
        let german = Locale::German.messages();
        let figures = Reason::Found(FoundReason {
            sign: Some(Sign::Against),
            ..FoundReason::new("figures.statistic").with_words(["18 Prozent", "4 Mio.", "x"], 2)
        });
        assert_eq!(
            figures.in_words(english),
            "figures: 18 Prozent, 4 Mio., … −"
        );
        assert_eq!(figures.in_words(german), "Zahlen: 18 Prozent, 4 Mio., … −");
        let pronoun = Reason::Found(FoundReason {
            marker: Some("sagte".to_owned()),
            ..FoundReason::new("attribution.pronoun")
        });
        assert_eq!(pronoun.in_words(german), "zugeschriebene Aussage (sagte)");
        let by_hand = Reason::Found(FoundReason::new("by_hand"));
        assert_eq!(by_hand.in_words(german), "von Hand hinzugefügt");
        // Older files: English words, shown as written; a feature of a newer build: its name and words.
        let written = Reason::Written("figures: 18 Prozent +".to_owned());
        assert_eq!(written.in_words(german), "figures: 18 Prozent +");
        let unknown = Reason::Found(FoundReason::new("rhyme").with_words(["Haus", "Maus"], 3));
        assert_eq!(unknown.in_words(german), "rhyme: Haus, Maus");
    }
}
