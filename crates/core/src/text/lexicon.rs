//! Language knowledge loaded from the plain-text lists in `assets/lexicon/`.
//!
//! The lists are compiled into the binary with `include_str!`, parsed once per language on first use and
//! shared for the life of the process. Code asks questions ("is this an abbreviation?", "which categories
//! does this word belong to?"); the answers live in data.

use std::sync::LazyLock;

use foldhash::{HashMap, HashMapExt, HashSet};

use crate::article::Language;

/// A category of lexicon entries that the claim features use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Category {
    /// Month names and their abbreviations.
    Month,
    /// Weekdays and relative time expressions.
    TimeWord,
    /// Number words (`drei`, `million`).
    NumberWord,
    /// Units of measure and counted nouns.
    Unit,
    /// Currencies.
    Currency,
    /// Verbs of saying (`sagte`, `said`).
    ReportingVerb,
    /// Markers followed by a source (`laut`, `according to`).
    AttributionBefore,
    /// Markers that follow the source (`zufolge`).
    AttributionAfter,
    /// Attribution without a named source (`hieß es`).
    AnonymousAttribution,
    /// Words that make a statement uncertain.
    Hedge,
    /// Hedges that make it second-hand (`angeblich`, `reportedly`): a subset of [`Category::Hedge`].
    SecondHand,
    /// German Konjunktiv forms that continue reported speech.
    ReportedSpeech,
    /// Future and forecast markers.
    Prediction,
    /// Comparisons, records, changes.
    Comparison,
    /// Verbs and nouns of verifiable events.
    Event,
    /// Opinion and normative markers.
    Opinion,
    /// Articles, pronouns, prepositions, auxiliaries.
    Function,
    /// Titles and roles before names.
    Role,
    /// Words that mark an organisation.
    OrganisationWord,
    /// Works named as a source: a survey, study, report, ruling or post.
    SourceWork,
    /// Absolute and negated quantities (`keinerlei`, `never`).
    Absolute,
    /// First-person words (`ich`, `wir`, `I`, `we`): a speaker stating their own record.
    FirstPerson,
    /// Past-tense forms (`war`, `stieg`, `was`, `rose`): what happened can be checked.
    PastTense,
    /// Circulating claims: viral posts, "kursiert", "it is being claimed".
    Rumour,
    /// Platforms where claims circulate ("auf Telegram", "on social media"): a rumour with an unnamed source.
    Platform,
    /// Routine sport: results, play-by-play, tables ("Tor des Tages", "standings").
    RoutineSport,
    /// Schedules and broadcast notes ("Anpfiff", "live on", "tickets").
    RoutineSchedule,
    /// What makes a routine item news after all: debt, doping, bans, violence.
    NewsInRoutine,
    /// Margins and places in a race or a table ("Sekunden", "Hundertstel", "Vorsprung", "Rang"): with a
    /// figure and a [`Category::RoutineRace`] word, a routine result.
    RoutineMargin,
    /// Races and tables ("Riesentorlauf", "Gesamtwertung", "Spitzenreiter", "overall standings").
    RoutineRace,
    /// Prepositions that say where an anonymous statement comes from ("Aus dem Ministerium hieß es").
    SourcePreposition,
    /// Words between a group and the person who leads it ("Forscher um Anja Reiter", "led by").
    TeamLink,
    /// A source named by a pronoun ("ihm zufolge", "seiner Meinung nach", "according to her").
    PronounAttribution,
    /// Countries, capitals and international bodies.
    Place,
    /// The first word of some multi-word entry (not a list of its own).
    PhraseStart,
    /// The first word of a boilerplate entry that opens a segment: only segments that start with one, or
    /// have a [`Category::BoilerplateAnywhere`] word, are checked for boilerplate.
    BoilerplateStart,
    /// The first word of a boilerplate entry that may stand anywhere in a segment.
    BoilerplateAnywhere,
}

const CATEGORY_COUNT: usize = Category::Place as usize + 1;

/// A set of categories, one bit each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Categories(u64);

