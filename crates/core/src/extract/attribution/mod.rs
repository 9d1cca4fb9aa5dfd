//! Who says so: the speaker or source a segment attributes its statement to.

use super::features::{Analysis, Word};
use super::lexicon::{Category, Lexicon};
use super::segment::Span;
use crate::article::Language;
pub(super) use actor::{actor_mention, apposition_name};
pub use kind::speaker_kind;

mod actor;
mod kind;

/// How a segment attributes its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attribution {
    /// No attribution.
    None,
    /// A named speaker or source.
    Named {
        /// The speaker as written.
        speaker: String,
        /// Where it is written.
        span: Span,
        /// The reporting verb or phrase ("sagte", "laut", "according to").
        marker: String,
    },
    /// A pronoun (`er`, `she`) that refers to an earlier speaker.
    Pronoun {
        /// The reporting verb.
        marker: String,
    },
    /// A source without a name (`hieß es`, `officials said`).
    Anonymous {
        /// The phrase.
        marker: String,
    },
}

const PRONOUNS: &[&str] = &[
    "er", "sie", "es", "he", "she", "they", "it", "we", "wir", "ich", "i", "man",
];
/// Whether a lower-case word is a personal pronoun that can stand for a speaker.
pub(super) fn is_pronoun(lower: &str) -> bool {
    PRONOUNS.contains(&lower)
}

const RELATIVE_PRONOUNS: &[&str] = &[
    "die", "der", "das", "welche", "welcher", "who", "which", "that",
];
const CONNECTORS: &[&str] = &[
    "und", "and", "&", "of", "der", "des", "for", "von", "a", "the",
];
const PASSIVE_AUXILIARIES: &[&str] = &[
    "wird", "wurde", "wurden", "worden", "was", "were", "been", "is", "are",
];
const LEADING_CONJUNCTIONS: &[&str] = &[
    "und", "aber", "doch", "auch", "and", "but", "so", "yet", "also",
];

/// Where `text`, one statement, names who said it: the named speaker's span (`…, sagte die Ministerin`,
/// `according to the statistics office, …`). The claim memory leaves these words out: the same fact
/// reported by another source is still the same fact.
#[must_use]
pub fn source_span(text: &str, language: Language) -> Option<Span> {
    let analysis = super::features::analyze(
        text,
        Span {
            start: 0,
            end: text.len(),
        },
        Lexicon::for_language(language),
    );
    match attribute(&analysis, Lexicon::for_language(language)) {
        Attribution::Named { span, .. } => Some(span),
        Attribution::None | Attribution::Pronoun { .. } | Attribution::Anonymous { .. } => None,
    }
}

/// Finds the attribution of a segment. A group named by its leader is named whole ("Forscher um Anja
/// Reiter"), and a segment that opens with one is sourced whatever its verb.
pub fn attribute(analysis: &Analysis<'_>, lexicon: &Lexicon) -> Attribution {
    match attribute_by_rules(analysis, lexicon) {
        Attribution::Named {
            speaker,
            span,
            marker,
        } => {
            let whole = actor::with_team_lead(analysis, span);
            let whole = actor::apposition_name(analysis, whole).unwrap_or(whole);
            Attribution::Named {
                speaker: if whole == span {
                    speaker
                } else {
                    analysis.slice(whole.start, whole.end).to_owned()
                },
                span: whole,
                marker,
            }
        }
        Attribution::None => actor::team_source(analysis).unwrap_or(Attribution::None),
        other => other,
    }
}

