//! Reading published fact-checks: schema.org `ClaimReview` as one object, an array, a `@graph`, a `DataFeed`
//! with `dataFeedElement`s, or JSON Lines of any of those.
//!
//! A file is taken whole or not at all: the first malformed document or ClaimReview stops the import of that
//! file, and the error names the line and the field.

use std::path::Path;

use serde_json::Value;

use super::{Entry, MemoryError, rating};
use crate::article::{Language, detect_language};
use crate::web_url::safe_url;

/// The fact-checks in `text` (the contents of `path`, which is named in errors).
///
/// # Errors
/// [`MemoryError::Json`] for text that is not JSON or JSON Lines, [`MemoryError::Field`] for a ClaimReview
/// without a claim text or rating, [`MemoryError::NoClaimReviews`] when no ClaimReview is found at all.
pub fn parse(text: &str, path: &Path) -> Result<Vec<Entry>, MemoryError> {
    parse_carrying(text, path).map(|(entries, _)| entries)
}

/// The fact-checks in `text`, and the vectors its documents carry (`claimdesk:vectors`, written by
/// `claimdesk memory embed --jsonl`).
///
/// # Errors
/// As [`parse`].
pub fn parse_carrying(
    text: &str,
    path: &Path,
) -> Result<(Vec<Entry>, Vec<super::carried::Carried>), MemoryError> {
    let mut entries = Vec::new();
    let mut carried = Vec::new();
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    let mut document_start = 0;
    // Lines are counted as the stream moves on: counting from the top for every document would make a
    // large JSON Lines file quadratic.
    let mut counted_to = 0;
    let mut line = 1;
    loop {
        let start = skip_space(text, document_start);
        line += newlines(text, counted_to, start);
        counted_to = start;
        let Some(document) = stream.next() else { break };
        let document = document.map_err(|error| MemoryError::Json {
            path: path.to_owned(),
            line: error.line(),
            column: error.column(),
            message: error.to_string(),
        })?;
        if let Some(vectors) = document.get(super::carried::VECTORS_FIELD) {
            carried.push(
                super::carried::Carried::from_value(vectors).map_err(|what| {
                    MemoryError::Field {
                        path: path.to_owned(),
                        line,
                        what: format!("{}: {what}", super::carried::VECTORS_FIELD),
                    }
                })?,
            );
        }
        let mut found = Vec::new();
        collect_claim_reviews(&document, &mut found);
        for (number, review) in found.into_iter().enumerate() {
            let entry = entry_from(review).map_err(|what| MemoryError::Field {
                path: path.to_owned(),
                line,
                what: format!("ClaimReview {} of the document: {what}", number + 1),
            })?;
            entries.push(entry);
        }
        document_start = stream.byte_offset();
    }
    if entries.is_empty() {
        return Err(MemoryError::NoClaimReviews {
            path: path.to_owned(),
        });
    }
    let publisher_fallback = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    for entry in &mut entries {
        if entry.source.is_empty() {
            entry.source.clone_from(&publisher_fallback);
        }
    }
    Ok((entries, carried))
}

fn skip_space(text: &str, from: usize) -> usize {
    text.get(from..)
        .map_or(from, |rest| from + (rest.len() - rest.trim_start().len()))
}

fn newlines(text: &str, from: usize, to: usize) -> usize {
    text.as_bytes()
        .get(from..to)
        .map_or(0, |part| memchr::memchr_iter(b'\n', part).count())
}

fn is_type(value: &Value, wanted: &str) -> bool {
    match value.get("@type") {
        Some(Value::String(kind)) => kind == wanted || kind == &format!("schema:{wanted}"),
        Some(Value::Array(kinds)) => kinds.iter().any(|k| k.as_str() == Some(wanted)),
        _ => false,
    }
}

/// Finds ClaimReview objects in every shape publishers use; other nodes (organisations, web pages) are
/// passed over.
fn collect_claim_reviews<'a>(value: &'a Value, found: &mut Vec<&'a Value>) {
    match value {
        Value::Array(items) => {
            for item in items {
                collect_claim_reviews(item, found);
            }
        }
        Value::Object(object) => {
            if is_type(value, "ClaimReview") {
                found.push(value);
                return;
            }
            if let Some(graph) = object.get("@graph") {
                collect_claim_reviews(graph, found);
            }
            if let Some(elements) = object.get("dataFeedElement") {
                collect_claim_reviews(elements, found);
            }
            if is_type(value, "DataFeedItem")
                && let Some(item) = object.get("item")
            {
                collect_claim_reviews(item, found);
            }
        }
        _ => {}
    }
}

fn text_field<'a>(value: &'a Value, field: &str) -> Result<Option<&'a str>, String> {
    match value.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.as_str()).filter(|t| !t.trim().is_empty())),
        Some(_) => Err(format!("field `{field}` is not text")),
    }
}

