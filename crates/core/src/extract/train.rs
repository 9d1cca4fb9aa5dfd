//! Training the check-worthiness model: logistic regression by AdaGrad over the named features and the
//! words of labelled sentences. Reproducible: a fixed seed, and a held-out split chosen by a hash of each
//! sentence's text (so it does not depend on file order). The split is three-way: the model learns on the
//! training part, the threshold is chosen on the calibration part, and the numbers reported come from the
//! held-out part, which neither saw.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::article::{Language, Span, detect_language};

use super::features::analyze;
use super::lexicon::Lexicon;
use super::model::{Feature, Model, NAMED_FEATURES, Terms};
use super::{Context, describe};
use crate::i18n::{InWords, Messages, value};

/// One labelled sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The sentence.
    pub text: String,
    /// Whether it is check-worthy.
    pub label: bool,
    /// Its language.
    pub language: Language,
}

/// How to train.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Seed of the shuffling.
    pub seed: u64,
    /// Passes over the training part.
    pub epochs: usize,
    /// AdaGrad's base step.
    pub learning_rate: f64,
    /// L2 penalty of the named features.
    pub l2_named: f64,
    /// L2 penalty of the words (stronger: there are many, each seen rarely).
    pub l2_lexical: f64,
    /// Words and word pairs seen fewer times than this in training are left out.
    pub min_count: usize,
    /// Start from these weights and keep the named ones near them (the L2 penalty pulls towards them, not
    /// towards zero): the round-1 weights for the shipped model, the shipped model for a desk's. `None`
    /// starts from zero.
    pub start: Option<Model>,
    /// Text for the model's description.
    pub description: String,
}

/// The seed of the shipped model's training, and of every training not given another.
pub const DEFAULT_SEED: u64 = 20_261_126;

impl Default for TrainOptions {
    fn default() -> Self {
        Self {
            seed: DEFAULT_SEED,
            epochs: 12,
            learning_rate: 0.1,
            l2_named: 1e-3,
            l2_lexical: 1e-3,
            min_count: 2,
            start: None,
            description: String::new(),
        }
    }
}

/// What the held-out part says about a model.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Evaluation {
    /// Sentences measured.
    pub sentences: usize,
    /// Of them check-worthy.
    pub positives: usize,
    /// Precision at the threshold.
    pub precision: f64,
    /// Recall at the threshold.
    pub recall: f64,
    /// F1 at the threshold.
    pub f1: f64,
    /// Area under the ROC curve.
    pub auc: f64,
}

impl std::fmt::Display for Evaluation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} sentences ({} check-worthy): precision {:.3}, recall {:.3}, F1 {:.3}, ROC-AUC {:.3}",
            self.sentences, self.positives, self.precision, self.recall, self.f1, self.auc
        )
    }
}

/// A trained model and how it did.
#[derive(Debug, Clone)]
pub struct Trained {
    /// The model.
    pub model: Model,
    /// Sentences in the training, calibration and held-out parts.
    pub split: (usize, usize, usize),
    /// The new model on the held-out part.
    pub held_out: Evaluation,
    /// The model it started from (or the shipped one) on the same held-out part, for comparison.
    pub before: Evaluation,
    /// The new model on the held-out part with both classes weighted alike (as if half were
    /// check-worthy).
    pub balanced: Evaluation,
    /// The new model on the held-out sentences of each language.
    pub by_language: Vec<(Language, Evaluation)>,
}

/// Why training could not run.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    /// A labels file could not be read.
    #[error("{path}: cannot be read ({source}).")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A line is not a labelled sentence.
    #[error(
        "{path}: line {line}: {reason}. Each line must be {{\"text\": \"…\", \"label\": 0 or 1, \"lang\"?: \"de\" or \"en\"}}."
    )]
    BadLine {
        /// The file.
        path: String,
        /// The line (1-based).
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// The model could not be written.
    #[error(
        "{path}: the model cannot be written ({source}). Check that the folder exists and is writable."
    )]
    Write {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// Too little to learn from.
    #[error(
        "{what}: {positives} check-worthy and {negatives} other sentences; training needs at least 10 of each."
    )]
    TooFew {
        /// Where the examples came from.
        what: String,
        /// Check-worthy examples.
        positives: usize,
        /// Other examples.
        negatives: usize,
    },
}

