//! Saved web pages → article text: the body with its paragraph and heading breaks, without scripts,
//! navigation and page furniture. Nothing is fetched: images, frames and styles are never loaded.

mod bounded;

use std::time::Duration;

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

pub use bounded::Refused;

/// How long parsing a page may take: a real page takes milliseconds, one built to make the parser work
/// with the square of its depth would take hours.
pub const PARSE_BUDGET: Duration = Duration::from_secs(10);

/// The text of a page and its headline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Blocks (paragraphs, headings, list items) separated by blank lines.
    pub text: String,
    /// The first `<h1>` of the content, else the `<title>`.
    pub title: Option<String>,
    /// The publication date (`YYYY-MM-DD`) from the page's metadata, when it has one.
    pub published: Option<String>,
    /// The author(s) the page names in its metadata (JSON-LD, `<meta name=author>`).
    pub author: Option<String>,
    /// The page's own address for itself (`<link rel=canonical>`, `og:url`, JSON-LD `url`), as the page
    /// wrote it: relative ones are resolved by the caller, who knows where the page came from.
    pub canonical_url: Option<String>,
}

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "nav", "footer", "aside", "form",
    "iframe", "button", "select", "input", "textarea", "object", "embed", "canvas", "video",
    "audio", "picture", "img", "head", "menu", "dialog",
];

/// Elements that start and end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "br",
    "tr",
    "table",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "hr",
    "header",
    "address",
    "caption",
    "td",
    "th",
    "details",
    "summary",
];

/// ARIA roles of page furniture.
const SKIPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "menu",
];

/// Class or id words that mark page furniture rather than the article.
const FURNITURE_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "cookie",
    "cookies",
    "consent",
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "comment",
    "comments",
    "breadcrumb",
    "breadcrumbs",
    "footer",
    "sidebar",
    "promo",
    "subscribe",
    "paywall",
    "banner",
    "teaser",
    "recommendations",
];

/// Pages nested deeper than this are refused: real articles stay below a few hundred levels, and the HTML
/// parser's work grows with the square of the depth.
pub const MAX_NESTING_DEPTH: usize = 5_000;

/// Elements that never nest or whose end tag is implied by the next sibling: they do not deepen the tree.
const NON_NESTING: &[&str] = &[
    "br", "img", "meta", "link", "input", "hr", "wbr", "area", "base", "col", "embed", "source",
    "track", "param", "p", "li", "dt", "dd", "option", "tr", "td", "th", "!doctype",
];

/// An upper estimate of how deep the elements of `source` nest, from its tags alone.
#[must_use]
pub fn nesting_depth(source: &str) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    for tag in source.split('<').skip(1) {
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() || name.starts_with("!--") || NON_NESTING.contains(&name.as_str()) {
            continue;
        }
        let self_closing = tag
            .split('>')
            .next()
            .is_some_and(|t| t.trim_end().ends_with('/'));
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closing {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// Extracts the article text of an HTML document.
///
/// # Errors
/// [`Refused::TooDeep`] when its elements nest deeper than [`MAX_NESTING_DEPTH`] — estimated from the tags
/// first, then measured on the tree as it is built — and [`Refused::TooSlow`] when parsing it takes longer
/// than [`PARSE_BUDGET`].
pub fn extract(source: &str) -> Result<Page, Refused> {
    let depth = nesting_depth(source);
    if depth > MAX_NESTING_DEPTH {
        return Err(Refused::TooDeep(depth));
    }
    let document = bounded::parse_document(source, MAX_NESTING_DEPTH, PARSE_BUDGET)?;
    let root = content_root(&document);
    let mut blocks = Blocks::default();
    let mut skipping: Option<ego_tree::NodeId> = None;
    let mut title = None;
    let mut heading_start: Option<usize> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(element) => {
                        let name = element.name();
                        if is_furniture(element, node) {
                            skipping = Some(node.id());
                            continue;
                        }
                        if BLOCKS.contains(&name) {
                            blocks.flush();
                        }
                        if name == "h1" && title.is_none() {
                            heading_start = Some(blocks.done.len());
                        }
                    }
                    Node::Text(text) => blocks.push_text(text),
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_some() {
                    continue;
                }
                if let Node::Element(element) = node.value() {
                    if BLOCKS.contains(&element.name()) {
                        blocks.flush();
                    }
                    if element.name() == "h1"
                        && let Some(start) = heading_start.take()
                    {
                        let heading = blocks.done[start..].join(" ");
                        if !heading.is_empty() {
                            title = Some(heading);
                        }
                    }
                }
            }
        }
    }
    blocks.flush();
    let linked = linked_data(&document);
    let title = title
        .or_else(|| linked.headline.clone())
        .or_else(|| meta_content(&document, "meta[property='og:title']"))
        .or_else(|| page_title(&document));
    Ok(Page {
        text: blocks.done.join("\n\n"),
        title,
        published: published_date(&document).or(linked.published),
        author: linked
            .author
            .or_else(|| meta_content(&document, "meta[name='author']"))
            .or_else(|| {
                // Open Graph's article:author is often a profile address, which is no name.
                meta_content(&document, "meta[property='article:author']")
                    .filter(|a| !a.contains("://"))
            }),
        canonical_url: canonical_link(&document)
            .or_else(|| meta_content(&document, "meta[property='og:url']"))
            .or(linked.url),
    })
}