fn attribute_by_rules(analysis: &Analysis<'_>, lexicon: &Lexicon) -> Attribution {
    let words = &analysis.words;
    if let Some(anonymous) = analysis
        .phrases
        .iter()
        .find(|p| p.category == Category::AnonymousAttribution)
    {
        let marker = analysis.phrase_text(anonymous.first, anonymous.len);
        if let Some(span) = qualified_anonymous_source(analysis, anonymous.first) {
            return Attribution::Named {
                speaker: analysis.slice(span.start, span.end).to_owned(),
                span,
                marker,
            };
        }
        if let Some((speaker, span)) = actor::placed_anonymous_source(analysis, anonymous.first) {
            return Attribution::Named {
                speaker,
                span,
                marker,
            };
        }
        return Attribution::Anonymous { marker };
    }
    if let Some(pronoun) = analysis
        .phrases
        .iter()
        .find(|p| p.category == Category::PronounAttribution)
    {
        return Attribution::Pronoun {
            marker: analysis.phrase_text(pronoun.first, pronoun.len),
        };
    }
    if let Some(found) = actor::compound_source(analysis, lexicon) {
        return found;
    }
    if let Some(found) = attribution_before(analysis) {
        return found;
    }
    if let Some(after) = words
        .iter()
        .position(|w| w.is(Category::AttributionAfter) && !w.quoted)
        && let Some((speaker, span)) = noun_phrase_backwards(analysis, after)
    {
        return Attribution::Named {
            speaker,
            span,
            marker: words[after].text.to_owned(),
        };
    }
    let Some(verb) = words
        .iter()
        .position(|w| w.is(Category::ReportingVerb) && !w.quoted)
    else {
        return colon_quote_speaker(analysis);
    };
    let marker = words[verb].text.to_owned();
    let follows_quote = analysis.quotes.iter().any(|q| q.end <= words[verb].start)
        && analysis.gap_before(verb).contains(',')
        || verb > 0 && words[verb - 1].quoted;
    let after_comma = verb > 0 && analysis.gap_before(verb).contains(',');
    // "…, erklärt DEA-Agent Steve Murphy.": after a comma, a speaker after the verb that closes the sentence.
    if after_comma
        && !follows_quote
        && let Some((speaker, span)) = noun_phrase_after(analysis, verb + 1)
        && words
            .get(verb + 1)
            .is_some_and(|next| next.start == span.start)
        && words.last().is_some_and(|last| last.end == span.end)
        && !PRONOUNS.contains(&speaker.to_lowercase().as_str())
        && {
            // Someone, not a thing: a role, an organisation, or a name of two words ("spricht von einem
            // unhaltbaren Zustand" names no one).
            let inside = analysis.words_in(span);
            inside
                .iter()
                .any(|w| w.is(Category::Role) || w.is(Category::OrganisationWord))
                || inside.windows(2).any(|pair| {
                    pair.iter()
                        .all(|w| w.is_capitalized() && !w.is(Category::Function))
                })
        }
    {
        return Attribution::Named {
            speaker,
            span,
            marker,
        };
    }
    // German verb-second order: "Das teilte das Amt mit", "Bis dahin …, hieß es".
    // "Valeriy Ryabykh, Herausgeber des Magazins, sagte der BBC": a name, an apposition, then the verb.
    if after_comma
        && !follows_quote
        && let Some(name_end) = leading_name_before_comma(analysis, verb)
    {
        let span = Span {
            start: words[0].start,
            end: words[name_end].end,
        };
        return Attribution::Named {
            speaker: analysis.slice(span.start, span.end).to_owned(),
            span,
            marker,
        };
    }
    // "The company's founder, Arjun Mehta, said …": a role and a name between commas open the sentence.
    if after_comma
        && !follows_quote
        && verb <= 10
        && let Some(span) = actor::apposition_name(
            analysis,
            Span {
                start: words[0].start,
                end: words[verb - 1].end,
            },
        )
    {
        return Attribution::Named {
            speaker: analysis.slice(span.start, span.end).to_owned(),
            span,
            marker,
        };
    }
    if after_comma
        && !follows_quote
        && let Some(span) = role_then_name(analysis, verb)
    {
        return Attribution::Named {
            speaker: analysis.slice(span.start, span.end).to_owned(),
            span,
            marker,
        };
    }
    let inverted = follows_quote
        || after_comma
        || (verb == 1
            && words[0].is(Category::Function)
            && !PRONOUNS.contains(&words[0].lower.as_ref()));
    if inverted {
        // English puts the speaker between the quote and the verb: `"…," the minister said.`
        if follows_quote && verb > 0 && !words[verb - 1].quoted {
            let first = (0..verb)
                .rev()
                .take_while(|&i| {
                    !words[i].quoted && !analysis.gap_before(i + 1).contains(',') || i + 1 == verb
                })
                .last();
            if let Some(first) = first.filter(|&f| f < verb) {
                return named_or_pronoun(analysis, first, verb, marker);
            }
        }
        return match noun_phrase_after(analysis, verb + 1) {
            Some((speaker, _)) if PRONOUNS.contains(&speaker.to_lowercase().as_str()) => {
                if speaker.eq_ignore_ascii_case("es") || speaker.eq_ignore_ascii_case("it") {
                    Attribution::Anonymous {
                        marker: format!("{marker} {speaker}"),
                    }
                } else {
                    Attribution::Pronoun { marker }
                }
            }
            Some((speaker, span)) => Attribution::Named {
                speaker,
                span,
                marker,
            },
            None => Attribution::None,
        };
    }
    // Relative clause: "…, etwa von der EU-Kommission, die erklärte, …".
    if verb > 0
        && RELATIVE_PRONOUNS.contains(&words[verb - 1].lower.as_ref())
        && analysis.gap_before(verb - 1).contains(',')
        && let Some((speaker, span)) = noun_phrase_backwards(analysis, verb - 1)
    {
        return Attribution::Named {
            speaker,
            span,
            marker,
        };
    }
    // "…, wie die Polizei mitteilte" / "…, as the ministry reported".
    if let Some(wie) = (0..verb).rev().find(|&i| {
        matches!(words[i].lower.as_ref(), "wie" | "as")
            && (i == 0 || analysis.gap_before(i).contains(','))
    }) && wie + 1 < verb
    {
        return named_or_pronoun(analysis, wie + 1, verb, marker);
    }
    // "…, the port authority announced on Thursday": a short subject between the last comma and the verb.
    if let Some(clause_start) = (1..verb)
        .rev()
        .find(|&i| analysis.gap_before(i).contains(','))
    {
        let subject_like = words[clause_start].is_article()
            || words[clause_start..verb].iter().any(|w| {
                w.is_capitalized() || w.is(Category::Role) || w.is(Category::OrganisationWord)
            });
        if verb - clause_start <= 5 && subject_like {
            return named_or_pronoun(analysis, clause_start, verb, marker);
        }
    }
    named_or_pronoun(analysis, 0, verb, marker)
}

