//! Words shown to people, in German and English: Project Fluent messages from `assets/i18n/{de,en}/*.ftl`
//! (compiled into the binary), and dates and numbers written the way each language writes them.
//!
//! Code names a message by its id and supplies its placeables; plural forms and word order live in the
//! `.ftl` files. A missing message shows its id instead of failing: a test checks that both languages
//! have every message the code names.

use std::borrow::Cow;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub mod value;

/// Something said in the words of one language. Each claimdesk type that people read about implements it
/// where it is defined (errors beside their enums, verdicts and reasons beside the review types), so this
/// layer knows no claimdesk type.
pub trait InWords {
    /// This in `messages`' language: for an error, what went wrong, with which file, and what to do.
    fn in_words(&self, messages: &Messages) -> String;
}

/// A language claimdesk speaks to people in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum Locale {
    /// German.
    #[serde(rename = "de")]
    German,
    /// English.
    #[default]
    #[serde(rename = "en")]
    English,
}

impl Locale {
    /// Every locale, in menu order.
    pub const ALL: [Self; 2] = [Self::German, Self::English];

    /// The ISO 639-1 code (`de`, `en`).
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::German => "de",
            Self::English => "en",
        }
    }

    /// `de` or `en` (case-insensitive, a region such as `de-AT` or `en_GB.UTF-8` allowed).
    #[must_use]
    pub fn parse(code: &str) -> Option<Self> {
        let primary = code
            .split(['-', '_', '.'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "de" => Some(Self::German),
            "en" => Some(Self::English),
            _ => None,
        }
    }

    /// This locale's messages.
    #[must_use]
    pub fn messages(self) -> &'static Messages {
        match self {
            Self::German => &GERMAN,
            Self::English => &ENGLISH,
        }
    }
}

/// The `.ftl` sources of one locale, by file name.
#[must_use]
pub fn sources(locale: Locale) -> &'static [(&'static str, &'static str)] {
    match locale {
        Locale::German => &[
            (
                "report.ftl",
                include_str!("../../../assets/i18n/de/report.ftl"),
            ),
            (
                "reasons.ftl",
                include_str!("../../../assets/i18n/de/reasons.ftl"),
            ),
            (
                "errors.ftl",
                include_str!("../../../assets/i18n/de/errors.ftl"),
            ),
            ("app.ftl", include_str!("../../../assets/i18n/de/app.ftl")),
        ],
        Locale::English => &[
            (
                "report.ftl",
                include_str!("../../../assets/i18n/en/report.ftl"),
            ),
            (
                "reasons.ftl",
                include_str!("../../../assets/i18n/en/reasons.ftl"),
            ),
            (
                "errors.ftl",
                include_str!("../../../assets/i18n/en/errors.ftl"),
            ),
            ("app.ftl", include_str!("../../../assets/i18n/en/app.ftl")),
        ],
    }
}

/// A text said in every language of the window, for results made where the window's language is not at
/// hand (a background reading of a desk); the window shows the one in its language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InEveryLanguage {
    german: String,
    english: String,
}

impl InEveryLanguage {
    /// `what` in every language.
    #[must_use]
    pub fn of(what: &dyn InWords) -> Self {
        Self {
            german: what.in_words(Locale::German.messages()),
            english: what.in_words(Locale::English.messages()),
        }
    }

    /// The text in `locale`.
    #[must_use]
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::German => &self.german,
            Locale::English => &self.english,
        }
    }
}

/// One locale's messages.
pub struct Messages {
    locale: Locale,
    bundle: FluentBundle<FluentResource>,
}

static GERMAN: LazyLock<Messages> = LazyLock::new(|| Messages::load(Locale::German));
static ENGLISH: LazyLock<Messages> = LazyLock::new(|| Messages::load(Locale::English));

