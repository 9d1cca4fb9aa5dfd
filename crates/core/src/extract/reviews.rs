//! Building reviews: a new review of an article, a claim the analyst adds by hand, what older reviews lack,
//! and an article's publication date.

use super::{
    Analysis, Article, Candidate, Claim, ClaimKind, Context, ExtractOptions, FoundReason, Language,
    Lexicon, MAX_CLAIM_BYTES, Model, Origin, Reason, Scorer, Span, analyze, attribution,
    extract_with_progress, judge, segment,
};

/// A claim from a judged segment; without an analysis (too long to describe) it has no speaker or hedges.
pub(super) fn claim_of(
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
            let words: Vec<&str> = analysis.words.iter().map(|w| w.lower.as_ref()).collect();
            crate::text::figures::date_in_words(&words)
        })
}

/// The longest text read as a post: a social-media post with its signature, a headline, a caption.
const MAX_POST_BYTES: usize = 600;

/// The post a text is, when it is one: one short line (a social-media post, a headline, a caption),
/// without what was pasted with it — the "— Name (@handle) January 8, 2020" signature and links at its
/// end (`https://…`, `pic.twitter.com/…`, also glued to a hashtag).
#[must_use]
pub fn post_span(text: &str) -> Option<Span> {
    let start = text.len() - text.trim_start().len();
    let mut end = text.trim_end().len();
    // One line: where lines are the paragraphs of an article, a heading over a question is no post.
    if start >= end || text[start..end].contains('\n') || end - start > MAX_POST_BYTES {
        return None;
    }
    // The signature: a dash, a name and a handle in brackets near the end.
    if let Some(handle) = text[start..end].rfind("(@") {
        let before = &text[start..start + handle];
        if let Some(dash) = before.rfind(['—', '–']).filter(|&d| handle - d < 80) {
            end = start + dash;
        }
    }
    loop {
        let body = text[start..end].trim_end();
        end = start + body.len();
        let last = body.rsplit(char::is_whitespace).next().unwrap_or_default();
        let cut = if let Some(at) = last.find("pic.twitter.com") {
            Some(at)
        } else if last.starts_with("http://") || last.starts_with("https://") {
            Some(0)
        } else {
            last.find("https://").or_else(|| last.find("http://"))
        };
        match cut {
            Some(at) if end - last.len() + at > start => end = end - last.len() + at,
            _ => break,
        }
    }
    let body = text[start..end].trim_end();
    (!body.trim().is_empty()).then(|| Span {
        start,
        end: start + body.len(),
    })
}

/// A post read as one claim candidate, whatever its case, punctuation or @mentions: a headline of four
/// words, a question that carries a claim ("Actress dead?", kind [`ClaimKind::Question`]), a shout. `None`
/// when the text is no post or not even then a candidate (fewer than two words).
#[must_use]
pub fn post_claim(text: &str, language: Language, options: &ExtractOptions) -> Option<Claim> {
    let span = post_span(text)?;
    let lexicon = Lexicon::for_language(language);
    let analysis = analyze(text, span, lexicon);
    let mut context = Context::default();
    context.whole_post = true;
    let candidate = judge(&analysis, &mut context, lexicon, options.model(), 0.0)?;
    Some(claim_of(
        language,
        "c1".to_owned(),
        Some(&analysis),
        analysis.text,
        candidate,
        Origin::Extracted,
    ))
}
