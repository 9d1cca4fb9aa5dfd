//! Re-anchoring a review onto a changed article (a corrected online story, an edited draft): every claim is
//! looked up by its text in the new version; claims that cannot be placed are kept as orphaned, never dropped.

use super::{Claim, Review};
use crate::article::Article;
use crate::article::Span;
use std::fmt::Write as _;

/// What happened to the claims.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnchorReport {
    /// Claims whose text stands where it stood.
    pub unchanged: usize,
    /// Claims found elsewhere in the new text.
    pub moved: usize,
    /// Claims whose text is not in the new version (ids).
    pub orphaned: Vec<String>,
}

impl AnchorReport {
    /// A sentence for the user.
    #[must_use]
    pub fn summary(&self) -> String {
        let mut text = format!(
            "The article changed since this review: {} claims unchanged, {} re-anchored",
            self.unchanged, self.moved
        );
        if self.orphaned.is_empty() {
            text.push('.');
        } else {
            let _ = write!(
                text,
                ", {} no longer in the text (kept as orphaned: {}).",
                self.orphaned.len(),
                self.orphaned.join(", ")
            );
        }
        text
    }
}

/// The occurrence of `needle` in `haystack` closest to `near`.
fn nearest(haystack: &str, needle: &str, near: usize) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    haystack
        .match_indices(needle)
        .map(|(index, _)| index)
        .min_by_key(|&index| index.abs_diff(near))
}

/// `span` moved along with the claim text that contains it, from `from` to `to`. `None` when the span is
/// not inside `claim` (a hand-edited file may have hedges elsewhere): it cannot move with the claim.
///
/// The result lies on char boundaries of the new text: the claim text is the same string at both places,
/// so an offset that was a boundary inside it stays one.
fn shift_with_claim(span: Span, claim: Span, to: usize) -> Option<Span> {
    if span.start < claim.start || span.end > claim.end || span.start > span.end {
        return None;
    }
    Some(Span {
        start: span.start - claim.start + to,
        end: span.end - claim.start + to,
    })
}

/// Moves `review` onto `article`: claims keep their verdicts, notes and evidence; spans follow the text.
#[must_use]
pub fn reanchor(mut review: Review, article: Article) -> (Review, AnchorReport) {
    let mut report = AnchorReport::default();
    let old_text = std::mem::take(&mut review.article.text);
    let new_text = &article.text;
    let scale = |offset: usize| {
        // Where the old offset would be if the text grew or shrank evenly.
        #[expect(clippy::cast_precision_loss, reason = "an approximate position")]
        let ratio = new_text.len() as f64 / old_text.len().max(1) as f64;
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss,
            reason = "a search hint"
        )]
        let scaled = (offset as f64 * ratio) as usize;
        scaled
    };
    let mut placed: Vec<Claim> = Vec::with_capacity(review.claims.len());
    for mut claim in std::mem::take(&mut review.claims) {
        let old = Span {
            start: claim.start,
            end: claim.end,
        };
        if new_text.get(claim.start..claim.end) == Some(claim.text.as_str()) {
            report.unchanged += 1;
        } else if let Some(start) = nearest(new_text, &claim.text, scale(claim.start)) {
            claim.start = start;
            claim.end = start + claim.text.len();
            report.moved += 1;
        } else {
            report.orphaned.push(claim.id.clone());
            review.orphaned.push(claim);
            continue;
        }
        // Spans inside the claim move with it; any other (a hand-edited file) is looked up by its words.
        let relocate = |span: Span| -> Option<Span> {
            shift_with_claim(span, old, claim.start).or_else(|| {
                let words = old_text.get(span.start..span.end)?;
                nearest(new_text, words, scale(span.start)).map(|s| Span {
                    start: s,
                    end: s + words.len(),
                })
            })
        };
        let hedges: Vec<(String, Span)> = claim
            .hedges
            .iter()
            .cloned()
            .zip(claim.hedge_spans.iter().copied())
            .filter_map(|(hedge, span)| Some((hedge, relocate(span)?)))
            .collect();
        if claim.hedges.len() == claim.hedge_spans.len() {
            (claim.hedges, claim.hedge_spans) = hedges.into_iter().unzip();
        } else {
            claim.hedge_spans = claim
                .hedge_spans
                .iter()
                .filter_map(|s| relocate(*s))
                .collect();
        }
        claim.speaker_span = claim.speaker_span.and_then(relocate);
        placed.push(claim);
    }
    placed.sort_by_key(|c| (c.start, c.end));
    review.claims = placed;
    review.article = article;
    (review, report)
}

