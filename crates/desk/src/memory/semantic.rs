//! Matching by meaning: which text of a claim the encoder sees, how its cosine, its context's cosine and
//! the word scores make one score, and how meaning and hard facts decide "same" or "related".
//!
//! The weights are data (`assets/memory/ranking.json`), fitted on the training part of a public
//! claim-matching benchmark by `cargo bench --bench claim_matching -- --fit`; see docs/memory.md.

use std::sync::{LazyLock, Mutex};

use foldhash::{HashMap, HashMapExt};

use serde::Deserialize;

use super::Entry;
use super::compare::{Comparison, Difference, NEGATION, Why};
use super::terms::Analysis;
use crate::article::Language;
use crate::encoder::{Encoder, Kind, Vector};

/// How the parts of a match's score are weighed, and where its similarity starts and ends.
#[derive(Debug, Clone, Deserialize)]
pub struct Scoring {
    /// Share of the claim's paragraph in the query's cosine, n-gram similarity and BM25 (a paragraph says
    /// more than one of its sentences; capped so that the claims of one paragraph of an article keep their
    /// own matches).
    pub context_weight: f64,
    /// The paragraph's share when it is a post: the whole text, one short paragraph (at most
    /// [`Scoring::post_chars`]). A post states one thing over its sentences, which lean on each other.
    pub post_context_weight: f64,
    /// Up to this many characters a text of one paragraph is a post.
    pub post_chars: usize,
    /// Weight of the character n-gram similarity (see [`super::grams`]).
    pub grams_weight: f64,
    /// The n-gram similarity a claim in the other language is credited with: what a right match in one
    /// language shares on average (two languages share few n-grams beyond names and figures).
    pub cross_language_grams: f64,
    /// Weight of the BM25 score, as a share of the best candidate's.
    pub bm25_weight: f64,
    /// Weight of the word overlap (figures, dates, stems; see [`super::compare`]).
    pub lexical_weight: f64,
    /// Added to the score of a claim in the other language: the encoder's cosines across languages run
    /// lower than within one, and such claims share no words.
    pub cross_language_offset: f64,
    /// The score at which similarity is 0.
    pub score_at_zero: f64,
    /// The score at which similarity is 1.
    pub score_at_one: f64,
    /// From this similarity on, with nothing differing, a match states the same fact.
    pub same_similarity: f64,
    /// Below this cosine of the claims themselves, a word one has in place of another names another
    /// subject; above it, the encoder reads both as the same thing said in other words.
    pub subject_cosine: f64,
    /// From this cosine on, two place names in different languages are one place (`Deutschland`,
    /// `Germany`).
    pub place_cosine: f64,
    /// Vector candidates per claim.
    pub vector_candidates: usize,
    /// Word (BM25) candidates per claim.
    pub word_candidates: usize,
}

/// The weights in use.
pub static SCORING: LazyLock<Scoring> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../../../assets/memory/ranking.json"))
        .unwrap_or_else(|error| panic!("assets/memory/ranking.json is not valid: {error}"))
});

/// What the encoder reads of an earlier claim: the claim, and the fact-check's headline when it has one,
/// its quotation marks folded (see [`encoder_text`]).
#[must_use]
pub fn passage_text(entry: &Entry) -> String {
    match &entry.title {
        Some(title) if !title.trim().is_empty() => {
            encoder_text(&format!("{} {}", entry.text, title.trim()))
        }
        _ => encoder_text(&entry.text),
    }
}

/// A text as the encoder reads it for matching: every quotation mark written as `"` (typographic,
/// German, single or double), apostrophes inside words as `'`. Quote style says nothing about a claim,
/// yet the encoder reads `'Broomstick One'` and `"Broomstick One"` differently, so the same fact-check
/// stored twice by two sites' conventions ranked by its quotes, and a post with „…“ drifted from one with
/// “…”.
#[must_use]
pub fn encoder_text(text: &str) -> String {
    const QUOTES: &[char] = &[
        '"', '\'', '`', '´', '“', '”', '„', '‟', '‘', '’', '‚', '‛', '«', '»', '‹', '›', '″', '′',
    ];
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(at, &c)| {
            if !QUOTES.contains(&c) {
                return c;
            }
            let letter_before = at > 0 && chars[at - 1].is_alphanumeric();
            let letter_after = chars.get(at + 1).is_some_and(|next| next.is_alphanumeric());
            // Trump's, don't, rock'n'roll: an apostrophe, not a quotation mark.
            if letter_before && letter_after && matches!(c, '\'' | '’' | '´' | '`' | '′') {
                '\''
            } else {
                '"'
            }
        })
        .collect()
}

