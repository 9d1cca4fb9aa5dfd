//! What a segment contains: tokens with their lexicon categories, numbers, names, quotes, hedges.
//! Pure functions of (text, span, lexicon); the scoring and the decision live in the parent module.

use std::borrow::Cow;

use super::lexicon::{Categories, Category, Lexicon};
use super::segment::Span;
use super::tokens::tokenize;
use crate::article::Language;

/// A word of a segment with everything the lexicon says about it. Offsets are into the article text.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    /// Byte offset in the article text.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// The word as written.
    pub text: &'a str,
    /// The word lower-cased.
    pub lower: Cow<'a, str>,
    /// Single-word lexicon categories (multi-word entries are in [`Analysis::phrases`]).
    pub categories: Categories,
    /// Whether the word sits inside a direct quotation.
    pub quoted: bool,
}

impl Word<'_> {
    /// Whether the word is an article.
    pub fn is_article(&self) -> bool {
        is_article(&self.lower)
    }

    /// Whether the first character is upper case.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether the lexicon puts the word in `category`.
    pub fn is(&self, category: Category) -> bool {
        self.categories.has(category)
    }

    /// Whether the word contains a digit.
    pub fn has_digit(&self) -> bool {
        self.text.bytes().any(|b| b.is_ascii_digit())
    }
}

/// A multi-word lexicon match: `len` words from `first`.
#[derive(Debug, Clone, Copy)]
pub struct PhraseMatch {
    /// Its category.
    pub category: Category,
    /// Index of the first word.
    pub first: usize,
    /// Number of words.
    pub len: usize,
}

/// How a number is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// A percentage or percentage points.
    Percentage,
    /// An amount of money.
    Money,
    /// A count or measure with a unit.
    Quantity,
    /// A date or year.
    Date,
    /// Any other number.
    Plain,
}

/// A number in a segment and what it measures.
#[derive(Debug, Clone)]
pub struct NumberMention {
    /// Its use.
    pub kind: NumberKind,
    /// The words that make it up ("1.500 Spezialeinheiten", "4,7 Mrd. Euro").
    pub text: String,
}

/// Everything the claim decision needs to know about one segment.
#[derive(Debug, Clone)]
pub struct Analysis<'a> {
    /// The segment's span in the article text.
    pub span: Span,
    /// The segment text.
    pub text: &'a str,
    /// Its words.
    pub words: Vec<Word<'a>>,
    /// Multi-word lexicon matches.
    pub phrases: Vec<PhraseMatch>,
    /// Byte ranges (article offsets) of direct quotations of three or more words.
    pub quotes: Vec<Span>,
    /// Numbers and what they measure.
    pub numbers: Vec<NumberMention>,
    /// Names of people, organisations and places.
    pub entities: Vec<String>,
    /// Hedge words with their spans.
    pub hedges: Vec<(String, Span)>,
    /// The segment asks a question.
    pub is_question: bool,
    /// The segment ends with an exclamation mark.
    pub is_exclamation: bool,
    /// The segment is a whole line without final punctuation: a title or heading.
    pub is_heading: bool,
    /// A publication note, never a claim.
    pub is_boilerplate: bool,
    /// Every category that some word or phrase of the segment has.
    pub present: Categories,
}

impl Analysis<'_> {
    /// Whether any word or phrase is in `category`.
    pub fn has(&self, category: Category) -> bool {
        self.present.has(category)
    }

    /// The words (or phrases) in `category`, as written.
    pub fn matches(&self, category: Category) -> Vec<String> {
        if !self.present.has(category) {
            return Vec::new();
        }
        let mut found: Vec<(usize, String)> = self
            .words
            .iter()
            .enumerate()
            .filter(|(_, w)| w.is(category))
            .map(|(i, w)| (i, w.text.to_owned()))
            .collect();
        for phrase in self.phrases.iter().filter(|p| p.category == category) {
            found.retain(|(i, _)| *i < phrase.first || *i >= phrase.first + phrase.len);
            found.push((phrase.first, self.phrase_text(phrase.first, phrase.len)));
        }
        found.sort_by_key(|(i, _)| *i);
        found.into_iter().map(|(_, text)| text).collect()
    }

    /// The text of `len` words from `first`, as written in the article.
    pub fn phrase_text(&self, first: usize, len: usize) -> String {
        match (
            self.words.get(first),
            self.words.get(first + len.saturating_sub(1)),
        ) {
            (Some(a), Some(b)) => self.slice(a.start, b.end).to_owned(),
            _ => String::new(),
        }
    }

    /// Article text between two article offsets inside this segment.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        self.text
            .get(start - self.span.start..end - self.span.start)
            .unwrap_or_default()
    }

    /// The punctuation between word `index - 1` and word `index`.
    pub fn gap_before(&self, index: usize) -> &str {
        let start = if index == 0 {
            self.span.start
        } else {
            self.words[index - 1].end
        };
        let end = self.words.get(index).map_or(self.span.end, |w| w.start);
        self.slice(start, end)
    }

    /// The indices of the words that lie wholly inside `span` (words are in text order, so they are one
    /// run).
    pub fn word_range(&self, span: Span) -> std::ops::Range<usize> {
        let first = self.words.partition_point(|w| w.start < span.start);
        let end = first + self.words[first..].partition_point(|w| w.end <= span.end);
        first..end
    }

    /// The words that lie wholly inside `span`.
    pub fn words_in(&self, span: Span) -> &[Word<'_>] {
        &self.words[self.word_range(span)]
    }

    /// Number of words.
    pub fn word_count(&self) -> usize {
        self.words.len()
    }
}

