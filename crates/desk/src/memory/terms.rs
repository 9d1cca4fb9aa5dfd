//! What a claim says, in a form that compares across wording: stemmed content words (synonyms folded,
//! reporting verbs and function words left out), quantities with their units and scales, and dates.
//!
//! The word lists live in `assets/memory/` (synonyms, ignored words); figures and dates are read by the
//! shared text analysis ([`crate::text::figures`]), function words, reporting verbs, attribution markers,
//! hedges and places come from its lexicon, and who a claim is attributed to from extraction's attribution.

use std::sync::LazyLock;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use rust_stemmers::{Algorithm, Stemmer};

use crate::article::Language;
pub use crate::text::figures::{DateKind, DateMark, Quantity};
use crate::text::figures::{
    Figure, Parsed, QuantityWord, parse_number_token, quantity_word, read_quantity,
    starts_with_digit,
};
use crate::text::lexicon::{Category, Lexicon};
use crate::text::tokens::{Token, tokenize};

/// A content word of a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// What is compared: the synonym group's name, else the stem.
    pub key: String,
    /// The stem before synonyms were folded (compound parts are compared against it).
    pub stem: String,
    /// The word as written.
    pub surface: String,
    /// Written with a capital: a noun in German, a name in English (unless it opens the claim).
    pub capitalised: bool,
    /// A country, capital or international body from the places list.
    pub place: bool,
}

/// A claim taken apart for comparison.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Analysis {
    /// Content words in text order.
    pub words: Vec<Word>,
    /// Figures in text order.
    pub quantities: Vec<Quantity>,
    /// Dates in text order.
    pub dates: Vec<DateMark>,
    /// Negating words as written (`nicht`, `never`), outside the attribution and outside a denial.
    pub negations: Vec<String>,
    /// Phrases that deny or refute what follows, as written (`weist … zurück`, `denied reports that`),
    /// wherever they stand (a denial is often the attribution itself).
    pub denials: Vec<String>,
}

impl Analysis {
    /// Whether the claim says the opposite of itself without its negations and denials: an odd count
    /// of them ("nicht ohne" cancels out).
    #[must_use]
    pub fn negated(&self) -> bool {
        (self.negations.len() + self.denials.len()) % 2 == 1
    }

    /// Whether nothing comparable was found (a claim of function words only).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.quantities.is_empty() && self.dates.is_empty()
    }

    /// The index tokens, each once: word keys, compound parts' stems are not included (they are found at
    /// query time), quantity and date tokens.
    #[must_use]
    pub fn tokens(&self) -> Vec<String> {
        let mut seen = HashSet::new();
        self.words
            .iter()
            .map(|w| w.key.clone())
            .chain(self.quantities.iter().map(Quantity::token))
            .chain(self.dates.iter().map(DateMark::token))
            .filter(|token| seen.insert(token.clone()))
            .collect()
    }
}

/// The memory's word knowledge for one language.
struct Knowledge {
    stemmer: Stemmer,
    /// stem → synonym group name.
    synonyms: HashMap<String, String>,
    ignored: HashSet<String>,
    negations: HashSet<String>,
}

fn data_lines(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(|line| if line.starts_with('#') { "" } else { line })
        .filter(|line| !line.trim().is_empty())
}

fn list_words(list: &str) -> impl Iterator<Item = String> + '_ {
    data_lines(list).map(|line| {
        line.split_once('#')
            .map_or(line, |(before, _)| before)
            .to_lowercase()
    })
}