fn number_field(value: &Value, field: &str) -> Result<Option<f64>, String> {
    let number = match value.get(field) {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Number(number)) => number.as_f64(),
        Some(Value::String(text)) if text.trim().is_empty() => return Ok(None),
        Some(Value::String(text)) => Some(
            text.trim()
                .replace(',', ".")
                .parse::<f64>()
                .map_err(|_| format!("field `reviewRating.{field}` is not a number: {text:?}"))?,
        ),
        Some(_) => return Err(format!("field `reviewRating.{field}` is not a number")),
    };
    // "NaN" and "Infinity" parse as numbers but rate nothing.
    match number {
        Some(number) if !number.is_finite() => Err(format!(
            "field `reviewRating.{field}` is not a finite number ({number})"
        )),
        other => Ok(other),
    }
}

/// The longest claim a fact-check may hold: a published claim is a sentence or two; a longer one is a
/// mistake or an attack on every later match.
pub const MAX_CLAIM_CHARS: usize = 5_000;

/// A name from a `Person`/`Organization` node, a plain string, or the first of an array of them.
fn name_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(name) => Some(name.trim().to_owned()).filter(|n| !n.is_empty()),
        Value::Array(items) => items.iter().find_map(|item| name_of(Some(item))),
        object @ Value::Object(_) => name_of(object.get("name")),
        _ => None,
    }
}