fn is_opening_quote(c: char) -> bool {
    matches!(c, '„' | '“' | '"' | '»' | '«' | '‚' | '‹')
}

fn closing_quotes_for(open: char) -> &'static [char] {
    match open {
        '„' => &['“', '”', '"'],
        '“' => &['”', '“'],
        '"' => &['"', '“', '”'],
        '»' => &['«'],
        '«' => &['»'],
        '‚' => &['‘', '’'],
        '‹' => &['›'],
        _ => &[],
    }
}

/// "Everton gab Bournemouth das Nachsehen": a verb that reports only with a particle ("gab bekannt",
/// "gab an") is no reporting verb when none of its particles follows it in the same clause; one that
/// reports except with a particle ("sieht … vor") is none when that particle follows.
fn drop_reporting_verbs_without_particle(text: &str, words: &mut [Word<'_>], lexicon: &Lexicon) {
    for index in 0..words.len() {
        if !words[index].is(Category::ReportingVerb) {
            continue;
        }
        let Some(particles) = lexicon.reporting_particles(&words[index].lower) else {
            continue;
        };
        let clause_ends_before = |next: usize| {
            text[words[next - 1].end..words[next].start]
                .contains([',', ';', ':', '–', '"', '„', '“'])
        };
        let in_clause = |particle: &str| {
            (index + 1..words.len())
                .take_while(|&next| !clause_ends_before(next))
                .any(|next| words[next].lower == particle)
        };
        // "sieht: !vor": "Er sieht Ausgaben von 3 Mio. Euro vor" plans, it does not report.
        let (blocking, reporting): (Vec<&String>, Vec<&String>) =
            particles.iter().partition(|p| p.starts_with('!'));
        let blocked = blocking.iter().any(|p| in_clause(&p[1..]));
        let missing = !reporting.is_empty() && !reporting.iter().any(|p| in_clause(p));
        if blocked || missing {
            words[index].categories.remove(Category::ReportingVerb);
        }
    }
}

/// Analyzes the segment `span` of `text`.
pub fn analyze<'a>(text: &'a str, span: Span, lexicon: &Lexicon) -> Analysis<'a> {
    let segment = &text[span.start..span.end];
    // About one word per six bytes in German and English: one allocation, not a series of growths.
    let mut words: Vec<Word<'a>> = Vec::with_capacity(segment.len() / 5 + 2);
    words.extend(tokenize(segment).map(|token| {
        let lower = if token.text.is_ascii() {
            if token.text.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(token.text.to_ascii_lowercase())
            } else {
                Cow::Borrowed(token.text)
            }
        } else if token.text.chars().any(char::is_uppercase) {
            Cow::Owned(token.text.to_lowercase())
        } else {
            Cow::Borrowed(token.text)
        };
        let categories = lexicon.categories(&lower);
        Word {
            start: span.start + token.start,
            end: span.start + token.end,
            text: token.text,
            lower,
            categories,
            quoted: false,
        }
    }));
    drop_reporting_verbs_without_particle(text, &mut words, lexicon);
    let phrases = find_phrases(&words, lexicon);
    let mut present = words.iter().fold(Categories::default(), |all, word| {
        all.union(word.categories)
    });
    for phrase in &phrases {
        present.insert(phrase.category);
    }
    let quotes = find_quotes(segment, span.start);
    for word in &mut words {
        word.quoted = quotes
            .iter()
            .any(|q| q.start <= word.start && word.end <= q.end);
    }
    let last_char = segment
        .trim_end_matches(['"', '\'', '“', '”', '’', '«', '»', ')'])
        .chars()
        .next_back();
    // A whole line: only spaces or tabs between the segment and the line breaks around it. Read outward
    // from the segment, never along the line, so long lines stay linear.
    let before = text[..span.start]
        .chars()
        .rev()
        .take_while(|&c| c != '\n')
        .all(char::is_whitespace);
    let after = text[span.end..]
        .chars()
        .take_while(|&c| c != '\n')
        .all(char::is_whitespace);
    let whole_line = before && after;
    let is_heading = whole_line
        && !last_char.is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | ':' | ';' | ','));
    // Publication notes are short and say what they are early on: the first few hundred bytes decide. A note
    // that must open the segment can only be there when its first word does.
    let could_be_boilerplate = words
        .first()
        .is_some_and(|w| w.is(Category::BoilerplateStart))
        || words.iter().any(|w| w.is(Category::BoilerplateAnywhere));
    let is_boilerplate = could_be_boilerplate && {
        let head_end = (0..=segment.len().min(400))
            .rev()
            .find(|&i| segment.is_char_boundary(i))
            .unwrap_or(0);
        let head = &segment[..head_end];
        let lower = if head.is_ascii() {
            head.to_ascii_lowercase()
        } else {
            head.to_lowercase()
        };
        lexicon.is_boilerplate(&lower)
    };
    let mut analysis = Analysis {
        span,
        text: segment,
        numbers: Vec::new(),
        entities: Vec::new(),
        hedges: Vec::new(),
        is_question: last_char == Some('?'),
        is_exclamation: last_char == Some('!'),
        is_heading,
        is_boilerplate,
        present,
        words,
        phrases,
        quotes,
    };
    analysis.numbers = find_numbers(&analysis);
    analysis.entities = find_entities(&analysis, lexicon);
    analysis.hedges = find_hedges(&analysis);
    analysis
}