impl InWords for TrainError {
    fn in_words(&self, m: &Messages) -> String {
        match self {
            Self::Read { path, source } => m.format(
                "error-train-read",
                &[
                    ("path", value::text(path)),
                    ("reason", value::io_reason(source, m)),
                ],
            ),
            Self::BadLine { path, line, reason } => m.format(
                "error-train-line",
                &[
                    ("path", value::text(path)),
                    ("line", (*line).into()),
                    ("reason", value::text(reason)),
                ],
            ),
            Self::Write { path, source } => m.format(
                "error-train-write",
                &[
                    ("path", value::text(path)),
                    ("reason", value::io_reason(source, m)),
                ],
            ),
            Self::TooFew {
                what,
                positives,
                negatives,
            } => m.format(
                "error-train-too-few",
                &[
                    ("what", value::text(what)),
                    ("positives", (*positives).into()),
                    ("negatives", (*negatives).into()),
                ],
            ),
        }
    }
}

/// Reads labelled sentences: JSON Lines of `{"text", "label", "lang"?}`, or one JSON array of such objects
/// (the ClaimBuster files). Without `lang`, `language` is used, else the language is detected.
///
/// # Errors
/// [`TrainError`] naming the file and line.
pub fn read_labels(path: &Path, language: Option<Language>) -> Result<Vec<Example>, TrainError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| TrainError::Read {
        path: shown.clone(),
        source,
    })?;
    let parse = |value: &serde_json::Value, line: usize| -> Result<Example, TrainError> {
        let bad = |reason: &str| TrainError::BadLine {
            path: shown.clone(),
            line,
            reason: reason.to_owned(),
        };
        let text = value["text"]
            .as_str()
            .filter(|t| !t.trim().is_empty())
            .ok_or_else(|| bad("`text` is missing or empty"))?;
        let label = match &value["label"] {
            serde_json::Value::Number(n) if n.as_u64() == Some(1) => true,
            serde_json::Value::Number(n) if n.as_u64() == Some(0) => false,
            serde_json::Value::Bool(b) => *b,
            _ => return Err(bad("`label` must be 0 or 1")),
        };
        let language = match value["lang"].as_str() {
            Some("de") => Language::German,
            Some("en") => Language::English,
            Some(other) => return Err(bad(&format!("`lang` is `{other}`, not de or en"))),
            None => language.unwrap_or_else(|| detect_language(text)),
        };
        Ok(Example {
            text: text.trim().to_owned(),
            label,
            language,
        })
    };
    if text.trim_start().starts_with('[') {
        let values: Vec<serde_json::Value> =
            serde_json::from_str(&text).map_err(|e| TrainError::BadLine {
                path: shown.clone(),
                line: e.line(),
                reason: format!("not valid JSON ({e})"),
            })?;
        return values
            .iter()
            .enumerate()
            .map(|(index, value)| parse(value, index + 1))
            .collect();
    }
    let mut examples = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| TrainError::BadLine {
                path: shown.clone(),
                line: index + 1,
                reason: format!("not valid JSON ({e})"),
            })?;
        examples.push(parse(&value, index + 1)?);
    }
    Ok(examples)
}

/// Which part of the split a sentence belongs to: 0 training, 1 calibration, 2 held out.
fn part_of(text: &str) -> u8 {
    // FNV-1a: stable across builds and platforms, unlike the standard library's hasher.
    let hash = crate::hashing::fnv1a_bytes(crate::hashing::FNV_OFFSET, text.as_bytes());
    match hash % 100 {
        0..=69 => 0,
        70..=84 => 1,
        _ => 2,
    }
}

