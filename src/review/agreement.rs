//! Inter-rater agreement of independent reviews of one article: Cohen's kappa for two reviewers, Fleiss'
//! kappa for more, over the claims all reviews share, with "pending" as a category of its own.

use serde::Serialize;

use super::Review;
use super::merge::MergeError;

/// The categories a claim can be given.
pub const CATEGORIES: [&str; 4] = ["confirmed", "denied", "unverified", "pending"];

/// A claim the reviewers judged differently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    /// The claim's id in the first review.
    pub claim_id: String,
    /// The claim.
    pub text: String,
    /// Each reviewer's verdict, in reviewer order.
    pub verdicts: Vec<&'static str>,
}

/// The agreement of two or more reviews.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    /// Cohen's (two reviewers) or Fleiss' (more) kappa; 1 when all agree on everything.
    pub kappa: f64,
    /// `cohen` or `fleiss`.
    pub method: &'static str,
    /// The reviewers, in the order given.
    pub reviewers: Vec<String>,
    /// Claims present in every review.
    pub claims: usize,
    /// Share of claims (Cohen) or rater pairs (Fleiss) that agree.
    pub observed: f64,
    /// Agreement expected by chance.
    pub expected: f64,
    /// The category names of the confusion table's rows and columns.
    pub categories: [&'static str; 4],
    /// For two reviewers: rows the first reviewer's verdict, columns the second's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confusion: Option<[[usize; 4]; 4]>,
    /// Claims judged differently.
    pub disagreements: Vec<Disagreement>,
}

fn category(verdict: Option<super::Verdict>) -> usize {
    match verdict {
        Some(super::Verdict::Confirmed) => 0,
        Some(super::Verdict::Denied) => 1,
        Some(super::Verdict::Unverified) => 2,
        None => 3,
    }
}

fn kappa_of(observed: f64, expected: f64) -> f64 {
    if (1.0 - expected).abs() < 1e-12 {
        // Everyone used one category throughout: perfect agreement, nothing left to chance.
        if (observed - 1.0).abs() < 1e-12 {
            1.0
        } else {
            0.0
        }
    } else {
        (observed - expected) / (1.0 - expected)
    }
}

/// Compares `reviews` (name, review) of the same article.
///
/// # Errors
/// [`MergeError::DifferentArticles`] when they review different texts.
#[expect(clippy::cast_precision_loss, reason = "counts far below 2^52")]
pub fn agreement(reviews: &[(String, Review)]) -> Result<Agreement, MergeError> {
    let Some((_, first)) = reviews.first() else {
        return Err(MergeError::DifferentArticles {
            which: "no review",
            found: String::new(),
            expected: String::new(),
        });
    };
    for (_, review) in &reviews[1..] {
        if review.article.sha256 != first.article.sha256 {
            return Err(MergeError::DifferentArticles {
                which: "one of the reviews",
                found: review.article.sha256.clone(),
                expected: first.article.sha256.clone(),
            });
        }
    }
    // Claims every review has, matched by span and text; rows of categories per claim.
    let mut rows: Vec<(String, String, Vec<usize>)> = Vec::new();
    for claim in &first.claims {
        let verdicts: Option<Vec<usize>> = reviews
            .iter()
            .map(|(_, review)| {
                review
                    .claims
                    .iter()
                    .find(|c| c.start == claim.start && c.end == claim.end && c.text == claim.text)
                    .map(|c| category(c.verdict))
            })
            .collect();
        if let Some(verdicts) = verdicts {
            rows.push((claim.id.clone(), claim.text.clone(), verdicts));
        }
    }
    let raters = reviews.len();
    let n = rows.len();
    let disagreements = rows
        .iter()
        .filter(|(_, _, v)| v.iter().any(|&c| c != v[0]))
        .map(|(id, text, v)| Disagreement {
            claim_id: id.clone(),
            text: text.clone(),
            verdicts: v.iter().map(|&c| CATEGORIES[c]).collect(),
        })
        .collect();
    let reviewers = reviews.iter().map(|(name, _)| name.clone()).collect();
    if n == 0 {
        return Ok(Agreement {
            kappa: 1.0,
            method: if raters == 2 { "cohen" } else { "fleiss" },
            reviewers,
            claims: 0,
            observed: 1.0,
            expected: 1.0,
            categories: CATEGORIES,
            confusion: None,
            disagreements,
        });
    }
    if raters == 2 {
        let mut confusion = [[0usize; 4]; 4];
        for (_, _, v) in &rows {
            confusion[v[0]][v[1]] += 1;
        }
        let observed = (0..4).map(|k| confusion[k][k]).sum::<usize>() as f64 / n as f64;
        let expected = (0..4)
            .map(|k| {
                let row: usize = confusion[k].iter().sum();
                let column: usize = (0..4).map(|r| confusion[r][k]).sum();
                (row as f64 / n as f64) * (column as f64 / n as f64)
            })
            .sum::<f64>();
        return Ok(Agreement {
            kappa: kappa_of(observed, expected),
            method: "cohen",
            reviewers,
            claims: n,
            observed,
            expected,
            categories: CATEGORIES,
            confusion: Some(confusion),
            disagreements,
        });
    }
    // Fleiss: per claim, how many raters chose each category.
    let m = raters as f64;
    let mut totals = [0usize; 4];
    let mut observed_sum = 0.0;
    for (_, _, v) in &rows {
        let mut counts = [0usize; 4];
        for &c in v {
            counts[c] += 1;
            totals[c] += 1;
        }
        let pairs: f64 = counts.iter().map(|&c| (c * c) as f64).sum::<f64>() - m;
        observed_sum += pairs / (m * (m - 1.0));
    }
    let observed = observed_sum / n as f64;
    let expected = totals
        .iter()
        .map(|&t| {
            let p = t as f64 / (n as f64 * m);
            p * p
        })
        .sum::<f64>();
    Ok(Agreement {
        kappa: kappa_of(observed, expected),
        method: "fleiss",
        reviewers,
        claims: n,
        observed,
        expected,
        categories: CATEGORIES,
        confusion: None,
        disagreements,
    })
}
