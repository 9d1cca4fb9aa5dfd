//! Sources that the verb-based rules do not see: who a sentence is about (so that a later "er", "sie" or a
//! sentence in reported speech can be given its speaker), sources named inside a compound ("nach
//! Polizeiangaben"), groups named by who leads them ("Forscher um Anja Reiter") and anonymous statements
//! placed at a source ("Aus dem Finanzministerium hieß es").

use super::super::features::{Analysis, Word};
use super::super::lexicon::{Category, Lexicon};
use super::super::segment::Span;
use super::{Attribution, noun_phrase_after_with};
use crate::article::Language;

/// Words of a person's name (two to four) between commas after a role: "Der Leiter der Wetterbehörde,
/// Kurt Lassnig, erwartet …".
const APPOSITION_NAME_WORDS: std::ops::RangeInclusive<usize> = 2..=4;

/// Whether a word can be part of a name: capitalized, not a function word, not a measure or a month.
fn name_word(word: &Word<'_>) -> bool {
    word.is_capitalized()
        && !word.is(Category::Function)
        && !word.is(Category::Month)
        && !word.is(Category::TimeWord)
        && !word.is(Category::NumberWord)
        && !word.is(Category::Unit)
        && !word.is(Category::Currency)
        && !word.quoted
        && word.text.chars().any(char::is_alphabetic)
}

/// The person or body a segment is about, as a later pronoun or reported speech refers back to it: a name
/// between commas after a role ("Die Direktorin des Gymnasiums, Elisabeth Rainer, …" → Elisabeth Rainer),
/// else the first run of capitalized words that names someone ("Landwirtschaftsminister Johann
/// Steinberger", "Niklas Oberhofer"), else an organisation that opens the segment ("Das
/// Gesundheitsministerium wurde …").
pub(in crate::extract) fn actor_mention(
    analysis: &Analysis<'_>,
    lexicon: &Lexicon,
) -> Option<(String, Span)> {
    let words = &analysis.words;
    let all_caps = words
        .iter()
        .filter(|w| w.text.chars().any(char::is_alphabetic))
        .all(|w| !w.text.chars().any(char::is_lowercase));
    if words.is_empty() || all_caps {
        return None;
    }
    let span_of = |first: usize, last: usize| Span {
        start: words[first].start,
        end: words[last].end,
    };
    // The apposition: a role before the first comma, a name up to the second.
    if let Some(comma) = (1..words.len()).find(|&i| analysis.gap_before(i).contains(',')) {
        let name_end = (comma..words.len())
            .take_while(|&i| i == comma || analysis.gap_before(i).trim().is_empty())
            .take_while(|&i| name_word(&words[i]))
            .last();
        let closes = name_end.is_some_and(|end| {
            end + 1 == words.len() || analysis.gap_before(end + 1).contains([',', '('])
        });
        let role_before = words[..comma]
            .iter()
            .any(|w| w.is(Category::Role) || (w.is_capitalized() && !w.is(Category::Function)));
        if let Some(end) = name_end
            && closes
            && role_before
            && APPOSITION_NAME_WORDS.contains(&(end + 1 - comma))
            && comma <= 8
        {
            let span = span_of(comma, end);
            return Some((analysis.slice(span.start, span.end).to_owned(), span));
        }
    }
    let mut index = 0;
    while index < words.len() {
        if !name_word(&words[index]) {
            index += 1;
            continue;
        }
        let mut end = index + 1;
        while end < words.len()
            && name_word(&words[end])
            && analysis.gap_before(end).trim().is_empty()
        {
            end += 1;
        }
        let run = end - index;
        let after_article = index > 0 && words[index - 1].is_article();
        // German capitalizes nouns: after an article two capitalized words are a noun phrase ("die
        // Beteiligung Nordkoreas") unless a role opens them; three ("die Schauspielerin Clara Vitali") carry
        // a name. English capitalizes the sentence's first word: it alone starts no name.
        let names = match lexicon.language {
            Language::German => {
                run >= 3 || (run == 2 && (!after_article || words[index].is(Category::Role)))
            }
            _ => run >= 2 && !(index == 0 && run == 2 && words[0].is(Category::Function)),
        };
        if names {
            let span = span_of(index, end - 1);
            return Some((analysis.slice(span.start, span.end).to_owned(), span));
        }
        index = end;
    }
    // A body or place named by one word anywhere: "Und was sagt der Kreml?", "Es gibt aus Moskau keine
    // Antwort" (a later "hieß es" is theirs).
    if let Some(body) = words.iter().skip(1).find(|w| {
        name_word(w) && !w.is(Category::Role) && super::kind::marks_organisation(w.text, lexicon)
    }) {
        let span = Span {
            start: body.start,
            end: body.end,
        };
        return Some((body.text.to_owned(), span));
    }
    let first = usize::from(words[0].is_article());
    // English writes bodies in lower case: "The foreign ministry was asked …", "The rail workers' union met
    // …" (a later "it said" refers to it).
    if lexicon.language == Language::English
        && first == 1
        && let Some(body) = (first..words.len().min(first + 4))
            .take_while(|&i| {
                !words[i].is(Category::Function)
                    && (i == first || analysis.gap_before(i).trim().is_empty())
            })
            .find(|&i| words[i].is(Category::OrganisationWord))
    {
        let span = span_of(first, body);
        return Some((analysis.slice(span.start, span.end).to_owned(), span));
    }
    // An organisation as the segment's subject: "Das Gesundheitsministerium wurde um …".
    let subject = words.get(first)?;
    (name_word(subject) && super::kind::marks_organisation(subject.text, lexicon)).then(|| {
        let span = span_of(first, first);
        (subject.text.to_owned(), span)
    })
}

