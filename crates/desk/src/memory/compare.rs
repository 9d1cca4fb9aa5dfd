//! Whether an earlier claim states the same fact as a new one, a related one, or something else.
//!
//! Both claims are taken apart by [`super::terms::analyse`]; words are matched by stem or synonym group, and
//! German compounds against the other claim's words (`Radwegeausbau` ↔ `Ausbau der Radwege`). The
//! similarity is a weighted Dice overlap of words, figures and dates. The relation is "same" only when
//! nothing contradicts: a figure, date, or a noun/name that the earlier claim has in place of one in the
//! new claim makes it "related", with the difference named.

use serde::{Deserialize, Serialize};

use super::terms::{Analysis, DateMark, Quantity, Word, known_parts};
use crate::article::Language;
use crate::i18n::{InWords, Messages};

/// How an earlier claim relates to a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// It states the same fact.
    Same,
    /// Same subject, but a different figure, date, place, actor or object.
    Related,
    /// The same fact with the opposite sign: one claim denies, refutes or negates what the other states
    /// ("Die Stadt weist Gerüchte zurück, wonach das Hallenbad schließt" against "Das Hallenbad schließt").
    /// Its verdict carries over inverted, where an inverse exists.
    Opposite,
}

impl Relation {
    /// The relation as a word.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Same => "same",
            Self::Related => "related",
            Self::Opposite => "opposite",
        }
    }
}

/// The result of comparing two claims.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// In 0..1; 1 for the same words, figures and dates.
    pub similarity: f64,
    /// Why, without words of any language: what they share, or what differs.
    pub why: Why,
    /// The figures and dates that differ (also in `why` when it is related).
    pub facts: Vec<Difference>,
    /// The most telling word one claim has where the other has another, when there is one.
    pub substitution: Option<Difference>,
}

impl Comparison {
    /// Same or related.
    #[must_use]
    pub fn relation(&self) -> Relation {
        self.why.relation()
    }

    /// Why, in English words (the command line's JSON): built only for the comparisons that are kept.
    #[must_use]
    pub fn reason(&self) -> String {
        self.why.english()
    }
}

/// What makes two claims the same or related.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// Nothing differs: the words (as written in the new claim) and figures they share.
    Same {
        /// Shared words; none when only figures and dates are shared.
        words: Vec<String>,
        /// Shared figures, named when words are shared too.
        figures: Vec<String>,
    },
    /// What differs.
    Related(Vec<Difference>),
    /// They say the same by meaning (the sentence encoder's judgement; across languages there are no
    /// shared words), sharing these figures.
    SameMeaning {
        /// Shared figures as the new claim writes them.
        figures: Vec<String>,
    },
    /// Close in meaning, but not close enough to be the same statement; nothing that differs could be
    /// named.
    Similar,
    /// The same fact, but one of the two denies or negates it: the words that do, as each claim writes
    /// them (empty for the claim that does not).
    Opposite {
        /// The earlier claim's denial or negation.
        earlier: String,
        /// The new claim's.
        new: String,
    },
}

