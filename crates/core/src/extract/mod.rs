//! Claim extraction: segment the article, describe each segment, decide whether it is a check-worthy claim,
//! and say why. Pure and deterministic: the same article and options give the same claims.

pub mod attribution;
pub mod features;
pub mod meaning;
pub mod model;
pub mod segment;
pub mod speakers;
pub use crate::text::{lexicon, tokens};
pub mod train;

/// The named feature called `$name`, looked up while compiling: a misspelt name does not build.
macro_rules! named {
    ($name:literal) => {
        const { Feature::named($name) }
    };
}

mod describe;
mod pieces;
mod reviews;
mod routine;

use describe::{Candidate, judge};
pub use describe::{Context, Description, describe};
use pieces::{PIECE_BYTES, extract_in_pieces};
use reviews::claim_of;
pub use reviews::{
    complete_review, manual_claim, new_review, post_claim, post_span, publication_date,
    review_of_path,
};
use routine::{dates_in_past_unknown, routine, score_in};

use attribution::{Attribution, attribute};
use features::{Analysis, NumberKind, analyze};
use lexicon::{Category, Lexicon};
use model::{Feature, Model};
use segment::{Span, segment};

use crate::article::{Article, Language};
use crate::review::{Claim, ClaimKind, FoundReason, Origin, Reason, Sign};

/// Segments longer than this are not sentences but unpunctuated runs (tables, lists, data): they are never
/// claims, and skipping them keeps extraction linear on any input.
pub const MAX_CLAIM_BYTES: usize = 3000;

/// The default check-worthiness threshold: segments scoring below it are not claims.
pub const DEFAULT_MIN_SCORE: f64 = 0.35;

/// How extraction decides.
#[derive(Debug, Clone)]
pub struct ExtractOptions {
    /// Segments scoring below this are not claims.
    pub min_score: f64,
    /// The check-worthiness model: a desk's own, or `None` for the shipped one.
    pub model: Option<std::sync::Arc<Model>>,
    /// What makes the score: the words model alone, or the sentence encoder's meaning.
    pub scorer: Scorer,
}

/// What scores check-worthiness.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scorer {
    /// Named features and word weights alone: fast (tens of MB/s), and what desks train; for bulk map steps
    /// that choose it (`--fast`).
    Words,
    /// The default everywhere (command line, desk, window): the sentence encoder's vector and the named
    /// features through [`meaning::MeaningScorer`], with the words model's logit as one input; the named
    /// features and the nearest labelled sentence give the reasons. Falls back to words when the encoder
    /// cannot be loaded, and the review's generator says so.
    #[default]
    Meaning,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        Self {
            min_score: DEFAULT_MIN_SCORE,
            model: None,
            scorer: Scorer::Meaning,
        }
    }
}

impl ExtractOptions {
    /// The default options with another threshold.
    #[must_use]
    pub fn with_min_score(min_score: f64) -> Self {
        Self {
            min_score,
            ..Self::default()
        }
    }

    /// Words only ([`Scorer::Words`]): the fast path for bulk work, and what tests of the named features
    /// read.
    #[must_use]
    pub fn fast() -> Self {
        Self {
            scorer: Scorer::Words,
            ..Self::default()
        }
    }

    /// The model extraction scores with.
    #[must_use]
    pub fn model(&self) -> &Model {
        self.model.as_deref().unwrap_or_else(|| Model::shipped())
    }
}

/// The claims of an article, in text order, with ids `c1`, `c2`, ….
#[must_use]
pub fn extract(article: &Article, options: &ExtractOptions) -> Vec<Claim> {
    extract_text(&article.text, article.language, options)
}

/// The claims of a text in `language`.
///
/// ```
/// use claimdesk_core::article::Language;
/// use claimdesk_core::extract::{extract_text, ExtractOptions};
///
/// let text = "Die Polizei nahm am Montag 40 Personen fest, sagte ein Sprecher. Wie geht es weiter?";
/// let claims = extract_text(text, Language::German, &ExtractOptions::default());
/// assert_eq!(claims.len(), 1);
/// assert_eq!(claims[0].speaker.as_deref(), Some("ein Sprecher"));
/// ```
#[must_use]
pub fn extract_text(text: &str, language: Language, options: &ExtractOptions) -> Vec<Claim> {
    extract_text_with_progress(text, language, options, &mut |_| {})
}

/// [`extract`], reporting every few thousand sentences how many bytes of the text are done.
pub fn extract_with_progress(
    article: &Article,
    options: &ExtractOptions,
    progress: &mut dyn FnMut(usize),
) -> Vec<Claim> {
    extract_text_with_progress(&article.text, article.language, options, progress)
}

