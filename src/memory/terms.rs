//! What a claim says, in a form that compares across wording: stemmed content words (synonyms folded,
//! reporting verbs and function words left out), quantities with their units and scales, and dates.
//!
//! The word lists live in `assets/memory/` (synonyms, ignored words, units/scales/months) and in the
//! extraction lexicon (function words, reporting verbs, attribution markers, hedges, places).

use std::sync::LazyLock;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use rust_stemmers::{Algorithm, Stemmer};

use crate::article::Language;
use crate::extract::lexicon::{Category, Lexicon};
use crate::extract::tokens::{Token, tokenize};

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

/// A number with what it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The value with its scale applied (`85 million` → 85 000 000).
    pub value: f64,
    /// The canonical unit or currency (`%`, `EUR`), if one was written.
    pub unit: Option<String>,
    /// The figure as written (`5,4 %`).
    pub surface: String,
}

impl Quantity {
    /// The index token: value and unit, independent of how they were written.
    #[must_use]
    pub fn token(&self) -> String {
        let value = format_value(self.value);
        match &self.unit {
            Some(unit) => format!("#q{value}{}", unit.to_lowercase()),
            None => format!("#q{value}"),
        }
    }

    /// Whether two figures are equal; a figure without a unit matches one with.
    #[must_use]
    pub fn same_as(&self, other: &Self) -> bool {
        let close = (self.value - other.value).abs() <= 1e-9 * self.value.abs().max(1.0);
        close && (self.unit == other.unit || self.unit.is_none() || other.unit.is_none())
    }
}

fn format_value(value: f64) -> String {
    let rounded = (value * 1e6).round() / 1e6;
    let text = format!("{rounded}");
    text.replace('.', "_")
}

/// A point in time a claim names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateKind {
    /// A year (`2024`).
    Year,
    /// A month (`Oktober`).
    Month,
    /// A weekday (`Monday`).
    Weekday,
    /// A full date (`22.10.2024`).
    Day,
}

impl DateKind {
    /// How a difference of this kind is named.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Year => "year",
            Self::Month => "month",
            Self::Weekday => "day",
            Self::Day => "date",
        }
    }
}

/// A date mark with its value (`Month`, 10) and how it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMark {
    /// Year, month, weekday or full date.
    pub kind: DateKind,
    /// The year, month (1–12), weekday (1–7) or `yyyymmdd`.
    pub value: u32,
    /// As written.
    pub surface: String,
}

impl DateMark {
    /// The index token.
    #[must_use]
    pub fn token(&self) -> String {
        let prefix = match self.kind {
            DateKind::Year => "y",
            DateKind::Month => "m",
            DateKind::Weekday => "w",
            DateKind::Day => "d",
        };
        format!("#{prefix}{}", self.value)
    }
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
}

impl Analysis {
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

#[derive(Debug, Clone, Copy, PartialEq)]
enum QuantityWord {
    Unit,
    Scale(f64),
    Currency,
    Number(f64),
    Month(u32),
    Weekday(u32),
}

/// The memory's word knowledge for one language.
struct Knowledge {
    stemmer: Stemmer,
    /// stem → synonym group name.
    synonyms: HashMap<String, String>,
    ignored: HashSet<String>,
}

/// The quantity table, both languages: lower-case word (or words joined by a space) → kind and canonical.
struct QuantityTable {
    words: HashMap<String, (QuantityWord, String)>,
}

static QUANTITIES: LazyLock<QuantityTable> = LazyLock::new(|| {
    let mut words = HashMap::new();
    for line in data_lines(include_str!("../../assets/memory/quantities.tsv")) {
        let mut fields = line.split('\t');
        let (Some(word), Some(kind), Some(value)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let number = value.parse::<f64>().ok();
        let kind = match (kind, number) {
            ("unit", _) => QuantityWord::Unit,
            ("currency", _) => QuantityWord::Currency,
            ("scale", Some(n)) => QuantityWord::Scale(n),
            ("number", Some(n)) => QuantityWord::Number(n),
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            ("month", Some(n)) => QuantityWord::Month(n as u32),
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            ("weekday", Some(n)) => QuantityWord::Weekday(n as u32),
            _ => continue,
        };
        words.insert(word.trim().to_lowercase(), (kind, value.trim().to_owned()));
    }
    QuantityTable { words }
});

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
    fn build(algorithm: Algorithm, synonyms: &str, ignored: &str) -> Self {
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
        }
    }