/// A sentence as the model sees it; `None` when the extractor never makes it a claim (a question, a
/// fragment).
struct Encoded {
    features: Vec<Feature>,
    terms: Vec<String>,
    hashes: Vec<u64>,
    language: Language,
    label: bool,
}

fn encode(example: &Example) -> Option<Encoded> {
    let lexicon = Lexicon::for_language(example.language);
    let span = Span {
        start: 0,
        end: example.text.len(),
    };
    let analysis = analyze(&example.text, span, lexicon);
    let description = describe(&analysis, &mut Context::default(), lexicon)?;
    let terms = Terms::of(&analysis);
    Some(Encoded {
        features: description.features,
        terms: terms.texts(),
        hashes: terms.hashes().collect(),
        language: example.language,
        label: example.label,
    })
}

/// Probabilities of `model` for the encoded examples; never-claims get 0.
fn probabilities(model: &Model, examples: &[Option<Encoded>]) -> Vec<f64> {
    examples
        .iter()
        .map(|e| {
            e.as_ref().map_or(0.0, |e| {
                super::model::sigmoid(model.logit(
                    &e.features,
                    e.language,
                    e.hashes.iter().copied(),
                ))
            })
        })
        .collect()
}

/// Precision, recall, F1 at `threshold` and ROC-AUC.
#[must_use]
pub fn evaluate(probabilities: &[f64], labels: &[bool], threshold: f64) -> Evaluation {
    evaluate_weighted(probabilities, labels, threshold, 1.0)
}

/// The weight that makes the other sentences count as much as the check-worthy ones: measurements "as if
/// half were check-worthy", the mix of the debate test sets this model is judged on.
fn balancing_weight(labels: &[bool]) -> f64 {
    let positives = labels.iter().filter(|l| **l).count();
    let negatives = labels.len() - positives;
    if negatives == 0 {
        1.0
    } else {
        #[expect(clippy::cast_precision_loss, reason = "counts of sentences")]
        let weight = positives as f64 / negatives as f64;
        weight
    }
}

/// [`evaluate`] with every other (not check-worthy) sentence counted `negative_weight` times.
#[must_use]
pub fn evaluate_weighted(
    probabilities: &[f64],
    labels: &[bool],
    threshold: f64,
    negative_weight: f64,
) -> Evaluation {
    let positives = labels.iter().filter(|l| **l).count();
    let (mut tp, mut fp) = (0.0_f64, 0.0_f64);
    for (p, label) in probabilities.iter().zip(labels) {
        if *p >= threshold {
            if *label {
                tp += 1.0;
            } else {
                fp += negative_weight;
            }
        }
    }
    let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
    let precision = ratio(tp, tp + fp);
    #[expect(clippy::cast_precision_loss, reason = "counts of sentences")]
    let recall = ratio(tp, positives as f64);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Evaluation {
        sentences: labels.len(),
        positives,
        precision,
        recall,
        f1,
        auc: roc_auc(probabilities, labels),
    }
}

/// The probability that a random check-worthy sentence scores above a random other one (ties count half).
#[must_use]
pub fn roc_auc(probabilities: &[f64], labels: &[bool]) -> f64 {
    let mut ranked: Vec<(f64, bool)> = probabilities
        .iter()
        .copied()
        .zip(labels.iter().copied())
        .collect();
    ranked.sort_by(|a, b| a.0.total_cmp(&b.0));
    let positives = labels.iter().filter(|l| **l).count();
    let negatives = labels.len() - positives;
    if positives == 0 || negatives == 0 {
        return 0.5;
    }
    // Mann–Whitney U with average ranks for ties.
    let mut rank_sum = 0.0;
    let mut index = 0;
    while index < ranked.len() {
        let mut end = index;
        // Equal scores share their rank, exactly as the scores compare.
        #[expect(clippy::float_cmp, reason = "ties are exact")]
        while end + 1 < ranked.len() && ranked[end + 1].0 == ranked[index].0 {
            end += 1;
        }
        let positives_here = ranked[index..=end].iter().filter(|r| r.1).count();
        #[expect(clippy::cast_precision_loss, reason = "ranks and counts of sentences")]
        let (average_rank, positives_here) =
            ((index + end) as f64 / 2.0 + 1.0, positives_here as f64);
        rank_sum += positives_here * average_rank;
        index = end + 1;
    }
    #[expect(clippy::cast_precision_loss, reason = "counts")]
    let (p, n) = (positives as f64, negatives as f64);
    (rank_sum - p * (p + 1.0) / 2.0) / (p * n)
}

