//! Centering: each language's mean vector taken out before vectors of different languages are compared.
//!
//! The multilingual encoder puts every German text a little nearer every German text, and English nearer
//! English, so an English query ("swimming pool closure") lies nearer an unrelated English claim than the
//! German claim it means ("Das Hallenbad bleibt geschlossen"). Subtracting the mean of the text's language
//! (as a query or as a passage) and normalizing again removes most of that pull. The means are data:
//! `assets/encoder/centering.json`, computed from claimdesk's own sentences by
//! `scripts/encoder/centering.py`.

use std::sync::LazyLock;

use super::{DIMENSIONS, Kind};

/// The mean vectors of German and English as queries and as passages.
struct Means {
    de_query: Vec<f32>,
    en_query: Vec<f32>,
    de_passage: Vec<f32>,
    en_passage: Vec<f32>,
}

#[derive(serde::Deserialize)]
struct File {
    de_query: Vec<f32>,
    en_query: Vec<f32>,
    de_passage: Vec<f32>,
    en_passage: Vec<f32>,
}

fn means() -> Option<&'static Means> {
    static MEANS: LazyLock<Option<Means>> = LazyLock::new(|| {
        let file: File =
            serde_json::from_str(include_str!("../../../../assets/encoder/centering.json")).ok()?;
        let means = Means {
            de_query: file.de_query,
            en_query: file.en_query,
            de_passage: file.de_passage,
            en_passage: file.en_passage,
        };
        [
            &means.de_query,
            &means.en_query,
            &means.de_passage,
            &means.en_passage,
        ]
        .iter()
        .all(|m| m.len() == DIMENSIONS)
        .then_some(means)
    });
    MEANS.as_ref()
}

/// The language a text is centered as: its two-letter code, German or English; anything else is
/// centered halfway between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// German.
    German,
    /// English.
    English,
    /// Neither or unknown: the mean of both.
    Other,
}

/// `vector` (of a text of `language`, embedded as `kind`) with its language's mean taken out, of length 1.
/// Unchanged when the means are not there.
#[must_use]
pub fn centered(vector: &[f32], kind: Kind, language: Side) -> Vec<f32> {
    let Some(means) = means() else {
        return vector.to_vec();
    };
    let (de, en) = match kind {
        Kind::Query => (&means.de_query, &means.en_query),
        Kind::Passage => (&means.de_passage, &means.en_passage),
    };
    let mut out: Vec<f32> = vector
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let mean = match language {
                Side::German => de[i],
                Side::English => en[i],
                Side::Other => f32::midpoint(de[i], en[i]),
            };
            x - mean
        })
        .collect();
    let norm = out.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > f32::EPSILON {
        for x in &mut out {
            *x /= norm;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_means_are_there_and_centered_vectors_have_length_one() {
        assert!(means().is_some(), "assets/encoder/centering.json is read");
        let vector: Vec<f32> = (0..u16::try_from(DIMENSIONS).unwrap())
            .map(|i| f32::from(i).sin())
            .collect();
        let centered = centered(&vector, Kind::Query, Side::German);
        let norm: f32 = centered.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4);
    }
}
