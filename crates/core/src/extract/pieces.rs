//! Extraction over all cores: the text cut into pieces at paragraph breaks, each read on its own, and the
//! pieces joined so that the claims are exactly those of reading one sentence after another.

use super::{
    Claim, Context, ExtractOptions, Language, Lexicon, MAX_CLAIM_BYTES, Model, Origin, Span,
    analyze, claim_of, judge, segment,
};

/// Bytes of text per unit of parallel work: large enough that handing work to a thread costs nothing next
/// to it, small enough that a long article keeps every core busy and progress moves. Articles shorter
/// than this are read on the calling thread.
pub(super) const PIECE_BYTES: usize = 16 * 1024;

/// Extraction over all cores, with exactly the result of reading the article sentence by sentence.
///
/// The text is cut at line breaks into pieces of about `piece_bytes` (sentences never cross a line break),
/// and each piece is segmented and judged in parallel from a fresh [`Context`]. Where the context that the
/// text before a piece really leaves differs from a fresh one (a speaker whose reported speech continues),
/// that piece's first sentences are judged again with it, until both readings reach the same context: from
/// there on they cannot differ.
pub(super) fn extract_in_pieces(
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
pub(super) fn pieces(text: &str, piece_bytes: usize) -> Vec<Span> {
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
pub(super) struct PieceRun {
    spans: Vec<Span>,
    pub(super) claims: Vec<Claim>,
    /// The sentence index of each claim, ascending.
    claim_sentences: Vec<usize>,
    contexts: Vec<Context>,
}

/// Everything judging a sentence needs besides the context.
pub(super) struct Judge<'a> {
    text: &'a str,
    language: Language,
    pub(super) lexicon: &'a Lexicon,
    model: &'a Model,
    min_score: f64,
}

impl<'a> Judge<'a> {
    pub(super) fn new(text: &'a str, language: Language, options: &'a ExtractOptions) -> Self {
        Self {
            text,
            language,
            lexicon: Lexicon::for_language(language),
            model: options.model(),
            min_score: options.min_score,
        }
    }

    /// Reads `spans` in order from `context`.
    pub(super) fn run(&self, spans: Vec<Span>, mut context: Context) -> PieceRun {
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