/// The threshold with the best F1 on these probabilities, with the classes weighted to count alike.
fn best_threshold(probabilities: &[f64], labels: &[bool]) -> f64 {
    let weight = balancing_weight(labels);
    let mut candidates: Vec<f64> = probabilities
        .iter()
        .copied()
        .filter(|p| *p > 0.0 && *p < 1.0)
        .collect();
    candidates.sort_by(f64::total_cmp);
    candidates.dedup();
    let mut best = (0.5, -1.0);
    let mut below = 0.0;
    for threshold in candidates {
        let f1 = evaluate_weighted(probabilities, labels, threshold, weight).f1;
        if f1 > best.1 {
            // Halfway between the last probability left out and the first taken in: on a small
            // calibration part the threshold should not sit on one sentence's score.
            best = (f64::midpoint(below, threshold), f1);
        }
        below = threshold;
    }
    best.0.clamp(0.01, 0.99)
}

/// Writes a model as readable JSON (atomically), creating its folder.
///
/// # Errors
/// [`TrainError::Write`].
pub fn save_model(model: &Model, path: &Path) -> Result<(), TrainError> {
    let write_error = |source: std::io::Error| TrainError::Write {
        path: path.display().to_string(),
        source,
    };
    let mut json = serde_json::to_vec_pretty(model).map_err(|e| write_error(e.into()))?;
    json.push(b'\n');
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(write_error)?;
    }
    crate::review::store::write_atomic(path, &json)
        .map_err(|e| write_error(std::io::Error::other(e.to_string())))
}