impl InWords for Why {
    /// Why an earlier checked claim matches: "gleiche Wörter: Radwege; gleiche Zahl: 12 km", "anderes
    /// Jahr: 2023 statt 2024".
    fn in_words(&self, m: &Messages) -> String {
        let (mut text, figures) = match self {
            Self::Same { words, figures } if words.is_empty() => {
                (m.text("match-same-figures-dates"), figures)
            }
            Self::Same { words, figures } => (
                m.format("match-same-words", &[("words", words.join(", ").into())]),
                figures,
            ),
            Self::SameMeaning { figures } => (m.text("match-same-meaning"), figures),
            Self::Similar => return m.text("match-similar"),
            Self::Opposite { earlier, new } => {
                let (side, words) = if new.is_empty() {
                    ("earlier", earlier)
                } else {
                    ("new", new)
                };
                return m.format(
                    "match-opposite",
                    &[("side", side.into()), ("words", words.clone().into())],
                );
            }
            Self::Related(differences) => {
                return differences
                    .iter()
                    .map(|d| {
                        if d.what == NEGATION {
                            let earlier = if d.earlier.is_empty() {
                                "none".to_owned()
                            } else {
                                d.earlier.clone()
                            };
                            return m.format(
                                "match-negation",
                                &[("earlier", earlier.into()), ("new", d.new.clone().into())],
                            );
                        }
                        m.format(
                            "match-other",
                            &[
                                ("what", d.what.into()),
                                ("earlier", d.earlier.clone().into()),
                                ("new", d.new.clone().into()),
                            ],
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
            }
        };
        if !figures.is_empty() {
            text.push_str("; ");
            text.push_str(&m.format(
                "match-same-figure",
                &[("figures", figures.join(", ").into())],
            ));
        }
        text
    }
}

/// The `what` of a difference in negation: one claim negates, the other does not.
pub const NEGATION: &str = "negation";

impl Why {
    /// Same or related.
    #[must_use]
    pub fn relation(&self) -> Relation {
        match self {
            Self::Same { .. } | Self::SameMeaning { .. } => Relation::Same,
            Self::Related(_) | Self::Similar => Relation::Related,
            Self::Opposite { .. } => Relation::Opposite,
        }
    }

    /// In English words, as the command line writes it: the English catalog's words, so the command line
    /// and an English window say the same.
    #[must_use]
    pub fn english(&self) -> String {
        self.in_words(crate::i18n::Locale::English.messages())
    }
}

/// Weights of words by how much they tell apart (rare words more than common ones); 1 for unknown.
pub trait WordWeights {
    /// A factor around 1 for an index token.
    fn factor(&self, token: &str) -> f64;
}

/// Every word weighs the same (small memories, where frequencies mean nothing).
pub struct EvenWeights;

impl WordWeights for EvenWeights {
    fn factor(&self, _token: &str) -> f64 {
        1.0
    }
}

const FIGURE_WEIGHT: f64 = 2.0;
const DATE_WEIGHT: f64 = 1.2;
/// A related claim ranks below a same one of similar overlap.
const RELATED_DISCOUNT: f64 = 0.9;
/// How much of a figure or date that differs still counts as shared: the claims speak of the same measure.
const DIFFERING_SHARE: f64 = 0.75;
/// Claims without a single word in common share at most figures or dates: a coincidence, not a subject.
const NO_SHARED_WORDS: f64 = 0.3;

fn word_weight(word: &Word, weights: &dyn WordWeights) -> f64 {
    let base = if word.capitalised || word.place {
        1.5
    } else {
        1.0
    };
    base * weights.factor(&word.key)
}

/// A difference that makes two claims related rather than the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// What differs: `figure`, `year`, `month`, `day`, `date`, `place`, `actor` or `object`.
    pub what: &'static str,
    /// The earlier claim's, as written.
    pub earlier: String,
    /// The new claim's, as written.
    pub new: String,
}

/// Compares a `new` claim with an `earlier` one (both in `language`, or each in its own when they differ).
#[must_use]
pub fn compare(
    new: &Analysis,
    earlier: &Analysis,
    language: Language,
    weights: &dyn WordWeights,
) -> Comparison {
    let mut matched_new = vec![false; new.words.len()];
    let mut matched_earlier = vec![false; earlier.words.len()];
    let mut shared_weight = 0.0;
    // Words with the same key.
    for (i, word) in new.words.iter().enumerate() {
        if let Some(j) = (0..earlier.words.len())
            .find(|&j| !matched_earlier[j] && earlier.words[j].key == word.key)
        {
            matched_new[i] = true;
            matched_earlier[j] = true;
            shared_weight += word_weight(word, weights) + word_weight(&earlier.words[j], weights);
        }
    }
    // A compound on one side, its parts on the other.
    shared_weight += match_compounds(
        &new.words,
        &mut matched_new,
        &earlier.words,
        &mut matched_earlier,
        language,
        weights,
    );
    shared_weight += match_compounds(
        &earlier.words,
        &mut matched_earlier,
        &new.words,
        &mut matched_new,
        language,
        weights,
    );

    shared_weight += match_heads(
        &new.words,
        &mut matched_new,
        &earlier.words,
        &mut matched_earlier,
        weights,
    );
    shared_weight += match_heads(
        &earlier.words,
        &mut matched_earlier,
        &new.words,
        &mut matched_new,
        weights,
    );

    let mut differences = Vec::new();
    let (figure_shared, figure_total) =
        compare_figures(&new.quantities, &earlier.quantities, &mut differences);
    let (date_shared, date_total) = compare_dates(&new.dates, &earlier.dates, &mut differences);

    let total_words: f64 = new
        .words
        .iter()
        .chain(&earlier.words)
        .map(|w| word_weight(w, weights))
        .sum();
    let total = total_words + figure_total + date_total;
    let shared = shared_weight + figure_shared + date_shared;
    let mut similarity = if total > 0.0 { shared / total } else { 0.0 };
    if shared_weight == 0.0 {
        similarity *= NO_SHARED_WORDS;
    }

    let facts = differences.clone();
    let substitution = substituted_word(
        &new.words,
        &matched_new,
        &earlier.words,
        &matched_earlier,
        language,
    );
    if let Some(difference) = &substitution {
        differences.push(difference.clone());
    }
    let shared_words: Vec<&str> = new
        .words
        .iter()
        .zip(&matched_new)
        .filter(|(_, matched)| **matched)
        .map(|(word, _)| word.surface.as_str())
        .collect();
    let why = if differences.is_empty() && new.negated() != earlier.negated() {
        opposite(new, earlier)
    } else if differences.is_empty() {
        let figures: Vec<String> = if shared_words.is_empty() {
            Vec::new()
        } else {
            new.quantities
                .iter()
                .filter(|q| earlier.quantities.iter().any(|e| e.same_as(q)))
                .map(|q| q.surface.clone())
                .collect()
        };
        Why::Same {
            words: shared_words.into_iter().map(str::to_owned).collect(),
            figures,
        }
    } else {
        similarity *= RELATED_DISCOUNT;
        Why::Related(differences)
    };
    Comparison {
        similarity: similarity.clamp(0.0, 1.0),
        why,
        facts,
        substitution,
    }
}

/// [`Why::Opposite`] for two claims whose signs differ: the denials and negations each writes.
#[must_use]
pub fn opposite(new: &Analysis, earlier: &Analysis) -> Why {
    let sign = |analysis: &Analysis| -> String {
        analysis
            .denials
            .iter()
            .chain(&analysis.negations)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    };
    Why::Opposite {
        earlier: sign(earlier),
        new: sign(new),
    }
}

/// Whether a word of one claim is the compound part `stem` of the other: the same stem or synonym group, or
/// the stem with a short inflection the stemmer kept (`verbraucht` for the part `verbrauch`).
fn covers(word: &Word, stem: &str) -> bool {
    word.stem == stem
        || word.key == stem
        || (stem.chars().count() >= 5
            && word.stem.starts_with(stem)
            && word.stem.len() - stem.len() <= 2)
}

fn match_compounds(
    compounds: &[Word],
    compound_matched: &mut [bool],
    parts: &[Word],
    parts_matched: &mut [bool],
    language: Language,
    weights: &dyn WordWeights,
) -> f64 {
    let mut shared = 0.0;
    for (i, word) in compounds.iter().enumerate() {
        if compound_matched[i] {
            continue;
        }
        let free = |stem: &str| {
            parts
                .iter()
                .zip(parts_matched.iter())
                .any(|(part, matched)| !matched && covers(part, stem))
        };
        let Some(found) = known_parts(language, word, &free) else {
            continue;
        };
        compound_matched[i] = true;
        shared += word_weight(word, weights);
        for stem in found {
            if let Some(j) =
                (0..parts.len()).find(|&j| !parts_matched[j] && covers(&parts[j], &stem))
            {
                parts_matched[j] = true;
                shared += word_weight(&parts[j], weights);
            }
        }
    }
    shared
}

/// A compound on one side and its head alone on the other (`Arbeitslosenquote` ↔ `Quote`): the shorter word
/// refers to the same thing in context. The compound's modifier counts as unshared.
fn match_heads(
    compounds: &[Word],
    compound_matched: &mut [bool],
    heads: &[Word],
    heads_matched: &mut [bool],
    weights: &dyn WordWeights,
) -> f64 {
    let mut shared = 0.0;
    for (i, word) in compounds.iter().enumerate() {
        if compound_matched[i] {
            continue;
        }
        let lower = word.surface.to_lowercase();
        let found = (0..heads.len()).find(|&j| {
            let head = heads[j].surface.to_lowercase();
            !heads_matched[j]
                && head.chars().count() >= 4
                && lower.len() > head.len() + 2
                && lower.ends_with(&head)
        });
        if let Some(j) = found {
            compound_matched[i] = true;
            heads_matched[j] = true;
            shared += 0.5 * word_weight(word, weights) + word_weight(&heads[j], weights);
        }
    }
    shared
}

/// A test on an earlier and a new figure or date.
type Fits<'a, T> = &'a dyn Fn(&T, &T) -> bool;

/// How figures or dates of two claims pair up.
struct Pairing<'a, T> {
    /// Weight of one figure or date.
    weight: f64,
    /// The same value.
    same: Fits<'a, T>,
    /// The same measure with another value, most fitting test first.
    counterparts: &'a [Fits<'a, T>],
    /// How a difference is named ("figure", "month").
    what: &'a dyn Fn(&T) -> &'static str,
    /// As written.
    surface: &'a dyn Fn(&T) -> &str,
}

