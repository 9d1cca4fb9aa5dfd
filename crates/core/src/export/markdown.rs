//! The Markdown report. All article and user text is escaped: it reads as text, never as markup or HTML.

use std::fmt::Write as _;

use super::{ExportOptions, public_source, review_date, web_links};
use crate::i18n::InWords;
use crate::review::{Review, Verdict, Vocabulary};

/// Escapes text for Markdown: HTML-significant characters become entities, Markdown syntax is
/// backslash-escaped, line breaks become spaces (a claim or note stays inside its list item).
#[must_use]
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '&' => escaped.push_str("&amp;"),
            '\n' | '\r' => escaped.push(' '),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '!'
            | '|' | '~' => {
                escaped.push('\\');
                escaped.push(c);
            }
            _ => escaped.push(c),
        }
    }
    escaped
}

pub(super) fn render(review: &Review, options: &ExportOptions) -> String {
    let words = options.report_locale(review).messages();
    let progress = review.progress();
    // Without a headline the article is named as published exports name it: never by a local path.
    let title = review
        .article
        .title
        .clone()
        .unwrap_or_else(|| public_source(review, options));
    let title = title.as_str();
    let mut out = String::new();
    let _ = writeln!(out, "{}", super::MARKDOWN_MARK);
    let _ = writeln!(
        out,
        "# {}\n",
        words.format("report-title", &[("title", escape(title).into())])
    );
    let field = |id: &str, value: &str| format!("- {}: {value}", words.text(id));
    let _ = writeln!(
        out,
        "{}",
        field("report-source", &escape(&public_source(review, options)))
    );
    if !options.reviewer_name.trim().is_empty() {
        let _ = writeln!(
            out,
            "{}",
            field("report-reviewer", &escape(options.reviewer_name.trim()))
        );
    }
    let _ = writeln!(
        out,
        "{}",
        field("report-date", &escape(&words.date(review_date(review))))
    );
    let _ = writeln!(
        out,
        "{}",
        field("report-language", &review.article.language.in_words(words))
    );
    let _ = writeln!(
        out,
        "{}\n",
        field(
            "report-claims",
            &words.format(
                "report-claims-count",
                &[
                    ("total", progress.total().into()),
                    ("reviewed", progress.reviewed().into())
                ],
            )
        )
    );
    let _ = writeln!(out, "## {}\n", words.text("report-summary"));
    let _ = writeln!(
        out,
        "| {} | {} |\n| --- | ---: |",
        words.text("report-verdict"),
        words.text("report-claims")
    );
    for (verdict, count) in [
        (Some(Verdict::Confirmed), progress.confirmed),
        (Some(Verdict::Denied), progress.denied),
        (Some(Verdict::Unverified), progress.unverified),
        (None, progress.pending),
    ] {
        let _ = writeln!(
            out,
            "| {} | {count} |",
            Verdict::words(Vocabulary::Report, words, verdict)
        );
    }
    let _ = writeln!(out, "\n## {}", words.text("report-claims"));
    for (index, claim) in review.claims.iter().enumerate() {
        let _ = writeln!(
            out,
            "\n### {}. {} ({})\n",
            index + 1,
            Verdict::words(Vocabulary::Report, words, claim.verdict),
            escape(&claim.id)
        );
        let _ = writeln!(out, "> {}\n", escape(&claim.text));
        if let Some(approval) = super::approval_text(claim, words) {
            let _ = writeln!(out, "{}", field("report-four-eyes", &escape(&approval)));
        }
        if let Some(speaker) = super::published_speaker(claim) {
            let _ = writeln!(out, "{}", field("report-speaker", &escape(speaker)));
        }
        let score = words.format(
            "report-check-worthiness",
            &[("score", words.decimal(claim.score, 2).into())],
        );
        let kind = format!("{}, {score}", claim.kind.in_words(words));
        let _ = writeln!(out, "{}", field("report-kind", &kind));
        if !claim.reasons.is_empty() {
            let reasons = super::reasons_text(claim, words, options);
            let _ = writeln!(out, "{}", field("report-reasons", &escape(&reasons)));
        }
        if !claim.hedges.is_empty() {
            let _ = writeln!(
                out,
                "{}",
                field("report-hedges", &escape(&claim.hedges.join(", ")))
            );
        }
        if !claim.note.trim().is_empty() {
            let _ = writeln!(out, "{}", field("report-note", &escape(&claim.note)));
        }
        let links: Vec<String> = web_links(claim).collect();
        if !links.is_empty() {
            let _ = writeln!(out, "- {}:", words.text("report-evidence"));
            for link in links {
                // Autolinks end at '>' or whitespace; `safe_url` has percent-encoded both.
                let _ = writeln!(out, "  - <{link}>");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Language;
    use crate::export::tests::hostile_review;
    use crate::export::{ExportOptions, Format, export};

    #[test]
    fn hostile_text_is_escaped_and_only_web_links_appear() {
        for language in [Language::German, Language::English] {
            let review = hostile_review(language);
            let report = String::from_utf8(
                export(&review, Format::Markdown, &ExportOptions::default())
                    .unwrap()
                    .bytes,
            )
            .unwrap();
            assert!(!report.contains("<script"), "{report}");
            assert!(!report.contains("<img"), "{report}");
            assert!(report.contains("&lt;script&gt;"));
            assert!(!report.contains("javascript:"));
            assert!(report.contains("<https://example.org/a?b=1&c=2>"));
            let summary = if language == Language::German {
                "## Übersicht"
            } else {
                "## Summary"
            };
            assert!(report.contains(summary), "{report}");
        }
        let english = String::from_utf8(
            export(
                &hostile_review(Language::English),
                Format::Markdown,
                &ExportOptions::default(),
            )
            .unwrap()
            .bytes,
        )
        .unwrap();
        assert!(english.contains("| True | 1 |"));
        let german = String::from_utf8(
            export(
                &hostile_review(Language::German),
                Format::Markdown,
                &ExportOptions::default(),
            )
            .unwrap()
            .bytes,
        )
        .unwrap();
        assert!(german.contains("| Falsch | 1 |"));
    }

    #[test]
    fn escaping_keeps_text_readable() {
        assert_eq!(
            escape("a *b* [c](d) <e> & f\ng"),
            "a \\*b\\* \\[c\\]\\(d\\) &lt;e&gt; &amp; f g"
        );
    }
}
