//! The speaker tagger: which words of a sentence name the source of what it states. Rules
//! ([`super::attribution`]) know the structures they were written for; real news and speeches name their
//! sources in many more ("…, sagte Außenminister Ivo Marek", "Forscher um Anna Berg", "Der Antrag der Grünen
//! fordert …", "wie der Kollege – zu Recht – gesagt hat"). The tagger reads each word by the encoder's
//! state of it (what it means in this sentence) and a few facts the lexicon knows (a role, a verb of
//! saying nearby, a comma before), and marks the source's words as begin, inside or outside; the best span
//! wins when it beats "no source".
//!
//! A small network (one hidden layer), trained by `claimdesk train-speakers` (hidden) on claimdesk's own
//! annotated sentences (`assets/model/attribution/`), deterministic; weights in
//! `assets/model/speakers.json`. Measured on sentences it never saw (`tests/data/attribution/`) and on
//! SpkAtt (`scripts/eval/spkatt.py`).

use std::sync::LazyLock;

use super::attribution::is_pronoun;
use super::features::Analysis;
use super::lexicon::Category;
use super::segment::Span;
use crate::encoder::{DIMENSIONS, WordStates};

/// The facts each word is read with besides its state, for itself and its neighbours.
const HAND: usize = 34;
/// Words on each side whose facts a word is read with.
const WINDOW: usize = 2;
/// Inputs of one word: its state, and the facts of the words around it.
pub const INPUTS: usize = DIMENSIONS + HAND * (2 * WINDOW + 1);

/// Outside a source, its first word, a later word.
const CLASSES: usize = 3;
const OUTSIDE: usize = 0;
const BEGIN: usize = 1;
const INSIDE: usize = 2;

/// The tagger's weights.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct SpeakerTagger {
    /// Always 1.
    pub format: u32,
    /// The encoder the states come from.
    pub encoder: String,
    /// Hidden units.
    pub hidden: usize,
    /// `hidden × INPUTS`, row by row.
    pub w1: Vec<f32>,
    /// `hidden`.
    pub b1: Vec<f32>,
    /// `CLASSES × hidden`.
    pub w2: Vec<f32>,
    /// `CLASSES`.
    pub b2: Vec<f32>,
    /// Per input: the mean and the spread it was standardized with.
    pub mean: Vec<f32>,
    /// See `mean`.
    pub scale: Vec<f32>,
    /// How it measured when trained.
    #[serde(default)]
    pub evaluation: serde_json::Map<String, serde_json::Value>,
}

/// The shipped tagger.
const SHIPPED: &str = include_str!("../../../../assets/model/speakers.json");

impl SpeakerTagger {
    /// The shipped tagger; `None` when its file does not fit (a build defect the tests catch).
    #[must_use]
    pub fn shipped() -> Option<&'static Self> {
        static TAGGER: LazyLock<Option<SpeakerTagger>> = LazyLock::new(|| {
            serde_json::from_str::<SpeakerTagger>(SHIPPED)
                .ok()
                .filter(SpeakerTagger::fits)
        });
        TAGGER.as_ref()
    }

    fn fits(&self) -> bool {
        self.format == 1
            && self.w1.len() == self.hidden * INPUTS
            && self.b1.len() == self.hidden
            && self.w2.len() == CLASSES * self.hidden
            && self.b2.len() == CLASSES
            && self.mean.len() == INPUTS
            && self.scale.len() == INPUTS
    }

    /// The log-probabilities of outside, begin and inside for one word's inputs.
    fn classify(&self, inputs: &[f32]) -> [f32; CLASSES] {
        let standardized: Vec<f32> = inputs
            .iter()
            .zip(&self.mean)
            .zip(&self.scale)
            .map(|((x, m), s)| (x - m) / s)
            .collect();
        let hidden: Vec<f32> = self
            .w1
            .chunks_exact(INPUTS)
            .zip(&self.b1)
            .map(|(row, b)| {
                let sum: f32 = row.iter().zip(&standardized).map(|(w, x)| w * x).sum();
                (sum + b).max(0.0)
            })
            .collect();
        let mut logits = [0.0f32; CLASSES];
        for (class, logit) in logits.iter_mut().enumerate() {
            let row = &self.w2[class * self.hidden..(class + 1) * self.hidden];
            *logit = self.b2[class] + row.iter().zip(&hidden).map(|(w, h)| w * h).sum::<f32>();
        }
        log_softmax(logits)
    }

    /// The words of `analysis` that name its source, as a byte span of the article, with how much it beat
    /// "no source" (log-odds); `None` when no span does. `states` are the encoder's, of the segment's text.
    #[must_use]
    pub fn tag(&self, analysis: &Analysis<'_>, states: &WordStates) -> Option<(Span, f32)> {
        let inputs = inputs(analysis, states);
        let scores: Vec<[f32; CLASSES]> = inputs.iter().map(|row| self.classify(row)).collect();
        let (first, last, margin) = best_span(&scores)?;
        Some((
            Span {
                start: analysis.words[first].start,
                end: analysis.words[last].end,
            },
            margin,
        ))
    }
}