/// The last word of a person's name that opens the segment and is followed by a comma (two or more
/// capitalized words, none a function word), if the segment starts that way.
fn leading_name_before_comma(analysis: &Analysis<'_>, verb: usize) -> Option<usize> {
    let words = &analysis.words;
    let mut run = 0;
    // A title's period stays inside the name: "Dr. Jane Roe, an economist at …, said".
    let joins = |run: usize| {
        let gap = analysis.gap_before(run).trim();
        gap.is_empty() || (gap == "." && words[run - 1].text.chars().count() <= 4)
    };
    while run < verb
        && words[run].is_capitalized()
        && !words[run].is(Category::Function)
        && (run == 0 || joins(run))
    {
        run += 1;
    }
    if run >= 2 && analysis.gap_before(run).contains(',') {
        return Some(run - 1);
    }
    // "Council member Tom Baker, who voted against the plan, said": a short subject that ends in a name of
    // two capitalized words, then an apposition or relative clause, then the verb.
    let comma = (1..verb).find(|&i| analysis.gap_before(i).contains(','))?;
    let name_end = comma - 1;
    let ends_in_name = comma >= 2
        && (name_end - 1..=name_end)
            .all(|i| words[i].is_capitalized() && !words[i].is(Category::Function))
        && joins(name_end);
    let plain_subject = words[..comma]
        .iter()
        .all(|w| !w.has_digit() && !w.is(Category::ReportingVerb));
    (comma <= 6 && ends_in_name && plain_subject).then_some(name_end)
}

