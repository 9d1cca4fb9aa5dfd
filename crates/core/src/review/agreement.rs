//! Inter-rater agreement of independent reviews of one article: Cohen's kappa for two reviewers, Fleiss'
//! kappa for more, over the claims every review has judged (a claim nobody looked at is no agreement), or
//! over all shared claims with "pending" as a category of its own when asked; agreement per verdict; and
//! Krippendorff's alpha, which takes a pending verdict as a missing judgement.

use serde::Serialize;

use super::Review;
use super::merge::MergeError;

/// The categories a claim can be given.
pub const CATEGORIES: [&str; 4] = ["confirmed", "denied", "unverified", "pending"];

/// The index of "pending" in [`CATEGORIES`].
const PENDING: usize = 3;

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

/// How far the reviewers agree on one verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VerdictAgreement {
    /// `confirmed`, `denied`, `unverified` or `pending`.
    pub verdict: &'static str,
    /// Times it was given, over all reviewers and counted claims.
    pub given: usize,
    /// Specific agreement on it, 0 to 1; `None` when it was never given.
    pub agreement: Option<f64>,
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
    /// Claims the kappa is computed over: present in every review and, unless pending verdicts are
    /// included, judged in every review.
    pub claims: usize,
    /// Claims present in every review but left out because some reviewer left them pending (0 when
    /// pending verdicts are included).
    pub left_out_pending: usize,
    /// Whether "pending" counted as a verdict.
    pub include_pending: bool,
    /// Per verdict, how often two reviewers who could have agreed on it did (specific agreement:
    /// for two reviewers 2·both / (first's + second's)); `None` for a verdict nobody gave.
    pub per_verdict: Vec<VerdictAgreement>,
    /// Krippendorff's alpha (nominal) over all shared claims, a pending verdict a missing judgement;
    /// `None` when fewer than two judgements of any claim exist.
    pub krippendorff_alpha: Option<f64>,
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
pub fn agreement(
    reviews: &[(String, Review)],
    include_pending: bool,
) -> Result<Agreement, MergeError> {
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
    let krippendorff_alpha = krippendorff_alpha(&rows, PENDING);
    let shared = rows.len();
    if !include_pending {
        rows.retain(|(_, _, v)| !v.contains(&PENDING));
    }
    let left_out_pending = shared - rows.len();
    let per_verdict = per_verdict(&rows, reviews.len());
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
            left_out_pending,
            include_pending,
            per_verdict,
            krippendorff_alpha,
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
            left_out_pending,
            include_pending,
            per_verdict,
            krippendorff_alpha,
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
        left_out_pending,
        include_pending,
        per_verdict,
        krippendorff_alpha,
        observed,
        expected,
        categories: CATEGORIES,
        confusion: None,
        disagreements,
    })
}

/// Specific agreement per category: of the rater pairs where one gave it, the share where the other did too
/// (Σ n_k(n_k − 1) / Σ n_k(m − 1) over claims, m raters).
#[expect(clippy::cast_precision_loss, reason = "counts far below 2^52")]
fn per_verdict(rows: &[(String, String, Vec<usize>)], raters: usize) -> Vec<VerdictAgreement> {
    CATEGORIES
        .iter()
        .enumerate()
        .map(|(category, &verdict)| {
            let (mut agreeing, mut possible, mut given) = (0usize, 0usize, 0usize);
            for (_, _, verdicts) in rows {
                let count = verdicts.iter().filter(|&&c| c == category).count();
                given += count;
                agreeing += count * count.saturating_sub(1);
                possible += count * raters.saturating_sub(1);
            }
            VerdictAgreement {
                verdict,
                given,
                agreement: (possible > 0).then(|| agreeing as f64 / possible as f64),
            }
        })
        .collect()
}