fn log_softmax(logits: [f32; CLASSES]) -> [f32; CLASSES] {
    let highest = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let sum: f32 = logits.iter().map(|l| (l - highest).exp()).sum();
    let log_sum = highest + sum.ln();
    logits.map(|l| l - log_sum)
}

/// The span (first and last word) whose begin/inside log-probabilities beat outside by the most, and by
/// how much; `None` when no span beats "no source".
fn best_span(scores: &[[f32; CLASSES]]) -> Option<(usize, usize, f32)> {
    let mut best: Option<(usize, usize, f32)> = None;
    for first in 0..scores.len() {
        let mut margin = scores[first][BEGIN] - scores[first][OUTSIDE];
        if best.is_none_or(|(_, _, b)| margin > b) {
            best = Some((first, first, margin));
        }
        for (last, score) in scores.iter().enumerate().skip(first + 1) {
            margin += score[INSIDE] - score[OUTSIDE];
            if best.is_none_or(|(_, _, b)| margin > b) {
                best = Some((first, last, margin));
            }
        }
    }
    best.filter(|&(_, _, margin)| margin > 0.0)
}

/// The facts of word `index` (zeros outside the sentence).
fn hand(analysis: &Analysis<'_>, index: Option<usize>, cues: &[usize]) -> [f32; HAND] {
    let mut f = [0.0f32; HAND];
    let Some(index) = index else {
        return f;
    };
    let words = &analysis.words;
    let word = &words[index];
    let gap_before = analysis.gap_before(index);
    let gap_after = analysis.gap_before(index + 1);
    let flag = |value: bool| if value { 1.0 } else { 0.0 };
    let count = words.len().max(1);
    // Distance to the nearest verb of saying or attribution marker, on either side.
    let after = cues
        .iter()
        .filter(|&&c| c > index)
        .map(|&c| c - index)
        .min();
    let before = cues
        .iter()
        .filter(|&&c| c < index)
        .map(|&c| index - c)
        .min();
    let values = [
        flag(word.is_capitalized()),
        flag(word.is(Category::Function)),
        flag(word.is_article()),
        flag(is_pronoun(&word.lower)),
        flag(word.is(Category::Role)),
        flag(word.is(Category::OrganisationWord)),
        flag(word.is(Category::SourceWork)),
        flag(word.is(Category::ReportingVerb)),
        flag(word.is(Category::AttributionBefore)),
        flag(word.is(Category::AttributionAfter)),
        flag(word.is(Category::AnonymousAttribution)),
        flag(word.is(Category::Place)),
        flag(word.quoted),
        flag(word.has_digit()),
        flag(gap_before.contains(',')),
        flag(gap_after.contains(',')),
        flag(gap_after.contains(':')),
        flag(gap_before.contains(['„', '"', '“', '»', '«'])),
        flag(gap_after.contains(['“', '"', '”', '«', '»'])),
        flag(gap_before.contains(['–', '—', '(']) || gap_before.contains(" - ")),
        flag(index == 0),
        #[expect(clippy::cast_precision_loss, reason = "a sentence's words")]
        {
            index as f32 / count as f32
        },
        flag(after == Some(1)),
        flag(after == Some(2)),
        flag(after.is_some_and(|d| (3..=5).contains(&d))),
        flag(after.is_some_and(|d| d > 5)),
        flag(before == Some(1)),
        flag(before == Some(2)),
        flag(before.is_some_and(|d| (3..=5).contains(&d))),
        flag(before.is_some_and(|d| d > 5)),
        flag(word.is(Category::FirstPerson)),
        flag(word.is(Category::Platform) || word.is(Category::Rumour)),
        flag(word.text.ends_with('.') || gap_after.starts_with('.')),
        flag(index + 1 == words.len()),
    ];
    f.copy_from_slice(&values);
    f
}

