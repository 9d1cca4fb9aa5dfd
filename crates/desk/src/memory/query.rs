//! Matching: for each claim, the candidates from every source (BM25 over the index and the nearest
//! vectors), scored by meaning, n-grams and words ([`semantic`]), compared for same, related or opposite
//! ([`compare`]), best first.

use super::{
    Claim, ClaimMatches, Comparison, Entry, HashMap, HashMapExt, HashSet, HashSetExt, Kind,
    Language, Match, MatchOptions, Memory, MemoryError, MemoryIndex, Relation, Review, Vector,
    WordWeights, compare, semantic, terms, text_hash, vectors,
};

/// The vectors of one claim being matched: of the claim, and of its paragraph when it has one.
#[derive(Debug, Clone)]
pub(super) struct QueryVectors {
    claim: Vector,
    context: Option<Vector>,
    /// The paragraph itself, for its words.
    context_text: Option<String>,
    /// The paragraph is a post: it weighs more (see [`semantic::Scoring::post_context_weight`]).
    post: bool,
}

/// The candidates of one claim with their features (`None`: matched by words only).
pub type Explained = Vec<(Entry, Option<semantic::Features>)>;

/// A BM25 score as a share of the best candidate's (0 when nothing scored).
fn share(score: f32, best: f32) -> f64 {
    if best > 0.0 {
        f64::from(score / best)
    } else {
        0.0
    }
}

/// A candidate of one claim.
struct Candidate {
    entry: Entry,
    earlier: terms::Analysis,
    comparison: Comparison,
    features: Option<semantic::Features>,
}

/// A claim to match, with its paragraph of the article when it has one.
pub(super) struct Asked<'a> {
    claim: &'a str,
    context: Option<&'a str>,
    /// The paragraph is a post (the whole text, short).
    post: bool,
}

/// Each claim's text with its paragraph of the article, when it has one.
fn asked_with_context<'a>(
    claims: &'a [Claim],
    article: Option<&'a str>,
    scoring: &semantic::Scoring,
) -> Vec<Asked<'a>> {
    claims
        .iter()
        .map(|claim| {
            let context =
                article.and_then(|text| semantic::paragraph_around(text, claim.start, claim.end));
            Asked {
                claim: claim.text.as_str(),
                context,
                post: context
                    .zip(article)
                    .is_some_and(|(paragraph, text)| scoring.is_post(paragraph, text)),
            }
        })
        .collect()
}

/// Word weights from an index's document frequencies: rare words tell claims apart better than common ones.
/// Small memories say little about frequency, so their words weigh the same.
struct IndexWeights<'a> {
    index: &'a MemoryIndex,
    size: u64,
    cache: std::cell::RefCell<HashMap<String, f64>>,
}

impl<'a> IndexWeights<'a> {
    fn new(index: &'a MemoryIndex) -> Self {
        Self {
            index,
            size: index.len(),
            cache: std::cell::RefCell::new(HashMap::new()),
        }
    }
}

/// Below this many claims, word frequencies are noise.
const MIN_CLAIMS_FOR_WEIGHTS: u64 = 200;

/// Without vectors, words fetch this many candidates per match asked for, and at least
/// [`MIN_WORD_CANDIDATES`]: the comparison then keeps the best.
const WORD_CANDIDATES_PER_MATCH: usize = 3;
const MIN_WORD_CANDIDATES: usize = 15;

/// The highest similarity of a claim that is not the same text: a restatement, however close, stays below 1.
const MAX_RESTATEMENT_SIMILARITY: f64 = 0.999;

/// Similarities are given in thousandths: the JSON and the window show no noise below that.
const SIMILARITY_STEPS: f64 = 1000.0;

impl WordWeights for IndexWeights<'_> {
    #[expect(clippy::cast_precision_loss, reason = "counts far below 2^52")]
    fn factor(&self, token: &str) -> f64 {
        if self.size < MIN_CLAIMS_FOR_WEIGHTS {
            return 1.0;
        }
        if let Some(&factor) = self.cache.borrow().get(token) {
            return factor;
        }
        let (df, n) = self.index.frequency(token);
        let idf = ((n as f64 + 1.0) / (df as f64 + 1.0)).ln() / (n as f64 + 1.0).ln();
        let factor = 0.5 + idf.clamp(0.0, 1.0);
        self.cache.borrow_mut().insert(token.to_owned(), factor);
        factor
    }
}