/// The name inside a source written as an apposition, as an analyst writes the source: "der Sprecher des
/// Präsidenten, Pavel Novak" → Pavel Novak; "Gabriele Sturm, Präsidentin der Richtervereinigung" → Gabriele
/// Sturm. `None` when `span` holds no comma between a role and a name of two to four words.
pub(in crate::extract) fn apposition_name(analysis: &Analysis<'_>, span: Span) -> Option<Span> {
    let words = &analysis.words;
    let inside = analysis.word_range(span);
    if inside.is_empty() {
        return None;
    }
    let (first, last) = (inside.start, inside.end - 1);
    let is_name = |from: usize, to: usize| {
        APPOSITION_NAME_WORDS.contains(&(to + 1 - from))
            && (from..=to).all(|i| {
                name_word(&words[i])
                    && !words[i].is(Category::Role)
                    && !words[i].is(Category::OrganisationWord)
                    && (i == from || analysis.gap_before(i).trim().is_empty())
            })
    };
    let has_role = |from: usize, to: usize| (from..=to).any(|i| words[i].is(Category::Role));
    let span_of = |from: usize, to: usize| Span {
        start: words[from].start,
        end: words[to].end,
    };
    let Some(comma) = (first + 1..=last).find(|&i| analysis.gap_before(i).contains(',')) else {
        // The name right after the source, closing the sentence or the clause: "said the prime minister's
        // spokeswoman, Helga Sorensen."
        let after = last + 1;
        let name_end = (after..words.len())
            .take_while(|&i| i == after || analysis.gap_before(i).trim().is_empty())
            .last()?;
        let closes = name_end + 1 == words.len() || analysis.gap_before(name_end + 1).contains(',');
        return (analysis.gap_before(after).contains(',')
            && closes
            && has_role(first, last)
            && is_name(after, name_end))
        .then(|| span_of(after, name_end));
    };
    if is_name(comma, last) && (has_role(first, comma - 1) || words[first].is_article()) {
        return Some(span_of(comma, last));
    }
    if is_name(first, comma - 1) && has_role(comma, last) {
        return Some(span_of(first, comma - 1));
    }
    None
}