impl Knowledge {
    fn build(algorithm: Algorithm, synonyms: &str, ignored: &str, negations: &str) -> Self {
        let stemmer = Stemmer::create(algorithm);
        let mut groups = HashMap::new();
        for line in list_words(synonyms) {
            let mut words = line.split_whitespace();
            let Some(first) = words.next() else { continue };
            let name = stemmer.stem(first).into_owned();
            for word in std::iter::once(first).chain(words) {
                groups
                    .entry(stemmer.stem(word).into_owned())
                    .or_insert_with(|| name.clone());
            }
        }
        let ignored = list_words(ignored)
            .flat_map(|line| {
                line.split_whitespace()
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .collect();
        Self {
            stemmer,
            synonyms: groups,
            ignored,
            negations: list_words(negations)
                .map(|word| word.trim().to_owned())
                .collect(),
        }
    }

    fn for_language(language: Language) -> &'static Self {
        static GERMAN: LazyLock<Knowledge> = LazyLock::new(|| {
            Knowledge::build(
                Algorithm::German,
                include_str!("../../../../assets/memory/de/synonyms.txt"),
                include_str!("../../../../assets/memory/de/ignore.txt"),
                include_str!("../../../../assets/memory/de/negations.txt"),
            )
        });
        static ENGLISH: LazyLock<Knowledge> = LazyLock::new(|| {
            Knowledge::build(
                Algorithm::English,
                include_str!("../../../../assets/memory/en/synonyms.txt"),
                include_str!("../../../../assets/memory/en/ignore.txt"),
                include_str!("../../../../assets/memory/en/negations.txt"),
            )
        });
        match language {
            Language::German => &GERMAN,
            Language::English | Language::Other => &ENGLISH,
        }
    }
}

/// Stems a lower-case word the way the memory does for `language`.
#[must_use]
pub fn stem(language: Language, lowercase_word: &str) -> String {
    Knowledge::for_language(language)
        .stemmer
        .stem(lowercase_word)
        .into_owned()
}

/// Lexicon categories of words that never carry the fact of a claim.
const SKIPPED: [Category; 6] = [
    Category::Function,
    Category::ReportingVerb,
    Category::AttributionBefore,
    Category::AttributionAfter,
    Category::AnonymousAttribution,
    Category::Hedge,
];

/// Takes `text` (a claim in `language`) apart for comparison.
#[must_use]
pub fn analyse(text: &str, language: Language) -> Analysis {
    let knowledge = Knowledge::for_language(language);
    let lexicon = Lexicon::for_language(language);
    let tokens: Vec<Token<'_>> = tokenize(text).collect();
    let lower: Vec<String> = tokens.iter().map(|t| t.text.to_lowercase()).collect();
    let source = crate::extract::attribution::source_span(text, language);
    let source_words: Vec<bool> = tokens
        .iter()
        .map(|t| source.is_some_and(|s| s.start <= t.start && t.end <= s.end))
        .collect();
    let mut analysis = Analysis::default();
    let denied = crate::text::denial::spans(&tokens, &lower, language);
    for &(first, last) in &denied {
        analysis
            .denials
            .push(text[tokens[first].start..tokens[last].end].to_owned());
    }
    let in_denial = |index: usize| denied.iter().any(|&(a, b)| a <= index && index <= b);
    let mut pending_currency: Option<String> = None;
    let mut index = 0;
    while index < tokens.len() {
        if source_words[index] {
            index += 1;
            continue;
        }
        let token = tokens[index];
        let word = lower[index].as_str();
        // Multi-word markers (`according to`, `nach Angaben`) go whole.
        if let Some(length) = lexicon
            .phrases_at(&lower[index..])
            .filter(|(category, _)| SKIPPED.contains(category))
            .map(|(_, length)| length)
            .max()
        {
            index += length;
            continue;
        }
        let table_entry = quantity_word(word);
        if let Some((QuantityWord::Currency, code)) = table_entry
            && tokens
                .get(index + 1)
                .is_some_and(|next| starts_with_digit(next.text))
        {
            pending_currency = Some(code.to_owned());
            index += 1;
            continue;
        }
        let number = if starts_with_digit(token.text) {
            parse_number_token(token.text, language)
        } else if let Some((QuantityWord::Number(value), _)) = table_entry {
            Some(Parsed::Number(value, None))
        } else {
            None
        };
        if let Some(parsed) = number {
            let consumed = match parsed {
                Parsed::Date(mark) => {
                    analysis.dates.push(DateMark {
                        surface: token.text.to_owned(),
                        ..mark
                    });
                    1
                }
                Parsed::Number(value, scale) => {
                    let (quantity_or_year, consumed) = read_quantity(
                        &tokens,
                        &lower,
                        index,
                        value,
                        scale,
                        pending_currency.take().as_deref(),
                        text,
                    );
                    match quantity_or_year {
                        Figure::Quantity(quantity) => analysis.quantities.push(quantity),
                        Figure::Date(mark) => analysis.dates.push(mark),
                    }
                    consumed
                }
            };
            index += consumed;
            continue;
        }
        pending_currency = None;
        let capitalised = token.text.chars().next().is_some_and(char::is_uppercase);
        match table_entry {
            Some((QuantityWord::Month(month), _)) if capitalised => {
                analysis.dates.push(DateMark {
                    kind: DateKind::Month,
                    value: month,
                    surface: token.text.to_owned(),
                });
                index += 1;
                continue;
            }
            Some((QuantityWord::Weekday(day), _)) if capitalised => {
                analysis.dates.push(DateMark {
                    kind: DateKind::Weekday,
                    value: day,
                    surface: token.text.to_owned(),
                });
                index += 1;
                continue;
            }
            _ => {}
        }
        if knowledge.negations.contains(&word.replace('’', "'")) && !in_denial(index) {
            analysis.negations.push(token.text.to_owned());
        }
        // A denial's words ("weist … zurück", "is false") are its sign, not its fact.
        if in_denial(index) {
            index += 1;
            continue;
        }
        index += 1;
        let categories = lexicon.categories(word);
        if SKIPPED.iter().any(|&category| categories.has(category))
            || knowledge.ignored.contains(word)
            || !token.text.chars().any(char::is_alphabetic)
            || token.text.chars().count() < 2
        {
            continue;
        }
        // Possessive and elided endings say nothing about the fact: `city's` → `city`.
        let bare = word
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .replace(['-', '‑', '\'', '’', '.'], "");
        if bare.chars().count() < 2 {
            continue;
        }
        let stem = knowledge.stemmer.stem(&bare).into_owned();
        let key = knowledge
            .synonyms
            .get(&stem)
            .cloned()
            .unwrap_or_else(|| stem.clone());
        let opens_claim = index == 1;
        analysis.words.push(Word {
            key,
            stem,
            surface: token.text.trim_end_matches("'s").to_owned(),
            capitalised: capitalised && (language == Language::German || !opens_claim),
            place: categories.has(Category::Place),
        });
    }
    analysis
}

/// Splits of a compound into a modifier and a head, each at least three letters, with German linking
/// elements (`-s-`, `-es-`, `-n-`, `-en-`, `-e-`) also tried off the modifier: `radwegeausbau` →
/// (`radwege`, `ausbau`), (`radweg`, `ausbau`), ….
#[must_use]
pub fn compound_splits(lowercase_word: &str) -> Vec<(String, String)> {
    let word: String = lowercase_word
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut splits = Vec::new();
    if chars.len() < 6 {
        return splits;
    }
    for &(at, _) in &chars[3..=chars.len() - 3] {
        let (left, right) = word.split_at(at);
        splits.push((left.to_owned(), right.to_owned()));
        for linking in ["s", "es", "n", "en", "e"] {
            if let Some(bare) = left.strip_suffix(linking)
                && bare.chars().count() >= 3
            {
                splits.push((bare.to_owned(), right.to_owned()));
            }
        }
    }
    splits
}

/// A stem → how many analyses contain it; the vocabulary compounds are split against at index time.
#[derive(Debug, Default)]
pub struct Vocabulary {
    stems: HashMap<String, u32>,
}

impl Vocabulary {
    /// An empty vocabulary.
    #[must_use]
    pub fn new() -> Self {
        Self {
            stems: HashMap::new(),
        }
    }