impl Memory {
    /// The vectors of claims to match (all at once: batches are faster than single texts).
    fn query_vectors(&self, claims: &[Asked<'_>]) -> Option<Vec<QueryVectors>> {
        let encoder = self.encoder?;
        if self.sources.iter().all(|s| s.vectors.vectors.is_empty()) {
            return None;
        }
        let mut folded: Vec<String> = Vec::new();
        for asked in claims {
            folded.push(semantic::encoder_text(asked.claim));
            if let Some(context) = asked.context {
                folded.push(semantic::encoder_text(context));
            }
        }
        let texts: Vec<&str> = folded.iter().map(String::as_str).collect();
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        let mut vectors = encoder
            .embed_parallel(&texts, Kind::Query, threads)
            .into_iter();
        Some(
            claims
                .iter()
                .map(|asked| QueryVectors {
                    claim: vectors.next().unwrap_or_default(),
                    context: asked.context.and_then(|_| vectors.next()),
                    context_text: asked.context.map(str::to_owned),
                    post: asked.post,
                })
                .collect(),
        )
    }

    /// The earlier claims that match each of `claims` (written in `language`), best first.
    ///
    /// # Errors
    /// [`MemoryError::Index`] when an index cannot be read.
    pub fn match_claims(
        &self,
        claims: &[Claim],
        language: Language,
        options: MatchOptions,
    ) -> Result<Vec<ClaimMatches>, MemoryError> {
        self.match_claims_in(claims, None, language, options)
    }

    /// The earlier claims that match each claim of a review, each read with its paragraph of the article.
    ///
    /// # Errors
    /// [`MemoryError::Index`] when an index cannot be read.
    pub fn match_review(
        &self,
        review: &Review,
        options: MatchOptions,
    ) -> Result<Vec<ClaimMatches>, MemoryError> {
        self.match_claims_in(
            &review.claims,
            Some(&review.article.text),
            review.article.language,
            options,
        )
    }

    /// The earlier claims that match each of `claims`, read with their paragraphs of `article` when given.
    ///
    /// # Errors
    /// [`MemoryError::Index`] when an index cannot be read.
    pub fn match_claims_in(
        &self,
        claims: &[Claim],
        article: Option<&str>,
        language: Language,
        options: MatchOptions,
    ) -> Result<Vec<ClaimMatches>, MemoryError> {
        let asked = asked_with_context(claims, article, self.scoring());
        let queries = if options.top == 0 {
            None
        } else {
            self.query_vectors(&asked)
        };
        claims
            .iter()
            .enumerate()
            .map(|(at, claim)| {
                Ok(ClaimMatches {
                    claim_id: claim.id.clone(),
                    start: claim.start,
                    end: claim.end,
                    text: claim.text.clone(),
                    matches: self.match_one(
                        &claim.text,
                        language,
                        queries.as_ref().map(|q| &q[at]),
                        options,
                    )?,
                })
            })
            .collect()
    }

    /// The earlier claims that match one claim text.
    ///
    /// # Errors
    /// [`MemoryError::Index`] when an index cannot be read.
    pub fn match_text(
        &self,
        text: &str,
        language: Language,
        options: MatchOptions,
    ) -> Result<Vec<Match>, MemoryError> {
        let query = if options.top == 0 {
            None
        } else {
            self.query_vectors(&[Asked {
                claim: text,
                context: None,
                post: false,
            }])
        };
        self.match_one(
            text,
            language,
            query.as_ref().and_then(|q| q.first()),
            options,
        )
    }

    fn is_excluded(&self, key: &str) -> bool {
        self.excluded.iter().any(|group| group.holds(key))
    }

    /// The candidates of one claim with what scores them: BM25's best and the vectors' nearest, each once.
    fn candidates(
        &self,
        text: &str,
        analysis: &terms::Analysis,
        language: Language,
        query: Option<&QueryVectors>,
        top: usize,
    ) -> Result<Vec<Candidate>, MemoryError> {
        let scoring = self.scoring();
        let mut found = Vec::new();
        let mut seen = HashSet::new();
        for source in &self.sources {
            let mut hits: Vec<(Entry, f32)> = Vec::new();
            if !analysis.is_empty() {
                let mut tokens = analysis.tokens();
                for word in &analysis.words {
                    if let Some(parts) =
                        terms::known_parts(language, word, &|stem| source.index.knows(stem))
                    {
                        tokens.extend(parts);
                    }
                }
                let limit = if query.is_some() {
                    scoring.word_candidates.max(top)
                } else {
                    (top * WORD_CANDIDATES_PER_MATCH).max(MIN_WORD_CANDIDATES)
                };
                for hit in source.index.search(&tokens, limit, &self.excluded)? {
                    hits.push((hit.entry, hit.score));
                }
            }
            // The paragraph's words find what the claim alone does not name.
            let mut context_hits: Vec<(Entry, f32)> = Vec::new();
            if let Some(context) = query.and_then(|q| q.context_text.as_deref()) {
                let tokens = terms::analyse(context, language).tokens();
                context_hits = source
                    .index
                    .search(&tokens, scoring.word_candidates, &self.excluded)?
                    .into_iter()
                    .map(|hit| (hit.entry, hit.score))
                    .collect();
            }
            let store = &source.vectors.vectors;
            if let Some(q) = query {
                let blended = scoring.query_vector(&q.claim, q.context.as_deref(), q.post);
                let accept = |row: vectors::Row| !self.is_excluded(store.key(row));
                for (row, _) in store.nearest(&blended, scoring.vector_candidates, &accept) {
                    if let Some(entry) = source.index.entry_by_key(store.key(row))? {
                        hits.push((entry, 0.0));
                    }
                }
            }
            let best_bm25 = hits.iter().map(|c| c.1).fold(0.0f32, f32::max);
            let identity = |entry: &Entry| {
                (
                    entry.text.clone(),
                    entry.source.clone(),
                    entry.claim_id.clone(),
                    entry.verdict,
                )
            };
            let mut bm25_of = HashMap::new();
            for (entry, score) in &hits {
                let best: &mut f32 = bm25_of.entry(identity(entry)).or_insert(0.0);
                *best = best.max(*score);
            }
            let best_context_bm25 = context_hits.iter().map(|c| c.1).fold(0.0f32, f32::max);
            let mut context_bm25_of = HashMap::new();
            for (entry, score) in &context_hits {
                let best: &mut f32 = context_bm25_of.entry(identity(entry)).or_insert(0.0);
                *best = best.max(*score);
            }
            hits.extend(context_hits.into_iter().map(|(entry, _)| (entry, 0.0)));
            let weights = IndexWeights::new(&source.index);
            // N-grams only score what the encoder scores too: without vectors a match is by words alone.
            let gram_queries = match query {
                Some(q) => {
                    let frequencies = source.frequencies()?;
                    Some((
                        frequencies,
                        frequencies.weights(text),
                        q.context_text.as_deref().map(|c| frequencies.weights(c)),
                    ))
                }
                None => None,
            };
            for (entry, _) in hits {
                let id = identity(&entry);
                let bm25 = bm25_of.get(&id).copied().unwrap_or(0.0);
                let context_bm25 = context_bm25_of.get(&id).copied();
                if !seen.insert(id) {
                    continue;
                }
                let earlier = terms::analyse(&entry.text, entry.language);
                let comparison = compare(analysis, &earlier, language, &weights);
                let row = store.row_of_text(text_hash(&semantic::passage_text(&entry)));
                let features = match (query, row, &gram_queries) {
                    (Some(q), Some(row), Some((frequencies, claim_grams, context_grams))) => {
                        let earlier_grams = frequencies.weights(&semantic::passage_text(&entry));
                        Some(semantic::Features {
                            cross_language: semantic::languages_differ(language, entry.language),
                            claim_cosine: f64::from(store.cosine(row, &q.claim)),
                            context_cosine: q
                                .context
                                .as_ref()
                                .map(|c| f64::from(store.cosine(row, c))),
                            post: q.post,
                            claim_grams: claim_grams.similarity(&earlier_grams),
                            context_grams: context_grams
                                .as_ref()
                                .map(|c| c.similarity(&earlier_grams)),
                            bm25: share(bm25, best_bm25),
                            context_bm25: q
                                .context_text
                                .as_ref()
                                .map(|_| share(context_bm25.unwrap_or(0.0), best_context_bm25)),
                            lexical: comparison.similarity,
                        })
                    }
                    _ => None,
                };
                found.push(Candidate {
                    entry,
                    earlier,
                    comparison,
                    features,
                });
            }
        }
        Ok(found)
    }

    fn scoring(&self) -> &semantic::Scoring {
        self.scoring.as_ref().unwrap_or(&semantic::SCORING)
    }

    /// Uses other weights than the shipped ones (to fit and measure them).
    pub fn set_scoring(&mut self, scoring: semantic::Scoring) {
        self.scoring = Some(scoring);
    }

    /// Every candidate of each claim with the features that score it (`None`: matched by words only), for
    /// fitting the weights and explaining a rank.
    ///
    /// # Errors
    /// [`MemoryError::Index`] when an index cannot be read.
    pub fn explain_claims(
        &self,
        claims: &[Claim],
        article: Option<&str>,
        language: Language,
    ) -> Result<Vec<Explained>, MemoryError> {
        let asked = asked_with_context(claims, article, self.scoring());
        let queries = self.query_vectors(&asked);
        claims
            .iter()
            .enumerate()
            .map(|(at, claim)| {
                let analysis = terms::analyse(&claim.text, language);
                Ok(self
                    .candidates(
                        &claim.text,
                        &analysis,
                        language,
                        queries.as_ref().map(|q| &q[at]),
                        5,
                    )?
                    .into_iter()
                    .map(|c| (c.entry, c.features))
                    .collect())
            })
            .collect()
    }

    fn match_one(
        &self,
        text: &str,
        language: Language,
        query: Option<&QueryVectors>,
        options: MatchOptions,
    ) -> Result<Vec<Match>, MemoryError> {
        let analysis = terms::analyse(text, language);
        if (analysis.is_empty() && query.is_none()) || options.top == 0 {
            return Ok(Vec::new());
        }
        let scoring = self.scoring();
        let mut matches: Vec<(f64, Match)> = Vec::new();
        for candidate in self.candidates(text, &analysis, language, query, options.top)? {
            let Candidate {
                entry,
                earlier,
                comparison,
                features,
            } = candidate;
            let (rank, why) = match (features, self.encoder) {
                (Some(features), Some(encoder)) => {
                    let rank = scoring.rank(scoring.score(&features));
                    let why = semantic::decide(
                        &comparison,
                        &analysis,
                        &earlier,
                        features.cross_language,
                        rank.clamp(0.0, 1.0),
                        features.claim_cosine,
                        encoder,
                        scoring,
                    );
                    (rank, why)
                }
                _ => (comparison.similarity, comparison.why.clone()),
            };
            // 1 is kept for the same text: a restatement, however close, stays just below.
            let identical = entry.text.trim().eq_ignore_ascii_case(text.trim());
            let similarity = if identical {
                rank.clamp(0.0, 1.0)
            } else {
                rank.clamp(0.0, MAX_RESTATEMENT_SIMILARITY)
            };
            if similarity < options.min_similarity {
                continue;
            }
            matches.push((
                rank,
                Match {
                    entry,
                    similarity: (similarity * SIMILARITY_STEPS).round() / SIMILARITY_STEPS,
                    relation: why.relation(),
                    reason: why.english(),
                    why,
                },
            ));
        }
        // By the unrounded, unclamped score: two matches that both show 1.0 still have an order. Equal
        // scores (one fact-check published twice, by two sites or in two quote styles) put the newer
        // check first, then go by a hash of the fact-check: never by where it stands in its file, which
        // says nothing about it (and a benchmark's file lists its answers first).
        matches.sort_by(|(a_rank, a), (b_rank, b)| {
            b_rank
                .total_cmp(a_rank)
                .then_with(|| {
                    (a.relation == Relation::Related).cmp(&(b.relation == Relation::Related))
                })
                .then_with(|| b.entry.reviewed_at.cmp(&a.entry.reviewed_at))
                .then_with(|| a.entry.import_key().cmp(&b.entry.import_key()))
        });
        matches.truncate(options.top);
        Ok(matches.into_iter().map(|(_, found)| found).collect())
    }
}