fn entry_from(review: &Value) -> Result<Entry, String> {
    let text = text_field(review, "claimReviewed")?
        .ok_or("field `claimReviewed` is missing or empty")?
        .trim()
        .to_owned();
    let length = text.chars().count();
    if length > MAX_CLAIM_CHARS {
        return Err(format!(
            "field `claimReviewed` holds {length} characters; a claim holds at most {MAX_CLAIM_CHARS}"
        ));
    }
    let rating = match review.get("reviewRating") {
        Some(Value::Array(ratings)) => ratings.first().cloned(),
        Some(rating @ Value::Object(_)) => Some(rating.clone()),
        _ => None,
    }
    .ok_or("field `reviewRating` is missing")?;
    let words = text_field(&rating, "alternateName")?
        .or(text_field(&rating, "name")?)
        .map(str::to_owned);
    let value = number_field(&rating, "ratingValue")?;
    if words.is_none() && value.is_none() {
        return Err(
            "field `reviewRating` has neither `alternateName` nor `ratingValue`".to_owned(),
        );
    }
    let (worst, best) = (
        number_field(&rating, "worstRating")?,
        number_field(&rating, "bestRating")?,
    );
    let decided_by_words = words.as_deref().and_then(rating::verdict_for_words);
    if let (None, Some(value)) = (decided_by_words, value)
        && rating::verdict_for_value(value, worst, best).is_none()
    {
        return Err(format!(
            "field `reviewRating.ratingValue` is {value}, outside its scale from {} to {}",
            worst.unwrap_or(1.0),
            best.unwrap_or(5.0)
        ));
    }
    let verdict = rating::verdict_for(words.as_deref(), value, worst, best);
    let rating_text = words.or_else(|| {
        value.map(|v| {
            let best = number_field(&rating, "bestRating")
                .ok()
                .flatten()
                .unwrap_or(5.0);
            format!("{v} of {best}")
        })
    });
    let url = text_field(review, "url")?.and_then(safe_url);
    let publisher = name_of(review.get("author"))
        .or_else(|| name_of(review.get("publisher")))
        .or_else(|| {
            url.as_deref()
                .and_then(|u| url::Url::parse(u).ok())
                .and_then(|u| u.host_str().map(str::to_owned))
        })
        .unwrap_or_default();
    let language = match text_field(review, "inLanguage")?.map(str::to_lowercase) {
        Some(code) if code.starts_with("de") => Language::German,
        Some(code) if code.starts_with("en") => Language::English,
        _ => detect_language(&text),
    };
    let title = text_field(review, "headline")?
        .or(text_field(review, "name")?)
        .map(|title| title.trim().to_owned())
        .filter(|title| *title != text);
    Ok(Entry {
        text,
        verdict,
        language,
        source: publisher,
        claim_id: None,
        url,
        reviewed_at: text_field(review, "datePublished")?.map(str::to_owned),
        rating: rating_text,
        note: text_field(review, "reviewBody")?.map(str::to_owned),
        title,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::Verdict;

    fn review(text: &str, rating: &str) -> String {
        format!(
            r#"{{"@type":"ClaimReview","claimReviewed":"{text}","reviewRating":{{"@type":"Rating","alternateName":"{rating}"}},"author":{{"@type":"Organization","name":"Faktencheck Nord"}},"url":"https://fakten.example/1","datePublished":"2026-01-02","inLanguage":"de"}}"#
        )
    }

    #[test]
    fn every_shape_is_read() {
        let one = review("Die Quote stieg auf 5,1 Prozent.", "Falsch");
        let shapes = [
            one.clone(),
            format!("[{one},{one}]"),
            format!(
                r#"{{"@context":"https://schema.org","@graph":[{{"@type":"Organization","name":"X"}},{one}]}}"#
            ),
            format!(
                r#"{{"@type":"DataFeed","dataFeedElement":[{{"@type":"DataFeedItem","item":[{one}]}},{{"@type":"DataFeedItem","item":{one}}}]}}"#
            ),
            format!("{one}\n{one}\n\n[{one}]\n"),
        ];
        let expected = [1, 2, 1, 2, 3];
        for (shape, count) in shapes.iter().zip(expected) {
            let entries = parse(shape, Path::new("feed.json")).unwrap();
            assert_eq!(entries.len(), count, "{shape}");
            let first = &entries[0];
            assert_eq!(first.verdict, Verdict::Denied);
            assert_eq!(first.rating.as_deref(), Some("Falsch"));
            assert_eq!(first.source, "Faktencheck Nord");
            assert_eq!(first.language, Language::German);
            assert_eq!(first.url.as_deref(), Some("https://fakten.example/1"));
        }
    }

    #[test]
    fn malformed_input_names_line_and_field() {
        let good = review("A", "True");
        let text = format!(
            "{good}\n{good}\n{{\"@type\":\"ClaimReview\",\"reviewRating\":{{\"ratingValue\":1}}}}\n"
        );
        let error = parse(&text, Path::new("feed.jsonl"))
            .unwrap_err()
            .to_string();
        assert!(error.contains("line 3"), "{error}");
        assert!(error.contains("claimReviewed"), "{error}");
        let error = parse(&format!("{good}\n{{\"broken\": \n"), Path::new("f.jsonl"))
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("line 3") || error.contains("line 2"),
            "{error}"
        );
        let error = parse(r#"{"@type":"Organization"}"#, Path::new("o.json"))
            .unwrap_err()
            .to_string();
        assert!(error.contains("no ClaimReview"), "{error}");
        let error = parse(
            r#"{"@type":"ClaimReview","claimReviewed":"A","reviewRating":{"ratingValue":"sehr"}}"#,
            Path::new("n.json"),
        )
        .unwrap_err()
        .to_string();
        assert!(error.contains("ratingValue"), "{error}");
    }

    #[test]
    fn numeric_ratings_and_unsafe_urls() {
        let text = r#"{"@type":"ClaimReview","claimReviewed":"The rate rose to 5 percent.","reviewRating":{"ratingValue":"8","bestRating":10,"worstRating":0},"url":"javascript:alert(1)"}"#;
        let entries = parse(text, Path::new("checks.json")).unwrap();
        assert_eq!(entries[0].verdict, Verdict::Confirmed);
        assert_eq!(entries[0].rating.as_deref(), Some("8 of 10"));
        assert_eq!(entries[0].url, None);
        assert_eq!(entries[0].source, "checks.json");
        assert_eq!(entries[0].language, Language::English);
    }

    #[test]
    fn ratings_that_rate_nothing_and_claims_of_any_length_are_refused_naming_the_field() {
        let with_rating = |rating: &str| {
            format!(
                r#"{{"@type":"ClaimReview","claimReviewed":"The rate rose to 5 percent.","reviewRating":{rating}}}"#
            )
        };
        for (rating, says) in [
            (r#"{"ratingValue":"NaN"}"#, "not a finite number"),
            (r#"{"ratingValue":"Infinity"}"#, "not a finite number"),
            (
                r#"{"ratingValue":"-inf","bestRating":5}"#,
                "not a finite number",
            ),
            (r#"{"ratingValue":7,"bestRating":5}"#, "outside its scale"),
            (r#"{"ratingValue":3,"bestRating":"NaN"}"#, "bestRating"),
        ] {
            let error = parse(&with_rating(rating), Path::new("r.json"))
                .unwrap_err()
                .to_string();
            assert!(
                error.contains("reviewRating") && error.contains(says),
                "{rating}: {error}"
            );
        }
        // Words decide before a value on a wrong scale.
        let entries = parse(
            &with_rating(r#"{"alternateName":"False","ratingValue":9}"#),
            Path::new("r.json"),
        )
        .unwrap();
        assert_eq!(entries[0].verdict, Verdict::Denied);
        let long = "Die Quote stieg. ".repeat(400);
        let text = format!(
            r#"{{"@type":"ClaimReview","claimReviewed":"{long}","reviewRating":{{"alternateName":"Falsch"}}}}"#
        );
        let error = parse(&text, Path::new("lang.json"))
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("claimReviewed") && error.contains("at most"),
            "{error}"
        );
    }
}