/// Trains a model on `examples`.
///
/// # Errors
/// [`TrainError::TooFew`] when either class has fewer than 10 examples.
#[expect(
    clippy::too_many_lines,
    reason = "the training loop reads best in one piece"
)]
pub fn train(examples: &[Example], options: &TrainOptions) -> Result<Trained, TrainError> {
    let positives = examples.iter().filter(|e| e.label).count();
    let negatives = examples.len() - positives;
    if positives < 10 || negatives < 10 {
        return Err(TrainError::TooFew {
            what: "the labelled sentences".to_owned(),
            positives,
            negatives,
        });
    }
    let mut parts: [Vec<Option<Encoded>>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    let mut part_labels: [Vec<bool>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    let mut held_out_languages = Vec::new();
    for example in examples {
        let part = usize::from(part_of(&example.text));
        parts[part].push(encode(example));
        part_labels[part].push(example.label);
        if part == 2 {
            held_out_languages.push(example.language);
        }
    }
    let [_, calibration_labels, held_out_labels] = part_labels;

    // The vocabulary: words and pairs seen often enough in training, per language.
    let mut counts: HashMap<(Language, &str), usize> = HashMap::new();
    for encoded in parts[0].iter().flatten() {
        for term in &encoded.terms {
            *counts.entry((encoded.language, term.as_str())).or_default() += 1;
        }
    }
    let start = options.start.clone();
    let mut index: HashMap<(Language, String), usize> = HashMap::new();
    let mut names: Vec<(Option<Language>, String)> = NAMED_FEATURES
        .iter()
        .map(|(name, _)| (None, (*name).to_owned()))
        .collect();
    let mut keys: Vec<(Language, &str)> = counts
        .iter()
        .filter(|(_, count)| **count >= options.min_count)
        .map(|(key, _)| *key)
        .collect();
    if let Some(start) = &start {
        // Words the starting model knows stay known, even if this data has them once.
        for language in [Language::German, Language::English] {
            for term in start
                .lexical
                .get(language.code())
                .into_iter()
                .flat_map(|m| m.keys())
            {
                keys.push((language, term.as_str()));
            }
        }
    }
    keys.sort_unstable_by(|a, b| (a.0.code(), a.1).cmp(&(b.0.code(), b.1)));
    keys.dedup();
    for (language, term) in keys {
        index.insert((language, term.to_owned()), names.len());
        names.push((Some(language), term.to_owned()));
    }
    let mut weights = vec![0.0_f64; names.len()];
    let mut bias = 0.0_f64;
    let mut anchor = vec![0.0_f64; NAMED_FEATURES.len()];
    if let Some(start) = &start {
        bias = start.bias;
        for (slot, (language, name)) in weights.iter_mut().zip(&names) {
            *slot = match language {
                None => start.named.get(name).copied().unwrap_or_default(),
                Some(language) => start
                    .lexical
                    .get(language.code())
                    .and_then(|m| m.get(name))
                    .copied()
                    .unwrap_or_default(),
            };
        }
        anchor.copy_from_slice(&weights[..NAMED_FEATURES.len()]);
    }
    let training: Vec<(Vec<usize>, bool)> = parts[0]
        .iter()
        .flatten()
        .map(|e| {
            let mut active: Vec<usize> = e.features.iter().map(|f| f.index()).collect();
            active.extend(
                e.terms
                    .iter()
                    .filter_map(|t| index.get(&(e.language, t.clone())).copied()),
            );
            active.sort_unstable();
            active.dedup();
            (active, e.label)
        })
        .collect();
    let named_count = NAMED_FEATURES.len();
    let mut squared = vec![1e-8_f64; weights.len()];
    let mut bias_squared = 1e-8_f64;
    let mut order: Vec<usize> = (0..training.len()).collect();
    let mut rng = fastrand::Rng::with_seed(options.seed);
    for _ in 0..options.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let (active, label) = &training[i];
            let z: f64 = bias + active.iter().map(|&a| weights[a]).sum::<f64>();
            let gradient = super::model::sigmoid(z) - if *label { 1.0 } else { 0.0 };
            bias_squared += gradient * gradient;
            bias -= options.learning_rate * gradient / bias_squared.sqrt();
            for &a in active {
                let penalty = if a < named_count {
                    options.l2_named * (weights[a] - anchor[a])
                } else {
                    options.l2_lexical * weights[a]
                };
                let g = gradient + penalty;
                squared[a] += g * g;
                weights[a] -= options.learning_rate * g / squared[a].sqrt();
            }
        }
    }

    let round = |w: f64| (w * 10_000.0).round() / 10_000.0;
    let mut named = BTreeMap::new();
    let mut lexical: BTreeMap<String, BTreeMap<String, f64>> = BTreeMap::new();
    for ((language, name), weight) in names.into_iter().zip(&weights) {
        match language {
            None => {
                named.insert(name, round(*weight));
            }
            // Weights this small change no score visibly; leaving them out keeps the file readable.
            Some(language) if weight.abs() >= 0.02 => {
                lexical
                    .entry(language.code().to_owned())
                    .or_default()
                    .insert(name, round(*weight));
            }
            Some(_) => {}
        }
    }
    let mut model = Model::new(
        options.description.clone(),
        round(bias),
        0.5,
        named,
        lexical,
    );
    model.threshold = best_threshold(&probabilities(&model, &parts[1]), &calibration_labels);
    let held_out_probabilities = probabilities(&model, &parts[2]);
    let held_out = evaluate(&held_out_probabilities, &held_out_labels, model.threshold);
    let balanced = evaluate_weighted(
        &held_out_probabilities,
        &held_out_labels,
        model.threshold,
        balancing_weight(&held_out_labels),
    );
    let mut by_language = Vec::new();
    for language in [Language::English, Language::German, Language::Other] {
        let (probabilities, labels): (Vec<f64>, Vec<bool>) = held_out_probabilities
            .iter()
            .zip(&held_out_labels)
            .zip(&held_out_languages)
            .filter(|(_, l)| **l == language)
            .map(|((p, label), _)| (*p, *label))
            .unzip();
        if !labels.is_empty() {
            by_language.push((language, evaluate(&probabilities, &labels, model.threshold)));
        }
    }
    let reference = start.unwrap_or_else(|| Model::shipped().clone());
    let before = evaluate(
        &probabilities(&reference, &parts[2]),
        &held_out_labels,
        reference.threshold,
    );
    #[expect(clippy::cast_precision_loss, reason = "a count of sentences")]
    let sentences = held_out.sentences as f64;
    model.evaluation = BTreeMap::from([
        ("held_out_sentences".to_owned(), sentences),
        ("precision".to_owned(), round(held_out.precision)),
        ("recall".to_owned(), round(held_out.recall)),
        ("f1".to_owned(), round(held_out.f1)),
        ("roc_auc".to_owned(), round(held_out.auc)),
        ("balanced_precision".to_owned(), round(balanced.precision)),
        ("balanced_recall".to_owned(), round(balanced.recall)),
        ("balanced_f1".to_owned(), round(balanced.f1)),
    ]);
    Ok(Trained {
        model,
        split: (parts[0].len(), parts[1].len(), parts[2].len()),
        held_out,
        before,
        balanced,
        by_language,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auc_of_a_perfect_a_reversed_and_a_tied_ranking() {
        let labels = [false, false, true, true];
        assert!((roc_auc(&[0.1, 0.2, 0.8, 0.9], &labels) - 1.0).abs() < 1e-9);
        assert!(roc_auc(&[0.9, 0.8, 0.2, 0.1], &labels).abs() < 1e-9);
        assert!((roc_auc(&[0.5, 0.5, 0.5, 0.5], &labels) - 0.5).abs() < 1e-9);
    }

    #[test]
    fn precision_recall_and_f1_by_hand() {
        // Three predicted positive, two of them right, one positive missed.
        let evaluation = evaluate(
            &[0.9, 0.8, 0.7, 0.1, 0.2],
            &[true, true, false, true, false],
            0.5,
        );
        assert!((evaluation.precision - 2.0 / 3.0).abs() < 1e-9);
        assert!((evaluation.recall - 2.0 / 3.0).abs() < 1e-9);
        assert!((evaluation.f1 - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn the_split_depends_on_the_text_only() {
        let parts: Vec<u8> = (0..1000).map(|i| part_of(&format!("Satz {i}."))).collect();
        #[expect(clippy::naive_bytecount, reason = "a thousand parts in a test")]
        let held_out = parts.iter().filter(|p| **p == 2).count();
        assert!((100..200).contains(&held_out), "{held_out}");
        assert_eq!(part_of("Satz 7."), part_of("Satz 7."));
    }

    fn examples() -> Vec<Example> {
        let mut examples = Vec::new();
        for i in 0..60 {
            examples.push(Example {
                text: format!(
                    "Die Arbeitslosigkeit stieg im Jahr {} auf {i},5 Prozent, sagte das Amt.",
                    1990 + i
                ),
                label: true,
                language: Language::German,
            });
            examples.push(Example {
                text: format!(
                    "Ich finde, wir sollten darüber in Ruhe reden, das ist mir wichtig, Runde {i}."
                ),
                label: false,
                language: Language::German,
            });
        }
        examples
    }

    #[test]
    fn training_is_deterministic_and_learns_a_separable_task() {
        let options = TrainOptions::default();
        let first = train(&examples(), &options).unwrap();
        let second = train(&examples(), &options).unwrap();
        assert_eq!(first.model, second.model);
        assert!(first.held_out.auc > 0.95, "{}", first.held_out);
        assert!(first.model.named["figures.statistic"] > 0.0);
    }

    #[test]
    fn too_few_examples_are_refused() {
        let few: Vec<Example> = examples().into_iter().take(6).collect();
        assert!(matches!(
            train(&few, &TrainOptions::default()),
            Err(TrainError::TooFew { .. })
        ));
    }
}