/// Each word's inputs: the state of the chunk it starts in, and the facts of it and its neighbours.
#[must_use]
pub fn inputs(analysis: &Analysis<'_>, states: &WordStates) -> Vec<Vec<f32>> {
    let words = &analysis.words;
    let cues: Vec<usize> = (0..words.len())
        .filter(|&i| {
            let w = &words[i];
            w.is(Category::ReportingVerb)
                || w.is(Category::AttributionBefore)
                || w.is(Category::AttributionAfter)
                || w.is(Category::AnonymousAttribution)
        })
        .collect();
    let facts: Vec<[f32; HAND]> = (0..words.len())
        .map(|i| hand(analysis, Some(i), &cues))
        .collect();
    let none = hand(analysis, None, &cues);
    let zero = vec![0.0f32; DIMENSIONS];
    (0..words.len())
        .map(|i| {
            let relative = words[i].start - analysis.span.start;
            let state = states
                .chunks
                .iter()
                .position(|&(start, end)| start <= relative && relative < end)
                .and_then(|chunk| states.states.get(chunk))
                .unwrap_or(&zero);
            let mut row = Vec::with_capacity(INPUTS);
            row.extend_from_slice(state);
            for offset in 0..=2 * WINDOW {
                let neighbour = (i + offset)
                    .checked_sub(WINDOW)
                    .filter(|&j| j < words.len());
                row.extend_from_slice(neighbour.map_or(&none, |j| &facts[j]));
            }
            row
        })
        .collect()
}

/// One annotated sentence for training: the words that name its source, if any.
pub struct Example {
    /// Each word's inputs.
    pub inputs: Vec<Vec<f32>>,
    /// Each word's class: outside, begin, inside.
    pub classes: Vec<u8>,
}

impl Example {
    /// The example of `analysis` whose source is named at the byte span `mention` (of the article), or
    /// nowhere.
    #[must_use]
    pub fn of(analysis: &Analysis<'_>, states: &WordStates, mention: Option<Span>) -> Self {
        let mut classes = vec![0u8; analysis.words.len()];
        if let Some(mention) = mention {
            let mut begun = false;
            for (class, word) in classes.iter_mut().zip(&analysis.words) {
                if word.start < mention.end && mention.start < word.end {
                    *class = if begun { 2 } else { 1 };
                    begun = true;
                }
            }
        }
        Self {
            inputs: inputs(analysis, states),
            classes,
        }
    }
}

/// Trains a tagger on `examples`: standardized inputs, one hidden layer of `hidden` units (ReLU), softmax,
/// Adam over `epochs` passes in an order fixed by `seed`, L2 `penalty`. Deterministic.
#[must_use]
#[expect(clippy::cast_precision_loss, reason = "counts of words")]
#[expect(
    clippy::many_single_char_names,
    reason = "the textbook names of a network's training: x, g, m, v, n"
)]
pub fn train(
    examples: &[Example],
    hidden: usize,
    epochs: usize,
    seed: u64,
    penalty: f32,
    encoder: &str,
) -> SpeakerTagger {
    let rows: Vec<(&[f32], usize)> = examples
        .iter()
        .flat_map(|e| {
            e.inputs
                .iter()
                .zip(&e.classes)
                .map(|(x, &c)| (x.as_slice(), usize::from(c)))
        })
        .collect();
    let n = rows.len().max(1) as f32;
    let mut mean = vec![0.0f32; INPUTS];
    for (x, _) in &rows {
        for (m, v) in mean.iter_mut().zip(*x) {
            *m += v / n;
        }
    }
    let mut scale = vec![0.0f32; INPUTS];
    for (x, _) in &rows {
        for ((s, v), m) in scale.iter_mut().zip(*x).zip(&mean) {
            *s += (v - m) * (v - m) / n;
        }
    }
    for s in &mut scale {
        *s = s.sqrt().max(1e-3);
    }
    let mut rng = fastrand::Rng::with_seed(seed);
    let init = |rng: &mut fastrand::Rng, fan_in: usize| {
        #[expect(clippy::cast_possible_truncation, reason = "a small float")]
        let bound = (6.0 / fan_in as f64).sqrt() as f32;
        (rng.f32() * 2.0 - 1.0) * bound
    };
    let mut w1: Vec<f32> = (0..hidden * INPUTS)
        .map(|_| init(&mut rng, INPUTS))
        .collect();
    let mut b1 = vec![0.0f32; hidden];
    let mut w2: Vec<f32> = (0..CLASSES * hidden)
        .map(|_| init(&mut rng, hidden))
        .collect();
    let mut b2 = vec![0.0f32; CLASSES];
    // The sources' words are few: each class weighs as much as the others in the loss.
    let mut counts = [0.0f32; CLASSES];
    for (_, c) in &rows {
        counts[*c] += 1.0;
    }
    let weight: Vec<f32> = counts
        .iter()
        .map(|&c| n / (CLASSES as f32 * c.max(1.0)))
        .collect();
    let mut adam = Adam::new(&[w1.len(), b1.len(), w2.len(), b2.len()]);
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let batch = 64;
    let mut x = vec![0.0f32; INPUTS];
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for chunk in order.chunks(batch) {
            let mut g = [
                vec![0.0f32; w1.len()],
                vec![0.0f32; b1.len()],
                vec![0.0f32; w2.len()],
                vec![0.0f32; b2.len()],
            ];
            for &r in chunk {
                let (raw, class) = rows[r];
                for (((xi, v), m), s) in x.iter_mut().zip(raw).zip(&mean).zip(&scale) {
                    *xi = (v - m) / s;
                }
                let pre: Vec<f32> = w1
                    .chunks_exact(INPUTS)
                    .zip(&b1)
                    .map(|(row, b)| row.iter().zip(&x).map(|(w, v)| w * v).sum::<f32>() + b)
                    .collect();
                let h: Vec<f32> = pre.iter().map(|v| v.max(0.0)).collect();
                let mut logits = [0.0f32; CLASSES];
                for (k, logit) in logits.iter_mut().enumerate() {
                    let row = &w2[k * hidden..(k + 1) * hidden];
                    *logit = b2[k] + row.iter().zip(&h).map(|(w, v)| w * v).sum::<f32>();
                }
                let probabilities = log_softmax(logits).map(f32::exp);
                let w = weight[class];
                let mut dh = vec![0.0f32; hidden];
                for k in 0..CLASSES {
                    let d = w * (probabilities[k] - if k == class { 1.0 } else { 0.0 });
                    g[3][k] += d;
                    for j in 0..hidden {
                        g[2][k * hidden + j] += d * h[j];
                        dh[j] += d * w2[k * hidden + j];
                    }
                }
                for j in 0..hidden {
                    if pre[j] <= 0.0 {
                        continue;
                    }
                    g[1][j] += dh[j];
                    let row = &mut g[0][j * INPUTS..(j + 1) * INPUTS];
                    for (gw, v) in row.iter_mut().zip(&x) {
                        *gw += dh[j] * v;
                    }
                }
            }
            let size = chunk.len() as f32;
            for (gw, w) in g[0].iter_mut().zip(&w1) {
                *gw = *gw / size + penalty * w;
            }
            for (gw, w) in g[2].iter_mut().zip(&w2) {
                *gw = *gw / size + penalty * w;
            }
            for group in [1, 3] {
                for gb in &mut g[group] {
                    *gb /= size;
                }
            }
            adam.step(0, &mut w1, &g[0]);
            adam.step(1, &mut b1, &g[1]);
            adam.step(2, &mut w2, &g[2]);
            adam.step(3, &mut b2, &g[3]);
            adam.tick();
        }
    }
    SpeakerTagger {
        format: 1,
        encoder: encoder.to_owned(),
        hidden,
        w1,
        b1,
        w2,
        b2,
        mean,
        scale,
        evaluation: serde_json::Map::new(),
    }
}