    fn for_language(language: Language) -> &'static Self {
        static GERMAN: LazyLock<Knowledge> = LazyLock::new(|| {
            Knowledge::build(
                Algorithm::German,
                include_str!("../../assets/memory/de/synonyms.txt"),
                include_str!("../../assets/memory/de/ignore.txt"),
            )
        });
        static ENGLISH: LazyLock<Knowledge> = LazyLock::new(|| {
            Knowledge::build(
                Algorithm::English,
                include_str!("../../assets/memory/en/synonyms.txt"),
                include_str!("../../assets/memory/en/ignore.txt"),
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
    let source_words = attribution_sources(text, &tokens, &lower, lexicon);
    let mut analysis = Analysis::default();
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
        let table_entry = QUANTITIES.words.get(word);
        if let Some((QuantityWord::Currency, code)) = table_entry
            && tokens
                .get(index + 1)
                .is_some_and(|next| starts_with_digit(next.text))
        {
            pending_currency = Some(code.clone());
            index += 1;
            continue;
        }
        let number = if starts_with_digit(token.text) {
            parse_number_token(token.text, language)
        } else if let Some((QuantityWord::Number(value), _)) = table_entry {
            Some(Parsed::Number(*value, None))
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
                        pending_currency.take(),
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
                    value: *month,
                    surface: token.text.to_owned(),
                });
                index += 1;
                continue;
            }
            Some((QuantityWord::Weekday(day), _)) if capitalised => {
                analysis.dates.push(DateMark {
                    kind: DateKind::Weekday,
                    value: *day,
                    surface: token.text.to_owned(),
                });
                index += 1;
                continue;
            }
            _ => {}
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

/// The longest run of words an attribution may name as its source (`the statistics office`).
const MAX_SOURCE_WORDS: usize = 5;

/// Marks the words that name who said a claim rather than what it says: the source before or after a
/// reporting verb set off by a comma (`…, the mayor said`; `…, erklärte die Feuerwehr`; `Police said …`),
/// and after or before an attribution marker (`according to the office,`; `laut Ministerin`; `dem Amt
/// zufolge`). The same fact reported by another source is still the same fact.
fn attribution_sources(
    text: &str,
    tokens: &[Token<'_>],
    lower: &[String],
    lexicon: &Lexicon,
) -> Vec<bool> {
    let mut source = vec![false; tokens.len()];
    let boundary_before = |i: usize| -> bool {
        i == 0
            || text
                .get(tokens[i - 1].end..tokens[i].start)
                .is_some_and(|between| between.contains([',', ';', ':', '–', '—']))
    };
    let boundary_after = |i: usize| i + 1 >= tokens.len() || boundary_before(i + 1);
    let is_function = |i: usize| lexicon.categories(&lower[i]).has(Category::Function);
    let is_capitalised = |i: usize| {
        tokens[i]
            .text
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    // The clause around `from`, going backwards or forwards, when it is short enough to be a source.
    let clause_back = |from: usize| -> Option<std::ops::Range<usize>> {
        let mut start = from;
        while start > 0 && !boundary_before(start) {
            start -= 1;
            if from - start > MAX_SOURCE_WORDS {
                return None;
            }
        }
        (start < from).then_some(start..from)
    };
    let clause_forward = |from: usize| -> Option<std::ops::Range<usize>> {
        let mut end = from;
        while end < tokens.len() {
            end += 1;
            if end - from > MAX_SOURCE_WORDS {
                return None;
            }
            if boundary_after(end - 1) {
                break;
            }
        }
        (end > from).then_some(from..end)
    };
    // Function words, then a run of capitalised words (a name): the source when no comma closes it.
    let name_forward = |from: usize| -> std::ops::Range<usize> {
        let mut end = from;
        while end < tokens.len() && is_function(end) {
            end += 1;
        }
        while end < tokens.len() && is_capitalised(end) && !starts_with_digit(tokens[end].text) {
            end += 1;
        }
        from..end
    };
    let mut index = 0;
    while index < tokens.len() {
        let categories = lexicon.categories(&lower[index]);
        let phrase = lexicon
            .phrases_at(&lower[index..])
            .max_by_key(|(_, length)| *length);
        let (category, length) = match phrase {
            Some((category, length))
                if matches!(
                    category,
                    Category::AttributionBefore
                        | Category::AttributionAfter
                        | Category::ReportingVerb
                ) =>
            {
                (Some(category), length)
            }
            _ if categories.has(Category::AttributionBefore) => {
                (Some(Category::AttributionBefore), 1)
            }
            _ if categories.has(Category::AttributionAfter) => {
                (Some(Category::AttributionAfter), 1)
            }
            _ if categories.has(Category::ReportingVerb) => (Some(Category::ReportingVerb), 1),
            _ => (None, 1),
        };
        let after = index + length;
        let range = match category {
            Some(Category::ReportingVerb) => {
                if boundary_before(index) && index > 0 {
                    // `…, erklärte die Feuerwehr.` / `…, said the mayor.`
                    clause_forward(after)
                } else if boundary_after(after.saturating_sub(1))
                    || index == 0
                    || after >= tokens.len()
                {
                    // `…, the mayor said.` / `Police said: …`
                    clause_back(index)
                } else {
                    // `Police said more than …`: the source opens the claim.
                    clause_back(index).filter(|range| range.start == 0)
                }
            }
            Some(Category::AttributionBefore) => clause_forward(after)
                .filter(|range| range.end < tokens.len())
                .or_else(|| Some(name_forward(after)).filter(|r| !r.is_empty())),
            Some(Category::AttributionAfter) => clause_back(index),
            _ => None,
        };
        if let Some(range) = range {
            for i in range {
                source[i] = true;
            }
        }
        index += length.max(1);
    }
    source
}

fn starts_with_digit(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_ascii_digit())
}

enum Parsed {
    Number(f64, Option<f64>),
    Date(DateMark),
}

enum Figure {
    Quantity(Quantity),
    Date(DateMark),
}

/// A number token as written in `language`: `1.500` is fifteen hundred in German and `1,500` in English;
/// `5,1` and `5.1` are decimals; `22.10.2024` is a date; a letter suffix may be a scale (`1.2bn`).
fn parse_number_token(token: &str, language: Language) -> Option<Parsed> {
    let digits_end = token
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map_or(token.len(), |(i, _)| i);
    let (number, suffix) = token.split_at(digits_end);
    let number = number.trim_end_matches(['.', ',']);
    if let Some(mark) = parse_date(number) {
        return Some(Parsed::Date(mark));
    }
    let scale = match suffix.to_lowercase().as_str() {
        "" => None,
        suffix => match QUANTITIES.words.get(suffix) {
            Some((QuantityWord::Scale(scale), _)) => Some(*scale),
            Some((QuantityWord::Unit | QuantityWord::Currency, _)) => None,
            _ if suffix == "k" => Some(1e3),
            _ if suffix == "m" => Some(1e6),
            // `3rd`, `2nd`, `90er`: not a figure we can compare.
            _ => return None,
        },
    };
    let (thousands, decimal) = match language {
        Language::German => ('.', ','),
        Language::English | Language::Other => (',', '.'),
    };
    let mut canonical = String::with_capacity(number.len());
    let groups: Vec<&str> = number.split(thousands).collect();
    let grouped = groups.len() > 1
        && groups[1..]
            .iter()
            .all(|g| g.len() == 3 || g.split(decimal).next().is_some_and(|h| h.len() == 3));
    if grouped {
        canonical.push_str(&groups.concat());
    } else if groups.len() > 1 {
        // A single separator not followed by three digits is a decimal point in the other convention.
        canonical.push_str(&number.replace(thousands, "."));
    } else {
        canonical.push_str(number);
    }
    let canonical = canonical.replace(decimal, ".");
    let value = canonical.parse::<f64>().ok()?;
    Some(Parsed::Number(value, scale))
}

fn parse_date(number: &str) -> Option<DateMark> {
    let parts: Vec<&str> = number.split('.').collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    let day: u32 = parts[0].parse().ok()?;
    let month: u32 = parts[1].parse().ok()?;
    let mut year: u32 = parts[2].parse().ok()?;
    if parts[2].len() == 2 {
        year += 2000;
    }
    ((1..=31).contains(&day) && (1..=12).contains(&month) && (1800..=2200).contains(&year)).then(
        || DateMark {
            kind: DateKind::Day,
            value: year * 10_000 + month * 100 + day,
            surface: number.to_owned(),
        },
    )
}

/// Reads what follows a number: scale words, a unit or a currency. Returns the figure (or a year) and the
/// number of tokens used.
fn read_quantity(
    tokens: &[Token<'_>],
    lower: &[String],
    start: usize,
    value: f64,
    scale: Option<f64>,
    currency_before: Option<String>,
    text: &str,
) -> (Figure, usize) {
    let mut end = start + 1;
    let mut value = value * scale.unwrap_or(1.0);
    let mut unit = currency_before.clone();
    let mut scaled = scale.is_some();
    while end < tokens.len() {
        let two_words = lower
            .get(end + 1)
            .map(|next| format!("{} {next}", lower[end]));
        let (entry, width) = match two_words.as_deref().and_then(|w| QUANTITIES.words.get(w)) {
            Some(entry) => (Some(entry), 2),
            None => (QUANTITIES.words.get(lower[end].as_str()), 1),
        };
        match entry {
            Some((QuantityWord::Scale(factor), _)) if !scaled => {
                value *= factor;
                scaled = true;
            }
            Some((QuantityWord::Unit | QuantityWord::Currency, canonical)) if unit.is_none() => {
                unit = Some(canonical.clone());
                end += width;
                break;
            }
            _ => break,
        }
        end += width;
    }
    let first = tokens[start];
    let last = tokens[end - 1];
    let written_start = if currency_before.is_some() && start > 0 {
        tokens[start - 1].start
    } else {
        first.start
    };
    let surface = text
        .get(written_start..last.end)
        .unwrap_or(first.text)
        .to_owned();
    let is_year = unit.is_none()
        && !scaled
        && first.text.len() == 4
        && first.text.chars().all(|c| c.is_ascii_digit())
        && (1800.0..=2200.0).contains(&value);
    if is_year {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let year = value as u32;
        return (
            Figure::Date(DateMark {
                kind: DateKind::Year,
                value: year,
                surface,
            }),
            end - start,
        );
    }
    (
        Figure::Quantity(Quantity {
            value,
            unit,
            surface,
        }),
        end - start,
    )
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
        let known_head = match heads_tried.iter().find(|(head, _)| *head == right) {
            Some((_, known)) => *known,
            None => {
                let known = knows(&stem(language, &right));
                heads_tried.push((right.clone(), known));
                known
            }
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
