//! Figures and dates as a text writes them, read into values that compare across wording and language:
//! `1.500` (German) and `1,500` (English) are fifteen hundred, `5,1 %` is `5.1 percent`, `$85 million` is
//! `85 Millionen Dollar`, `22.10.2024` is a day. The words around numbers (units, scales, currencies, number
//! words, months, weekdays) are data: `assets/text/quantities.tsv`, both languages in one list.

use std::sync::LazyLock;

use foldhash::{HashMap, HashMapExt};

use super::tokens::Token;
use crate::article::Language;

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

/// What a word next to a number means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum QuantityWord {
    /// A unit (`Prozent`, `km`).
    Unit,
    /// A multiplier (`Millionen`, `bn`).
    Scale(f64),
    /// A currency (`Euro`, `$`).
    Currency,
    /// A number word (`drei`, `twelve`).
    Number(f64),
    /// A month, 1–12.
    Month(u32),
    /// A weekday, 1–7 (Monday = 1).
    Weekday(u32),
}

/// The quantity table, both languages: lower-case word (or words joined by a space) → kind and canonical.
struct QuantityTable {
    words: HashMap<String, (QuantityWord, String)>,
}

static QUANTITIES: LazyLock<QuantityTable> = LazyLock::new(|| {
    let mut words = HashMap::new();
    for line in data_lines(include_str!("../../../../assets/text/quantities.tsv")) {
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
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "months, weekdays and years are small whole numbers"
            )]
            ("month", Some(n)) => QuantityWord::Month(n as u32),
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "months, weekdays and years are small whole numbers"
            )]
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

/// What the lower-case `word` (or two words joined by a space) means next to a number, with its canonical
/// form (`%`, `EUR`, `1000000`).
#[must_use]
pub fn quantity_word(word: &str) -> Option<(QuantityWord, &'static str)> {
    QUANTITIES
        .words
        .get(word)
        .map(|(kind, canonical)| (*kind, canonical.as_str()))
}

/// Whether the lower-case `word` after a number makes it a share: percent, percentage points, per mille.
#[must_use]
pub fn is_share_unit(word: &str) -> bool {
    matches!(
        quantity_word(word),
        Some((QuantityWord::Unit, "%" | "pp" | "‰"))
    )
}

/// Whether a token starts with a digit.
#[must_use]
pub fn starts_with_digit(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// A number token read.
pub enum Parsed {
    /// A number and the scale its suffix gave (`1.2bn`).
    Number(f64, Option<f64>),
    /// A date written as one token (`22.10.2024`).
    Date(DateMark),
}

/// A figure with what follows it.
pub enum Figure {
    /// A quantity.
    Quantity(Quantity),
    /// A year or date.
    Date(DateMark),
}

/// A number token as written in `language`: `1.500` is fifteen hundred in German and `1,500` in English;
/// `5,1` and `5.1` are decimals; `22.10.2024` is a date; a letter suffix may be a scale (`1.2bn`).
#[must_use]
pub fn parse_number_token(token: &str, language: Language) -> Option<Parsed> {
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

/// A date written `day.month.year`.
#[must_use]
pub fn parse_date(number: &str) -> Option<DateMark> {
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

/// The first full date among `words` (lower-case words of a text, as written): `12.03.2025`, `12. März
/// 2025`, `March 12, 2025`, read with the one month table ([`quantity_word`]) and [`parse_date`]. Only
/// years 1900–2100 and four-digit years count: a publication date, not a figure. `YYYY-MM-DD`.
#[must_use]
pub fn date_in_words(words: &[&str]) -> Option<String> {
    const YEARS: std::ops::RangeInclusive<u32> = 1900..=2100;
    let number = |word: &str| word.parse::<u32>().ok();
    let month_of = |word: &str| match quantity_word(word) {
        Some((QuantityWord::Month(month), _)) => Some(month),
        _ => None,
    };
    let valid = |year: u32, month: u32, day: u32| {
        YEARS.contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day)
    };
    for (index, word) in words.iter().enumerate() {
        let four_digit_year = word.rsplit('.').next().is_some_and(|year| year.len() == 4);
        if let Some(mark) = parse_date(word).filter(|_| four_digit_year)
            && YEARS.contains(&(mark.value / 10_000))
        {
            let (year, month, day) = (
                mark.value / 10_000,
                mark.value / 100 % 100,
                mark.value % 100,
            );
            return Some(format!("{year:04}-{month:02}-{day:02}"));
        }
        let Some(month) = month_of(word) else {
            continue;
        };
        let before = index
            .checked_sub(1)
            .and_then(|i| words.get(i))
            .and_then(|w| number(w));
        let after = words.get(index + 1).and_then(|w| number(w));
        let year_after = |offset: usize| {
            words
                .get(index + offset)
                .and_then(|w| number(w))
                .filter(|y| *y >= 1900)
        };
        let found = match (before, after) {
            (Some(day), Some(year)) if year >= 1900 => Some((year, day)),
            (_, Some(day)) if day <= 31 => year_after(2).map(|year| (year, day)),
            _ => None,
        };
        if let Some((year, day)) = found.filter(|&(year, day)| valid(year, month, day)) {
            return Some(format!("{year:04}-{month:02}-{day:02}"));
        }
    }
    None
}

/// Reads what follows a number: scale words, a unit or a currency. Returns the figure (or a year) and the
/// number of tokens used.
#[must_use]
pub fn read_quantity(
    tokens: &[Token<'_>],
    lower: &[String],
    start: usize,
    value: f64,
    scale: Option<f64>,
    currency_before: Option<&str>,
    text: &str,
) -> (Figure, usize) {
    let mut end = start + 1;
    let mut value = value * scale.unwrap_or(1.0);
    let mut unit = currency_before.map(str::to_owned);
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
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "months, weekdays and years are small whole numbers"
        )]
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
