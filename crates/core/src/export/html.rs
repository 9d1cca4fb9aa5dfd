//! The standalone HTML report: summary, the article with claims highlighted in verdict colours, and every
//! claim with verdict, speaker, note and evidence. No scripts, no network: a Content-Security-Policy forbids
//! both, and every piece of article or user text is escaped.

use std::fmt::Write as _;

use super::{ExportOptions, public_source, review_date, web_links};
use crate::i18n::InWords;
use crate::i18n::Messages;
use crate::review::{Review, Verdict, Vocabulary};

/// Escapes text for HTML element content and attribute values.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

fn verdict_class(verdict: Option<Verdict>) -> &'static str {
    crate::review::VerdictState::from(verdict).label()
}

const STYLE: &str = r"
:root { --confirmed: #2e8b57; --denied: #c0392b; --unverified: #3f5fbf; --pending: #b8860b; }
body { font: 16px/1.55 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .25rem .75rem; text-align: left; }
.meta { color: #555; }
.article p { margin: .6rem 0; }
mark { border-radius: 3px; padding: 0 1px; color: inherit; }
mark.confirmed { background: #cdeccf; } mark.denied { background: #f6c9c4; }
mark.unverified { background: #d5dcf5; } mark.pending { background: #f7e7a9; }
.claim { border-left: 5px solid var(--pending); padding: .25rem .75rem; margin: 1rem 0; page-break-inside: avoid; }
.claim.confirmed { border-color: var(--confirmed); } .claim.denied { border-color: var(--denied); }
.claim.unverified { border-color: var(--unverified); }
.verdict { font-weight: bold; text-transform: uppercase; letter-spacing: .03em; }
.claim.confirmed .verdict { color: var(--confirmed); } .claim.denied .verdict { color: var(--denied); }
.claim.unverified .verdict { color: var(--unverified); } .claim.pending .verdict { color: var(--pending); }
blockquote { margin: .4rem 0; font-style: italic; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
";

pub(super) fn render(review: &Review, options: &ExportOptions) -> String {
    let locale = options.report_locale(review);
    let words = locale.messages();
    let progress = review.progress();
    // Without a headline the article is named as published exports name it: never by a local path.
    let title = review
        .article
        .title
        .clone()
        .unwrap_or_else(|| public_source(review, options));
    let title = title.as_str();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n{mark}\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{heading}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{heading}</h1>\n",
        lang = locale.code(),
        mark = super::HTML_MARK,
        heading = escape(&words.format("report-title", &[("title", title.into())])),
    );
    let mut meta = vec![format!(
        "{}: {}",
        words.text("report-source"),
        escape(&public_source(review, options))
    )];
    if !options.reviewer_name.trim().is_empty() {
        meta.push(format!(
            "{}: {}",
            words.text("report-reviewer"),
            escape(options.reviewer_name.trim())
        ));
    }
    meta.push(format!(
        "{}: {}",
        words.text("report-date"),
        escape(&words.date(review_date(review)))
    ));
    meta.push(format!(
        "{}: {}",
        words.text("report-language"),
        review.article.language.in_words(words)
    ));
    let _ = writeln!(out, "<p class=\"meta\">{}</p>", meta.join(" · "));
    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<table>\n<tr><th>{}</th><th>{}</th></tr>",
        words.text("report-summary"),
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
            "<tr><td>{}</td><td>{count}</td></tr>",
            Verdict::words(Vocabulary::Report, words, verdict)
        );
    }
    let _ = writeln!(out, "</table>");
    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<div class=\"article\">",
        words.text("report-article")
    );
    article_html(review, words, &mut out);
    let _ = writeln!(out, "</div>\n<h2>{}</h2>", words.text("report-claims"));
    for (index, claim) in review.claims.iter().enumerate() {
        let class = verdict_class(claim.verdict);
        let _ = writeln!(
            out,
            "<section class=\"claim {class}\" id=\"{}\">",
            escape(&claim.id)
        );
        let _ = writeln!(
            out,
            "<p><span class=\"verdict\">{}</span> · {}. {}</p>",
            Verdict::words(Vocabulary::Report, words, claim.verdict),
            index + 1,
            escape(&claim.id)
        );
        let _ = writeln!(out, "<blockquote>{}</blockquote>", escape(&claim.text));
        let _ = writeln!(out, "<ul>");
        let item = |id: &str, value: &str| format!("<li>{}: {value}</li>", words.text(id));
        if let Some(approval) = super::approval_text(claim, words) {
            let _ = writeln!(out, "{}", item("report-four-eyes", &escape(&approval)));
        }
        if let Some(speaker) = super::published_speaker(claim) {
            let _ = writeln!(out, "{}", item("report-speaker", &escape(speaker)));
        }
        let score = words.format(
            "report-check-worthiness",
            &[("score", words.decimal(claim.score, 2).into())],
        );
        let kind = format!("{}, {score}", claim.kind.in_words(words));
        let _ = writeln!(out, "{}", item("report-kind", &escape(&kind)));
        if !claim.reasons.is_empty() {
            let reasons = super::reasons_text(claim, words, options);
            let _ = writeln!(out, "{}", item("report-reasons", &escape(&reasons)));
        }
        if !claim.hedges.is_empty() {
            let _ = writeln!(
                out,
                "{}",
                item("report-hedges", &escape(&claim.hedges.join(", ")))
            );
        }
        if !claim.note.trim().is_empty() {
            let _ = writeln!(
                out,
                "{}",
                item("report-note", &escape(&claim.note).replace('\n', "<br>"))
            );
        }
        for link in web_links(claim) {
            let link = format!(
                "<a href=\"{0}\" rel=\"noopener noreferrer\">{0}</a>",
                escape(&link)
            );
            let _ = writeln!(out, "{}", item("report-evidence", &link));
        }
        let _ = writeln!(out, "</ul>\n</section>");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The article's paragraphs with each claim wrapped in a `<mark>` of its verdict's class.
fn article_html(review: &Review, words: &Messages, out: &mut String) {
    let text = &review.article.text;
    let mut claims: Vec<&crate::review::Claim> = review.claims.iter().collect();
    claims.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    let mut start = 0;
    for end in text
        .match_indices('\n')
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
    {
        if !text[start..end].trim().is_empty() {
            out.push_str("<p>");
            let mut cursor = start;
            // Claims never cross a line; overlapping claims are marked once, by the outermost.
            for claim in claims.iter().filter(|c| c.start >= start && c.end <= end) {
                if claim.start < cursor {
                    continue;
                }
                out.push_str(&escape(&text[cursor..claim.start]));
                let _ = write!(
                    out,
                    "<mark class=\"{}\" title=\"{} · {}\">{}</mark>",
                    verdict_class(claim.verdict),
                    escape(&claim.id),
                    Verdict::words(Vocabulary::Report, words, claim.verdict),
                    escape(&text[claim.start..claim.end])
                );
                cursor = claim.end;
            }
            out.push_str(&escape(&text[cursor..end]));
            out.push_str("</p>\n");
        }
        start = end + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Language;
    use crate::export::tests::hostile_review;
    use crate::export::{ExportOptions, Format, export};

    #[test]
    fn hostile_text_never_becomes_markup() {
        for language in [Language::German, Language::English] {
            let review = hostile_review(language);
            let report = String::from_utf8(
                export(&review, Format::Html, &ExportOptions::default())
                    .unwrap()
                    .bytes,
            )
            .unwrap();
            assert!(!report.contains("<script"), "no script element");
            assert!(!report.contains("<img"), "no image element");
            assert!(report.contains("&lt;script&gt;"));
            assert!(!report.contains("javascript:"), "only http(s) links");
            assert!(report.contains("href=\"https://example.org/a?b=1&amp;c=2\""));
            assert!(
                report.contains("default-src 'none'"),
                "the report cannot load anything"
            );
            assert!(!report.contains("src=\"http"), "no remote resources");
            assert!(report.contains("<mark class=\"confirmed\""));
            assert!(report.contains("<mark class=\"denied\""));
        }
    }

    #[test]
    fn escape_covers_attributes() {
        assert_eq!(
            escape("\"a\" <b> & 'c'"),
            "&quot;a&quot; &lt;b&gt; &amp; &#39;c&#39;"
        );
    }
}
