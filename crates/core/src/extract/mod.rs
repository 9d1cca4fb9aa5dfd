//! Claim extraction: segment the article, describe each segment, decide whether it is a check-worthy claim,
//! and say why. Pure and deterministic: the same article and options give the same claims.

pub mod attribution;
pub mod features;
pub mod meaning;
pub mod model;
pub mod segment;
pub use crate::text::{lexicon, tokens};
pub mod train;

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
    /// Named features and word weights: fast (tens of MB/s), and what desks train.
    #[default]
    Words,
    /// The sentence encoder's vector ([`meaning::MeaningScorer`]); the named features still give the
    /// reasons. Falls back to words when the encoder cannot be loaded.
    Meaning,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        Self {
            min_score: DEFAULT_MIN_SCORE,
            model: None,
            scorer: Scorer::Words,
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
    let meaning = (options.scorer == Scorer::Meaning)
        .then(meaning::MeaningScorer::shipped)
        .flatten()
        .zip(crate::encoder::shared().ok());
    let Some((scorer, encoder)) = meaning else {
        return extract_in_pieces(text, language, options, PIECE_BYTES, progress);
    };
    // Every candidate the words model would consider, scored again by meaning, then the threshold.
    let candidates = ExtractOptions {
        min_score: 0.0,
        ..options.clone()
    };
    let mut claims = extract_in_pieces(text, language, &candidates, PIECE_BYTES, progress);
    let texts: Vec<&str> = claims.iter().map(|c| c.text.as_str()).collect();
    let vectors = meaning::MeaningScorer::vectors(encoder, &texts);
    let examples = meaning::Examples::shipped();
    let words_model = options.model();
    for (claim, vector) in claims.iter_mut().zip(vectors) {
        let words_logit = meaning::words_logit(claim.score, words_model);
        let routine = meaning::routine_weight(&claim.reasons, words_model);
        let probability = scorer.probability(&vector, language, words_logit, routine);
        // Two decimals, as the words model's scores are written.
        claim.score = (probability * 100.0).round() / 100.0;
        if let Some(example) = examples.and_then(|e| e.nearest(&vector, language)) {
            let (feature, sign) = if example.check_worthy() {
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

/// Bytes of text per unit of parallel work: large enough that handing work to a thread costs nothing next
/// to it, small enough that a long article keeps every core busy and progress moves. Articles shorter
/// than this are read on the calling thread.
const PIECE_BYTES: usize = 16 * 1024;

/// Extraction over all cores, with exactly the result of reading the article sentence by sentence.
///
/// The text is cut at line breaks into pieces of about `piece_bytes` (sentences never cross a line break),
/// and each piece is segmented and judged in parallel from a fresh [`Context`]. Where the context that the
/// text before a piece really leaves differs from a fresh one (a speaker whose reported speech continues),
/// that piece's first sentences are judged again with it, until both readings reach the same context: from
/// there on they cannot differ.
fn extract_in_pieces(
    text: &str,
    language: Language,
    options: &ExtractOptions,
    piece_bytes: usize,
    progress: &mut dyn FnMut(usize),
) -> Vec<Claim> {
    use rayon::prelude::*;

    let judge = Judge::new(text, language, options);
    let pieces = pieces(text, piece_bytes.max(1));
    let wave = rayon::current_num_threads().max(1) * 32;
    let read = |piece: &Span| {
        let spans = segment::segment_lines(text, judge.lexicon, piece.start, piece.end);
        judge.run(spans, Context::default())
    };
    let mut joined = Joined {
        claims: Vec::new(),
        context: Context::default(),
        text_len: text.len(),
    };
    if let [piece] = pieces.as_slice() {
        // A short article: read on the calling thread.
        progress(0);
        joined.append(&judge, vec![read(piece)]);
        progress(text.len());
        return joined.claims;
    }
    // While the pieces of one wave are read in parallel, the runs of the wave before are joined: the one
    // part that must go in order does not keep the other cores waiting.
    let mut previous: Vec<PieceRun> = Vec::new();
    for wave_pieces in pieces.chunks(wave) {
        progress(wave_pieces[0].start);
        let ((), runs) = rayon::join(
            || joined.append(&judge, std::mem::take(&mut previous)),
            || -> Vec<PieceRun> { wave_pieces.par_iter().map(read).collect() },
        );
        previous = runs;
    }
    joined.append(&judge, previous);
    progress(text.len());
    joined.claims
}

/// The claims of the runs joined so far, and the context the text before the next run leaves.
struct Joined {
    claims: Vec<Claim>,
    context: Context,
    /// The article's length, to foresee how many claims it will have.
    text_len: usize,
}

impl Joined {
    /// Appends the claims of `runs`, read from fresh contexts, as if read in order after the runs before:
    /// where the real context differs, a run's first sentences are judged again until both agree.
    fn append(&mut self, judge: &Judge<'_>, runs: Vec<PieceRun>) {
        let first = self.claims.capacity() == 0;
        let read_to = runs
            .last()
            .and_then(|run| run.spans.last())
            .map_or(0, |span| span.end);
        for run in runs {
            let mut agreed_from = 0;
            if self.context != Context::default() {
                agreed_from = run.spans.len();
                for (index, span) in run.spans.iter().enumerate() {
                    if let Some(claim) = judge.step(*span, &mut self.context) {
                        self.push(claim);
                    }
                    if self.context == run.contexts[index] {
                        agreed_from = index + 1;
                        break;
                    }
                }
            }
            if agreed_from < run.spans.len() {
                let kept = run.claim_sentences.partition_point(|i| *i < agreed_from);
                self.claims.reserve(run.claims.len() - kept);
                for claim in run.claims.into_iter().skip(kept) {
                    self.push(claim);
                }
                if let Some(last) = run.contexts.into_iter().next_back() {
                    self.context = last;
                }
            }
        }
        if first && read_to > 0 {
            // Room for the whole article's claims at the rate of the first wave, and a tenth more: one
            // vector that is rarely grown, instead of doubling copies of large values.
            let expected = self.claims.len() * self.text_len / read_to;
            self.claims
                .reserve_exact((expected + expected / 10).saturating_sub(self.claims.len()));
        }
    }

    /// Adds a claim with the next id.
    fn push(&mut self, mut claim: Claim) {
        claim.id = format!("c{}", self.claims.len() + 1);
        self.claims.push(claim);
    }
}

/// `text` cut at line breaks into pieces of at least `piece_bytes` (the last may be shorter); each piece
/// ends at a line break (not included) or at the text's end.
fn pieces(text: &str, piece_bytes: usize) -> Vec<Span> {
    let mut pieces = Vec::with_capacity(text.len() / piece_bytes + 1);
    let mut start = 0;
    while start < text.len() {
        let end = memchr::memchr(
            b'\n',
            text.as_bytes()
                .get(start + piece_bytes..)
                .unwrap_or_default(),
        )
        .map_or(text.len(), |i| start + piece_bytes + i);
        pieces.push(Span { start, end });
        start = end + 1;
    }
    if pieces.is_empty() {
        pieces.push(Span { start: 0, end: 0 });
    }
    pieces
}

/// What one piece of text gave when read from a fresh context: its sentences, its claims (by sentence
/// index) and the context after each sentence.
struct PieceRun {
    spans: Vec<Span>,
    claims: Vec<Claim>,
    /// The sentence index of each claim, ascending.
    claim_sentences: Vec<usize>,
    contexts: Vec<Context>,
}

/// Everything judging a sentence needs besides the context.
struct Judge<'a> {
    text: &'a str,
    language: Language,
    lexicon: &'a Lexicon,
    model: &'a Model,
    min_score: f64,
}

impl<'a> Judge<'a> {
    fn new(text: &'a str, language: Language, options: &'a ExtractOptions) -> Self {
        Self {
            text,
            language,
            lexicon: Lexicon::for_language(language),
            model: options.model(),
            min_score: options.min_score,
        }
    }

    /// Reads `spans` in order from `context`.
    fn run(&self, spans: Vec<Span>, mut context: Context) -> PieceRun {
        // Reserved for the most claims a piece can have: a claim is never moved to grow the vector.
        let mut claims = Vec::with_capacity(spans.len());
        let mut claim_sentences = Vec::with_capacity(spans.len());
        let mut contexts = Vec::with_capacity(spans.len());
        for (index, span) in spans.iter().enumerate() {
            if let Some(claim) = self.step(*span, &mut context) {
                claims.push(claim);
                claim_sentences.push(index);
            }
            contexts.push(context.clone());
        }
        PieceRun {
            spans,
            claims,
            claim_sentences,
            contexts,
        }
    }

    /// The claim of one sentence, if it is one (its id is given when all are known).
    fn step(&self, span: Span, context: &mut Context) -> Option<Claim> {
        if span.len() > MAX_CLAIM_BYTES {
            *context = Context::default();
            return None;
        }
        let analysis = analyze(self.text, span, self.lexicon);
        let starts_paragraph = self.text[..span.start]
            .trim_end_matches([' ', '\t'])
            .ends_with('\n');
        context.paragraph_starts = starts_paragraph;
        let candidate = judge(&analysis, context, self.lexicon, self.model, self.min_score);
        context.paragraph_starts = false;
        let candidate = candidate?;
        (candidate.score >= self.min_score).then(|| {
            claim_of(
                self.language,
                String::new(),
                Some(&analysis),
                analysis.text,
                candidate,
                Origin::Extracted,
            )
        })
    }
}

/// A claim from a judged segment; without an analysis (too long to describe) it has no speaker or hedges.
fn claim_of(
    language: Language,
    id: String,
    analysis: Option<&Analysis<'_>>,
    text: &str,
    candidate: Candidate,
    origin: Origin,
) -> Claim {
    let span = analysis.map_or(Span { start: 0, end: 0 }, |a| a.span);
    let hedges = analysis.map(|a| a.hedges.as_slice()).unwrap_or_default();
    Claim {
        id,
        start: span.start,
        end: span.end,
        text: text.to_owned(),
        score: candidate.score,
        kind: candidate.kind,
        reasons: candidate.reasons,
        speaker_kind: candidate
            .speaker
            .as_ref()
            .map(|(name, _, _)| attribution::speaker_kind(name, language)),
        speaker: candidate.speaker.as_ref().map(|(name, _, _)| name.clone()),
        speaker_inferred: candidate.speaker.as_ref().is_some_and(|s| s.2),
        speaker_span: candidate.speaker.and_then(|(_, span, _)| span),
        hedges: hedges.iter().map(|(hedge, _)| hedge.clone()).collect(),
        hedge_spans: hedges.iter().map(|(_, span)| *span).collect(),
        verdict: None,
        note: String::new(),
        evidence: Vec::new(),
        origin,
        verdict_by: None,
        approval: None,
        history: Vec::new(),
        conflicts: Vec::new(),
    }
}

/// A claim for a span the analyst chose: described like an extracted claim (speaker, hedges, reasons),
/// whatever its score.
#[must_use]
pub fn manual_claim(text: &str, language: Language, span: Span, id: String) -> Option<Claim> {
    let slice = text.get(span.start..span.end)?;
    if slice.trim().is_empty() {
        return None;
    }
    let by_hand = |kind, mut reasons: Vec<Reason>, speaker| {
        reasons.insert(0, FoundReason::new("by_hand").into());
        Candidate {
            score: 1.0,
            kind,
            reasons,
            speaker,
        }
    };
    if span.len() > MAX_CLAIM_BYTES {
        // Too long to describe; the analyst's claim is kept as it is.
        let mut claim = claim_of(
            language,
            id,
            None,
            slice,
            by_hand(ClaimKind::Fact, Vec::new(), None),
            Origin::Manual,
        );
        claim.start = span.start;
        claim.end = span.end;
        return Some(claim);
    }
    let lexicon = Lexicon::for_language(language);
    let analysis = analyze(text, span, lexicon);
    let candidate = match judge(
        &analysis,
        &mut Context::default(),
        lexicon,
        Model::shipped(),
        0.0,
    ) {
        Some(judged) => by_hand(judged.kind, judged.reasons, judged.speaker),
        None => by_hand(ClaimKind::Fact, Vec::new(), None),
    };
    Some(claim_of(
        language,
        id,
        Some(&analysis),
        slice,
        candidate,
        Origin::Manual,
    ))
}

/// A new review of `article`: its claims, and its publication date from a publication note ("Diese
/// Nachricht wurde am 22.10.2024 … gesendet", "This article was updated on March 3, 2025") when the markup
/// gave none.
#[must_use]
pub fn new_review(
    mut article: Article,
    options: &ExtractOptions,
    progress: &mut dyn FnMut(usize),
) -> crate::review::Review {
    if article.published.is_none() {
        article.published = publication_date(&article.text, article.language);
    }
    let claims = extract_with_progress(&article, options, progress);
    let mut review = crate::review::Review::new(article, claims);
    if options.scorer == Scorer::Meaning && crate::encoder::shared().is_ok() {
        // Which scorer made the scores, for whoever compares reviews later.
        review
            .generator
            .push_str("; scores by meaning (multilingual-e5-small)");
    }
    review
}

/// A new review of the article file at `path`, with how it was read (legacy encoding, unknown language).
///
/// # Errors
/// A [`crate::article::LoadError`] naming the file.
pub fn review_of_path(
    path: &std::path::Path,
    language: Option<Language>,
    options: &ExtractOptions,
) -> Result<(crate::review::Review, Vec<crate::article::LoadWarning>), crate::article::LoadError> {
    let loaded = crate::article::load_path(path, crate::article::LoadOptions { language })?;
    Ok((
        new_review(loaded.article, options, &mut |_| {}),
        loaded.warnings,
    ))
}

/// Fills in what reviews of earlier versions lack and extraction derives (whether each speaker is a person
/// or an organisation), so views and exports of an old file are those of a new one.
pub fn complete_review(review: &mut crate::review::Review) {
    let language = review.article.language;
    for claim in review.claims.iter_mut().chain(review.orphaned.iter_mut()) {
        if claim.speaker_kind.is_none()
            && let Some(speaker) = &claim.speaker
        {
            claim.speaker_kind = Some(attribution::speaker_kind(speaker, language));
        }
    }
}

/// The date in the article's publication note, as `YYYY-MM-DD`. The last note wins (updates come last).
#[must_use]
pub fn publication_date(text: &str, language: Language) -> Option<String> {
    let lexicon = Lexicon::for_language(language);
    let spans = segment(text, lexicon);
    spans
        .iter()
        .rev()
        .filter(|span| span.len() <= 400)
        .find_map(|&span| {
            let analysis = analyze(text, span, lexicon);
            if !analysis.is_boilerplate {
                return None;
            }
            date_in(&analysis.words)
        })
}

/// `22.10.2024`, `22. Oktober 2024`, `March 3, 2025`, `3 March 2025` → `YYYY-MM-DD`.
fn date_in(words: &[features::Word<'_>]) -> Option<String> {
    const MONTHS: [&[&str]; 12] = [
        &["januar", "jänner", "january", "jan"],
        &["februar", "february", "feb"],
        &["märz", "march", "mar"],
        &["april", "apr"],
        &["mai", "may"],
        &["juni", "june", "jun"],
        &["juli", "july", "jul"],
        &["august", "aug"],
        &["september", "sep", "sept"],
        &["oktober", "october", "okt", "oct"],
        &["november", "nov"],
        &["dezember", "december", "dez", "dec"],
    ];
    let month_of = |word: &str| {
        MONTHS
            .iter()
            .position(|names| names.contains(&word))
            .map(|i| i + 1)
    };
    let number = |word: &str| word.parse::<u32>().ok();
    let valid = |year: u32, month: usize, day: u32| {
        (1900..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day)
    };
    for (index, word) in words.iter().enumerate() {
        let parts: Vec<&str> = word.text.split('.').collect();
        if let [day, month, year] = parts.as_slice()
            && let (Some(day), Some(month), Some(year)) = (number(day), number(month), number(year))
            && let Ok(month) = usize::try_from(month)
            && valid(year, month, day)
        {
            return Some(format!("{year:04}-{month:02}-{day:02}"));
        }
        let Some(month) = month_of(&word.lower) else {
            continue;
        };
        let before = index
            .checked_sub(1)
            .and_then(|i| words.get(i))
            .and_then(|w| number(w.text));
        let after = words.get(index + 1).and_then(|w| number(w.text));
        let year_after = |offset: usize| {
            words
                .get(index + offset)
                .and_then(|w| number(w.text))
                .filter(|y| *y >= 1900)
        };
        let found = match (before, after) {
            (Some(day), Some(year)) if year >= 1900 => Some((year, day)),
            (_, Some(day)) if day <= 31 => year_after(2).map(|year| (year, day)),
            _ => None,
        };
        if let Some((year, day)) = found.filter(|&(year, day)| valid(year, month, day)) {
            return Some(format!("{year:04}-{month:02}-{day:02}"));
        }
    }
    None
}

/// The sentence segments of a text, for the UI (click a sentence to add it as a claim).
#[must_use]
pub fn sentences(text: &str, language: Language) -> Vec<Span> {
    segment(text, Lexicon::for_language(language))
}

/// What earlier segments said that later ones build on.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Context {
    /// The most recent speaker of reported speech, for Konjunktiv continuations and pronouns.
    speaker: Option<(std::sync::Arc<str>, Option<Span>)>,
    /// Whether the previous segment was attributed speech.
    previous_reported: bool,
    /// Whether the segment being described opens a paragraph (set only while it is described).
    paragraph_starts: bool,
}

impl Context {
    /// The most recent speaker, for a segment that continues their speech: inferred, not named there.
    fn previous_speaker(&self) -> Option<Speaker> {
        self.speaker
            .as_ref()
            .map(|(name, at)| (name.to_string(), *at, true))
    }
}

/// A segment judged as a claim candidate.
struct Candidate {
    score: f64,
    kind: ClaimKind,
    reasons: Vec<Reason>,
    speaker: Option<Speaker>,
}

/// A claim's speaker as found: the name, where it is written, and whether it was inferred from the
/// context (a pronoun, reported speech continuing) rather than named in the segment itself.
type Speaker = (String, Option<Span>, bool);

/// What [`describe`] finds in a segment: the named features, the claim kind and the speaker.
pub struct Description {
    /// The named features present.
    pub features: Vec<Feature>,
    kind: ClaimKind,
    speaker: Option<Speaker>,
    /// The reporting verb or phrase of the attribution, if any.
    marker: Option<String>,
}

/// Scores one segment with `model`. `None` for segments that can never be claims (questions, notes,
/// fragments).
fn judge(
    analysis: &Analysis<'_>,
    context: &mut Context,
    lexicon: &Lexicon,
    model: &Model,
    min_score: f64,
) -> Option<Candidate> {
    let description = describe(analysis, context, lexicon)?;
    let terms = model::Terms::of(analysis);
    let language = lexicon.language;
    let weighed = model.weigh(&description.features, language, &terms);
    let score = model.calibrate(weighed.probability());
    // Reasons only for claims: explaining every segment would cost more than scoring it.
    let reasons = if score >= min_score {
        Model::reasons(
            weighed,
            |feature| explain(analysis, &description, feature),
            &terms,
        )
    } else {
        Vec::new()
    };
    Some(Candidate {
        score,
        kind: description.kind,
        reasons,
        speaker: description.speaker,
    })
}

const STATISTICS: [NumberKind; 3] = [
    NumberKind::Percentage,
    NumberKind::Money,
    NumberKind::Quantity,
];

/// The numbers of a segment of the given kinds, as written.
fn numbers<'a>(
    analysis: &'a Analysis<'_>,
    kinds: &'a [NumberKind],
) -> impl Iterator<Item = &'a str> + 'a {
    kinds.iter().flat_map(|kind| {
        analysis
            .numbers
            .iter()
            .filter(move |n| n.kind == *kind)
            .map(|n| n.text.as_str())
    })
}

/// Absolutes other than the plain negation ("nicht", "not"), which is in the lexicon only to make phrases
/// like "nicht ein einziger" whole.
fn absolutes(analysis: &Analysis<'_>) -> Vec<String> {
    analysis
        .matches(Category::Absolute)
        .into_iter()
        .filter(|a| !matches!(a.to_lowercase().as_str(), "nicht" | "not"))
        .collect()
}

/// Whether [`absolutes`] finds any, without building their text.
fn has_absolute(analysis: &Analysis<'_>) -> bool {
    analysis.has(Category::Absolute)
        && (analysis
            .phrases
            .iter()
            .any(|p| p.category == Category::Absolute)
            || analysis
                .words
                .iter()
                .any(|w| w.is(Category::Absolute) && !matches!(w.lower.as_ref(), "nicht" | "not")))
}

/// The hedges that mark speculation ("vielleicht", "could") rather than second-hand report ("angeblich").
fn modal_hedges(analysis: &Analysis<'_>) -> Vec<String> {
    let second_hand = analysis.matches(Category::SecondHand);
    analysis
        .hedges
        .iter()
        .map(|(hedge, _)| hedge.clone())
        .filter(|hedge| !second_hand.iter().any(|s| s.eq_ignore_ascii_case(hedge)))
        .collect()
}

/// First-person words outside quotations: the speaker of the article itself (a transcript's "we").
fn first_person<'a>(analysis: &'a Analysis<'_>) -> impl Iterator<Item = &'a str> + 'a {
    analysis
        .words
        .iter()
        .filter(|w| w.is(Category::FirstPerson) && !w.quoted)
        .map(|w| w.text)
}

/// What showed a feature of a description, in the article's words: a reason of a claim before the model
/// weighs it.
fn explain(analysis: &Analysis<'_>, description: &Description, feature: Feature) -> FoundReason {
    let reason = FoundReason::new(feature.name());
    let speaker = || {
        description
            .speaker
            .as_ref()
            .map(|(name, _, _)| name.clone())
    };
    match feature.name() {
        "attribution.named" | "attribution.pronoun" | "attribution.anonymous" => FoundReason {
            speaker: speaker(),
            marker: description.marker.clone(),
            ..reason
        },
        "reported.continues" => FoundReason {
            speaker: speaker(),
            marker: analysis
                .words
                .iter()
                .find(|w| w.is(Category::ReportedSpeech))
                .map(|w| w.text.to_owned()),
            ..reason
        },
        "figures.statistic" => reason.with_words(numbers(analysis, &STATISTICS), 3),
        "figures.plain" => reason.with_words(numbers(analysis, &[NumberKind::Plain]), 3),
        "date" => {
            let dates: Vec<&str> = numbers(analysis, &[NumberKind::Date]).collect();
            if dates.is_empty() {
                let time_words = analysis
                    .matches(Category::Month)
                    .into_iter()
                    .chain(analysis.matches(Category::TimeWord));
                reason.with_words(time_words, 2)
            } else {
                reason.with_words(dates, 2)
            }
        }
        "names.one" | "names.many" => reason.with_words(analysis.entities.iter().cloned(), 4),
        "event" => reason.with_words(analysis.matches(Category::Event), 2),
        "comparison" => reason.with_words(analysis.matches(Category::Comparison), 2),
        "absolute" => reason.with_words(absolutes(analysis), 2),
        "hedged.report" => reason.with_words(analysis.matches(Category::SecondHand), 3),
        "hedged" => reason.with_words(modal_hedges(analysis), 3),
        "opinion" => reason.with_words(analysis.matches(Category::Opinion), 2),
        "tense.past" => reason.with_words(analysis.matches(Category::PastTense), 2),
        "person.first_fact" => reason.with_words(first_person(analysis), 2),
        "prediction" => reason.with_words(analysis.matches(Category::Prediction), 2),
        "rumour" => reason.with_words(
            analysis
                .matches(Category::Rumour)
                .into_iter()
                .chain(analysis.matches(Category::Platform)),
            2,
        ),
        "routine.sport" => {
            let score = score_in(analysis.text).map(|(_, score)| score.to_owned());
            reason.with_words(
                score
                    .into_iter()
                    .chain(analysis.matches(Category::RoutineMargin))
                    .chain(analysis.matches(Category::RoutineRace))
                    .chain(analysis.matches(Category::RoutineSport)),
                2,
            )
        }
        "routine.schedule" => reason.with_words(analysis.matches(Category::RoutineSchedule), 2),
        // Shape features: nothing to quote.
        _ => reason,
    }
}

/// The named feature called `$name`, looked up while compiling: a misspelt name does not build.
macro_rules! named {
    ($name:literal) => {
        const { Feature::named($name) }
    };
}

/// The named features of one segment, in the context of the segments before it. `None` for segments that
/// can never be claims (questions, notes, fragments, headings that only name a topic). Only names: what
/// showed them is built by [`explain`], for claims alone.
#[expect(
    clippy::too_many_lines,
    reason = "one feature after the other, in the order they are read"
)]
pub fn describe(
    analysis: &Analysis<'_>,
    context: &mut Context,
    lexicon: &Lexicon,
) -> Option<Description> {
    if analysis.is_heading {
        // A heading interrupts reported speech: what follows is a new paragraph of the article's own voice.
        context.previous_reported = false;
    }
    let words = analysis.word_count();
    let is_link = (analysis.text.starts_with("www.") || analysis.text.contains("://"))
        && !analysis.text.contains(char::is_whitespace);
    if analysis.is_question || analysis.is_boilerplate || is_link || words < 4 {
        context.previous_reported = false;
        return None;
    }
    let mut features = Vec::with_capacity(12);
    let mut feature = |feature: Feature| features.push(feature);

    let attribution = attribute(analysis);
    let is_attributed = attribution != Attribution::None;
    let mut speaker: Option<Speaker> = None;
    let mut marker = None;
    let mut reported = false;
    match attribution {
        Attribution::Named {
            speaker: name,
            span,
            marker: said,
        } => {
            feature(named!("attribution.named"));
            speaker = Some((name, Some(span), false));
            marker = Some(said);
            reported = true;
        }
        Attribution::Pronoun { marker: said } => {
            feature(named!("attribution.pronoun"));
            speaker = context.previous_speaker();
            marker = Some(said);
            reported = true;
        }
        Attribution::Anonymous { marker: said } => {
            feature(named!("attribution.anonymous"));
            marker = Some(said);
            reported = true;
            // Reported speech that continues after this has no named speaker either.
            context.speaker = None;
        }
        Attribution::None => {}
    }
    // Across a paragraph break Konjunktiv alone does not carry a speaker: a survey or report named in the
    // paragraph before ("laut einer Umfrage der Zeitung") does not go on speaking in the next.
    let carries_across = || {
        context.speaker.as_ref().is_some_and(|(name, _)| {
            attribution::speaker_kind(name, lexicon.language) != crate::review::SpeakerKind::Work
        })
    };
    let continuation = !is_attributed
        && context.previous_reported
        && (!context.paragraph_starts || carries_across())
        && lexicon.language == Language::German
        && analysis
            .words
            .iter()
            .any(|w| w.is(Category::ReportedSpeech) && !w.quoted);
    if continuation {
        reported = true;
        speaker = context.previous_speaker();
        feature(named!("reported.continues"));
    }
    let has_quote = !analysis.quotes.is_empty();
    if has_quote && reported {
        feature(named!("quote.reported"));
    }

    let has_number = |kind: NumberKind| analysis.numbers.iter().any(|n| n.kind == kind);
    let has_statistic = STATISTICS.into_iter().any(has_number);
    if has_statistic {
        feature(named!("figures.statistic"));
    } else if has_number(NumberKind::Plain) {
        feature(named!("figures.plain"));
    }
    let dated = has_number(NumberKind::Date) || analysis.has(Category::Month);
    if dated {
        feature(named!("date"));
    }
    if !analysis.entities.is_empty() {
        feature(if analysis.entities.len() >= 2 {
            named!("names.many")
        } else {
            named!("names.one")
        });
    }
    let has_event = analysis.has(Category::Event);
    if has_event {
        feature(named!("event"));
    }
    if dated && has_event {
        // An event with its date ("tritt am 1. Juli in Kraft", "opened on 3 March") is the core of a news fact.
        feature(named!("event.dated"));
    }
    let has_comparison = analysis.has(Category::Comparison);
    if has_comparison {
        feature(named!("comparison"));
    }
    if has_absolute(analysis) {
        feature(named!("absolute"));
    }
    let declarative = analysis
        .text
        .trim_end_matches(['"', '“', '”', '«', '»', '’', ')'])
        .ends_with('.');
    if declarative {
        feature(named!("shape.declarative"));
    }
    if !analysis.hedges.is_empty() {
        // Second-hand hedges ("soll angeblich", "reportedly") report a fact nobody vouches for: in news the
        // first thing a desk checks. Modal ones ("vielleicht", "could") mark speculation, as debate data
        // teaches. Two features, so learning the second does not unlearn the first.
        if analysis.has(Category::SecondHand) {
            feature(named!("hedged.report"));
        }
        if !modal_hedges(analysis).is_empty() {
            feature(named!("hedged"));
        }
    }
    let has_opinion = analysis.has(Category::Opinion);
    if has_opinion {
        feature(named!("opinion"));
    }
    if analysis.is_exclamation {
        feature(named!("shape.exclamation"));
    }
    let has_past = analysis.has(Category::PastTense);
    if has_past {
        feature(named!("tense.past"));
    }
    if first_person(analysis).next().is_some() {
        let factual = !has_opinion && (has_past || !analysis.numbers.is_empty() || has_comparison);
        feature(if factual {
            named!("person.first_fact")
        } else {
            named!("person.first")
        });
    }
    if words < 8 {
        feature(named!("length.short"));
    } else if words > 30 {
        feature(named!("length.long"));
    }
    let is_prediction = analysis.has(Category::Prediction)
        && (!has_event || !analysis.hedges.is_empty())
        && dates_in_past_unknown(analysis);
    if analysis.is_heading {
        let has_verb_like = analysis.words.iter().skip(1).any(|w| {
            !w.is_capitalized()
                && !w.is(Category::Function)
                && !w.has_digit()
                && !lexicon.is_demonym(&w.lower)
                && w.text.len() > 3
        });
        // A heading with a number ("Zwei Tote und Tausende Evakuierte") states something even without a verb.
        if words < 4 || (!has_verb_like && analysis.numbers.is_empty()) {
            // A heading that only announces a topic ("Streik bei der Bahn").
            return None;
        }
        // A headline with a verb states something: often the article's main claim, in its boldest form.
        features.insert(0, named!("headline.statement"));
    }

    // A platform with an unnamed source, a second-hand hedge or reported speech: "In sozialen Netzwerken
    // heißt es, …", "Auf Facebook wird verbreitet, die Regierung plane …".
    // A named source that writes on a platform is that source's statement ("Die Ministerin schrieb auf
    // Facebook, …").
    let named_source = features.contains(&named!("attribution.named"));
    // "Die Stadt weist Gerüchte zurück, wonach …": a denial speaks about a rumour; it is not one.
    let denies = !crate::text::denial::phrases(analysis.text, lexicon.language).is_empty();
    let rumour = !denies
        && (analysis.has(Category::Rumour)
            || (analysis.has(Category::Platform)
                && !named_source
                && (analysis.has(Category::AnonymousAttribution)
                    || analysis.has(Category::SecondHand)
                    || analysis
                        .words
                        .iter()
                        .any(|w| w.is(Category::ReportedSpeech) && !w.quoted))));
    if rumour {
        // Circulating claims are what verification desks check most, whoever "reports" them.
        features.push(named!("rumour"));
        // "Users shared a video said to show …": a "speaker" made of the rumour's own words is the users.
        let spreader_words = |span: Span| {
            analysis.words.iter().any(|w| {
                (w.is(Category::Rumour) || w.is(Category::Platform) || w.is(Category::PhraseStart))
                    && span.start <= w.start
                    && w.end <= span.end
            })
        };
        let unnamed = match &speaker {
            None => true,
            Some((_, span, _)) => span.is_some_and(spreader_words),
        };
        if unnamed {
            let lower: Vec<&str> = analysis.words.iter().map(|w| w.lower.as_ref()).collect();
            speaker = Some((lexicon.rumour_source(&lower).to_owned(), None, false));
        }
    }
    if !rumour && let Some(routine) = routine(analysis) {
        features.push(routine);
    }

    let kind = if analysis.is_heading {
        ClaimKind::Headline
    } else if rumour {
        ClaimKind::Rumour
    } else if has_quote && reported {
        ClaimKind::Quote
    } else if reported {
        ClaimKind::ReportedStatement
    } else if has_statistic {
        ClaimKind::Statistic
    } else if is_prediction {
        ClaimKind::Prediction
    } else if has_comparison {
        ClaimKind::Comparison
    } else if has_event || !analysis.numbers.is_empty() {
        ClaimKind::Event
    } else {
        ClaimKind::Fact
    };
    if is_prediction {
        // Forecasts and expectations are checked later against what happened, and their sources now.
        features.push(named!("prediction"));
    }

    if reported && let Some(named) = &speaker {
        context.speaker = Some((named.0.as_str().into(), named.1));
    }
    context.previous_reported = reported;
    Some(Description {
        features,
        kind,
        speaker,
        marker,
    })
}