impl Categories {
    /// Whether `category` is in the set.
    #[must_use]
    pub fn has(self, category: Category) -> bool {
        self.0 & (1 << category as u64) != 0
    }

    pub(crate) fn insert(&mut self, category: Category) {
        self.0 |= 1 << category as u64;
    }

    pub(crate) fn remove(&mut self, category: Category) {
        self.0 &= !(1 << category as u64);
    }

    /// Both sets together.
    #[must_use]
    pub fn union(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }

    /// Whether the set is empty.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// A multi-word lexicon entry, stored under its first word.
#[derive(Debug)]
struct Phrase {
    rest: Vec<String>,
    category: Category,
}

/// Everything claimdesk knows about one language.
#[derive(Debug)]
pub struct Lexicon {
    /// The language the lists describe.
    pub language: Language,
    abbreviations: HashSet<String>,
    terminal_abbreviations: HashSet<String>,
    final_abbreviations: HashSet<String>,
    sentence_starters: HashSet<String>,
    ordinal_markers: HashSet<String>,
    ordinal_followers: HashSet<String>,
    /// Reporting verbs that report only with one of their particles later in the clause.
    reporting_particles: HashMap<String, Vec<String>>,
    /// Who spreads a circulating claim: the words that name it and the speaker shown, in file order.
    rumour_sources: Vec<(Vec<String>, String)>,
    /// The speaker of a circulating claim that names no platform ("Nutzer", "users").
    rumour_default_source: String,
    words: HashMap<String, Categories>,
    phrases: HashMap<String, Vec<Phrase>>,
    boilerplate_prefixes: Vec<String>,
    boilerplate_anywhere: Vec<String>,
    demonym_stems: Vec<String>,
    /// Prepositions and the compound heads after which a word's first part is a source ("nach
    /// Polizeiangaben").
    source_compounds: HashMap<String, Vec<String>>,
    /// Endings after which a compound's linking s is not part of its first word ("Ministeriumsangaben").
    linking_s_endings: Vec<String>,
}

/// The entries of one list: trimmed, lower-cased, comments and blank lines removed.
fn entries(list: &str) -> impl Iterator<Item = String> + '_ {
    list.lines()
        .map(|line| {
            line.split_once('#')
                .map_or(line, |(before, _)| before)
                .trim()
        })
        .filter(|line| !line.is_empty())
        .map(str::to_lowercase)
}

/// Abbreviations are compared without spaces and without the final period: `z. B.` → `z.b`.
#[must_use]
pub fn normalize_abbreviation(text: &str) -> String {
    let mut normalized: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if normalized.ends_with('.') {
        normalized.pop();
    }
    normalized
}

/// The word tokens of a lexicon entry, as the tokenizer would cut them from running text.
fn entry_words(entry: &str) -> Vec<String> {
    crate::text::tokens::tokenize(entry)
        .map(|token| token.text.to_lowercase())
        .collect()
}