/// The subject in words `from..verb`: cut at the first comma, auxiliary or adverb.
fn named_or_pronoun(
    analysis: &Analysis<'_>,
    from: usize,
    verb: usize,
    marker: String,
) -> Attribution {
    let words = &analysis.words;
    let mut first = from;
    while first < verb
        && (LEADING_CONJUNCTIONS.contains(&words[first].lower.as_ref()) || words[first].quoted)
    {
        first += 1;
    }
    if first >= verb {
        return Attribution::None;
    }
    let passive = words[first..verb]
        .iter()
        .any(|w| PASSIVE_AUXILIARIES.contains(&w.lower.as_ref()));
    if passive {
        // "Es wurde nicht gesagt", "it was reported": nobody is named as the source.
        return Attribution::Anonymous { marker };
    }
    if words[first].is(Category::Function)
        && !words[first].is_article()
        && !PRONOUNS.contains(&words[first].lower.as_ref())
    {
        // German verb-second order after an adverbial ("Bei der Pressekonferenz sagte der Minister …"):
        // the subject follows the verb.
        return match noun_phrase_after(analysis, verb + 1) {
            Some((speaker, span)) if !PRONOUNS.contains(&speaker.to_lowercase().as_str()) => {
                Attribution::Named {
                    speaker,
                    span,
                    marker,
                }
            }
            _ => Attribution::None,
        };
    }
    // "Afterwards it said", "Later she added": an adverb, then the pronoun that is the subject.
    if verb >= first + 2
        && PRONOUNS.contains(&words[verb - 1].lower.as_ref())
        && !words[first..verb - 1]
            .iter()
            .any(super::features::Word::is_article)
        && !(first + 1..verb).any(|i| analysis.gap_before(i).contains(','))
    {
        first = verb - 1;
    }
    if PRONOUNS.contains(&words[first].lower.as_ref()) {
        return if matches!(words[first].lower.as_ref(), "es" | "it" | "man") {
            Attribution::Anonymous { marker }
        } else {
            Attribution::Pronoun { marker }
        };
    }
    let mut last = first;
    while last + 1 < verb {
        let next = &words[last + 1];
        let gap = analysis.gap_before(last + 1);
        if gap.contains([',', ':', ';', '(', '„', '"', '“', '–', '—']) || gap.contains(" - ")
        {
            break;
        }
        let auxiliary_or_adverb = next.is(Category::Function)
            && !CONNECTORS.contains(&next.lower.as_ref())
            && !next.is_article();
        if auxiliary_or_adverb || next.is(Category::TimeWord) || next.is(Category::Hedge) {
            break;
        }
        last += 1;
    }
    // The subject must name someone: a capitalized non-function word (German nouns, English names) or a
    // role/organisation word ("the ministry").
    let names_someone = words[first..=last].iter().any(|w| {
        (w.is_capitalized() && !w.is(Category::Function))
            || w.is(Category::Role)
            || w.is(Category::OrganisationWord)
    }) || (words[first].is_article() && last > first);
    if !names_someone || last - first > 7 || !reaches_verb(analysis, last, verb) {
        return Attribution::None;
    }
    let span = Span {
        start: words[first].start,
        end: words[last].end,
    };
    Attribution::Named {
        speaker: analysis.slice(span.start, span.end).to_owned(),
        span,
        marker,
    }
}