/// A routine item a desk does not check: a sport result or play-by-play ("gewannen mit 3:0 (2:0)",
/// "Welbeck (60.) traf zum Tor des Tages") or a schedule ("Der Anpfiff erfolgt um 15.05 Uhr"), unless
/// something in it is news (debt, doping, a ban, money).
fn routine(analysis: &Analysis<'_>) -> Option<Feature> {
    if analysis.has(Category::NewsInRoutine)
        || analysis
            .numbers
            .iter()
            .any(|n| matches!(n.kind, NumberKind::Money | NumberKind::Percentage))
    {
        return None;
    }
    let sport_words = analysis.has(Category::RoutineSport);
    let minute_mark = has_minute_mark(analysis.text);
    let score = match score_in(analysis.text) {
        Some((Score::Colon, _)) => true,
        Some((Score::Hyphen, _)) => sport_words,
        None => false,
    };
    // A race or a table: "0,30 Sekunden vor Jansrud" in a slalom, "93 Punkte Vorsprung" in the overall
    // standings. The race is needed: "drei Punkte Vorsprung" in a poll, "auf Platz 20" in a ranking of
    // schools are news, and so is an election a party "gewann".
    let margin = analysis.has(Category::RoutineRace)
        && analysis.has(Category::RoutineMargin)
        && !analysis.numbers.is_empty();
    if minute_mark || score || margin {
        return Some(named!("routine.sport"));
    }
    let timed = has_clock_time(analysis)
        || analysis.numbers.iter().any(|n| n.kind == NumberKind::Date)
        || analysis.has(Category::TimeWord);
    (analysis.has(Category::RoutineSchedule) && timed).then_some(named!("routine.schedule"))
}

