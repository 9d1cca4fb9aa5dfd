//! Published fact-check ratings (`Falsch`, `Mostly true`, `2 of 5`) as claimdesk verdicts.
//!
//! The words are data (`assets/memory/ratings.tsv`); a rating not listed falls back to its numeric value on
//! its scale. The README documents the mapping.

use std::sync::LazyLock;

use foldhash::{HashMap, HashMapExt};

use crate::review::Verdict;

static RATINGS: LazyLock<HashMap<String, Verdict>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for line in include_str!("../../../../assets/memory/ratings.tsv").lines() {
        if line.starts_with('#') {
            continue;
        }
        let Some((word, verdict)) = line.split_once('\t') else {
            continue;
        };
        let verdict = match verdict.trim() {
            "confirmed" => Verdict::Confirmed,
            "denied" => Verdict::Denied,
            "unverified" => Verdict::Unverified,
            _ => continue,
        };
        map.insert(normalise(word), verdict);
    }
    map
});

/// Lower case, runs of spaces folded, surrounding punctuation and spaces trimmed.
fn normalise(rating: &str) -> String {
    rating
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| c.is_ascii_punctuation() && c != '!' || c.is_whitespace())
        .to_lowercase()
}

/// A numeric rating on its scale: the upper quarter is confirmed, the lower quarter denied, the middle
/// unverified. Without a scale, schema.org's default 1 (worst) to 5 (best) applies.
#[must_use]
pub fn verdict_for_value(value: f64, worst: Option<f64>, best: Option<f64>) -> Option<Verdict> {
    let worst = worst.unwrap_or(1.0);
    let best = best.unwrap_or(5.0);
    if !(value.is_finite() && worst.is_finite() && best.is_finite())
        || (best - worst).abs() < f64::EPSILON
    {
        return None;
    }
    let position = (value - worst) / (best - worst);
    if !(-1e-9..=1.0 + 1e-9).contains(&position) {
        return None;
    }
    Some(if position >= 0.75 {
        Verdict::Confirmed
    } else if position <= 0.25 {
        Verdict::Denied
    } else {
        Verdict::Unverified
    })
}

/// The verdict for a rating's words, when they are known.
#[must_use]
pub fn verdict_for_words(rating: &str) -> Option<Verdict> {
    RATINGS.get(&normalise(rating)).copied()
}

/// The verdict for a rating: its words when known, else its value on its scale, else unverified (a rating
/// claimdesk cannot read is not evidence either way).
#[must_use]
pub fn verdict_for(
    words: Option<&str>,
    value: Option<f64>,
    worst: Option<f64>,
    best: Option<f64>,
) -> Verdict {
    words
        .and_then(verdict_for_words)
        .or_else(|| value.and_then(|v| verdict_for_value(v, worst, best)))
        .unwrap_or(Verdict::Unverified)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_both_languages() {
        assert_eq!(verdict_for_words("Falsch"), Some(Verdict::Denied));
        assert_eq!(
            verdict_for_words("  Mostly   TRUE "),
            Some(Verdict::Confirmed)
        );
        assert_eq!(verdict_for_words("Irreführend"), Some(Verdict::Denied));
        assert_eq!(verdict_for_words("Unbelegt"), Some(Verdict::Unverified));
        assert_eq!(verdict_for_words("Half-true"), Some(Verdict::Unverified));
        assert_eq!(verdict_for_words("Pants on Fire!"), Some(Verdict::Denied));
        assert_eq!(verdict_for_words("Banana"), None);
    }

    #[test]
    fn values_on_their_scale() {
        assert_eq!(verdict_for_value(1.0, None, None), Some(Verdict::Denied));
        assert_eq!(
            verdict_for_value(3.0, None, None),
            Some(Verdict::Unverified)
        );
        assert_eq!(verdict_for_value(5.0, None, None), Some(Verdict::Confirmed));
        assert_eq!(
            verdict_for_value(0.0, Some(0.0), Some(10.0)),
            Some(Verdict::Denied)
        );
        assert_eq!(
            verdict_for_value(8.0, Some(0.0), Some(10.0)),
            Some(Verdict::Confirmed)
        );
        // Out of scale or no scale at all: not a verdict.
        assert_eq!(verdict_for_value(7.0, None, None), None);
        assert_eq!(verdict_for_value(1.0, Some(1.0), Some(1.0)), None);
        // Words win over the number; unknown words fall back to it.
        assert_eq!(
            verdict_for(Some("False"), Some(5.0), None, None),
            Verdict::Denied
        );
        assert_eq!(
            verdict_for(Some("Wackelig"), Some(1.0), None, None),
            Verdict::Denied
        );
        assert_eq!(verdict_for(None, None, None, None), Verdict::Unverified);
    }
}