fn canonical_link(document: &Html) -> Option<String> {
    document
        .select(&selector("link[rel~='canonical']")?)
        .find_map(|e| e.value().attr("href"))
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
}

/// A `<meta>` element's `content`, whitespace collapsed, when it is not empty.
fn meta_content(document: &Html, css: &str) -> Option<String> {
    let value = document
        .select(&selector(css)?)
        .find_map(|e| e.value().attr("content"))?;
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    (!value.is_empty()).then_some(value)
}

/// What a page's schema.org JSON-LD says about the article.
#[derive(Default)]
struct LinkedData {
    headline: Option<String>,
    author: Option<String>,
    published: Option<String>,
    url: Option<String>,
}

/// The schema.org types that describe a news article (and its close kin).
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "Report",
    "WebPage",
];

/// Reads the first article-like object of the page's `application/ld+json` scripts (top level, arrays and
/// `@graph`); broken JSON is skipped, as browsers do.
fn linked_data(document: &Html) -> LinkedData {
    let Some(scripts) = selector("script[type='application/ld+json']") else {
        return LinkedData::default();
    };
    let values: Vec<serde_json::Value> = document
        .select(&scripts)
        .filter_map(|script| serde_json::from_str(&script.text().collect::<String>()).ok())
        .collect();
    let mut candidates = Vec::new();
    for value in &values {
        collect_objects(value, &mut candidates, 0);
    }
    let rank = |object: &serde_json::Value| {
        let types: Vec<&str> = match &object["@type"] {
            serde_json::Value::String(t) => vec![t.as_str()],
            serde_json::Value::Array(ts) => ts.iter().filter_map(|t| t.as_str()).collect(),
            _ => Vec::new(),
        };
        types
            .iter()
            .filter_map(|t| ARTICLE_TYPES.iter().position(|a| a == t))
            .min()
    };
    let Some(object) = candidates
        .into_iter()
        .filter_map(|object| rank(object).map(|r| (r, object)))
        .min_by_key(|(rank, _)| *rank)
        .map(|(_, object)| object)
    else {
        return LinkedData::default();
    };
    let text = |value: &serde_json::Value| {
        value
            .as_str()
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|s| !s.is_empty())
    };
    let person = |value: &serde_json::Value| match value {
        serde_json::Value::Object(_) => text(&value["name"]),
        other => text(other),
    };
    let author = match &object["author"] {
        serde_json::Value::Array(people) => {
            let names: Vec<String> = people.iter().filter_map(person).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        other => person(other),
    };
    let url = text(&object["url"]).or_else(|| match &object["mainEntityOfPage"] {
        serde_json::Value::Object(_) => text(&object["mainEntityOfPage"]["@id"]),
        other => text(other),
    });
    LinkedData {
        headline: text(&object["headline"]).or_else(|| text(&object["name"])),
        author,
        published: text(&object["datePublished"]).and_then(|d| iso_date(&d)),
        url,
    }
}

fn collect_objects<'a>(
    value: &'a serde_json::Value,
    into: &mut Vec<&'a serde_json::Value>,
    depth: usize,
) {
    // Real pages nest two or three levels; a page built to nest deeper gets no more attention.
    if depth > 8 {
        return;
    }
    match value {
        serde_json::Value::Array(items) => {
            for item in items {
                collect_objects(item, into, depth + 1);
            }
        }
        serde_json::Value::Object(map) => {
            into.push(value);
            if let Some(graph) = map.get("@graph") {
                collect_objects(graph, into, depth + 1);
            }
        }
        _ => {}
    }
}

/// `YYYY-MM-DD` from the start of an ISO 8601 date or timestamp.
fn iso_date(value: &str) -> Option<String> {
    let date = value.trim().get(..10)?;
    let shaped = date.bytes().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    });
    shaped.then(|| date.to_owned())
}

/// Collects blocks of text with HTML's whitespace collapsing.
#[derive(Default)]
struct Blocks {
    current: String,
    done: Vec<String>,
}

impl Blocks {
    fn push_text(&mut self, text: &str) {
        for (index, piece) in text.split(char::is_whitespace).enumerate() {
            if index > 0 && !self.current.ends_with(' ') && !self.current.is_empty() {
                self.current.push(' ');
            }
            self.current.push_str(piece);
        }
    }