/// Pairs equal values first (shared in full), then values of the same measure that differ: a difference,
/// whose weight still counts [`DIFFERING_SHARE`] (the claims speak of the same measure). Returns the shared
/// and the total weight.
fn pair_up<T>(
    new: &[T],
    earlier: &[T],
    pairing: &Pairing<'_, T>,
    differences: &mut Vec<Difference>,
) -> (f64, f64) {
    #[expect(clippy::cast_precision_loss, reason = "a count of words")]
    let total = pairing.weight * (new.len() + earlier.len()) as f64;
    let mut used = vec![false; earlier.len()];
    let mut unmatched_new = Vec::new();
    let mut shared = 0.0;
    for value in new {
        match (0..earlier.len()).find(|&j| !used[j] && (pairing.same)(&earlier[j], value)) {
            Some(j) => {
                used[j] = true;
                shared += 2.0 * pairing.weight;
            }
            None => unmatched_new.push(value),
        }
    }
    for value in unmatched_new {
        let counterpart = pairing
            .counterparts
            .iter()
            .find_map(|fits| (0..earlier.len()).find(|&j| !used[j] && fits(&earlier[j], value)));
        if let Some(j) = counterpart {
            used[j] = true;
            shared += 2.0 * DIFFERING_SHARE * pairing.weight;
            differences.push(Difference {
                what: (pairing.what)(value),
                earlier: (pairing.surface)(&earlier[j]).to_owned(),
                new: (pairing.surface)(value).to_owned(),
            });
        }
    }
    (shared, total)
}

