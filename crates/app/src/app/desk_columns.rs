//! The desk table's columns: what each shows, its heading in the window's language, and how it sorts.

use super::desk_view::DeskRow;
use crate::article::Language;
use crate::i18n::Messages;

/// A column of the desk table, also the sort key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The headline.
    Title,
    /// The path relative to the desk.
    File,
    /// The language.
    Language,
    /// The publication date.
    Published,
    /// Number of claims.
    Claims,
    /// Confirmed claims.
    Confirmed,
    /// Denied claims.
    Denied,
    /// Unverified claims.
    Unverified,
    /// Pending claims.
    Pending,
    /// Share decided.
    Progress,
    /// When the review was last saved.
    Saved,
}

impl Column {
    pub(super) const ALL: [Self; 11] = [
        Self::Title,
        Self::File,
        Self::Language,
        Self::Published,
        Self::Claims,
        Self::Confirmed,
        Self::Denied,
        Self::Unverified,
        Self::Pending,
        Self::Progress,
        Self::Saved,
    ];

    pub(super) fn label(self, m: &Messages) -> String {
        match self {
            Self::Title => m.text("desk-column-title"),
            Self::File => m.text("desk-column-file"),
            Self::Language => m.text("desk-column-language"),
            Self::Published => m.text("desk-column-published"),
            Self::Claims => m.text("desk-column-claims"),
            Self::Confirmed => "✔".to_owned(),
            Self::Denied => "✖".to_owned(),
            Self::Unverified => "?".to_owned(),
            Self::Pending => m.text("desk-column-pending"),
            Self::Progress => m.text("desk-column-progress"),
            Self::Saved => m.text("desk-column-saved"),
        }
    }

    /// Orders rows by this column, then by path; rows still being read sort first.
    pub(super) fn compare(self, a: &DeskRow, b: &DeskRow) -> std::cmp::Ordering {
        let by_status = match (a.status.as_ref(), b.status.as_ref()) {
            (Some(x), Some(y)) => match self {
                Self::Title => x.title.cmp(&y.title),
                Self::File => std::cmp::Ordering::Equal,
                Self::Language => x
                    .language
                    .map(Language::code)
                    .cmp(&y.language.map(Language::code)),
                Self::Published => x.published.cmp(&y.published),
                Self::Claims => x.claims.cmp(&y.claims),
                Self::Confirmed => x.confirmed.cmp(&y.confirmed),
                Self::Denied => x.denied.cmp(&y.denied),
                Self::Unverified => x.unverified.cmp(&y.unverified),
                Self::Pending => x.pending.cmp(&y.pending),
                Self::Progress => x.done().total_cmp(&y.done()),
                Self::Saved => x.saved.cmp(&y.saved),
            },
            (x, y) => x.is_some().cmp(&y.is_some()),
        };
        by_status.then_with(|| a.file.relative.cmp(&b.file.relative))
    }
}