/// [`extract_text`] with progress reports (bytes of `text` done).
pub fn extract_text_with_progress(
    text: &str,
    language: Language,
    options: &ExtractOptions,
    progress: &mut dyn FnMut(usize),
) -> Vec<Claim> {
    // The encoder's model is loaded only when the scorer needs it: words alone load no model (204 MB
    // resident before, when it was loaded either way).
    let meaning = (options.scorer == Scorer::Meaning)
        .then(meaning::MeaningScorer::shipped)
        .flatten()
        .and_then(|scorer| Some((scorer, crate::encoder::shared().ok()?)));
    // A post pasted with its link and signature is read as the post: claims end where it ends.
    let post = reviews::post_span(text);
    let body = post.map_or(text, |span| &text[..span.end]);
    let Some((scorer, encoder)) = meaning else {
        let mut claims = extract_in_pieces(body, language, options, PIECE_BYTES, progress);
        if claims.is_empty()
            && let Some(post) = reviews::post_claim(text, language, options)
                .filter(|claim| claim.score >= options.min_score)
        {
            claims.push(post);
        }
        return claims;
    };
    // Every candidate the words model would consider, scored again by meaning, then the threshold.
    let candidates = ExtractOptions {
        min_score: 0.0,
        ..options.clone()
    };
    let mut claims = extract_in_pieces(body, language, &candidates, PIECE_BYTES, progress);
    // A post is always a candidate: a headline, a question or a shout is what circulates.
    if claims.is_empty() {
        claims.extend(reviews::post_claim(text, language, &candidates));
    }
    let texts: Vec<&str> = claims.iter().map(|c| c.text.as_str()).collect();
    // One run of the encoder gives each claim's vector (its meaning) and its words' states (who said it).
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let read = encoder.embed_words_parallel(&texts, crate::encoder::Kind::Query, threads);
    // The tagger reads the encoder's word states: only those of the encoder it was trained with.
    if let Some(tagger) =
        speakers::SpeakerTagger::shipped().filter(|tagger| tagger.encoder == encoder.identity())
    {
        let lexicon = Lexicon::for_language(language);
        for (claim, states) in claims.iter_mut().zip(&read) {
            tag_speaker(claim, text, lexicon, language, tagger, states);
        }
    }
    let vectors: Vec<crate::encoder::Vector> = read.into_iter().map(|r| r.vector).collect();
    let examples = meaning::Examples::shipped();
    let words_model = options.model();
    for (claim, vector) in claims.iter_mut().zip(vectors) {
        // The words model's logit as read in context (reported speech continuing counts); the named
        // features of the sentence on its own, as the scorer was trained.
        let words_logit = meaning::words_logit(claim.score, words_model);
        let features = features_of(&claim.text, language, words_model)
            .map(|(features, _)| features)
            .unwrap_or_default();
        let probability = scorer.probability(&vector, &features, language, words_logit);
        // Not floored by the words model's reading in context for reported speech that continues a source
        // ("Sie sei nicht gegen Drittländer gerichtet.": 0.06 here, 0.46 by words): measured on de-news
        // that floor cost F1 (0.690 -> 0.683) and ROC-AUC (0.862 -> 0.860).
        let in_context = claim.score;
        claim.score = scorer.calibrate(probability);
        // A denial refers to what the text said before ("Moskau und Pjöngjang bestreiten das."), which the
        // scorer, trained on sentences alone, cannot see; the words model's reading in context counts.
        if crate::text::denial::denies(&claim.text, language) {
            claim.score = claim.score.max(in_context);
        }
        let check_worthy = claim.score >= DEFAULT_MIN_SCORE;
        if let Some(example) = examples.and_then(|e| e.nearest(&vector, language, check_worthy)) {
            let (feature, sign) = if check_worthy {
                ("meaning.like_check_worthy", Sign::For)
            } else {
                ("meaning.like_not_check_worthy", Sign::Against)
            };
            // First: the meaning is what made the score.
            claim.reasons.insert(
                0,
                Reason::Found(FoundReason {
                    sign: Some(sign),
                    ..FoundReason::new(feature).with_words([example.text.as_str()], 1)
                }),
            );
        }
    }
    claims.retain(|c| c.score >= options.min_score);
    for (index, claim) in claims.iter_mut().enumerate() {
        claim.id = format!("c{}", index + 1);
    }
    claims
}

/// How much the tagger's source must beat "no source" (summed log-probabilities over its words) in a sentence
/// without a word of saying or a quote.
const TAGGER_MARGIN_WITHOUT_SPEECH: f32 = 6.0;