/// The paragraph of `text` around the span `start..end`, when it holds more than the span: a claim is read
/// with what surrounds it.
#[must_use]
pub fn paragraph_around(text: &str, start: usize, end: usize) -> Option<&str> {
    if start >= end
        || end > text.len()
        || !text.is_char_boundary(start)
        || !text.is_char_boundary(end)
    {
        return None;
    }
    let before = text[..start].rfind("\n\n").map_or(0, |at| at + 2);
    let after = text[end..].find("\n\n").map_or(text.len(), |at| end + at);
    let paragraph = text[before..after].trim();
    // A paragraph many times the claim's length is an article without blank lines: the claim alone
    // says more than a sixth of it would.
    let claim = end - start;
    (paragraph.len() > claim + 20 && paragraph.len() <= claim * 8 + 400).then_some(paragraph)
}

/// What one candidate has for its score.
#[derive(Debug, Clone, Copy, Default)]
pub struct Features {
    /// The candidate is written in the other language.
    pub cross_language: bool,
    /// Cosine of the claim with the candidate.
    pub claim_cosine: f64,
    /// Cosine of the claim's paragraph with the candidate, when it has one.
    pub context_cosine: Option<f64>,
    /// The claim's paragraph is a post (see [`Scoring::post_context_weight`]).
    pub post: bool,
    /// Character n-gram similarity of the claim with the candidate, 0..1.
    pub claim_grams: f64,
    /// The same for the claim's paragraph, when it has one.
    pub context_grams: Option<f64>,
    /// BM25 as a share of the best candidate's (0 when BM25 did not find it).
    pub bm25: f64,
    /// The same for the claim's paragraph, when it has one.
    pub context_bm25: Option<f64>,
    /// Word overlap, 0..1.
    pub lexical: f64,
}

impl Scoring {
    /// The share of a claim's paragraph, in a post or in an article.
    #[must_use]
    pub fn context_share(&self, post: bool) -> f64 {
        if post {
            self.post_context_weight
        } else {
            self.context_weight
        }
    }

    /// Whether `paragraph`, a paragraph of `text`, makes a post: the whole text, and short.
    #[must_use]
    pub fn is_post(&self, paragraph: &str, text: &str) -> bool {
        paragraph.len() == text.trim().len() && paragraph.chars().count() <= self.post_chars
    }

    /// The cosine the query has with a candidate, the paragraph's share included.
    #[must_use]
    pub fn cosine(&self, features: &Features) -> f64 {
        self.blend(features, features.claim_cosine, features.context_cosine)
    }

    /// The n-gram similarity, the paragraph's share included; across languages at least what a right
    /// match shares on average.
    #[must_use]
    pub fn grams(&self, features: &Features) -> f64 {
        let grams = self.blend(features, features.claim_grams, features.context_grams);
        if features.cross_language {
            grams.max(self.cross_language_grams)
        } else {
            grams
        }
    }

    /// The BM25 share, the paragraph's share included.
    #[must_use]
    pub fn bm25(&self, features: &Features) -> f64 {
        self.blend(features, features.bm25, features.context_bm25)
    }

    /// A claim's value blended with its paragraph's, by the paragraph's share.
    fn blend(&self, features: &Features, claim: f64, context: Option<f64>) -> f64 {
        let share = self.context_share(features.post);
        context.map_or(claim, |context| (1.0 - share) * claim + share * context)
    }

    /// The candidate's score: what ranks it.
    #[must_use]
    pub fn score(&self, features: &Features) -> f64 {
        let offset = if features.cross_language {
            self.cross_language_offset
        } else {
            0.0
        };
        self.cosine(features)
            + self.bm25_weight * self.bm25(features)
            + self.lexical_weight * features.lexical
            + self.grams_weight * self.grams(features)
            + offset
    }

    /// The vector to look up the nearest claims with: its dot product with a claim's vector is the
    /// blended cosine of [`Scoring::cosine`].
    #[must_use]
    pub fn query_vector(&self, claim: &[f32], context: Option<&[f32]>, post: bool) -> Vec<f32> {
        #[expect(clippy::cast_possible_truncation, reason = "a weight in 0..1")]
        let weight = self.context_share(post) as f32;
        match context {
            Some(context) => claim
                .iter()
                .zip(context)
                .map(|(a, b)| (1.0 - weight) * a + weight * b)
                .collect(),
            None => claim.to_vec(),
        }
    }

