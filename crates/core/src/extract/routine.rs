//! Routine items a desk does not check: sport results and play-by-play, schedules and broadcast slots.

use super::{Analysis, Category, Feature, NumberKind};

/// A routine item a desk does not check: a sport result or play-by-play ("gewannen mit 3:0 (2:0)",
/// "Welbeck (60.) traf zum Tor des Tages") or a schedule ("Der Anpfiff erfolgt um 15.05 Uhr"), unless
/// something in it is news (debt, doping, a ban, money).
pub(super) fn routine(analysis: &Analysis<'_>) -> Option<Feature> {
    if analysis.has(Category::NewsInRoutine)
        || analysis
            .numbers
            .iter()
            .any(|n| matches!(n.kind, NumberKind::Money | NumberKind::Percentage))
    {
        return None;
    }
    let sport_words = analysis.has(Category::RoutineSport);
    let minute_mark = has_minute_mark(analysis.text);
    let score = match score_in(analysis.text) {
        Some((Score::Colon, _)) => true,
        Some((Score::Hyphen, _)) => sport_words,
        None => false,
    };
    // A race or a table: "0,30 Sekunden vor Jansrud" in a slalom, "93 Punkte Vorsprung" in the overall
    // standings. The race is needed: "drei Punkte Vorsprung" in a poll, "auf Platz 20" in a ranking of
    // schools are news, and so is an election a party "gewann".
    let margin = analysis.has(Category::RoutineRace)
        && analysis.has(Category::RoutineMargin)
        && !analysis.numbers.is_empty();
    if minute_mark || score || margin {
        return Some(named!("routine.sport"));
    }
    let timed = has_clock_time(analysis)
        || analysis.numbers.iter().any(|n| n.kind == NumberKind::Date)
        || analysis.has(Category::TimeWord);
    (analysis.has(Category::RoutineSchedule) && timed).then_some(named!("routine.schedule"))
}

/// How a sentence writes a score, if it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Score {
    /// "3:0", "2:1 (0:0)", "2:0-Sieg", "6:3,7:5": German and tennis results; nothing else writes two small
    /// numbers around a colon except clock times, which are told apart.
    Colon,
    /// "won 3-0": a result only beside a result word (a "5-4 ruling" is not sport).
    Hyphen,
}

/// The score in `text`: one or two digits, a colon or a hyphen, one or two digits, not part of a longer
/// number, a time ("15:30 Uhr", "3:35:49") or a date.
pub(super) fn score_in(text: &str) -> Option<(Score, &str)> {
    let bytes = text.as_bytes();
    let digits_at = |from: usize| {
        bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let mut found = None;
    for (at, &byte) in bytes.iter().enumerate() {
        let separator = match byte {
            b':' => Score::Colon,
            b'-' => Score::Hyphen,
            _ => continue,
        };
        let before = bytes[..at]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let after = digits_at(at + 1);
        if !(1..=2).contains(&before) || !(1..=2).contains(&after) {
            continue;
        }
        let start = at - before;
        let end = at + 1 + after;
        let glued_before =
            start > 0 && matches!(bytes[start - 1], b'.' | b',' | b':' | b'/' | b'-');
        let glued_after = bytes
            .get(end)
            .is_some_and(|b| matches!(b, b':' | b'.' | b'/'))
            && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        let clock = text[end..]
            .trim_start()
            .split(|c: char| !c.is_alphanumeric() && c != '.')
            .next()
            .is_some_and(|word| {
                matches!(
                    word.to_lowercase().as_str(),
                    "uhr"
                        | "h"
                        | "a.m."
                        | "p.m."
                        | "am"
                        | "pm"
                        | "a.m"
                        | "p.m"
                        | "stunden"
                        | "minuten"
                )
            });
        if glued_before || glued_after || clock {
            continue;
        }
        if separator == Score::Colon {
            return Some((Score::Colon, &text[start..end]));
        }
        found = found.or(Some((Score::Hyphen, &text[start..end])));
    }
    found
}

/// "Welbeck (60.) traf": a minute of play in parentheses, as match reports write it.
pub(super) fn has_minute_mark(text: &str) -> bool {
    text.match_indices('(').any(|(at, _)| {
        let rest = &text[at + 1..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=3).contains(&digits) {
            return false;
        }
        let mut after = &rest[digits..];
        // Stoppage time: "(90.+2)", "(45+1)".
        let stoppage = after.strip_prefix(".+").or_else(|| after.strip_prefix('+'));
        if let Some(plus) = stoppage {
            after = &plus[plus.bytes().take_while(u8::is_ascii_digit).count()..];
        }
        // English ordinals: "(60th)", "(34th minute)".
        let ordinal = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|suffix| after.strip_prefix(suffix));
        if let Some(ordinal) = ordinal {
            after = ordinal
                .strip_prefix(" minute")
                .or_else(|| ordinal.strip_prefix(" min"))
                .unwrap_or(ordinal);
        }
        // "(60.)", "(60')"; a bare number in brackets only after a mark ("(34)" is an age).
        after.starts_with(".)")
            || after.starts_with("')")
            || after.starts_with("’)")
            || ((stoppage.is_some() || ordinal.is_some()) && after.starts_with(')'))
    })
}

/// "um 15.05 Uhr", "at 3 p.m.", "20:15": a time of day.
fn has_clock_time(analysis: &Analysis<'_>) -> bool {
    analysis.words.iter().enumerate().any(|(index, word)| {
        let time_unit = matches!(word.lower.as_ref(), "uhr" | "p.m" | "a.m" | "pm" | "am");
        let after_number = index > 0 && analysis.words[index - 1].has_digit();
        (time_unit && after_number)
            || word.text.split_once(':').is_some_and(|(h, m)| {
                (1..=2).contains(&h.len())
                    && m.len() == 2
                    && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
            })
    })
}

/// Predictions are about what has not happened yet; a segment with explicit past dates is reported history.
pub(super) fn dates_in_past_unknown(analysis: &Analysis<'_>) -> bool {
    !analysis.words.iter().any(|w| {
        matches!(
            w.lower.as_ref(),
            "gestern" | "vergangene" | "vergangenen" | "yesterday" | "last"
        )
    })
}