fn find_phrases(words: &[Word<'_>], lexicon: &Lexicon) -> Vec<PhraseMatch> {
    let mut phrases = Vec::new();
    let mut window: Vec<&str> = Vec::with_capacity(6);
    for first in 0..words.len() {
        // Phrases are keyed by their first word; build the lower-cased window only where one can start.
        if !words[first].is(Category::PhraseStart) {
            continue;
        }
        window.clear();
        window.extend(words[first..].iter().take(6).map(|w| w.lower.as_ref()));
        for (category, len) in lexicon.phrases_at(&window) {
            phrases.push(PhraseMatch {
                category,
                first,
                len,
            });
        }
    }
    phrases
}

/// Direct quotations of at least three words, as article spans (including the quote marks).
fn find_quotes(segment: &str, offset: usize) -> Vec<Span> {
    let mut quotes = Vec::new();
    let mut position = 0;
    // Most segments have no quote mark: jump from one possible first byte of an opening mark to the next
    // instead of decoding every char ('"', or the lead byte of „“‚‹ and «»).
    while let Some(found) = memchr::memchr3(b'"', 0xE2, 0xC2, &segment.as_bytes()[position..]) {
        let start = position + found;
        let Some(c) = segment[start..].chars().next() else {
            break;
        };
        position = start + c.len_utf8();
        if !is_opening_quote(c) {
            continue;
        }
        // An ASCII quote right after a letter is a closing one or an inch mark, not an opening.
        if c == '"'
            && segment[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let closers = closing_quotes_for(c);
        let body_start = start + c.len_utf8();
        let Some(close) = segment[body_start..].find(closers) else {
            continue;
        };
        let body = &segment[body_start..body_start + close];
        let close_char_len = segment[body_start + close..]
            .chars()
            .next()
            .map_or(1, char::len_utf8);
        let end = body_start + close + close_char_len;
        if body.split_whitespace().count() >= 3 {
            quotes.push(Span {
                start: offset + start,
                end: offset + end,
            });
        }
        position = position.max(end);
    }
    quotes
}

fn is_date_number(text: &str) -> bool {
    let parts: Vec<&str> = text.split(['.', '-', '/']).collect();
    let all_digits = parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if parts.len() == 3 && all_digits {
        return true;
    }
    text.len() == 4
        && text.bytes().all(|b| b.is_ascii_digit())
        && matches!(text.parse::<u32>(), Ok(1800..=2100))
}

fn find_numbers(analysis: &Analysis<'_>) -> Vec<NumberMention> {
    let words = &analysis.words;
    let mut numbers = Vec::new();
    let mut index = 0;
    while index < words.len() {
        let word = &words[index];
        let numeric = word.has_digit() || word.is(Category::NumberWord);
        let enumerator =
            index == 0 && analysis.gap_before(1).starts_with(['.', ')']) && word.text.len() <= 3;
        if !numeric || enumerator {
            index += 1;
            continue;
        }
        let mut last = index;
        // "4,7 Mrd. Euro", "2,3 Millionen Menschen": scale words and units belong to the number.
        while last + 1 < words.len() && words[last + 1].is(Category::NumberWord) {
            last += 1;
        }
        let next = words.get(last + 1);
        let previous = index.checked_sub(1).and_then(|i| words.get(i));
        let kind = if next.is_some_and(|w| crate::text::figures::is_share_unit(&w.lower)) {
            last += 1;
            NumberKind::Percentage
        } else if next.is_some_and(|w| w.is(Category::Currency))
            || previous.is_some_and(|w| w.is(Category::Currency))
        {
            if next.is_some_and(|w| w.is(Category::Currency)) {
                last += 1;
            }
            NumberKind::Money
        } else if is_date_number(word.text)
            || next.is_some_and(|w| w.is(Category::Month))
            || previous.is_some_and(|w| w.is(Category::Month))
        {
            NumberKind::Date
        } else if next.is_some_and(|w| {
            w.is(Category::Unit) || (w.is_capitalized() && !w.is(Category::Function))
        }) {
            last += 1;
            NumberKind::Quantity
        } else {
            NumberKind::Plain
        };
        let first_word =
            if kind == NumberKind::Money && previous.is_some_and(|w| w.is(Category::Currency)) {
                index - 1
            } else {
                index
            };
        numbers.push(NumberMention {
            kind,
            text: analysis.phrase_text(first_word, last - first_word + 1),
        });
        index = last + 1;
    }
    numbers
}

fn find_entities(analysis: &Analysis<'_>, lexicon: &Lexicon) -> Vec<String> {
    let words = &analysis.words;
    let all_caps = words
        .iter()
        .filter(|w| w.text.chars().any(char::is_alphabetic))
        .all(|w| !w.text.chars().any(char::is_lowercase));
    let mut entities: Vec<String> = Vec::new();
    let mut push = |name: String| {
        if !name.is_empty() && !entities.contains(&name) {
            entities.push(name);
        }
    };
    let mut index = 0;
    while index < words.len() {
        let word = &words[index];
        // "Ukraine-Kriegs", "US-Außenministerium": a compound that starts with a place names it.
        let is_place = word.is(Category::Place)
            || word
                .lower
                .as_bytes()
                .iter()
                .position(|&b| b == b'-')
                .is_some_and(|hyphen| {
                    // A byte loop: words are short, and a char searcher costs more to set up than to run.
                    let head = &word.lower[..hyphen];
                    head.len() > 1 && lexicon.categories(head).has(Category::Place)
                });
        let acronym = !all_caps && is_acronym(word.text);
        if is_place || acronym || lexicon.is_demonym(&word.lower) {
            push(word.text.to_owned());
            index += 1;
            continue;
        }
        // Names: runs of capitalized words that are not function words. German capitalizes every noun, so
        // there a single capitalized word is not a name; English needs a word that is not sentence-initial.
        let mut end = index;
        while end < words.len()
            && words[end].is_capitalized()
            && !words[end].is(Category::Function)
            && !is_measure(&words[end])
            && (end == index || analysis.gap_before(end).trim().is_empty())
        {
            end += 1;
        }
        // "Präsident Wolodymyr Selenskyj": the role is not part of the name.
        if end - index >= 2 && words[index].is(Category::Role) {
            index += 1;
        }
        let run = end - index;
        let after_role = index > 0 && words[index - 1].is(Category::Role);
        // German nouns after an article are a noun phrase ("Die Beteiligung Nordkoreas"), not a name.
        let after_article = index > 0 && is_article(&words[index - 1].lower);
        let is_name = match lexicon.language {
            Language::German => (run >= 2 && !after_article) || (run == 1 && after_role),
            _ => run >= 2 || (run == 1 && index > 0 && !words[index].is(Category::Month)),
        };
        if run > 0 && is_name && !all_caps {
            push(analysis.phrase_text(index, run));
            index = end;
        } else {
            index += 1;
        }
    }
    entities
}

/// Units, currencies, number words and dates are capitalized German nouns, never names ("Millionen Euro").
fn is_measure(word: &Word<'_>) -> bool {
    [
        Category::NumberWord,
        Category::Currency,
        Category::Unit,
        Category::Month,
        Category::TimeWord,
    ]
    .into_iter()
    .any(|c| word.is(c))
}

/// Whether a lower-cased word is a definite or indefinite article (German or English).
pub(crate) fn is_article(lower: &str) -> bool {
    matches!(
        lower,
        "der"
            | "die"
            | "das"
            | "den"
            | "dem"
            | "des"
            | "ein"
            | "eine"
            | "einer"
            | "eines"
            | "einem"
            | "einen"
            | "the"
            | "a"
            | "an"
    )
}

fn is_acronym(text: &str) -> bool {
    // Nearly every word starts with a lower-case letter or has one second: decide those without a scan.
    let mut first_two = text.chars().take(2);
    if first_two.any(char::is_lowercase) {
        return false;
    }
    let head = text.split('-').next().unwrap_or_default();
    head.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && head.chars().all(|c| c.is_uppercase() || c == '.')
}

fn find_hedges(analysis: &Analysis<'_>) -> Vec<(String, Span)> {
    let mut hedges: Vec<(usize, String, Span)> = analysis
        .words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.is(Category::Hedge))
        .map(|(i, w)| {
            (
                i,
                w.text.to_owned(),
                Span {
                    start: w.start,
                    end: w.end,
                },
            )
        })
        .collect();
    for phrase in analysis
        .phrases
        .iter()
        .filter(|p| p.category == Category::Hedge)
    {
        let (first, last) = (
            &analysis.words[phrase.first],
            &analysis.words[phrase.first + phrase.len - 1],
        );
        hedges.retain(|(i, _, _)| *i < phrase.first || *i >= phrase.first + phrase.len);
        hedges.push((
            phrase.first,
            analysis.phrase_text(phrase.first, phrase.len),
            Span {
                start: first.start,
                end: last.end,
            },
        ));
    }
    hedges.sort_by_key(|(i, _, _)| *i);
    hedges
        .into_iter()
        .map(|(_, text, span)| (text, span))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyze_de(text: &str) -> Analysis<'_> {
        analyze(
            text,
            Span {
                start: 0,
                end: text.len(),
            },
            Lexicon::for_language(Language::German),
        )
    }

    #[test]
    fn numbers_are_classified() {
        let analysis = analyze_de(
            "Der Umsatz stieg um 12 Prozent auf 4,7 Mrd. Euro, am 3. Mai 2024 waren es 1.500 Fälle.",
        );
        let kinds: Vec<NumberKind> = analysis.numbers.iter().map(|n| n.kind).collect();
        assert_eq!(
            kinds,
            [
                NumberKind::Percentage,
                NumberKind::Money,
                NumberKind::Date,
                NumberKind::Date,
                NumberKind::Quantity
            ]
        );
        assert_eq!(analysis.numbers[1].text, "4,7 Mrd. Euro");
    }

    #[test]
    fn names_places_and_acronyms() {
        let analysis = analyze_de(
            "Der ukrainische Präsident Wolodymyr Selenskyj warf Russland und der NATO Fehler vor.",
        );
        assert!(
            analysis
                .entities
                .contains(&"Wolodymyr Selenskyj".to_owned())
        );
        assert!(analysis.entities.contains(&"Russland".to_owned()));
        assert!(analysis.entities.contains(&"NATO".to_owned()));
        assert!(analysis.entities.contains(&"ukrainische".to_owned()));
    }

    #[test]
    fn quotes_and_hedges() {
        let analysis =
            analyze_de("„Das könnte gefährlich werden“, sagte sie, die Lage sei angeblich ruhig.");
        assert_eq!(analysis.quotes.len(), 1);
        let hedges: Vec<&str> = analysis.hedges.iter().map(|(h, _)| h.as_str()).collect();
        assert_eq!(hedges, ["könnte", "angeblich"]);
        assert!(
            analysis
                .words
                .iter()
                .find(|w| w.text == "könnte")
                .unwrap()
                .quoted
        );
        assert!(
            !analysis
                .words
                .iter()
                .find(|w| w.text == "sagte")
                .unwrap()
                .quoted
        );
    }

    #[test]
    fn headings_questions_boilerplate() {
        let text = "Streik bei der Bahn\nWer zahlt? Diese Nachricht wurde am 1.1.2024 gesendet.";
        let lexicon = Lexicon::for_language(Language::German);
        assert!(analyze(text, Span { start: 0, end: 19 }, lexicon).is_heading);
        assert!(analyze(text, Span { start: 20, end: 30 }, lexicon).is_question);
        assert!(
            analyze(
                text,
                Span {
                    start: 31,
                    end: text.len()
                },
                lexicon
            )
            .is_boilerplate
        );
    }
}