/// Whether the words between a subject (ending at `last`) and its verb leave it the verb's subject: only
/// auxiliaries, adverbs and time words ("hatte vergangene Woche berichtet"), or a German sentence bracket
/// opened by an auxiliary ("haben die Informationen nicht bestätigt") without a comma inside.
fn reaches_verb(analysis: &Analysis<'_>, last: usize, verb: usize) -> bool {
    let words = &analysis.words;
    let in_time_phrase = |index: usize| {
        analysis.phrases.iter().any(|p| {
            p.category == Category::TimeWord && p.first <= index && index < p.first + p.len
        })
    };
    // A parenthesis after the subject ("Markus Lindner (Grüne) sprach") is an aside, not a new clause.
    let mut depth = 0usize;
    let filler = (last + 1..verb).all(|i| {
        let gap = analysis.gap_before(i);
        depth = (depth + gap.matches('(').count()).saturating_sub(gap.matches(')').count());
        let word = &words[i];
        // "die Polizei in Passau mitteilte": a place or organisation after a preposition belongs to the subject.
        let after_preposition =
            i > 0 && words[i - 1].is(Category::Function) && word.is_capitalized();
        depth > 0
            || after_preposition
            || word.is(Category::Function)
            || word.is(Category::TimeWord)
            || word.is(Category::Hedge)
            || in_time_phrase(i)
    });
    if filler {
        return true;
    }
    let bracket_opened = words
        .get(last + 1)
        .is_some_and(|w| GERMAN_AUXILIARIES.contains(&w.lower.as_ref()));
    bracket_opened && (last + 2..=verb).all(|i| !analysis.gap_before(i).contains([',', ';', ':']))
}

const GERMAN_AUXILIARIES: &[&str] = &[
    "hat", "haben", "hatte", "hatten", "ist", "sind", "war", "waren", "habe", "hätten", "hätte",
];

/// "laut Experten", "nach Angaben der Polizei", "according to the ministry".
fn attribution_before(analysis: &Analysis<'_>) -> Option<Attribution> {
    let words = &analysis.words;
    let single = words
        .iter()
        .position(|w| w.is(Category::AttributionBefore) && !w.quoted)
        .map(|i| (i, 1));
    let phrase = analysis
        .phrases
        .iter()
        .filter(|p| p.category == Category::AttributionBefore)
        .max_by_key(|p| p.len)
        .map(|p| (p.first, p.len));
    let (first, len) = phrase.or(single)?;
    let marker = analysis.phrase_text(first, len);
    let (speaker, span) = noun_phrase_after_with(analysis, first + len, true)?;
    Some(Attribution::Named {
        speaker,
        span,
        marker,
    })
}

/// A noun phrase starting at word `from`: articles, adjectives and names, up to punctuation or a verb.
fn noun_phrase_after(analysis: &Analysis<'_>, from: usize) -> Option<(String, Span)> {
    noun_phrase_after_with(analysis, from, false)
}

