//! The Markdown report. All article and user text is escaped: it reads as text, never as markup or HTML.

use std::fmt::Write as _;

use super::{ExportOptions, public_source, review_date, verdict_word, web_links};
use crate::review::{Review, Verdict};

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
    let language = review.article.language;
    let progress = review.progress();
    // Without a headline the article is named as published exports name it: never by a local path.
    let title = review
        .article
        .title
        .clone()
        .unwrap_or_else(|| public_source(review, options));
    let title = title.as_str();
    let mut out = String::new();
    let _ = writeln!(out, "# Fact-check: {}\n", escape(title));
    let _ = writeln!(out, "- Source: {}", escape(&public_source(review, options)));
    let _ = writeln!(out, "- Reviewer: {}", escape(&options.reviewer_name));
    let _ = writeln!(out, "- Date: {}", review_date(review));
    let _ = writeln!(out, "- Language: {}", review.article.language.name());
    let _ = writeln!(
        out,
        "- Claims: {} ({} reviewed)\n",
        progress.total(),
        progress.reviewed()
    );
    let _ = writeln!(out, "## Summary\n");
    let _ = writeln!(out, "| Verdict | Claims |\n| --- | ---: |");
    for (verdict, count) in [
        (Some(Verdict::Confirmed), progress.confirmed),
        (Some(Verdict::Denied), progress.denied),
        (Some(Verdict::Unverified), progress.unverified),
        (None, progress.pending),
    ] {
        let _ = writeln!(out, "| {} | {count} |", verdict_word(verdict, language));
    }
    let _ = writeln!(out, "\n## Claims");
    for (index, claim) in review.claims.iter().enumerate() {
        let _ = writeln!(
            out,
            "\n### {}. {} ({})\n",
            index + 1,
            verdict_word(claim.verdict, language),
            claim.id
        );
        let _ = writeln!(out, "> {}\n", escape(&claim.text));
        if let Some(approval) = super::approval_text(claim) {
            let _ = writeln!(out, "- Four eyes: {}", escape(&approval));
        }
        if let Some(speaker) = &claim.speaker {
            let _ = writeln!(out, "- Speaker: {}", escape(speaker));
        }
        let _ = writeln!(
            out,
            "- Kind: {}, check-worthiness {:.2}",
            claim.kind.label(),
            claim.score
        );
        if !claim.hedges.is_empty() {
            let _ = writeln!(out, "- Hedges: {}", escape(&claim.hedges.join(", ")));
        }
        if !claim.note.trim().is_empty() {
            let _ = writeln!(out, "- Note: {}", escape(&claim.note));
        }
        let links: Vec<String> = web_links(claim).collect();
        if !links.is_empty() {
            let _ = writeln!(out, "- Evidence:");
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
            assert!(report.contains("## Summary"));
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