struct Sources {
    abbreviations: &'static str,
    terminal_abbreviations: &'static str,
    final_abbreviations: &'static str,
    sentence_starters: &'static str,
    ordinal_markers: &'static str,
    ordinal_followers: &'static str,
    reporting_particles: &'static str,
    rumour_spreaders: &'static str,
    boilerplate: &'static str,
    demonyms: &'static str,
    source_compounds: &'static str,
    categorized: [(Category, &'static str); CATEGORY_COUNT - 1],
}

macro_rules! sources {
    ($lang:literal) => {
        Sources {
            abbreviations: include_str!(concat!(
                "../../../../assets/lexicon/",
                $lang,
                "/abbreviations.txt"
            )),
            terminal_abbreviations: include_str!(concat!(
                "../../../../assets/lexicon/",
                $lang,
                "/terminal_abbreviations.txt"
            )),
            final_abbreviations: include_str!(concat!(
                "../../../../assets/lexicon/",
                $lang,
                "/final_abbreviations.txt"
            )),
            sentence_starters: include_str!(concat!(
                "../../../../assets/lexicon/",
                $lang,
                "/sentence_starters.txt"
            )),
            ordinal_markers: include_str!(concat!(
                "../../../../assets/lexicon/",
                $lang,
                "/ordinal_markers.txt"
            )),
            ordinal_followers: include_str!(concat!(
                "../../../../assets/lexicon/",
                $lang,
                "/ordinal_followers.txt"
            )),
            reporting_particles: include_str!(concat!(
                "../../../../assets/lexicon/",
                $lang,
                "/reporting_particles.txt"
            )),
            rumour_spreaders: include_str!(concat!(
                "../../../../assets/lexicon/",
                $lang,
                "/rumour_sources.txt"
            )),
            boilerplate: include_str!(concat!(
                "../../../../assets/lexicon/",
                $lang,
                "/boilerplate.txt"
            )),
            demonyms: include_str!(concat!(
                "../../../../assets/lexicon/",
                $lang,
                "/demonyms.txt"
            )),
            source_compounds: include_str!(concat!(
                "../../../../assets/lexicon/",
                $lang,
                "/source_compounds.txt"
            )),
            categorized: [
                (
                    Category::Month,
                    include_str!(concat!("../../../../assets/lexicon/", $lang, "/months.txt")),
                ),
                (
                    Category::TimeWord,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/time_words.txt"
                    )),
                ),
                (
                    Category::NumberWord,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/number_words.txt"
                    )),
                ),
                (
                    Category::Unit,
                    include_str!(concat!("../../../../assets/lexicon/", $lang, "/units.txt")),
                ),
                (
                    Category::Currency,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/currency.txt"
                    )),
                ),
                (
                    Category::ReportingVerb,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/reporting_verbs.txt"
                    )),
                ),
                (
                    Category::AttributionBefore,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/attribution_before.txt"
                    )),
                ),
                (
                    Category::AttributionAfter,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/attribution_after.txt"
                    )),
                ),
                (
                    Category::AnonymousAttribution,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/anonymous_attribution.txt"
                    )),
                ),
                (
                    Category::Hedge,
                    include_str!(concat!("../../../../assets/lexicon/", $lang, "/hedges.txt")),
                ),
                (
                    Category::SecondHand,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/second_hand.txt"
                    )),
                ),
                (
                    Category::ReportedSpeech,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/reported_speech.txt"
                    )),
                ),
                (
                    Category::Prediction,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/predictions.txt"
                    )),
                ),
                (
                    Category::Comparison,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/comparisons.txt"
                    )),
                ),
                (
                    Category::Event,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/event_words.txt"
                    )),
                ),
                (
                    Category::Opinion,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/opinion.txt"
                    )),
                ),
                (
                    Category::Rumour,
                    include_str!(concat!("../../../../assets/lexicon/", $lang, "/rumour.txt")),
                ),
                (
                    Category::Platform,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/platforms.txt"
                    )),
                ),
                (
                    Category::RoutineSport,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/routine_sport.txt"
                    )),
                ),
                (
                    Category::RoutineSchedule,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/routine_schedule.txt"
                    )),
                ),
                (
                    Category::NewsInRoutine,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/news_in_routine.txt"
                    )),
                ),
                (
                    Category::RoutineMargin,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/routine_margins.txt"
                    )),
                ),
                (
                    Category::RoutineRace,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/routine_races.txt"
                    )),
                ),
                (
                    Category::SourcePreposition,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/source_prepositions.txt"
                    )),
                ),
                (
                    Category::TeamLink,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/team_links.txt"
                    )),
                ),
                (
                    Category::PronounAttribution,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/pronoun_attribution.txt"
                    )),
                ),
                (
                    Category::Function,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/function_words.txt"
                    )),
                ),
                (
                    Category::Role,
                    include_str!(concat!("../../../../assets/lexicon/", $lang, "/roles.txt")),
                ),
                (
                    Category::Absolute,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/absolutes.txt"
                    )),
                ),
                (
                    Category::OrganisationWord,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/organisation_words.txt"
                    )),
                ),
                (
                    Category::SourceWork,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/source_works.txt"
                    )),
                ),
                (
                    Category::FirstPerson,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/first_person.txt"
                    )),
                ),
                (
                    Category::PastTense,
                    include_str!(concat!(
                        "../../../../assets/lexicon/",
                        $lang,
                        "/past_tense.txt"
                    )),
                ),
            ],
        }
    };
}