/// "nach Polizeiangaben", "laut Ministeriumsangaben": the compound's first part is the source.
pub(super) fn compound_source(analysis: &Analysis<'_>, lexicon: &Lexicon) -> Option<Attribution> {
    let words = &analysis.words;
    (1..words.len()).find_map(|i| {
        if words[i].quoted || words[i - 1].quoted {
            return None;
        }
        let source = lexicon.compound_source(&words[i - 1].lower, words[i].text)?;
        Some(Attribution::Named {
            speaker: source.to_owned(),
            span: Span {
                start: words[i].start,
                end: words[i].start + source.len(),
            },
            marker: words[i - 1].text.to_owned(),
        })
    })
}

/// A group named by who leads it, as the phrase that names the speaker ends: "Forscher" followed by "um
/// Anja Reiter" becomes "Forscher um Anja Reiter". `span` ends at the group's noun; the result reaches to
/// the end of the leader's name (an article and a role may stand before it: "um die Astrophysikerin Selin
/// Kaya").
pub(super) fn with_team_lead(analysis: &Analysis<'_>, span: Span) -> Span {
    let words = &analysis.words;
    let Some(next) = words.iter().position(|w| w.start >= span.end) else {
        return span;
    };
    let link_len = team_link_at(analysis, next);
    if link_len == 0 || analysis.gap_before(next).contains([',', ';', ':', '(']) {
        return span;
    }
    let mut index = next + link_len;
    if words.get(index).is_some_and(Word::is_article) {
        index += 1;
    }
    let name_start = index;
    while index < words.len()
        && name_word(&words[index])
        && (index == name_start || analysis.gap_before(index).trim().is_empty())
        && index - name_start < 5
    {
        index += 1;
    }
    if index == name_start {
        return span;
    }
    Span {
        start: span.start,
        end: words[index - 1].end,
    }
}

/// How many words of a team link ("um", "led by") start at word `index`; 0 when none does.
fn team_link_at(analysis: &Analysis<'_>, index: usize) -> usize {
    analysis
        .phrases
        .iter()
        .find(|p| p.category == Category::TeamLink && p.first == index)
        .map(|p| p.len)
        .or_else(|| {
            analysis
                .words
                .get(index)
                .is_some_and(|w| w.is(Category::TeamLink))
                .then_some(1)
        })
        .unwrap_or(0)
}

/// A segment that opens with a group named by its leader is sourced whatever its verb: "Ein Team um die
/// Astrophysikerin Selin Kaya hat … entdeckt", "Die Arbeitsgruppe um Jakob Pernthaler fand …".
pub(super) fn team_source(analysis: &Analysis<'_>) -> Option<Attribution> {
    let words = &analysis.words;
    // The group's noun: a capitalized word among the first four, before any comma.
    let limit = words.len().min(5);
    let noun = (0..limit)
        .take_while(|&i| i == 0 || !analysis.gap_before(i).contains([',', ':', ';']))
        .find(|&i| name_word(&words[i]) && team_link_at(analysis, i + 1) > 0)?;
    let span = Span {
        start: words[noun].start,
        end: words[noun].end,
    };
    let extended = with_team_lead(analysis, span);
    (extended != span).then(|| {
        let link = &words[noun + 1];
        Attribution::Named {
            speaker: analysis.slice(extended.start, extended.end).to_owned(),
            span: extended,
            marker: link.text.to_owned(),
        }
    })
}

/// "Aus dem Finanzministerium hieß es, …", "Im aktuellen Sicherheitsbericht heißt es, …": the anonymous
/// phrase at `phrase_first` comes from the place the segment opens with.
pub(super) fn placed_anonymous_source(
    analysis: &Analysis<'_>,
    phrase_first: usize,
) -> Option<(String, Span)> {
    let words = &analysis.words;
    if phrase_first < 2 || !words[0].is(Category::SourcePreposition) {
        return None;
    }
    let (speaker, span) = noun_phrase_after_with(analysis, 1, true)?;
    let ends_before = span.end <= words[phrase_first].start
        && !analysis
            .slice(span.end, words[phrase_first].start)
            .contains([',', ';', ':']);
    let names_someone = words[1..phrase_first].iter().any(name_word);
    // "In sozialen Netzwerken heißt es …" is a rumour, whose source is the platform's users.
    let platform = analysis.has(Category::Platform) || analysis.has(Category::Rumour);
    (ends_before && names_someone && !platform).then_some((speaker, span))
}