    /// The score on the similarity's scale, not yet clamped at 0 (what ranks matches): linear up to 0.9,
    /// then bending towards 1 without reaching it, so that strong matches of several claims keep their
    /// order when written with three decimals instead of all showing 1.0.
    #[must_use]
    pub fn rank(&self, score: f64) -> f64 {
        const BEND: f64 = 0.9;
        let linear = (score - self.score_at_zero) / (self.score_at_one - self.score_at_zero);
        if linear <= BEND {
            linear
        } else {
            BEND + (1.0 - BEND) * (1.0 - (-(linear - BEND) / (1.0 - BEND)).exp())
        }
    }

    /// The score as a similarity in 0..1 (monotone, so the order stays).
    #[must_use]
    pub fn similarity(&self, score: f64) -> f64 {
        self.rank(score).clamp(0.0, 1.0)
    }
}

/// Two names that may be one place written in two languages.
fn one_place(
    a: &str,
    b: &str,
    languages_differ: bool,
    encoder: &Encoder,
    scoring: &Scoring,
) -> bool {
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    if !languages_differ {
        return false;
    }
    let (a, b) = (place_vector(a, encoder), place_vector(b, encoder));
    f64::from(crate::encoder::cosine(&a, &b)) >= scoring.place_cosine
}

/// A place name's vector, computed once per process: the same few names meet in many comparisons.
fn place_vector(name: &str, encoder: &Encoder) -> std::sync::Arc<Vector> {
    static KNOWN: LazyLock<Mutex<HashMap<String, std::sync::Arc<Vector>>>> =
        LazyLock::new(|| Mutex::new(HashMap::new()));
    if let Some(vector) = KNOWN.lock().ok().and_then(|known| known.get(name).cloned()) {
        return vector;
    }
    let vector = std::sync::Arc::new(encoder.embed(name, Kind::Query));
    if let Ok(mut known) = KNOWN.lock() {
        // Place names are a closed list: the map stays small.
        known.insert(name.to_owned(), std::sync::Arc::clone(&vector));
    }
    vector
}

/// A German compound and another with the same head and another modifier (`Gaspreis`, `Strompreis`):
/// another subject of the same kind.
fn same_head_other_modifier(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.to_lowercase().replace(['-', '‑'], "").chars().collect();
    let b: Vec<char> = b.to_lowercase().replace(['-', '‑'], "").chars().collect();
    let shared = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    shared >= 4 && a.len() >= shared + 2 && b.len() >= shared + 2
}

/// Why an earlier claim matches a new one by meaning: the hard facts that differ (figures, dates,
/// negation, places, a subject the encoder too tells apart) make it related; otherwise it is the same
/// when similar enough, and similar below that. Wording never makes a difference.
#[must_use]
#[expect(
    clippy::too_many_arguments,
    reason = "one decision over all it rests on"
)]
pub fn decide(
    comparison: &Comparison,
    new: &Analysis,
    earlier: &Analysis,
    languages_differ: bool,
    similarity: f64,
    claim_cosine: f64,
    encoder: &Encoder,
    scoring: &Scoring,
) -> Why {
    let mut differences: Vec<Difference> = comparison.facts.clone();
    let opposite_signs = new.negated() != earlier.negated();
    let places = |analysis: &Analysis| -> Vec<String> {
        analysis
            .words
            .iter()
            .filter(|w| w.place)
            .map(|w| w.surface.clone())
            .collect()
    };
    let (new_places, earlier_places) = (places(new), places(earlier));
    // A place of each claim the other does not name: Berlin in one, Hannover in the other (Hamburg in
    // both does not make them one place).
    let unmatched = |these: &[String], those: &[String]| -> Option<String> {
        these
            .iter()
            .find(|a| {
                !those
                    .iter()
                    .any(|b| one_place(a, b, languages_differ, encoder, scoring))
            })
            .cloned()
    };
    let place_difference =
        unmatched(&new_places, &earlier_places).zip(unmatched(&earlier_places, &new_places));
    if let Some((new_place, earlier_place)) = place_difference {
        differences.push(Difference {
            what: "place",
            earlier: earlier_place,
            new: new_place,
        });
    } else if !languages_differ
        && let Some(substitution) = &comparison.substitution
        && substitution.what != "place"
        && (claim_cosine < scoring.subject_cosine
            || same_head_other_modifier(&substitution.earlier, &substitution.new))
    {
        differences.push(substitution.clone());
    }
    if !differences.is_empty() {
        if opposite_signs {
            // Another figure or place, and the other sign too: related, and the sign is named.
            differences.push(Difference {
                what: NEGATION,
                earlier: earlier
                    .negations
                    .first()
                    .or(earlier.denials.first())
                    .cloned()
                    .unwrap_or_default(),
                new: new
                    .negations
                    .first()
                    .or(new.denials.first())
                    .cloned()
                    .unwrap_or_default(),
            });
        }
        return Why::Related(differences);
    }
    if similarity < scoring.same_similarity {
        return Why::Similar;
    }
    if opposite_signs {
        return super::compare::opposite(new, earlier);
    }
    let figures: Vec<String> = new
        .quantities
        .iter()
        .filter(|q| earlier.quantities.iter().any(|e| e.same_as(q)))
        .map(|q| q.surface.clone())
        .collect();
    match &comparison.why {
        Why::Same { words, .. } if !words.is_empty() && !languages_differ => Why::Same {
            words: words.clone(),
            figures,
        },
        _ => Why::SameMeaning { figures },
    }
}

