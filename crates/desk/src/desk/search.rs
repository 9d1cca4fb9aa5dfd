//! The desk search (Ctrl+F over every claim of a desk): the claims of each article — its review's where it
//! has one, else the extraction cache's — found by the words of their text or speaker, or by a verdict's
//! name, at once; and by meaning, in either language, a moment later: the query and each claim get a
//! sentence vector (kept in the user's vector cache by the text's hash, beside the vectors `match` keeps,
//! so each claim is embedded once), and the claims closest to the query are added below the word hits.

use std::path::Path;

use rayon::prelude::*;

use super::ArticleFile;
use super::cache::Cache;
use crate::encoder::Kind;
use crate::encoder::centering::{self, Side};
use crate::extract::ExtractOptions;
use crate::memory::vectors::{VectorStore, text_hash};
use crate::review::{Verdict, store};

/// A claim found by the desk search.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// The article's path relative to the desk.
    pub article: String,
    /// The claim id.
    pub claim_id: String,
    /// The claim text.
    pub text: String,
    /// Its verdict.
    pub verdict: Option<Verdict>,
    /// Its speaker.
    pub speaker: Option<String>,
    /// For a hit by meaning, how close it is to the query (the cosine of their centered vectors).
    pub similarity: Option<f32>,
    /// The language of the claim's article.
    pub language: crate::article::Language,
}

/// At most this many hits by words are listed.
pub const MAX_HITS: usize = 500;

/// At most this many hits by meaning are added.
pub const MAX_MEANING_HITS: usize = 30;

/// A claim this close to the query is a hit by meaning: the cosine of the query's and the claim's vectors,
/// each with its language's mean taken out ([`crate::encoder::centering`]), so that a German claim is found
/// by an English query as readily as an English one. On claimdesk's own pairs, a claim that a few typed words
/// name ("swimming pool closure" for "Das Hallenbad bleibt geschlossen") lies at 0.25–0.6, unrelated claims
/// of either language below 0.2.
pub const MIN_MEANING_SIMILARITY: f32 = 0.22;

/// Hits by meaning within this much of the best one: a query that names one claim well lists that claim, not
/// every claim that shares a word field with it.
pub const MEANING_MARGIN: f32 = 0.15;

/// Whether a claim matches the query: words of the text or speaker, or a verdict name.
fn matches(query: &str, text: &str, speaker: Option<&str>, verdict: Option<Verdict>) -> bool {
    let verdict_name = crate::review::VerdictState::from(verdict).label();
    if query.eq_ignore_ascii_case(verdict_name) {
        return true;
    }
    let query = query.to_lowercase();
    text.to_lowercase().contains(&query)
        || speaker.is_some_and(|s| s.to_lowercase().contains(&query))
}

/// Every claim of these articles of the desk at `root`: the review's where there is one, else the
/// extraction cache's (articles the cache does not know yet have none).
#[must_use]
pub fn desk_claims(
    root: &Path,
    files: &[&ArticleFile],
    options: &ExtractOptions,
) -> Vec<SearchHit> {
    let cache = Cache::open(root, options.min_score, options.scorer);
    let per_article: Vec<Vec<SearchHit>> = files
        .par_iter()
        .map(|file| {
            let claims = if file.review_path.is_file() {
                store::load(&file.review_path)
                    .map(|r| (r.claims, r.article.language))
                    .ok()
            } else {
                cache
                    .get(file)
                    .and_then(|summary| Some((cache.claims(&summary.sha256)?, summary.language)))
            };
            let Some((claims, language)) = claims else {
                return Vec::new();
            };
            claims
                .into_iter()
                .map(|c| SearchHit {
                    article: file.relative.clone(),
                    claim_id: c.id,
                    text: c.text,
                    verdict: c.verdict,
                    speaker: c.speaker,
                    similarity: None,
                    language,
                })
                .collect()
        })
        .collect();
    per_article.into_iter().flatten().collect()
}