/// How a sentence writes a score, if it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Score {
    /// "3:0", "2:1 (0:0)", "2:0-Sieg", "6:3,7:5": German and tennis results; nothing else writes two small
    /// numbers around a colon except clock times, which are told apart.
    Colon,
    /// "won 3-0": a result only beside a result word (a "5-4 ruling" is not sport).
    Hyphen,
}

/// The score in `text`: one or two digits, a colon or a hyphen, one or two digits, not part of a longer
/// number, a time ("15:30 Uhr", "3:35:49") or a date.
fn score_in(text: &str) -> Option<(Score, &str)> {
    let bytes = text.as_bytes();
    let digits_at = |from: usize| {
        bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let mut found = None;
    for (at, &byte) in bytes.iter().enumerate() {
        let separator = match byte {
            b':' => Score::Colon,
            b'-' => Score::Hyphen,
            _ => continue,
        };
        let before = bytes[..at]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let after = digits_at(at + 1);
        if !(1..=2).contains(&before) || !(1..=2).contains(&after) {
            continue;
        }
        let start = at - before;
        let end = at + 1 + after;
        let glued_before =
            start > 0 && matches!(bytes[start - 1], b'.' | b',' | b':' | b'/' | b'-');
        let glued_after = bytes
            .get(end)
            .is_some_and(|b| matches!(b, b':' | b'.' | b'/'))
            && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        let clock = text[end..]
            .trim_start()
            .split(|c: char| !c.is_alphanumeric() && c != '.')
            .next()
            .is_some_and(|word| {
                matches!(
                    word.to_lowercase().as_str(),
                    "uhr"
                        | "h"
                        | "a.m."
                        | "p.m."
                        | "am"
                        | "pm"
                        | "a.m"
                        | "p.m"
                        | "stunden"
                        | "minuten"
                )
            });
        if glued_before || glued_after || clock {
            continue;
        }
        if separator == Score::Colon {
            return Some((Score::Colon, &text[start..end]));
        }
        found = found.or(Some((Score::Hyphen, &text[start..end])));
    }
    found
}

/// "Welbeck (60.) traf": a minute of play in parentheses, as match reports write it.
fn has_minute_mark(text: &str) -> bool {
    text.match_indices('(').any(|(at, _)| {
        let rest = &text[at + 1..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=3).contains(&digits) {
            return false;
        }
        let mut after = &rest[digits..];
        // Stoppage time: "(90.+2)", "(45+1)".
        let stoppage = after.strip_prefix(".+").or_else(|| after.strip_prefix('+'));
        if let Some(plus) = stoppage {
            after = &plus[plus.bytes().take_while(u8::is_ascii_digit).count()..];
        }
        // English ordinals: "(60th)", "(34th minute)".
        let ordinal = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|suffix| after.strip_prefix(suffix));
        if let Some(ordinal) = ordinal {
            after = ordinal
                .strip_prefix(" minute")
                .or_else(|| ordinal.strip_prefix(" min"))
                .unwrap_or(ordinal);
        }
        // "(60.)", "(60')"; a bare number in brackets only after a mark ("(34)" is an age).
        after.starts_with(".)")
            || after.starts_with("')")
            || after.starts_with("’)")
            || ((stoppage.is_some() || ordinal.is_some()) && after.starts_with(')'))
    })
}