impl Messages {
    fn load(locale: Locale) -> Self {
        let id = locale
            .code()
            .parse()
            .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Reports and the window are plain text: no invisible direction marks around placeables.
        bundle.set_use_isolating(false);
        for (_, source) in sources(locale) {
            // The files ship inside the binary and a test parses them; a broken entry is left out rather
            // than taking the whole language down.
            let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, _)| r);
            let _ = bundle.add_resource(resource);
        }
        Self { locale, bundle }
    }

    /// The locale these messages are in.
    #[must_use]
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The message `id` without placeables.
    #[must_use]
    pub fn text(&self, id: &str) -> String {
        self.format(id, &[])
    }

    /// The message `id` with its placeables (`$name`) supplied.
    #[must_use]
    pub fn format(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        let text: Cow<'_, str> =
            self.bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors);
        text.into_owned()
    }

    /// Whether the message `id` exists.
    #[must_use]
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// A calendar date as this language writes it: `22.10.2024`, `22 October 2024`. The ISO date
    /// (`2024-10-22`, a longer RFC 3339 time is cut to its day) comes back unchanged when it is not one.
    #[must_use]
    pub fn date(&self, iso: &str) -> String {
        let day_part = iso.get(..10).unwrap_or(iso);
        let mut parts = day_part.splitn(3, '-');
        let parsed = (|| {
            let year: u32 = parts.next()?.parse().ok()?;
            let month: usize = parts.next()?.parse().ok()?;
            let day: u32 = parts.next()?.parse().ok()?;
            let month_name = ENGLISH_MONTHS.get(month.checked_sub(1)?)?;
            (1..=31)
                .contains(&day)
                .then_some((year, month, day, *month_name))
        })();
        match (parsed, self.locale) {
            (Some((year, month, day, _)), Locale::German) => format!("{day:02}.{month:02}.{year}"),
            (Some((year, _, day, name)), Locale::English) => format!("{day} {name} {year}"),
            (None, _) => iso.to_owned(),
        }
    }

    /// A decimal number with `digits` places and this language's decimal mark: `0,35`, `0.35`.
    #[must_use]
    pub fn decimal(&self, value: f64, digits: usize) -> String {
        let text = format!("{value:.digits$}");
        match self.locale {
            Locale::German => text.replace('.', ","),
            Locale::English => text,
        }
    }
}

const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// What the `.ftl` files hold, for tests here and in the layers that put their types into words.
#[cfg(test)]
pub(crate) mod catalog {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    use super::{Locale, sources};

    /// Every message of a locale with the variables its value uses.
    pub(crate) fn messages_of(locale: Locale) -> BTreeMap<String, BTreeSet<String>> {
        let mut found = BTreeMap::new();
        for (file, source) in sources(locale) {
            let resource = fluent_syntax::parser::parse(*source)
                .unwrap_or_else(|(_, errors)| panic!("{} {file}: {errors:?}", locale.code()));
            for entry in resource.body {
                if let ast::Entry::Message(message) = entry {
                    let mut variables = BTreeSet::new();
                    if let Some(value) = &message.value {
                        variables_of(value, &mut variables);
                    }
                    assert!(
                        found
                            .insert(message.id.name.to_owned(), variables)
                            .is_none(),
                        "{} {file}: {} twice",
                        locale.code(),
                        message.id.name
                    );
                }
            }
        }
        found
    }