const PLACES: &str = include_str!("../../../../assets/lexicon/places.txt");

impl Lexicon {
    fn from_sources(language: Language, sources: &Sources) -> Self {
        let mut lexicon = Self {
            language,
            abbreviations: entries(sources.abbreviations)
                .map(|e| normalize_abbreviation(&e))
                .collect(),
            terminal_abbreviations: entries(sources.terminal_abbreviations)
                .map(|e| normalize_abbreviation(&e))
                .collect(),
            final_abbreviations: entries(sources.final_abbreviations)
                .map(|e| normalize_abbreviation(&e))
                .collect(),
            sentence_starters: entries(sources.sentence_starters).collect(),
            ordinal_markers: entries(sources.ordinal_markers).collect(),
            ordinal_followers: entries(sources.ordinal_followers).collect(),
            reporting_particles: entries(sources.reporting_particles)
                .filter_map(|entry| {
                    let (verb, particles) = entry.split_once(':')?;
                    Some((
                        verb.trim().to_owned(),
                        particles.split_whitespace().map(str::to_owned).collect(),
                    ))
                })
                .collect(),
            rumour_sources: Vec::new(),
            rumour_default_source: String::new(),
            words: HashMap::new(),
            phrases: HashMap::new(),
            boilerplate_prefixes: Vec::new(),
            boilerplate_anywhere: Vec::new(),
            demonym_stems: entries(sources.demonyms).collect(),
            source_compounds: HashMap::new(),
            linking_s_endings: Vec::new(),
        };
        for entry in entries(sources.source_compounds) {
            let Some((key, values)) = entry.split_once(':') else {
                continue;
            };
            let values = values.split_whitespace().map(str::to_owned);
            if key.trim() == "linking-s" {
                lexicon.linking_s_endings.extend(values);
            } else {
                lexicon
                    .source_compounds
                    .entry(key.trim().to_owned())
                    .or_default()
                    .extend(values);
            }
        }
        // Read as written, not lower-cased: the right-hand side is what the analyst sees.
        for line in sources.rumour_spreaders.lines() {
            let line = line.split_once('#').map_or(line, |(before, _)| before);
            let Some((words, speaker)) = line.split_once('=') else {
                continue;
            };
            let (words, speaker) = (words.trim(), speaker.trim().to_owned());
            if words == "*" {
                lexicon.rumour_default_source = speaker;
            } else {
                lexicon.rumour_sources.push((entry_words(words), speaker));
            }
        }
        for entry in entries(sources.boilerplate) {
            // "*" marks a note that may stand anywhere in a segment; the others open it.
            let (category, note, notes) = match entry.strip_prefix('*') {
                Some(anywhere) => (
                    Category::BoilerplateAnywhere,
                    anywhere.trim().to_owned(),
                    &mut lexicon.boilerplate_anywhere,
                ),
                None => (
                    Category::BoilerplateStart,
                    entry,
                    &mut lexicon.boilerplate_prefixes,
                ),
            };
            if let Some(first) = entry_words(&note).into_iter().next() {
                lexicon.words.entry(first).or_default().insert(category);
            }
            notes.push(note);
        }
        for (category, list) in sources
            .categorized
            .iter()
            .copied()
            .chain([(Category::Place, PLACES)])
        {
            for entry in entries(list) {
                lexicon.add(category, &entry);
            }
        }
        lexicon
    }

    fn add(&mut self, category: Category, entry: &str) {
        let mut words = entry_words(entry);
        match words.len() {
            0 => {}
            1 => {
                if let Some(word) = words.pop() {
                    self.words.entry(word).or_default().insert(category);
                }
            }
            _ => {
                let first = words.remove(0);
                self.words
                    .entry(first.clone())
                    .or_default()
                    .insert(Category::PhraseStart);
                self.phrases.entry(first).or_default().push(Phrase {
                    rest: words,
                    category,
                });
            }
        }
    }

