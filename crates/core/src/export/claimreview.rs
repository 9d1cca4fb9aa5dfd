//! schema.org ClaimReview JSON-LD: what fact-check publishers, search engines and AI tools read.
//!
//! Rating scale: 1 = denied (false), 3 = unverified, 5 = confirmed (true); `worstRating` 1, `bestRating` 5.
//! `alternateName` carries the verdict in words, in the report language (the article's unless chosen with
//! `--lang` or in the export dialog); `inLanguage` stays the article's, the language of the claims reviewed.

use serde_json::{Value, json};

use super::{ExportOptions, public_source, review_date, web_links};
use crate::review::{Review, SpeakerKind, Verdict, Vocabulary};
use crate::web_url::safe_url;

/// (worst, best) of the rating scale.
pub const RATING_SCALE: (u8, u8) = (1, 5);

/// The rating of a verdict on [`RATING_SCALE`].
#[must_use]
pub fn rating_value(verdict: Verdict) -> u8 {
    match verdict {
        Verdict::Denied => 1,
        Verdict::Unverified => 3,
        Verdict::Confirmed => 5,
    }
}

pub(super) fn render(
    review: &Review,
    options: &ExportOptions,
) -> Result<Vec<u8>, serde_json::Error> {
    let language = review.article.language;
    let words = options.report_locale(review).messages();
    // No organisation named: none is published (never a made-up one).
    let reviewer = options.reviewer_name.trim();
    let mut author =
        (!reviewer.is_empty()).then(|| json!({ "@type": "Organization", "name": reviewer }));
    if let (Some(author), Some(url)) = (
        author.as_mut(),
        options.reviewer_url.as_deref().and_then(safe_url),
    ) {
        author["url"] = json!(url);
    }
    let appearance_url = super::article_address(review, options);
    let mut appearance = json!({ "@type": "CreativeWork", "name": public_source(review, options) });
    if let Some(title) = &review.article.title {
        appearance["headline"] = json!(title);
    }
    if let Some(author) = &review.article.author {
        appearance["author"] = json!({ "@type": "Person", "name": author });
    }
    if let Some(published) = &review.article.published {
        appearance["datePublished"] = json!(published);
    }
    if let Some(url) = &appearance_url {
        appearance["url"] = json!(url);
    }
    let (worst, best) = RATING_SCALE;
    let reviews: Vec<Value> = review
        .claims
        .iter()
        .filter_map(|claim| {
            let verdict = claim.verdict?;
            let mut item = json!({ "@type": "Claim", "appearance": appearance });
            if let Some(published) = &review.article.published {
                item["datePublished"] = json!(published);
            }
            if let Some(speaker) = super::published_speaker(claim) {
                // Files of version 1 carry no kind: they get one when opened or exported through
                // `extract::complete_review`; a claim without one is taken for a person.
                let kind = match claim.speaker_kind {
                    Some(SpeakerKind::Organisation) => "Organization",
                    // A survey, study or report: a work, neither a person nor an organisation.
                    Some(SpeakerKind::Work) => "CreativeWork",
                    _ => "Person",
                };
                item["author"] = json!({ "@type": kind, "name": speaker });
            }
            let mut object = json!({
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "claimReviewed": claim.text,
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": rating_value(verdict),
                    "bestRating": best,
                    "worstRating": worst,
                    // The reports' verdict words, in the language the reports are made in.
                    "alternateName": Verdict::words(Vocabulary::Report, words, Some(verdict)),
                },
                "itemReviewed": item,
                "datePublished": review_date(review),
                "inLanguage": language.code(),
                "identifier": claim.id,
            });
            if let Some(author) = &author {
                object["author"] = author.clone();
            }
            if claim.approval.is_none() {
                // Four eyes: a verdict no second reviewer approved is published as a draft, never as
                // final (or left out with `--approved-only`).
                object["creativeWorkStatus"] = json!("Draft");
            }
            if !claim.note.trim().is_empty() {
                object["reviewBody"] = json!(claim.note);
            }
            let evidence: Vec<String> = web_links(claim).collect();
            if !evidence.is_empty() {
                object["citation"] = json!(evidence);
            }
            if let Some(url) = options.review_url.as_deref().and_then(safe_url) {
                object["url"] = json!(format!("{url}#{}", claim.id));
            }
            Some(object)
        })
        .collect();
    let json = serde_json::to_string_pretty(&reviews)?;
    let mut bytes = script_safe(&json).into_bytes();
    bytes.push(b'\n');
    Ok(bytes)
}