    fn variables_of(pattern: &ast::Pattern<&str>, into: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_variables(expression, into);
            }
        }
    }

    fn expression_variables(expression: &ast::Expression<&str>, into: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                inline_variables(selector, into);
                for variant in variants {
                    variables_of(&variant.value, into);
                }
            }
            ast::Expression::Inline(inline) => inline_variables(inline, into),
        }
    }

    fn inline_variables(inline: &ast::InlineExpression<&str>, into: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                into.insert(id.name.to_owned());
            }
            ast::InlineExpression::Placeable { expression } => {
                expression_variables(expression, into);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::catalog::messages_of;
    use super::*;

    /// The message ids and variables the code names: `"id"` string literals that are message ids, and
    /// the `("name", …)` arguments passed with them, read from the source files.
    fn source_text() -> String {
        let mut text = String::new();
        // Every crate of the workspace says messages: the command line, the core, the desk, the window.
        let root = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
        let mut folders: Vec<std::path::PathBuf> = [
            "src",
            "crates/core/src",
            "crates/desk/src",
            "crates/app/src",
        ]
        .iter()
        .map(|folder| root.join(folder))
        .collect();
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let code = std::fs::read_to_string(&path).unwrap();
                    // Tests name messages too; only uses outside test modules count.
                    let outside_tests = code.split("#[cfg(test)]\nmod tests").next();
                    text.push_str(outside_tests.unwrap_or_default());
                }
            }
        }
        text
    }

    #[test]
    fn both_languages_have_the_same_messages_with_the_same_placeables() {
        let german = messages_of(Locale::German);
        let english = messages_of(Locale::English);
        let only_german: Vec<&String> = german
            .keys()
            .filter(|k| !english.contains_key(*k))
            .collect();
        let only_english: Vec<&String> = english
            .keys()
            .filter(|k| !german.contains_key(*k))
            .collect();
        assert!(only_german.is_empty(), "only in German: {only_german:?}");
        assert!(only_english.is_empty(), "only in English: {only_english:?}");
        for (id, variables) in &german {
            assert_eq!(
                Some(variables),
                english.get(id),
                "{id}: German and English use different placeables"
            );
        }
    }

    #[test]
    fn every_message_is_used_and_every_placeable_is_supplied() {
        let source = source_text();
        for (id, variables) in messages_of(Locale::English) {
            if id.starts_with("reason-") {
                // Named after the feature they explain, never written out: their own test below.
                continue;
            }
            let quoted = format!("\"{id}\"");
            let uses: Vec<usize> = source.match_indices(&quoted).map(|(at, _)| at).collect();
            assert!(!uses.is_empty(), "message {id} is never used");
            for at in uses {
                // The call that names the message supplies its arguments right after the id.
                let call: String = source[at..].chars().take(400).collect();
                let call = call.split(';').next().unwrap_or_default();
                // However rustfmt breaks the lines: `(\n    "name", …)`.
                let compact: String = call.split_whitespace().collect();
                for variable in &variables {
                    assert!(
                        compact.contains(&format!("(\"{variable}\"")),
                        "message {id}: placeable ${variable} is not supplied where it is used: {call}"
                    );
                }
            }
        }
    }

    #[test]
    fn plural_forms_and_placeables_render() {
        let english = Locale::English.messages();
        let german = Locale::German.messages();
        let count = |m: &Messages, total: i64| {
            m.format(
                "report-claims-count",
                &[("total", total.into()), ("reviewed", 0.into())],
            )
        };
        assert_eq!(count(english, 1), "1 claim (0 reviewed)");
        assert_eq!(count(english, 3), "3 claims (0 reviewed)");
        assert_eq!(count(german, 1), "1 Aussage (0 geprüft)");
        assert_eq!(count(german, 3), "3 Aussagen (0 geprüft)");
        assert_eq!(english.text("no-such-message"), "no-such-message");
    }

    #[test]
    fn dates_and_numbers_as_each_language_writes_them() {
        let german = Locale::German.messages();
        let english = Locale::English.messages();
        assert_eq!(german.date("2024-10-22"), "22.10.2024");
        assert_eq!(english.date("2024-10-22T09:30:00Z"), "22 October 2024");
        assert_eq!(english.date("2024-13-01"), "2024-13-01");
        assert_eq!(german.date("yesterday"), "yesterday");
        assert_eq!(german.decimal(0.345_678, 2), "0,35");
        assert_eq!(english.decimal(0.345_678, 2), "0.35");
    }

    #[test]
    fn locales_parse_from_system_and_cli_spellings() {
        assert_eq!(Locale::parse("de-AT"), Some(Locale::German));
        assert_eq!(Locale::parse("en_GB.UTF-8"), Some(Locale::English));
        assert_eq!(Locale::parse("DE"), Some(Locale::German));
        assert_eq!(Locale::parse("fr"), None);
    }
}
