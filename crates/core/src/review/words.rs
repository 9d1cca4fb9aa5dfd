//! The review's values in people's words: verdicts, claim kinds and the reasons a claim was picked, in the
//! window's or a report's language (`assets/i18n/{de,en}/*.ftl`). The file keeps machine words
//! (`"confirmed"`, `"figures.statistic"`); these are what a reader sees.

use fluent_bundle::FluentValue;

use super::{ClaimKind, FoundReason, Reason, Sign, Verdict};
use crate::i18n::{InWords, Messages};

/// Where a verdict is said: the two places use different words in English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vocabulary {
    /// Reports and ClaimReview: the rating words ("True", "False", "Unproven"; "Richtig" …).
    Report,
    /// The workbench window: "confirmed · denied · unverified · pending" in English, the reports' words in
    /// German.
    Window,
}

impl Verdict {
    /// A verdict (or pending, `None`) in words of `vocabulary` and `m`'s language.
    #[must_use]
    pub fn words(vocabulary: Vocabulary, m: &Messages, verdict: Option<Self>) -> String {
        // One table for both vocabularies, so a new verdict cannot be forgotten in one of them.
        let (report, window) = match verdict {
            Some(Self::Confirmed) => ("verdict-confirmed", "ui-verdict-confirmed"),
            Some(Self::Denied) => ("verdict-denied", "ui-verdict-denied"),
            Some(Self::Unverified) => ("verdict-unverified", "ui-verdict-unverified"),
            None => ("verdict-pending", "ui-verdict-pending"),
        };
        m.text(match vocabulary {
            Vocabulary::Report => report,
            Vocabulary::Window => window,
        })
    }
}

impl InWords for ClaimKind {
    fn in_words(&self, m: &Messages) -> String {
        m.text(match self {
            Self::Quote => "kind-quote",
            Self::ReportedStatement => "kind-reported-statement",
            Self::Statistic => "kind-statistic",
            Self::Prediction => "kind-prediction",
            Self::Comparison => "kind-comparison",
            Self::Event => "kind-event",
            Self::Fact => "kind-fact",
            Self::Headline => "kind-headline",
            Self::Rumour => "kind-rumour",
            Self::Question => "kind-question",
        })
    }
}

/// The message of a reason's feature: `figures.statistic` → `reason-figures-statistic`.
#[must_use]
pub fn reason_message_id(feature: &str) -> String {
    format!("reason-{}", feature.replace(['.', '_'], "-"))
}

impl Reason {
    /// Whether the reason names one of claimdesk's own training sentences as the nearest example (the
    /// meaning scorer's explanation), not something found in the article.
    #[must_use]
    pub fn is_training_example(&self) -> bool {
        matches!(self, Self::Found(found) if found.feature.starts_with("meaning.like_"))
    }
}

impl InWords for Reason {
    /// Why a claim was picked: "figures: 18 Prozent +", "Zahlen: 18 Prozent +". Reasons of files before
    /// version 3 are English words and come back as written.
    fn in_words(&self, m: &Messages) -> String {
        match self {
            Self::Written(text) => text.clone(),
            Self::Found(found) => {
                let mut text = found.in_words(m);
                match found.sign {
                    Some(Sign::For) => text.push_str(" +"),
                    Some(Sign::Against) => text.push_str(" −"),
                    None => {}
                }
                text
            }
        }
    }
}

impl InWords for FoundReason {
    /// The reason without its sign.
    fn in_words(&self, m: &Messages) -> String {
        let words = self.words.join(", ");
        let mut id = reason_message_id(&self.feature);
        if self.speaker.is_none() && m.has(&format!("{id}-unnamed")) {
            id.push_str("-unnamed");
        }
        if !m.has(&id) {
            // A feature this build has no words for (a newer file): its name and what showed it.
            return if words.is_empty() {
                self.feature.to_string()
            } else {
                format!("{}: {words}", self.feature)
            };
        }
        let text_of =
            |value: Option<&String>| FluentValue::from(value.cloned().unwrap_or_default());
        m.format(
            &id,
            &[
                ("words", words.into()),
                ("speaker", text_of(self.speaker.as_ref())),
                ("marker", text_of(self.marker.as_ref())),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn verdicts_in_the_window_and_in_reports() {
        let german = Locale::German.messages();
        let english = Locale::English.messages();
        let say = Verdict::words;
        assert_eq!(
            say(Vocabulary::Report, german, Some(Verdict::Unverified)),
            "Nicht belegt"
        );
        assert_eq!(say(Vocabulary::Report, english, None), "Pending");
        assert_eq!(say(Vocabulary::Window, english, None), "pending");
        assert_eq!(
            say(Vocabulary::Window, german, Some(Verdict::Denied)),
            say(Vocabulary::Report, german, Some(Verdict::Denied))
        );
        assert_eq!(ClaimKind::Statistic.in_words(german), "Statistik");
    }
}