    /// The lexicon for `language`; languages without their own lists get a neutral one.
    #[must_use]
    pub fn for_language(language: Language) -> &'static Self {
        static GERMAN: LazyLock<Lexicon> =
            LazyLock::new(|| Lexicon::from_sources(Language::German, &sources!("de")));
        static ENGLISH: LazyLock<Lexicon> =
            LazyLock::new(|| Lexicon::from_sources(Language::English, &sources!("en")));
        static GENERIC: LazyLock<Lexicon> = LazyLock::new(Lexicon::generic);
        match language {
            Language::German => &GERMAN,
            Language::English => &ENGLISH,
            Language::Other => &GENERIC,
        }
    }

    /// Universal knowledge only: digits, symbols and places; no abbreviations or grammar.
    fn generic() -> Self {
        let mut lexicon = Self::from_sources(Language::Other, &sources!("en"));
        lexicon.abbreviations.clear();
        lexicon.terminal_abbreviations.clear();
        lexicon.final_abbreviations.clear();
        lexicon.sentence_starters.clear();
        lexicon.words.retain(|word, categories| {
            categories.has(Category::Place) || word.chars().all(|c| !c.is_alphabetic())
        });
        lexicon.phrases.clear();
        lexicon.boilerplate_prefixes.clear();
        lexicon
    }

    /// Whether a period after `normalized` (see [`normalize_abbreviation`]) never ends a sentence.
    #[must_use]
    pub fn is_abbreviation(&self, normalized: &str) -> bool {
        self.abbreviations.contains(normalized)
    }

    /// Whether `normalized` is an abbreviation that may end a sentence.
    #[must_use]
    pub fn is_terminal_abbreviation(&self, normalized: &str) -> bool {
        self.terminal_abbreviations.contains(normalized)
    }

    /// Whether `normalized` mostly closes a clause (`p.m.`, `etc.`): after it, a capitalized word
    /// followed by a lower-case one opens a sentence even when it is not a usual sentence starter.
    #[must_use]
    pub fn is_final_abbreviation(&self, normalized: &str) -> bool {
        self.final_abbreviations.contains(normalized)
    }

    /// Whether the lower-cased `word` typically opens a sentence.
    #[must_use]
    pub fn is_sentence_starter(&self, word: &str) -> bool {
        self.sentence_starters.contains(word)
    }

    /// Whether the lower-cased `word` before a number makes it an ordinal.
    #[must_use]
    pub fn is_ordinal_marker(&self, word: &str) -> bool {
        self.ordinal_markers.contains(word)
    }

    /// The particles without which the lower-cased reporting verb `word` does not report ("gab" needs
    /// "an", "bekannt", "zu" …), or `None` when it reports alone.
    #[must_use]
    pub fn reporting_particles(&self, word: &str) -> Option<&[String]> {
        self.reporting_particles.get(word).map(Vec::as_slice)
    }

    /// Who spreads a circulating claim whose lower-cased words are `words`: the first platform or group
    /// of users they name ("Telegram", "soziale Netzwerke"), else the users in general.
    #[must_use]
    pub fn rumour_source(&self, words: &[&str]) -> &str {
        self.rumour_sources
            .iter()
            .find(|(source, _)| {
                !source.is_empty()
                    && words
                        .windows(source.len())
                        .any(|window| window.iter().zip(source).all(|(w, s)| *w == s))
            })
            .map_or(&self.rumour_default_source, |(_, speaker)| speaker)
    }

    /// Whether the lower-cased `word` after `3.` makes it an ordinal.
    #[must_use]
    pub fn is_ordinal_follower(&self, word: &str) -> bool {
        self.ordinal_followers.contains(word)
    }

    /// The categories of one lower-cased word.
    #[must_use]
    pub fn categories(&self, lowercase_word: &str) -> Categories {
        self.words.get(lowercase_word).copied().unwrap_or_default()
    }

    /// Multi-word entries starting at `words[0]` (lower-cased words): yields (category, words matched).
    pub fn phrases_at<'a, S: AsRef<str>>(
        &'a self,
        words: &'a [S],
    ) -> impl Iterator<Item = (Category, usize)> + 'a {
        let candidates = words
            .first()
            .and_then(|first| self.phrases.get(first.as_ref()));
        candidates.into_iter().flatten().filter_map(move |phrase| {
            let tail = words.get(1..=phrase.rest.len())?;
            let matches = tail
                .iter()
                .zip(&phrase.rest)
                .all(|(word, expected)| word.as_ref() == expected);
            matches.then_some((phrase.category, phrase.rest.len() + 1))
        })
    }

    /// The source a compound after `preposition` names in its first part: "Polizei" for "nach
    /// Polizeiangaben", "Ministerium" for "nach Ministeriumsangaben", "UN" for "nach UN-Angaben". `word` is
    /// as written; the answer is a prefix of it.
    #[must_use]
    pub fn compound_source<'w>(&self, preposition: &str, word: &'w str) -> Option<&'w str> {
        let heads = self.source_compounds.get(preposition)?;
        let lower = word.to_lowercase();
        // Lower-casing keeps byte lengths for the letters German compounds are made of; a word where it
        // does not is not one of them.
        if lower.len() != word.len() {
            return None;
        }
        let head = heads
            .iter()
            .find(|head| lower.len() > head.len() + 1 && lower.ends_with(head.as_str()))?;
        let mut source = &word[..word.len() - head.len()];
        source = source.strip_suffix('-').unwrap_or(source);
        if let Some(without_s) = source.strip_suffix('s')
            && self
                .linking_s_endings
                .iter()
                .any(|ending| without_s.to_lowercase().ends_with(ending.as_str()))
        {
            source = without_s;
        }
        (source.chars().count() >= 2).then_some(source)
    }

    /// Whether a lower-cased adjective is derived from a place (`nordkoreanischen`).
    #[must_use]
    pub fn is_demonym(&self, lowercase_word: &str) -> bool {
        // A byte window instead of a substring search: words are short, and this runs for every word.
        lowercase_word.as_bytes().windows(4).any(|w| w == b"isch")
            && self
                .demonym_stems
                .iter()
                .any(|stem| lowercase_word.starts_with(stem.as_str()))
    }

    /// Whether a lower-cased segment is a publication note rather than content.
    #[must_use]
    pub fn is_boilerplate(&self, lowercase_segment: &str) -> bool {
        self.boilerplate_prefixes
            .iter()
            .any(|prefix| lowercase_segment.starts_with(prefix.as_str()))
            || self
                .boilerplate_anywhere
                .iter()
                .any(|phrase| lowercase_segment.contains(phrase.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_compare_without_spaces_and_case() {
        let german = Lexicon::for_language(Language::German);
        assert!(german.is_abbreviation(&normalize_abbreviation("z. B.")));
        assert!(german.is_abbreviation(&normalize_abbreviation("z.B.")));
        assert!(german.is_abbreviation(&normalize_abbreviation("Dr.")));
        assert!(!german.is_abbreviation(&normalize_abbreviation("Haus.")));
    }

    #[test]
    fn words_and_phrases_carry_their_categories() {
        let german = Lexicon::for_language(Language::German);
        assert!(german.categories("sagte").has(Category::ReportingVerb));
        assert!(german.categories("angeblich").has(Category::Hedge));
        assert!(german.categories("russland").has(Category::Place));
        let words: Vec<String> = ["nach", "angaben", "der", "polizei"]
            .map(String::from)
            .to_vec();
        assert!(
            german
                .phrases_at(&words)
                .any(|(category, len)| category == Category::AttributionBefore && len >= 2)
        );
        let english = Lexicon::for_language(Language::English);
        let words: Vec<String> = ["according", "to", "police"].map(String::from).to_vec();
        assert!(
            english
                .phrases_at(&words)
                .any(|(category, len)| category == Category::AttributionBefore && len == 2)
        );
    }

    #[test]
    fn boilerplate_is_recognised() {
        let german = Lexicon::for_language(Language::German);
        assert!(german.is_boilerplate("diese nachricht wurde am 1.1.2024 gesendet."));
        assert!(!german.is_boilerplate("die regierung hat neue zahlen vorgelegt."));
    }
}