/// As [`noun_phrase_after`]; with `genitive`, "der"/"des"/"of" continue the phrase ("einer Umfrage des
/// Lokalradios"), as they do after "laut" and "according to".
fn noun_phrase_after_with(
    analysis: &Analysis<'_>,
    from: usize,
    genitive: bool,
) -> Option<(String, Span)> {
    let words = &analysis.words;
    let mut index = from;
    // Adverbs between verb and subject: "sagte ebenfalls der BBC", "said also". The subject follows its
    // verb directly: after a comma a new clause begins.
    loop {
        if words.get(index).is_none() || analysis.gap_before(index).contains([',', ':', ';', '.']) {
            return None;
        }
        let word = &words[index];
        if word.is(Category::Function)
            && !word.is_article()
            && !PRONOUNS.contains(&word.lower.as_ref())
        {
            index += 1;
        } else {
            break;
        }
    }
    let first = index;
    let mut last = None;
    let mut seen_name = false;
    while index < words.len() {
        let word = &words[index];
        if index > first
            && analysis
                .gap_before(index)
                .contains([',', ':', ';', '(', ')', '.', '„', '"', '“', '–', '—'])
            && !after_initials(analysis, index)
        {
            break;
        }
        if word.quoted {
            break;
        }
        let lower = word.lower.as_ref();
        if PRONOUNS.contains(&lower) && index == first {
            return Some((
                word.text.to_owned(),
                Span {
                    start: word.start,
                    end: word.end,
                },
            ));
        }
        let capitalized_name = word.is_capitalized() && !word.is(Category::Function);
        let accept = if seen_name {
            capitalized_name
                || (CONNECTORS.contains(&lower)
                    && words[index + 1..]
                        .iter()
                        .find(|n| !matches!(n.lower.as_ref(), "a" | "the"))
                        .is_some_and(|n| n.is_capitalized() && !n.is(Category::Function))
                    && (genitive || !matches!(lower, "der" | "des" | "von")))
        } else {
            word.is_article()
                || capitalized_name
                || ((!word.is_capitalized()
                    && word.text.chars().next().is_some_and(char::is_alphabetic))
                    && !word.is(Category::Function)
                    && !word.is(Category::ReportingVerb))
        };
        if !accept {
            break;
        }
        if capitalized_name || word.is(Category::Role) || word.is(Category::OrganisationWord) {
            seen_name = true;
        }
        last = Some(index);
        index += 1;
        if index - first > 6 {
            break;
        }
    }
    let last = last?;
    if !seen_name && !words[first..=last].iter().any(|w| !w.is_article()) {
        return None;
    }
    // Trailing lower-case words are not part of a name ("Experten setzt" stops earlier; "die Ministerin" stays).
    let mut last = last;
    let german = analysis.words.iter().any(|w| {
        matches!(
            w.lower.as_ref(),
            "der" | "die" | "das" | "und" | "ist" | "nicht"
        )
    });
    while german
        && last > first
        && !words[last].is_capitalized()
        && !words[last].is(Category::Role)
        && !words[last].is(Category::OrganisationWord)
    {
        last -= 1;
    }
    if words[first..=last].iter().all(Word::is_article) {
        return None;
    }
    let span = Span {
        start: words[first].start,
        end: words[last].end,
    };
    Some((analysis.slice(span.start, span.end).to_owned(), span))
}

/// "Federal officials said …", "Two senior officials said …": an unnamed source that the sentence opens
/// with and qualifies. The analyst wants to see whose officials, so the qualified noun is the speaker.
fn qualified_anonymous_source(analysis: &Analysis<'_>, phrase_first: usize) -> Option<Span> {
    let words = &analysis.words;
    let noun = words.get(phrase_first)?;
    if phrase_first == 0
        || phrase_first > 3
        || noun.is(Category::ReportingVerb)
        || !noun.text.chars().all(char::is_alphabetic)
    {
        return None;
    }
    let qualifiers_ok = (0..phrase_first).all(|i| {
        let word = &words[i];
        (i == 0 || !analysis.gap_before(i).contains([',', ':', ';', '.']))
            && !word.quoted
            && (!word.is(Category::Function) || word.is(Category::NumberWord))
    }) && !analysis
        .gap_before(phrase_first)
        .contains([',', ':', ';', '.']);
    qualifiers_ok.then(|| Span {
        start: words[0].start,
        end: noun.end,
    })
}

/// "Springfield's mayor, Ann Lee, called …": a role, then the person's name between commas, then the verb.
/// The span runs from the role to the name.
fn role_then_name(analysis: &Analysis<'_>, verb: usize) -> Option<Span> {
    let words = &analysis.words;
    let name_start = (1..verb)
        .rev()
        .find(|&i| analysis.gap_before(i).contains(','))?;
    if (1..name_start).any(|i| analysis.gap_before(i).contains([',', ':', ';'])) {
        return None;
    }
    let role = &words[..name_start];
    let name = &words[name_start..verb];
    let role_like = role.len() <= 4 && role.iter().any(|w| w.is(Category::Role));
    let name_like = (2..=4).contains(&name.len())
        && name
            .iter()
            .all(|w| w.is_capitalized() && !w.is(Category::Function) && !w.is(Category::Role));
    (role_like && name_like).then(|| Span {
        start: role[0].start,
        end: name[name.len() - 1].end,
    })
}