/// Figures: a differing figure pairs with one of the same unit, else with any other.
fn compare_figures(
    new: &[Quantity],
    earlier: &[Quantity],
    differences: &mut Vec<Difference>,
) -> (f64, f64) {
    let same_unit = |e: &Quantity, n: &Quantity| e.unit == n.unit;
    let any = |_: &Quantity, _: &Quantity| true;
    let pairing = Pairing {
        weight: FIGURE_WEIGHT,
        same: &|e: &Quantity, n: &Quantity| e.same_as(n),
        counterparts: &[&same_unit, &any],
        what: &|_| "figure",
        surface: &|q: &Quantity| q.surface.as_str(),
    };
    pair_up(new, earlier, &pairing, differences)
}

/// Dates: a differing date pairs only with one of the same kind (a month with a month).
fn compare_dates(
    new: &[DateMark],
    earlier: &[DateMark],
    differences: &mut Vec<Difference>,
) -> (f64, f64) {
    let same_kind = |e: &DateMark, n: &DateMark| e.kind == n.kind;
    let pairing = Pairing {
        weight: DATE_WEIGHT,
        same: &|e: &DateMark, n: &DateMark| e.kind == n.kind && e.value == n.value,
        counterparts: &[&same_kind],
        what: &|d: &DateMark| d.kind.label(),
        surface: &|d: &DateMark| d.surface.as_str(),
    };
    pair_up(new, earlier, &pairing, differences)
}