/// Where a review's article file is: relative to the review's folder first (a desk's reviews name their
/// article by its file name, and a file of that name in the current folder is another article), else its
/// `source` as written.
#[must_use]
pub fn article_file(review: &Review, review_path: &std::path::Path) -> Option<std::path::PathBuf> {
    let source = std::path::Path::new(&review.article.source);
    if review.article.source == "-" || crate::web_url::is_web_url(&review.article.source) {
        return None;
    }
    let beside = review_path.parent().map(|dir| dir.join(source));
    [beside, Some(source.to_owned())]
        .into_iter()
        .flatten()
        .find(|candidate| candidate.is_file())
}

/// When the review's article file still exists and its text differs from the text in the review, moves the
/// review onto the current text. `None` when nothing changed or the file is gone or unreadable.
#[must_use]
pub fn follow_source(
    review: Review,
    review_path: &std::path::Path,
) -> (Review, Option<AnchorReport>) {
    let Some(path) = article_file(&review, review_path) else {
        return (review, None);
    };
    let options = crate::article::LoadOptions {
        language: Some(review.article.language),
    };
    match crate::article::load_path(&path, options) {
        Ok(loaded) if loaded.article.sha256 != review.article.sha256 => {
            let mut article = loaded.article;
            article.source.clone_from(&review.article.source);
            let (review, report) = reanchor(review, article);
            (review, Some(report))
        }
        _ => (review, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{LoadOptions, load_bytes};
    use crate::extract::{ExtractOptions, extract};
    use crate::review::{Verdict, store};

    fn article(text: &str) -> Article {
        load_bytes(text.as_bytes(), "story.txt", None, LoadOptions::default())
            .unwrap()
            .article
    }

    #[test]
    fn claims_follow_their_text_and_missing_ones_are_kept() {
        let old = article(
            "Die Stadt nahm 2024 rund 3,2 Millionen Euro ein, sagte Kämmerer Jan Ohl.\nDer Rat stimmte am 4. März mit 31 zu 5 Stimmen zu.\nDie Polizei nahm 40 Personen fest.\n",
        );
        let mut claims = extract(&old, &ExtractOptions::default());
        assert_eq!(claims.len(), 3);
        for claim in &mut claims {
            claim.verdict = Some(Verdict::Confirmed);
            claim.note = format!("note for {}", claim.id);
        }
        let review = Review::new(old, claims);
        let corrected = article(
            "Korrektur: Zahlen aktualisiert.\nDie Stadt nahm 2024 rund 3,2 Millionen Euro ein, sagte Kämmerer Jan Ohl.\nDer Rat stimmte am 5. März mit 31 zu 5 Stimmen zu.\nDie Polizei nahm 40 Personen fest.\n",
        );
        let (moved, report) = reanchor(review, corrected);
        assert_eq!(report.unchanged, 0);
        assert_eq!(report.moved, 2);
        assert_eq!(report.orphaned, ["c2"]);
        assert_eq!(moved.claims.len(), 2);
        assert_eq!(moved.orphaned.len(), 1);
        assert_eq!(moved.orphaned[0].note, "note for c2");
        for claim in &moved.claims {
            assert_eq!(&moved.article.text[claim.start..claim.end], claim.text);
            let speaker = claim
                .speaker_span
                .map(|s| &moved.article.text[s.start..s.end]);
            assert_eq!(speaker, claim.speaker.as_deref());
            assert_eq!(claim.verdict, Some(Verdict::Confirmed));
        }
        store::validate(&moved).unwrap();
        assert!(report.summary().contains("orphaned: c2"));
    }
}