/// "um 15.05 Uhr", "at 3 p.m.", "20:15": a time of day.
fn has_clock_time(analysis: &Analysis<'_>) -> bool {
    analysis.words.iter().enumerate().any(|(index, word)| {
        let time_unit = matches!(word.lower.as_ref(), "uhr" | "p.m" | "a.m" | "pm" | "am");
        let after_number = index > 0 && analysis.words[index - 1].has_digit();
        (time_unit && after_number)
            || word.text.split_once(':').is_some_and(|(h, m)| {
                (1..=2).contains(&h.len())
                    && m.len() == 2
                    && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
            })
    })
}

/// Predictions are about what has not happened yet; a segment with explicit past dates is reported history.
fn dates_in_past_unknown(analysis: &Analysis<'_>) -> bool {
    !analysis.words.iter().any(|w| {
        matches!(
            w.lower.as_ref(),
            "gestern" | "vergangene" | "vergangenen" | "yesterday" | "last"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(text: &str, language: Language) -> Vec<Claim> {
        extract_text(text, language, &ExtractOptions::default())
    }

    /// A claim's reasons as the English window shows them.
    fn reasons(claim: &Claim) -> Vec<String> {
        use crate::i18n::InWords as _;
        let english = crate::i18n::Locale::English.messages();
        claim.reasons.iter().map(|r| r.in_words(english)).collect()
    }

    /// The article read sentence by sentence on one thread: what the parallel reading must equal.
    fn one_by_one(text: &str, language: Language, options: &ExtractOptions) -> Vec<Claim> {
        let judge = Judge::new(text, language, options);
        let run = judge.run(segment(text, judge.lexicon), Context::default());
        run.claims
            .into_iter()
            .enumerate()
            .map(|(index, mut claim)| {
                claim.id = format!("c{}", index + 1);
                claim
            })
            .collect()
    }

    #[test]
    fn circulating_claims_are_rumours_with_the_platform_or_the_users_as_source() {
        let cases = [
            (
                "In sozialen Netzwerken heißt es erneut, die Impfung verändere das Erbgut.",
                Language::German,
                "soziale Netzwerke",
            ),
            (
                "Auf Telegram kursiert ein Video, das angeblich brennende Wahlzettel zeigt.",
                Language::German,
                "Telegram",
            ),
            (
                "Seit Tagen kursiert die Behauptung, das Leitungswasser in Linz sei vergiftet.",
                Language::German,
                "Nutzer",
            ),
            (
                "Users shared a video said to show ballots being burned in Ohio.",
                Language::English,
                "users",
            ),
            (
                "It is being claimed on TikTok that cash will be abolished in January.",
                Language::English,
                "TikTok",
            ),
        ];
        for (text, language, source) in cases {
            let found = claims(text, language);
            assert_eq!(found.len(), 1, "{text}: a claim");
            assert_eq!(found[0].kind, ClaimKind::Rumour, "{text}");
            assert_eq!(found[0].speaker.as_deref(), Some(source), "{text}");
            assert!(found[0].score > 0.7, "{text}: {}", found[0].score);
            assert!(
                reasons(&found[0])
                    .iter()
                    .any(|r| r.starts_with("circulating claim")),
                "{text}: {:?}",
                reasons(&found[0])
            );
        }
        // A platform is where someone wrote something, not a rumour by itself.
        let written = claims(
            "Die Ministerin schrieb am Montag auf Facebook, die Schule werde 2027 eröffnet.",
            Language::German,
        );
        assert!(
            written.iter().all(|c| c.kind != ClaimKind::Rumour),
            "{written:?}"
        );
    }

    #[test]
    fn minutes_of_play_are_told_from_ages_and_years() {
        for marked in [
            "Welbeck (60.) traf.",
            "Saka (34th minute) scored.",
            "Havertz (71st) scored.",
            "Kane (90+2) scored.",
            "Kane (90.+2) traf.",
            "Salah (12') scored.",
        ] {
            assert!(has_minute_mark(marked), "{marked}");
        }
        for unmarked in [
            "Max Müller (34) wurde verletzt.",
            "The law (2019) was changed.",
            "Der Verein (gegründet 1902) feiert.",
            "(",
        ] {
            assert!(!has_minute_mark(unmarked), "{unmarked}");
        }
    }

    #[test]
    fn routine_results_and_schedules_score_low_unless_something_in_them_is_news() {
        let options = ExtractOptions {
            min_score: 0.0,
            ..ExtractOptions::default()
        };
        let score = |text: &str, language: Language| {
            let found = extract_text(text, language, &options);
            assert_eq!(found.len(), 1, "{text}");
            (found[0].score, reasons(&found[0]))
        };
        let routine_items = [
            (
                "Die Londoner gewannen bei West Bromwich Albion mit 3:0 (2:0).",
                Language::German,
            ),
            (
                "Danny Welbeck (60.) traf zum Tor des Tages.",
                Language::German,
            ),
            ("Der Anpfiff erfolgt um 15.05 Uhr.", Language::German),
            (
                "Newcastle setzte sich mit 1:0 (0:0) gegen Crystal Palace durch.",
                Language::German,
            ),
            (
                "Arsenal won 3-0 at West Bromwich Albion on Saturday.",
                Language::English,
            ),
            (
                "Saka (34th minute) and Havertz (71st) scored for the hosts.",
                Language::English,
            ),
            ("Kick-off is at 3 p.m. on Saturday.", Language::English),
        ];
        // Races and tables: below the threshold (a figure and a name still count for them).
        let race_results = [
            (
                "Die Schweizerin fuhr im Riesentorlauf auf Rang drei, 0,45 Sekunden hinter der Siegerin.",
                Language::German,
            ),
            (
                "Der Norweger setzte sich im Slalom 0,28 Sekunden vor seinem Teamkollegen durch.",
                Language::German,
            ),
            (
                "In der Gesamtwertung hat die Kanadierin nun 85 Punkte Vorsprung auf die Zweite.",
                Language::German,
            ),
            (
                "The Austrian finished third in the giant slalom, 0.45 seconds behind the winner.",
                Language::English,
            ),
        ];
        for (text, language, below) in routine_items
            .into_iter()
            .map(|(text, language)| (text, language, 0.2))
            .chain(
                race_results
                    .into_iter()
                    .map(|(text, language)| (text, language, DEFAULT_MIN_SCORE)),
            )
        {
            let (score, reasons) = score(text, language);
            assert!(score < below, "{text}: {score} {reasons:?}");
            let by_meaning = ExtractOptions {
                scorer: Scorer::Meaning,
                ..options.clone()
            };
            let found = extract_text(text, language, &by_meaning);
            assert!(
                found.iter().all(|c| c.score < DEFAULT_MIN_SCORE),
                "by meaning: {text}: {found:?}"
            );
            assert!(
                reasons.iter().any(|r| r.starts_with("routine sport result")
                    || r.starts_with("schedule or broadcast note")),
                "{text}: {reasons:?}"
            );
        }
        for (text, language) in [
            (
                "Der Verein hat Schulden von 30 Millionen Euro und beantragte nach dem 0:3 die Insolvenz.",
                Language::German,
            ),
            (
                "Der Radprofi wurde nach einem positiven Dopingtest für vier Jahre gesperrt.",
                Language::German,
            ),
            (
                "The court ruled 5-4 that the law was unconstitutional.",
                Language::English,
            ),
            (
                "Die Sitzung beginnt um 9.30 Uhr mit einem Bericht über 40 Millionen Euro Schulden.",
                Language::German,
            ),
        ] {
            let (score, reasons) = score(text, language);
            assert!(score > 0.5, "{text}: {score} {reasons:?}");
        }
        // Margins and places outside a race: a poll, a ranking, an election.
        for (text, language) in [
            (
                "Laut der jüngsten Umfrage liegt die Partei mit drei Punkten Vorsprung vorn.",
                Language::German,
            ),
            (
                "Österreich fiel im Bildungsvergleich auf Platz 20 zurück.",
                Language::German,
            ),
            (
                "The Conservatives won 12 seats and came in second place, four points behind.",
                Language::English,
            ),
        ] {
            let (_, reasons) = score(text, language);
            assert!(
                !reasons.iter().any(|r| r.starts_with("routine")),
                "{text}: {reasons:?}"
            );
        }
    }

    #[test]
    fn reading_in_parallel_pieces_gives_exactly_the_claims_of_reading_one_by_one() {
        // Reported speech that continues across line breaks and pieces (the context a piece must take
        // over), a speaker taken up by a pronoun, an anonymous source, headings that reset, long lines.
        let german = "Bürgermeisterin Anna Roth sagte am Montag, die Stadt habe 4,2 Millionen Euro gespart.\n\
            Das Geld werde in neue Schulen fließen.\n\
            Man habe zudem 30 Stellen geschaffen.\n\
            Haushalt 2025\n\
            Der Rat beschloss am Dienstag mit 31 Stimmen den Haushalt.\n\
            Aus Kreisen der Opposition hieß es, die Zahlen seien geschönt.\n\
            Es fehle ein Plan für die Brücke.\n\
            Sie kündigte an, bis Ende 2027 sollten 12 Kitas entstehen.";
        let english = "Mayor Jane Roe said on Monday that the city had saved $4.2 million.\n\
            She added that 30 new jobs were created in March.\n\
            Budget 2025\n\
            The council approved the budget by 31 votes to 9 on Tuesday, officials said.\n\
            \"We will build twelve new schools by 2027,\" she said.";
        let samples = [
            (german.to_owned(), Language::German),
            (english.to_owned(), Language::English),
            (
                include_str!("../../../../assets/samples/de-stadtwerke.txt").to_owned(),
                Language::German,
            ),
            (
                include_str!("../../../../assets/samples/en-harbour.txt").to_owned(),
                Language::English,
            ),
            (german.repeat(40), Language::German),
        ];
        for (text, language) in samples {
            let options = ExtractOptions::default();
            let expected = one_by_one(&text, language, &options);
            assert!(
                expected.len() >= 4,
                "{language:?}: {} claims",
                expected.len()
            );
            for piece_bytes in [1, 7, 60, 200, 1000, PIECE_BYTES] {
                let parallel =
                    extract_in_pieces(&text, language, &options, piece_bytes, &mut |_| {});
                assert_eq!(
                    parallel, expected,
                    "{language:?}, pieces of {piece_bytes} bytes"
                );
            }
        }
    }

    #[test]
    fn pieces_end_at_line_breaks_and_cover_the_text() {
        let text = "eins\nzwei drei\n\nvier\nfünf";
        for piece_bytes in [1, 3, 8, 100] {
            let found = pieces(text, piece_bytes);
            let mut next = 0;
            for piece in &found {
                assert_eq!(piece.start, next);
                assert!(piece.end == text.len() || text.as_bytes()[piece.end] == b'\n');
                next = piece.end + 1;
            }
            assert_eq!(found.last().map(|p| p.end), Some(text.len()));
        }
        assert_eq!(pieces("", 10), [Span { start: 0, end: 0 }]);
    }

    #[test]
    fn spans_equal_text_and_ids_are_sequential() {
        let text = "Der Bundestag hat am Donnerstag das Gesetz mit 380 Stimmen beschlossen.\nWas bedeutet das?\nDie Opposition kündigte eine Klage an, sagte Fraktionschef Max Berger.";
        let found = claims(text, Language::German);
        assert_eq!(found.len(), 2);
        for (index, claim) in found.iter().enumerate() {
            assert_eq!(&text[claim.start..claim.end], claim.text);
            assert_eq!(claim.id, format!("c{}", index + 1));
            assert!((0.0..=1.0).contains(&claim.score));
            assert!(!claim.reasons.is_empty());
        }
    }

    #[test]
    fn bylines_and_credit_lines_are_not_claims() {
        let english = "The Port of Caldwell will cut 400 jobs by March, the port authority said on Tuesday.\n\
            Reporting by Jane Roe; editing by John Smith\n\
            (Reporting by Jane Roe in Caldwell; Editing by Mark Potter)\n\
            Additional reporting by Ann Lee\n";
        let found = extract_text(
            english,
            Language::English,
            &ExtractOptions::with_min_score(0.0),
        );
        assert_eq!(
            found.len(),
            1,
            "{:?}",
            found.iter().map(|c| &c.text).collect::<Vec<_>>()
        );
        let german = "Die Stadt zahlte 2024 rund 3 Millionen Euro, sagte Kämmerer Jan Ohl.\n\
            Mitarbeit: Anna Weber, Jan Ohl\nMit Material von dpa und AFP\nText: Eva Kröger; Redaktion: Paul Ritter\n";
        let found = extract_text(
            german,
            Language::German,
            &ExtractOptions::with_min_score(0.0),
        );
        assert_eq!(
            found.len(),
            1,
            "{:?}",
            found.iter().map(|c| &c.text).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_titled_speaker_before_an_apposition_is_the_speaker() {
        let text = "Dr. Jane Roe, an economist at Northfield University, said unemployment would rise to 6 percent.";
        let found = claims(text, Language::English);
        assert_eq!(found[0].speaker.as_deref(), Some("Dr. Jane Roe"));
        let text = "Prof. Anna Weber, Ökonomin an der Universität Kiel, sagte, die Arbeitslosigkeit steige auf 6 Prozent.";
        let found = claims(text, Language::German);
        assert_eq!(found[0].speaker.as_deref(), Some("Prof. Anna Weber"));
        let text = "Council member Tom Baker, who voted against the plan, said the city \"cannot afford another overrun.\"";
        let found = claims(text, Language::English);
        assert_eq!(
            found[0].speaker.as_deref(),
            Some("Council member Tom Baker")
        );
        // An adverbial before the comma is no speaker.
        let text = "In Berlin, the minister said the budget would grow by 4 percent.";
        let found = claims(text, Language::English);
        assert_eq!(found[0].speaker.as_deref(), Some("the minister"));
    }

    #[test]
    fn scheduled_events_with_a_date_are_claims() {
        for (text, language) in [
            (
                "The bridge is scheduled to open in 2027.",
                Language::English,
            ),
            ("The new law takes effect on July 1.", Language::English),
            (
                "Die Brücke soll bis Ende 2027 fertig sein.",
                Language::German,
            ),
            ("Das Gesetz tritt am 1. Juli in Kraft.", Language::German),
        ] {
            assert_eq!(claims(text, language).len(), 1, "{text}");
        }
    }

    #[test]
    fn questions_boilerplate_and_topic_headings_are_not_claims() {
        let text = "Streik bei der Bahn\nWer trägt die Kosten?\nDiese Nachricht wurde am 22.10.2024 im Programm gesendet.";
        assert!(claims(text, Language::German).is_empty());
    }

    #[test]
    fn konjunktiv_continues_the_previous_speaker() {
        let text = "Der Geheimdienst hatte berichtet, dass 1.500 Soldaten verlegt worden seien. Die Truppen würden mit Waffen versorgt.";
        let found = claims(text, Language::German);
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].speaker.as_deref(), Some("Der Geheimdienst"));
        assert_eq!(found[1].kind, ClaimKind::ReportedStatement);
        assert!(reasons(&found[1]).iter().any(|r| r.contains("Konjunktiv")));
    }

    #[test]
    fn hedges_are_listed_with_spans() {
        let text = "Russland soll angeblich 10.000 Soldaten an die Grenze verlegt haben.";
        let found = claims(text, Language::German);
        assert_eq!(found[0].hedges, ["soll", "angeblich"]);
        for (hedge, span) in found[0].hedges.iter().zip(&found[0].hedge_spans) {
            assert_eq!(&text[span.start..span.end], hedge);
        }
    }

    #[test]
    fn second_hand_hedges_make_a_claim_and_modal_ones_do_not() {
        // A second-hand claim without figures or names: only its hedges make it check-worthy.
        let german = "Die Stadt baut ein neues Hallenbad. Finanziert werden soll es angeblich durch höhere Gewerbesteuern.\nVielleicht wird es morgen wärmer.";
        let found = claims(german, Language::German);
        let hedged = found
            .iter()
            .find(|c| c.text.starts_with("Finanziert"))
            .expect("the second-hand sentence is a claim");
        assert_eq!(hedged.hedges, ["soll", "angeblich"]);
        assert!(
            reasons(hedged)
                .iter()
                .any(|r| r == "second-hand: soll, angeblich +"),
            "{:?}",
            hedged.reasons
        );
        assert!(!found.iter().any(|c| c.text.starts_with("Vielleicht")));
        let english = "The minister allegedly knew about the defects for months.\nMaybe it will rain tomorrow.";
        let found = claims(english, Language::English);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            reasons(&found[0])
                .iter()
                .any(|r| r.starts_with("second-hand: allegedly"))
        );
    }

    #[test]
    fn reasons_name_no_number_placeholder_and_no_slight_counterweight() {
        let text = "„Wir haben 12 Millionen Euro eingeplant“, sagte Bürgermeisterin Anna Roth.";
        let found = claims(text, Language::German);
        assert!(
            reasons(&found[0]).iter().all(|r| !r.contains('#')),
            "{:?}",
            found[0].reasons
        );
        assert!(
            reasons(&found[0]).iter().all(|r| r != "direct quote −"),
            "{:?}",
            found[0].reasons
        );
    }

    #[test]
    fn english_quote_and_statistic() {
        let text = "\"Unemployment fell to 3.9 percent in May,\" Labor Secretary Julie Su said on Friday.\nIt was a great day for everyone!";
        let found = claims(text, Language::English);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, ClaimKind::Quote);
        assert_eq!(
            found[0].speaker.as_deref(),
            Some("Labor Secretary Julie Su")
        );
    }

    #[test]
    fn publication_dates_come_from_publication_notes() {
        let german = "Ein Satz mit 12 Zahlen am 3. Mai 2020.\nDiese Nachricht wurde am 22.10.2024 im Programm Deutschlandfunk gesendet.";
        assert_eq!(
            publication_date(german, Language::German).as_deref(),
            Some("2024-10-22")
        );
        let english = "Prices rose 3% on May 2, 2019.\nThis article was updated on March 3, 2025 to correct a figure.";
        assert_eq!(
            publication_date(english, Language::English).as_deref(),
            Some("2025-03-03")
        );
        assert_eq!(
            publication_date("Kein Hinweis am 3. Mai 2020.", Language::German),
            None
        );
    }

    #[test]
    fn opinions_without_facts_are_not_claims() {
        let text = "I think this is a wonderful idea for all of us.";
        assert!(claims(text, Language::English).is_empty());
    }
}