/// Adam's moments for each parameter group.
struct Adam {
    first: Vec<Vec<f32>>,
    second: Vec<Vec<f32>>,
    step: i32,
}

impl Adam {
    const RATE: f32 = 1e-3;
    const BETA1: f32 = 0.9;
    const BETA2: f32 = 0.999;

    fn new(sizes: &[usize]) -> Self {
        Self {
            first: sizes.iter().map(|&s| vec![0.0; s]).collect(),
            second: sizes.iter().map(|&s| vec![0.0; s]).collect(),
            step: 1,
        }
    }

    fn step(&mut self, group: usize, weights: &mut [f32], gradient: &[f32]) {
        let correction1 = 1.0 - Self::BETA1.powi(self.step);
        let correction2 = 1.0 - Self::BETA2.powi(self.step);
        for (((w, g), m), v) in weights
            .iter_mut()
            .zip(gradient)
            .zip(&mut self.first[group])
            .zip(&mut self.second[group])
        {
            *m = Self::BETA1 * *m + (1.0 - Self::BETA1) * g;
            *v = Self::BETA2 * *v + (1.0 - Self::BETA2) * g * g;
            *w -= Self::RATE * (*m / correction1) / ((*v / correction2).sqrt() + 1e-8);
        }
    }

    fn tick(&mut self) {
        self.step += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_tagger_loads_and_fits_the_shipped_encoder() {
        let tagger = SpeakerTagger::shipped().expect("assets/model/speakers.json loads and fits");
        match crate::encoder::shared() {
            Ok(encoder) => assert_eq!(tagger.encoder, encoder.identity()),
            Err(error) => eprintln!("skipped the encoder check: {error}"),
        }
    }

    #[test]
    fn the_best_span_beats_no_source_or_is_none() {
        let ln = f32::ln;
        // Word 1 begins and word 2 continues a source.
        let scores = [
            [ln(0.9), ln(0.05), ln(0.05)],
            [ln(0.2), ln(0.7), ln(0.1)],
            [ln(0.3), ln(0.1), ln(0.6)],
            [ln(0.9), ln(0.05), ln(0.05)],
        ];
        assert_eq!(best_span(&scores).map(|(a, b, _)| (a, b)), Some((1, 2)));
        let nothing = [[ln(0.9), ln(0.05), ln(0.05)]; 3];
        assert_eq!(best_span(&nothing), None);
    }
}