/// JSON that can be pasted into `<script type="application/ld+json">` as it is: `<`, `>` and `&` (which
/// could close the element or start markup) and the line separators U+2028/U+2029 are written as `\u`
/// escapes. They only ever occur inside JSON strings, where the escape means the same character.
fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            other => out.push(other),
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
    fn one_claim_review_per_reviewed_claim_field_by_field() {
        let mut review = hostile_review(Language::English);
        review.article.published = Some("2025-03-01".to_owned());
        let options = ExportOptions {
            reviewer_name: "Faktencheck Nord".to_owned(),
            reviewer_url: Some("https://fakten.example".to_owned()),
            review_url: Some("https://fakten.example/checks/42".to_owned()),
            article_url: None,
            include_source_path: false,
            approved_only: false,
            report_language: None,
            include_training_examples: false,
        };
        let exported = export(&review, Format::Claimreview, &options).unwrap();
        let pending = review.claims.iter().filter(|c| c.verdict.is_none()).count();
        assert_eq!(exported.skipped_pending, pending);
        let value: Value = serde_json::from_slice(&exported.bytes).unwrap();
        let items = value.as_array().unwrap();
        assert_eq!(items.len(), review.claims.len() - pending);
        let first = &items[0];
        let claim = &review.claims[0];
        assert_eq!(first["@context"], "https://schema.org");
        assert_eq!(first["@type"], "ClaimReview");
        assert_eq!(first["claimReviewed"], claim.text.as_str());
        assert_eq!(first["reviewRating"]["@type"], "Rating");
        assert_eq!(first["reviewRating"]["ratingValue"], 5);
        assert_eq!(first["reviewRating"]["bestRating"], 5);
        assert_eq!(first["reviewRating"]["worstRating"], 1);
        assert_eq!(first["reviewRating"]["alternateName"], "True");
        assert_eq!(first["itemReviewed"]["@type"], "Claim");
        assert_eq!(first["itemReviewed"]["datePublished"], "2025-03-01");
        assert_eq!(
            first["itemReviewed"]["appearance"]["name"],
            "https://news.example/story"
        );
        assert_eq!(
            first["itemReviewed"]["author"]["name"],
            claim.speaker.as_deref().unwrap()
        );
        assert_eq!(
            items[1]["itemReviewed"]["author"]["name"],
            "treasurer Jan Ohl"
        );
        assert_eq!(items[1]["itemReviewed"]["author"]["@type"], "Person");
        assert_eq!(
            first["itemReviewed"]["appearance"]["url"],
            "https://news.example/story"
        );
        assert_eq!(first["author"]["@type"], "Organization");
        assert_eq!(first["author"]["name"], "Faktencheck Nord");
        assert_eq!(
            first["author"]["url"], "https://fakten.example/",
            "normalised by the url crate"
        );
        assert_eq!(first["datePublished"], "2025-03-05");
        assert_eq!(
            first["url"],
            format!("https://fakten.example/checks/42#{}", claim.id)
        );
        assert_eq!(
            first["citation"],
            json!(["https://example.org/a?b=1&c=2"]),
            "only http(s) evidence"
        );
        assert_eq!(items[1]["reviewRating"]["ratingValue"], 1);
        assert_eq!(items[1]["reviewRating"]["alternateName"], "False");
        assert_eq!(items[2]["reviewRating"]["ratingValue"], 3);
    }

    #[test]
    fn german_wording_and_organisations() {
        let review = hostile_review(Language::German);
        let value: Value = serde_json::from_slice(
            &export(&review, Format::Claimreview, &ExportOptions::default())
                .unwrap()
                .bytes,
        )
        .unwrap();
        let words: Vec<&str> = value
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["reviewRating"]["alternateName"].as_str().unwrap())
            .collect();
        assert_eq!(words, ["Richtig", "Falsch", "Nicht belegt"]);
        // Reports chosen in English: the verdict words follow, the claims' language does not.
        let options = ExportOptions {
            report_language: Some(crate::i18n::Locale::English),
            ..ExportOptions::default()
        };
        let value: Value = serde_json::from_slice(
            &export(&review, Format::Claimreview, &options)
                .unwrap()
                .bytes,
        )
        .unwrap();
        let items = value.as_array().unwrap();
        let words: Vec<&str> = items
            .iter()
            .map(|i| i["reviewRating"]["alternateName"].as_str().unwrap())
            .collect();
        assert_eq!(words, ["True", "False", "Unproven"]);
        assert!(items.iter().all(|i| i["inLanguage"] == "de"));
    }
}