/// Whether `language` pairs differ in a way that makes words incomparable.
#[must_use]
pub fn languages_differ(a: Language, b: Language) -> bool {
    a != b && a != Language::Other && b != Language::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claim_is_read_with_its_paragraph_unless_the_paragraph_is_the_whole_article() {
        let text = "Kurz.\n\nDie Stadt baut eine Brücke. Sie kostet 12 Millionen Euro.\n\nEnde.";
        let start = text.find("Sie").unwrap();
        let end = text.find("Euro.").unwrap() + 5;
        assert_eq!(
            paragraph_around(text, start, end),
            Some("Die Stadt baut eine Brücke. Sie kostet 12 Millionen Euro.")
        );
        assert_eq!(paragraph_around("Nur ein Satz.", 0, 13), None);
        let long = format!(
            "Ein Satz. {}",
            "Noch ein langer Satz ohne Ende. ".repeat(100)
        );
        assert_eq!(paragraph_around(&long, 0, 9), None);
        assert_eq!(paragraph_around(text, 3, 2), None);
        assert_eq!(paragraph_around(text, 0, 999), None);
    }

    #[test]
    fn quotation_marks_are_read_alike_and_apostrophes_stay() {
        let double = "Agents called it \"Broomstick One\" on board.";
        for text in [
            "Agents called it 'Broomstick One' on board.",
            "Agents called it “Broomstick One” on board.",
            "Agents called it „Broomstick One“ on board.",
            "Agents called it «Broomstick One» on board.",
            double,
        ] {
            assert_eq!(encoder_text(text), double);
        }
        assert_eq!(
            encoder_text("Trump’s ‘plan’ isn't new"),
            "Trump's \"plan\" isn't new"
        );
    }

    #[test]
    fn compounds_with_one_head_and_two_modifiers_are_two_subjects() {
        assert!(same_head_other_modifier("Gaspreis", "Strompreis"));
        assert!(same_head_other_modifier("Kita-Gebühren", "Müllgebühren"));
        assert!(!same_head_other_modifier("Tickets", "Fahrpreise"));
        assert!(!same_head_other_modifier("Preis", "Strompreis"));
    }

    #[test]
    fn the_weights_are_sound() {
        let scoring = &*SCORING;
        assert!(scoring.score_at_one > scoring.score_at_zero);
        assert!((0.0..=1.0).contains(&scoring.context_weight));
        assert!((0.0..=1.0).contains(&scoring.post_context_weight));
        assert!(scoring.grams_weight >= 0.0);
        let low = scoring.similarity(scoring.score_at_zero - 1.0);
        let high = scoring.similarity(scoring.score_at_one + 1.0);
        assert!((low - 0.0).abs() < f64::EPSILON && high <= 1.0 && high > 0.99);
        let at_one = scoring.rank(scoring.score_at_one);
        assert!(at_one > 0.95 && at_one < 1.0, "{at_one}");
        // Monotone and continuous where the scale bends.
        let span = scoring.score_at_one - scoring.score_at_zero;
        let mut last = scoring.rank(scoring.score_at_zero - span / 200.0);
        for step in 0..400 {
            let rank = scoring.rank(scoring.score_at_zero + span * f64::from(step) / 200.0);
            assert!(rank > last && rank - last < 0.006, "{rank} after {last}");
            last = rank;
        }
    }
}