    /// Records the stems of `analysis`.
    pub fn add(&mut self, analysis: &Analysis) {
        for word in &analysis.words {
            *self.stems.entry(word.stem.clone()).or_insert(0) += 1;
        }
    }

    /// Whether `stem` was seen.
    #[must_use]
    pub fn knows(&self, stem: &str) -> bool {
        self.stems.contains_key(stem)
    }
}

/// The parts of a compound whose modifier and head are both words `knows` accepts, stemmed:
/// `Radwegeausbau` → [`radweg`, `ausbau`] when both were seen on their own.
pub fn known_parts(
    language: Language,
    word: &Word,
    knows: &dyn Fn(&str) -> bool,
) -> Option<[String; 2]> {
    // German compounds are nouns, and long: shorter or lower-case words are not worth the lookups.
    if language != Language::German || !word.capitalised || word.surface.chars().count() < 7 {
        return None;
    }
    let lower = word.surface.to_lowercase();
    let mut heads_tried: Vec<(String, bool)> = Vec::new();
    for (left, right) in compound_splits(&lower) {
        // The head is tried first and once per cut: most cuts fail there, before the modifier is stemmed.
        let known_head =
            if let Some((_, known)) = heads_tried.iter().find(|(head, _)| *head == right) {
                *known
            } else {
                let known = knows(&stem(language, &right));
                heads_tried.push((right.clone(), known));
                known
            };
        if !known_head {
            continue;
        }
        let left = stem(language, &left);
        if knows(&left) {
            return Some([left, stem(language, &right)]);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quantities(text: &str, language: Language) -> Vec<(f64, Option<String>)> {
        analyse(text, language)
            .quantities
            .into_iter()
            .map(|q| (q.value, q.unit))
            .collect()
    }

    #[test]
    fn numbers_compare_whatever_their_notation() {
        let pct = Some("%".to_owned());
        assert_eq!(
            quantities("Die Quote lag bei 5,1 %.", Language::German),
            [(5.1, pct.clone())]
        );
        assert_eq!(
            quantities("Die Quote lag bei 5,1 Prozent.", Language::German),
            [(5.1, pct.clone())]
        );
        assert_eq!(
            quantities("The rate was 5.1 per cent.", Language::English),
            [(5.1, pct)]
        );
        assert_eq!(
            quantities("1.500 Menschen", Language::German),
            [(1500.0, None)]
        );
        assert_eq!(
            quantities("1,500 people and 1500 more", Language::English),
            [(1500.0, None), (1500.0, None)]
        );
        let usd = Some("USD".to_owned());
        assert_eq!(
            quantities("It costs $85 million.", Language::English),
            [(85e6, usd.clone())]
        );
        assert_eq!(
            quantities("Es kostet 85 Millionen Dollar.", Language::German),
            [(85e6, usd.clone())]
        );
        assert_eq!(
            quantities("It costs $1.2bn.", Language::English),
            [(1.2e9, usd)]
        );
        assert_eq!(
            quantities("drei Verletzte", Language::German),
            [(3.0, None)]
        );
    }

    #[test]
    fn years_months_and_dates_are_dates() {
        let analysis = analyse(
            "Im Oktober 2024 und am 22.10.2024 sowie am Montag",
            Language::German,
        );
        let kinds: Vec<(DateKind, u32)> =
            analysis.dates.iter().map(|d| (d.kind, d.value)).collect();
        assert_eq!(
            kinds,
            [
                (DateKind::Month, 10),
                (DateKind::Year, 2024),
                (DateKind::Day, 20_241_022),
                (DateKind::Weekday, 1)
            ]
        );
        assert!(analysis.quantities.is_empty());
        // "may" is a month only when written as one.
        let english = analyse("Prices may rise in May.", Language::English);
        assert_eq!(english.dates.len(), 1);
    }

    #[test]
    fn reporting_verbs_function_words_and_inflection_fold_away() {
        let a = analyse(
            "Der Minister sagte, die Preise seien gestiegen.",
            Language::German,
        );
        let b = analyse(
            "Die Preise stiegen, erklärte der Minister.",
            Language::German,
        );
        let keys = |analysis: &Analysis| {
            let mut keys: Vec<String> = analysis.words.iter().map(|w| w.key.clone()).collect();
            keys.sort();
            keys
        };
        assert_eq!(keys(&a), keys(&b));
    }

    #[test]
    fn compounds_split_against_known_words() {
        let analysis = analyse("Radwegeausbau", Language::German);
        let known: HashSet<String> = ["radweg", "ausbau"].map(String::from).into_iter().collect();
        let parts = known_parts(Language::German, &analysis.words[0], &|s| known.contains(s));
        assert_eq!(parts, Some(["radweg".to_owned(), "ausbau".to_owned()]));
    }
}