/// The claims whose words match the query, at most [`MAX_HITS`].
#[must_use]
pub fn by_words(claims: &[SearchHit], query: &str) -> Vec<SearchHit> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    claims
        .iter()
        .filter(|c| matches(query, &c.text, c.speaker.as_deref(), c.verdict))
        .take(MAX_HITS)
        .cloned()
        .collect()
}

/// The claims closest in meaning to the query, best first, at most [`MAX_MEANING_HITS`], each at least
/// [`MIN_MEANING_SIMILARITY`]. Claims without a vector are embedded first (a batch at a time;
/// `progress(done, total)` after each, stopping when it returns `false`). Without the encoder: none.
#[must_use]
pub fn by_meaning(
    claims: &[SearchHit],
    query: &str,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Vec<SearchHit> {
    let query = query.trim();
    let Ok(encoder) = crate::encoder::shared() else {
        return Vec::new();
    };
    if query.is_empty() || claims.is_empty() {
        return Vec::new();
    }
    let mut store = crate::memory::vector_cache_dir()
        .and_then(|dir| VectorStore::open(&dir, encoder.identity()).ok())
        .unwrap_or_else(VectorStore::in_ram);
    let hashes: Vec<u128> = claims.iter().map(|c| text_hash(&c.text)).collect();
    let mut missing: Vec<(u128, &str)> = Vec::new();
    let mut queued = std::collections::HashSet::new();
    for (claim, hash) in claims.iter().zip(&hashes) {
        if store.vectors.row_of_text(*hash).is_none() && queued.insert(*hash) {
            missing.push((*hash, claim.text.as_str()));
        }
    }
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let total = missing.len();
    let mut done = 0;
    for batch in missing.chunks(32 * threads) {
        if !progress(done, total) {
            return Vec::new();
        }
        let texts: Vec<&str> = batch.iter().map(|(_, text)| *text).collect();
        let records: Vec<(String, u128, Vec<f32>)> = batch
            .iter()
            .zip(encoder.embed_parallel(&texts, Kind::Passage, threads))
            .map(|((hash, _), vector)| (String::new(), *hash, vector))
            .collect();
        // The cache only saves time: vectors that cannot be written are still searched in RAM.
        let _ = store.append(&records);
        done += batch.len();
    }
    progress(total, total);
    let query_language = crate::article::detect_language(query);
    let query_vector = centering::centered(
        &encoder.embed(query, Kind::Query),
        Kind::Query,
        side(query_language),
    );
    let mut scored: Vec<(f32, &SearchHit)> = claims
        .iter()
        .zip(&hashes)
        .filter_map(|(claim, hash)| {
            let row = store.vectors.row_of_text(*hash)?;
            let (scale, codes) = store.vectors.quantized(row);
            let vector: Vec<f32> = codes.iter().map(|&c| f32::from(c) * scale).collect();
            let claim_vector = centering::centered(&vector, Kind::Passage, side(claim.language));
            let similarity: f32 = claim_vector
                .iter()
                .zip(&query_vector)
                .map(|(a, b)| a * b)
                .sum();
            Some((similarity, claim))
        })
        .filter(|(similarity, _)| *similarity >= MIN_MEANING_SIMILARITY)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let best = scored.first().map_or(0.0, |(similarity, _)| *similarity);
    scored
        .into_iter()
        .take_while(|(similarity, _)| *similarity >= best - MEANING_MARGIN)
        .take(MAX_MEANING_HITS)
        .map(|(similarity, claim)| SearchHit {
            similarity: Some(similarity),
            ..claim.clone()
        })
        .collect()
}

/// How a text of `language` is centered.
fn side(language: crate::article::Language) -> Side {
    match language {
        crate::article::Language::German => Side::German,
        crate::article::Language::English => Side::English,
        crate::article::Language::Other => Side::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_names_and_words_match_claims() {
        assert!(matches("denied", "x", None, Some(Verdict::Denied)));
        assert!(matches("Pending", "x", None, None));
        assert!(!matches("pending", "x", None, Some(Verdict::Confirmed)));
        assert!(matches("kämmerer", "Der Kämmerer sagte", None, None));
        assert!(matches("weber", "x", Some("Anna Weber"), None));
    }
}