    fn flush(&mut self) {
        let block = self.current.trim();
        if !block.is_empty() {
            self.done.push(block.to_owned());
        }
        self.current.clear();
    }
}

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

/// The `<article>` (the longest one when there are several), else `<main>`, else `<body>`, else the document.
fn content_root(document: &Html) -> ego_tree::NodeRef<'_, Node> {
    let text_len = |element: &ElementRef<'_>| element.text().map(str::len).sum::<usize>();
    let article = selector("article").and_then(|s| document.select(&s).max_by_key(text_len));
    let main = || selector("main, [role=main]").and_then(|s| document.select(&s).next());
    let body = || selector("body").and_then(|s| document.select(&s).next());
    article
        .or_else(main)
        .or_else(body)
        .map_or_else(|| document.tree.root(), |element| *element)
}

fn is_furniture(element: &scraper::node::Element, node: ego_tree::NodeRef<'_, Node>) -> bool {
    let name = element.name();
    if SKIPPED.contains(&name) {
        return true;
    }
    if name == "header" {
        // A page header is furniture, but an article's own header carries its headline.
        let has_headline = node
            .descendants()
            .any(|d| d.value().as_element().is_some_and(|e| e.name() == "h1"));
        return !has_headline;
    }
    if element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
        return true;
    }
    if element
        .attr("role")
        .is_some_and(|role| SKIPPED_ROLES.contains(&role))
    {
        return true;
    }
    let words = element.attr("class").into_iter().chain(element.attr("id"));
    words
        .flat_map(|value| value.split(|c: char| c.is_whitespace() || c == '-' || c == '_'))
        .any(|word| FURNITURE_WORDS.contains(&word.to_ascii_lowercase().as_str()))
}

/// The publication date from the usual metadata: Open Graph, schema.org, Dublin Core, or a `<time>`.
fn published_date(document: &Html) -> Option<String> {
    const SOURCES: [(&str, &str); 6] = [
        ("meta[property='article:published_time']", "content"),
        ("meta[itemprop='datePublished']", "content"),
        ("meta[name='date']", "content"),
        ("meta[name='DC.date.issued']", "content"),
        ("[itemprop='datePublished']", "datetime"),
        ("time[datetime]", "datetime"),
    ];
    SOURCES.iter().find_map(|(css, attribute)| {
        let value = document
            .select(&selector(css)?)
            .find_map(|element| element.value().attr(attribute))?;
        iso_date(value)
    })
}

fn page_title(document: &Html) -> Option<String> {
    let title = selector("title").and_then(|s| document.select(&s).next())?;
    let text: String = title
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // "Headline | Site name": the site name is not part of the headline.
    let headline = text
        .split(" | ")
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned();
    (!headline.is_empty()).then_some(headline)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_body_blocks_and_drops_furniture() {
        let page = extract(
            r#"<html><head><title>Zinsen steigen | Beispielzeitung</title><style>p{}</style></head>
            <body><div class="cookie-banner">Wir nutzen Cookies</div>
            <header><a href="/">Startseite</a></header>
            <article><h1>Zinsen   steigen</h1>
            <p>Die Bank hob den Zins auf <b>4,5 Prozent</b>.</p>
            <ul><li>Punkt eins</li><li>Punkt zwei</li></ul>
            <div class="share">Teilen</div></article>
            <footer>Impressum</footer><script>alert(1)</script></body></html>"#,
        )
        .unwrap();
        assert_eq!(page.title.as_deref(), Some("Zinsen steigen"));
        assert_eq!(
            page.text,
            "Zinsen steigen\n\nDie Bank hob den Zins auf 4,5 Prozent.\n\nPunkt eins\n\nPunkt zwei"
        );
    }

    #[test]
    fn title_falls_back_to_the_title_element() {
        let page = extract(
            "<html><head><title>Nur Titel | Seite</title></head><body><p>Text.</p></body></html>",
        )
        .unwrap();
        assert_eq!(page.title.as_deref(), Some("Nur Titel"));
        assert_eq!(page.published, None);
        let dated = extract("<html><head><meta property=\"article:published_time\" content=\"2024-10-22T08:15:00+02:00\"></head><body><p>Text.</p></body></html>").unwrap();
        assert_eq!(dated.published.as_deref(), Some("2024-10-22"));
        assert_eq!(page.text, "Text.");
    }

    #[test]
    fn deep_nesting_is_refused_and_moderate_nesting_works() {
        let nested =
            |depth: usize| format!("{}Tief.{}", "<div>".repeat(depth), "</div>".repeat(depth));
        assert_eq!(extract(&nested(50_000)), Err(Refused::TooDeep(50_000)));
        assert_eq!(extract(&nested(1_000)).unwrap().text, "Tief.");
        // Unclosed paragraphs and list items do not count as nesting.
        assert!(extract(&"<p>Absatz.".repeat(20_000)).is_ok());
    }
}