/// "the U.S. Energy Information Administration", "George W. Bush": the period before word `index` closes
/// dotted initials or a single initial inside a name, not the phrase.
fn after_initials(analysis: &Analysis<'_>, index: usize) -> bool {
    let gap = analysis.gap_before(index);
    let previous = &analysis.words[index - 1].text;
    // A short capitalized word before a period inside a segment is a title's abbreviation ("Dr. Peter
    // Lanz", "Prof. Anna Berg", "Mag. Karl Huber"): segmentation does not end a sentence there.
    let is_title = (2..=4).contains(&previous.chars().count())
        && previous.chars().next().is_some_and(char::is_uppercase)
        && previous.chars().skip(1).all(char::is_lowercase);
    let is_initials = is_title
        || previous.contains('.')
        || (previous.chars().count() == 1 && previous.chars().all(char::is_uppercase));
    gap.trim_end() == "." && is_initials && analysis.words[index].is_capitalized()
}

/// The noun phrase that ends just before word `before` ("von der EU-Kommission, die …" → "EU-Kommission").
fn noun_phrase_backwards(analysis: &Analysis<'_>, before: usize) -> Option<(String, Span)> {
    let words = &analysis.words;
    let mut first = None;
    let mut index = before;
    while index > 0 {
        let candidate = index - 1;
        let word = &words[candidate];
        let boundary_after = analysis.gap_before(candidate + 1);
        if candidate + 1 < before && boundary_after.contains([',', ':', ';', '(', ')', '.']) {
            break;
        }
        if word.quoted || !word.is_capitalized() || word.is(Category::Function) {
            break;
        }
        first = Some(candidate);
        index = candidate;
    }
    let mut first = first?;
    // A genitive chain: "Einem Bericht des Rechnungshofs zufolge", "Den Messungen der Landesregierung
    // zufolge": the work or group is the source, named with whose it is.
    while first >= 2
        && matches!(
            words[first - 1].lower.as_ref(),
            "des" | "der" | "von" | "vom"
        )
        && !analysis
            .gap_before(first)
            .contains([',', ':', ';', '(', ')'])
        && !analysis
            .gap_before(first - 1)
            .contains([',', ':', ';', '(', ')'])
        && words[first - 2].is_capitalized()
        && !words[first - 2].is(Category::Function)
        && !words[first - 2].quoted
    {
        first -= 2;
        while first > 0
            && words[first - 1].is_capitalized()
            && !words[first - 1].is(Category::Function)
            && !words[first - 1].quoted
            && !analysis
                .gap_before(first)
                .contains([',', ':', ';', '(', ')'])
        {
            first -= 1;
        }
    }
    let last = before - 1;
    let span = Span {
        start: words[first].start,
        end: words[last].end,
    };
    let text = analysis.slice(span.start, span.end).to_owned();
    (!text.is_empty()).then_some((text, span))
}

/// `Der Sprecher: „…“` — a speaker introduced by a colon, without a verb.
fn colon_quote_speaker(analysis: &Analysis<'_>) -> Attribution {
    let Some(quote) = analysis.quotes.first() else {
        return Attribution::None;
    };
    let before = analysis.slice(analysis.span.start, quote.start).trim_end();
    if !before.ends_with(':') {
        return Attribution::None;
    }
    let verb_index = analysis
        .words
        .iter()
        .position(|w| w.start >= quote.start)
        .unwrap_or(analysis.words.len());
    named_or_pronoun(analysis, 0, verb_index, ":".to_owned())
}

#[cfg(test)]
mod tests;