/// The source the speaker tagger finds in a claim's sentence, where the rules found none: measured on the
/// team's attribution items and on SpkAtt, the rules are right more often where both name a source, and the
/// tagger finds sources the rules miss. A pronoun it finds is no source of its own.
fn tag_speaker(
    claim: &mut Claim,
    text: &str,
    lexicon: &Lexicon,
    language: Language,
    tagger: &speakers::SpeakerTagger,
    states: &crate::encoder::WordStates,
) {
    let span = Span {
        start: claim.start,
        end: claim.end,
    };
    // A headline names its topic, not its source: "Stadtwerke sollen Strompreis um 18 Prozent erhöhen".
    if claim.speaker.is_some() || claim.kind == ClaimKind::Headline {
        return;
    }
    let analysis = analyze(text, span, lexicon);
    // An unnamed source ("hieß es", "Insider") is the answer already.
    if attribute(&analysis, lexicon) != Attribution::None {
        return;
    }
    let Some((found, margin)) = tagger.tag(&analysis, states) else {
        return;
    };
    // Without a word of saying or a quote the tagger must be sure: there it takes the subject of a plain
    // statement for a source ("Das Gesetz tritt am 1. Juli in Kraft": margin 4.6). No gate at all would
    // keep more of SpkAtt's sources, which mostly stand in sentences without such a word ("Die Ministerin
    // sieht darin …"): measured there 32.3 % of sources right with no gate, 29.3 % with this one, 11.3 %
    // with words of saying required; the team's attribution items are alike (de 78.6 %, en 63.7 %).
    let speech = analysis
        .words
        .iter()
        .any(|w| !w.quoted && w.is(Category::ReportingVerb))
        || !analysis.quotes.is_empty();
    if !speech && margin < TAGGER_MARGIN_WITHOUT_SPEECH {
        return;
    }
    // Nor is the subject of a German passive a source ("Der russische Botschafter wurde einbestellt."); an
    // agent later in the sentence ("… wurde von der Regierung …") may be.
    let passive = analysis
        .words
        .iter()
        .any(|w| matches!(w.lower.as_ref(), "wird" | "wurde" | "wurden" | "worden"));
    let opens_sentence = analysis
        .words
        .first()
        .is_some_and(|w| w.start == found.start);
    if !speech && passive && opens_sentence {
        return;
    }
    // A noun phrase, never a fragment: a preposition or adverb before it is not part of it ("Von der
    // Polizei", "insofern die …"), it does not end on a function word ("… sich mit"), and it holds no dash
    // (a dateline: "Wien – Im Kolumbien …").
    let words = analysis.words_in(found);
    let inside = &words[words
        .iter()
        .position(|w| !w.is(Category::Function) || w.is_article())
        .unwrap_or(words.len())..];
    let (Some(first), Some(last)) = (inside.first(), inside.last()) else {
        return;
    };
    // The leading words dropped are function words, which never name anyone: the phrase names someone as
    // the tagger's span did.
    let names_someone = inside.iter().any(|w| {
        (w.is_capitalized() && !w.is(Category::Function) && !w.is(Category::NumberWord))
            || w.is(Category::Role)
            || w.is(Category::OrganisationWord)
    });
    let found = Span {
        start: first.start,
        end: found.end,
    };
    let fragment = last.is(Category::Function) || text[found.start..found.end].contains(['–', '—']);
    if !names_someone || fragment {
        return;
    }
    let found = attribution::apposition_name(&analysis, found).unwrap_or(found);
    let name = &text[found.start..found.end];
    if attribution::is_pronoun(&name.to_lowercase()) {
        return;
    }
    claim.speaker = Some(name.to_owned());
    claim.speaker_span = Some(found);
    claim.speaker_kind = Some(attribution::speaker_kind(name, language));
    claim.speaker_inferred = false;
}

/// A lone sentence described as extraction describes it: the names of its named features and the words
/// model's logit for it (`model`: a desk's own or the shipped one); `None` for a sentence that can never be
/// a claim. What the scorer training script (`scripts/model/train-scorer.py`) learns from, read by the
/// hidden `claimdesk embed --features`.
#[must_use]
pub fn features_of(
    text: &str,
    language: Language,
    model: &Model,
) -> Option<(Vec<&'static str>, f64)> {
    let lexicon = Lexicon::for_language(language);
    let span = Span {
        start: 0,
        end: text.len(),
    };
    let analysis = analyze(text, span, lexicon);
    let description = describe(&analysis, &mut Context::default(), lexicon)?;
    let terms = model::Terms::of(&analysis);
    let logit = model.logit(&description.features, language, terms.hashes());
    Some((
        description.features.iter().map(|f| f.name()).collect(),
        logit,
    ))
}

/// The sentence segments of a text, for the UI (click a sentence to add it as a claim).
#[must_use]
pub fn sentences(text: &str, language: Language) -> Vec<Span> {
    segment(text, Lexicon::for_language(language))
}

#[cfg(test)]
mod tests;