/// Krippendorff's alpha for nominal data: claims are units, `missing` marks a judgement not given. Units
/// with fewer than two judgements cannot be paired and count for nothing.
#[expect(clippy::cast_precision_loss, reason = "counts far below 2^52")]
fn krippendorff_alpha(rows: &[(String, String, Vec<usize>)], missing: usize) -> Option<f64> {
    let categories = CATEGORIES.len();
    // The coincidence matrix: each ordered pair of judgements within a unit, weighted 1 / (m_u − 1).
    let mut coincidences = vec![vec![0.0f64; categories]; categories];
    for (_, _, verdicts) in rows {
        let judged: Vec<usize> = verdicts.iter().copied().filter(|&c| c != missing).collect();
        let m = judged.len();
        if m < 2 {
            continue;
        }
        for (i, &a) in judged.iter().enumerate() {
            for (j, &b) in judged.iter().enumerate() {
                if i != j {
                    coincidences[a][b] += 1.0 / (m - 1) as f64;
                }
            }
        }
    }
    let marginals: Vec<f64> = coincidences.iter().map(|row| row.iter().sum()).collect();
    let total: f64 = marginals.iter().sum();
    if total < 2.0 {
        return None;
    }
    let disagreeing: f64 = (0..categories)
        .flat_map(|c| (0..categories).map(move |k| (c, k)))
        .filter(|(c, k)| c != k)
        .map(|(c, k)| coincidences[c][k])
        .sum();
    let expected: f64 = (0..categories)
        .flat_map(|c| (0..categories).map(move |k| (c, k)))
        .filter(|(c, k)| c != k)
        .map(|(c, k)| marginals[c] * marginals[k])
        .sum();
    if expected <= 0.0 {
        // One verdict throughout: nothing was left to chance.
        return Some(if disagreeing <= 0.0 { 1.0 } else { 0.0 });
    }
    Some(1.0 - (total - 1.0) * disagreeing / expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(table: &[&[usize]]) -> Vec<(String, String, Vec<usize>)> {
        table
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("c{i}"), String::new(), v.to_vec()))
            .collect()
    }

    #[test]
    fn alpha_matches_krippendorffs_worked_example() {
        // Krippendorff's binary example ("Computing Krippendorff's Alpha-Reliability", 2011): two observers,
        // ten units. Coincidences o00 = 10, o01 = o10 = 4, o11 = 2; n0 = 14, n1 = 6, n = 20;
        // alpha = 1 − (n − 1)(o01 + o10) / (2 n0 n1) = 1 − 19 · 8 / 168 = 2/21 ≈ 0.095, as published.
        let a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
        let b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
        let table: Vec<Vec<usize>> = a.iter().zip(b).map(|(&x, y)| vec![x, y]).collect();
        let refs: Vec<&[usize]> = table.iter().map(Vec::as_slice).collect();
        let alpha = krippendorff_alpha(&rows(&refs), 3).unwrap();
        assert!((alpha - 2.0 / 21.0).abs() < 1e-12, "{alpha}");
    }

    #[test]
    fn alpha_skips_missing_judgements_and_lone_units() {
        // Third rater missing on two units; a unit judged once adds nothing.
        let alpha = krippendorff_alpha(&rows(&[&[0, 0, 3], &[1, 1, 1], &[0, 3, 3], &[2, 2, 3]]), 3);
        assert_eq!(alpha, Some(1.0));
        assert_eq!(krippendorff_alpha(&rows(&[&[0, 3], &[3, 1]]), 3), None);
    }

    #[test]
    fn per_verdict_agreement_is_specific_agreement() {
        // Two raters: confirmed/confirmed twice, confirmed/denied once → confirmed 2·2 / (3 + 2) = 0.8,
        // denied 0 / 1 = 0.
        let found = per_verdict(&rows(&[&[0, 0], &[0, 0], &[0, 1]]), 2);
        assert_eq!(found[0].agreement, Some(0.8));
        assert_eq!(found[1].agreement, Some(0.0));
        assert_eq!(found[2].agreement, None);
        assert_eq!(found[0].given, 5);
    }
}