/// A noun, name or place that the earlier claim has where the new claim has another: the claims talk about
/// different things (the gas price vs. the electricity price). German marks nouns with a capital; English
/// only names, so there any content word counts.
fn substituted_word(
    new: &[Word],
    matched_new: &[bool],
    earlier: &[Word],
    matched_earlier: &[bool],
    language: Language,
) -> Option<Difference> {
    let candidate = |words: &[Word], matched: &[bool]| -> Option<Word> {
        let free: Vec<&Word> = words
            .iter()
            .zip(matched)
            .filter(|(_, matched)| !**matched)
            .map(|(word, _)| word)
            .collect();
        let significant = |word: &&Word| match language {
            Language::German => word.capitalised || word.place,
            Language::English | Language::Other => true,
        };
        free.iter()
            .copied()
            .filter(significant)
            .max_by_key(|word| (word.place, word.capitalised, word.surface.len()))
            .cloned()
    };
    let new_word = candidate(new, matched_new)?;
    let earlier_word = candidate(earlier, matched_earlier)?;
    let what = if new_word.place || earlier_word.place {
        "place"
    } else if language != Language::German && (new_word.capitalised || earlier_word.capitalised) {
        "actor"
    } else {
        "object"
    };
    Some(Difference {
        what,
        earlier: earlier_word.surface,
        new: new_word.surface,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn why_an_earlier_check_matches_is_said_in_each_language() {
        use crate::i18n::Locale;
        let german = Locale::German.messages();
        let english = Locale::English.messages();
        let same = Why::Same {
            words: vec!["Radwege".to_owned(), "Kiel".to_owned()],
            figures: vec!["12 km".to_owned()],
        };
        assert_eq!(same.in_words(english), same.english());
        assert_eq!(
            same.in_words(german),
            "gleiche Wörter: Radwege, Kiel; gleiche Zahl: 12 km"
        );
        let related = Why::Related(vec![
            Difference {
                what: "year",
                earlier: "2023".to_owned(),
                new: "2024".to_owned(),
            },
            Difference {
                what: "place",
                earlier: "Kiel".to_owned(),
                new: "Lübeck".to_owned(),
            },
        ]);
        assert_eq!(related.in_words(english), related.english());
        assert_eq!(
            related.in_words(german),
            "anderes Jahr: 2023 statt 2024; anderer Ort: Kiel statt Lübeck"
        );
        let figures_only = Why::Same {
            words: Vec::new(),
            figures: Vec::new(),
        };
        assert_eq!(figures_only.in_words(german), "gleiche Zahlen und Daten");
    }

    use super::*;
    use crate::memory::terms::analyse;

    fn check(new: &str, earlier: &str, language: Language) -> Comparison {
        compare(
            &analyse(new, language),
            &analyse(earlier, language),
            language,
            &EvenWeights,
        )
    }

    #[test]
    fn restatements_are_the_same() {
        let c = check(
            "Die Arbeitslosenquote lag im Oktober bei 5,1 Prozent, sagte die Ministerin.",
            "Laut Ministerin betrug die Arbeitslosenquote im Oktober 5,1 %.",
            Language::German,
        );
        assert_eq!(c.relation(), Relation::Same, "{c:?}");
        assert!(c.similarity > 0.6, "{c:?}");
        let c = check(
            "Die Stadt gibt 2 Millionen Euro für den Radwegeausbau aus.",
            "Für den Ausbau der Radwege gibt die Stadt 2 Millionen Euro aus.",
            Language::German,
        );
        assert_eq!(c.relation(), Relation::Same, "{c:?}");
        assert!(c.similarity > 0.8, "{c:?}");
    }

    #[test]
    fn other_figures_months_and_objects_are_related_and_named() {
        let c = check(
            "Die Arbeitslosenquote lag im Oktober bei 5,1 Prozent.",
            "Die Arbeitslosenquote lag im September bei 5,4 Prozent.",
            Language::German,
        );
        assert_eq!(c.relation(), Relation::Related);
        assert!(
            c.reason()
                .contains("other figure: 5,4 Prozent instead of 5,1 Prozent"),
            "{}",
            c.reason()
        );
        assert!(
            c.reason()
                .contains("other month: September instead of Oktober")
        );
        let c = check(
            "The city will spend $85 million on the bridge.",
            "The city will spend $120 million on the tunnel.",
            Language::English,
        );
        assert_eq!(c.relation(), Relation::Related);
        assert!(
            c.reason().contains("tunnel instead of bridge"),
            "{}",
            c.reason()
        );
        let c = check(
            "Der Gaspreis ist um 10 Prozent gestiegen.",
            "Der Strompreis ist um 10 Prozent gestiegen.",
            Language::German,
        );
        assert_eq!(c.relation(), Relation::Related, "{c:?}");
    }
}
