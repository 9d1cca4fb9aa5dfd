//! Sentence vectors for claimdesk: the `claimdesk-encoder` crate (multilingual-e5-small, 4-bit weights,
//! in-process, offline; text in, vectors out) with what claimdesk adds — where the model file is found, one
//! shared instance per process, and its errors in words. It knows nothing of claims: the memory uses it
//! for matching, extraction for scoring.

pub mod centering;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub use claimdesk_encoder::{
    DIMENSIONS, Encoder, EncoderError, Kind, MODEL_FILE, MODEL_SHA256, Vector, WordStates, cosine,
};

use crate::i18n::{InWords, Messages, value};

impl InWords for EncoderError {
    fn in_words(&self, m: &Messages) -> String {
        match self {
            Self::NotFound { looked } => m.format(
                "error-encoder-not-found",
                &[
                    ("file", MODEL_FILE.into()),
                    (
                        "looked",
                        looked
                            .iter()
                            .map(|p| p.display().to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                            .into(),
                    ),
                ],
            ),
            Self::Read { path, source } => m.format(
                "error-encoder-read",
                &[
                    ("path", value::path(path)),
                    ("reason", value::io_reason(source, m)),
                ],
            ),
            Self::Checksum { path, found } => m.format(
                "error-encoder-checksum",
                &[
                    ("path", value::path(path)),
                    ("found", value::text(found)),
                    ("expected", MODEL_SHA256.into()),
                ],
            ),
            Self::Damaged(reason) => {
                m.format("error-encoder-damaged", &[("reason", value::text(reason))])
            }
        }
    }
}

/// Where the model file is looked for, in order: `CLAIMDESK_ENCODER_MODEL` (alone, when set); beside the
/// program (`share/claimdesk/encoder/` of an installed claimdesk: `/usr/share/…` for the .deb); the user's
/// data folder (`~/.local/share/claimdesk/encoder/`); the source tree claimdesk was built from.
#[must_use]
pub fn model_locations() -> Vec<PathBuf> {
    if let Some(path) = std::env::var_os("CLAIMDESK_ENCODER_MODEL") {
        return vec![PathBuf::from(path)];
    }
    let mut places = Vec::new();
    if let Some(folder) = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_owned))
    {
        places.push(folder.join("../share/claimdesk/encoder").join(MODEL_FILE));
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/share")));
    if let Some(data) = data {
        places.push(data.join("claimdesk/encoder").join(MODEL_FILE));
    }
    places.push(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
            .join("assets/encoder")
            .join(MODEL_FILE),
    );
    places
}

/// Loads the model from the first of [`model_locations`] that exists.
///
/// # Errors
/// [`EncoderError`] when it is missing, unreadable or damaged.
pub fn load() -> Result<Encoder, EncoderError> {
    let looked = model_locations();
    let path = looked
        .iter()
        .find(|path| path.exists())
        .cloned()
        .ok_or(EncoderError::NotFound { looked })?;
    if path.is_dir() {
        // Not "not found": the name is there, as a folder (CLAIMDESK_ENCODER_MODEL set to one).
        return Err(EncoderError::Read {
            path,
            source: std::io::Error::new(
                std::io::ErrorKind::IsADirectory,
                "it is a folder, not the model file",
            ),
        });
    }
    Encoder::from_file(&path)
}

/// The encoder of this process, loaded once on first use; when it cannot be loaded, its error is kept and
/// told once by whoever asks first, and everything that uses it works with words only.
///
/// # Errors
/// The [`EncoderError`] of the first attempt.
pub fn shared() -> Result<&'static Encoder, &'static EncoderError> {
    static SHARED: OnceLock<Result<Encoder, EncoderError>> = OnceLock::new();
    SHARED.get_or_init(load).as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_states_come_from_the_same_run_as_the_vector() {
        let encoder = shared().expect("the model ships in assets/encoder");
        let texts = [
            "„Wir bedauern das sehr“, sagte Bahn-Vorständin Eva Kröger am Montag in Berlin.",
            "The Port of Caldwell will cut 400 jobs by March, the port authority said.",
            "Ein Satz  mit   doppelten Leerzeichen und Zahlen wie 12,4 Mio. Euro (2024).",
        ];
        let words = encoder.embed_words(&texts, Kind::Query);
        let vectors = encoder.embed_batch(&texts, Kind::Query);
        for ((text, words), vector) in texts.iter().zip(&words).zip(&vectors) {
            // Pieces never cross a space: the chunks give the same pieces, so the same vector.
            assert!(cosine(&words.vector, vector) > 0.9999, "{text}");
            assert_eq!(
                words.chunks.len(),
                text.split_whitespace().count(),
                "{text}"
            );
            assert_eq!(words.states.len(), words.chunks.len());
            let (start, end) = words.chunks[0];
            assert_eq!(&text[start..end], text.split_whitespace().next().unwrap());
        }
        let parallel = encoder.embed_words_parallel(&texts, Kind::Query, 2);
        assert_eq!(parallel, words);
    }

    #[test]
    fn restatements_are_closer_than_unrelated_claims_in_and_across_languages() {
        let encoder = shared().expect("the model ships in assets/encoder");
        assert_eq!(encoder.vocabulary(), 126_489);
        let texts = [
            "Die Fahrpreise im Münchner Nahverkehr steigen im Januar um 7 Prozent.",
            "Tickets im Münchner Nahverkehr werden im Januar um 7 Prozent teurer.",
            "Fares on Munich's public transport will rise by 7 percent in January.",
            "Der FC Bayern gewann das Spiel gegen Dortmund mit 3:1.",
        ];
        let vectors = encoder.embed_batch(&texts, Kind::Query);
        assert_eq!(vectors.len(), 4);
        assert!(vectors.iter().all(|v| v.len() == DIMENSIONS));
        let norm: f32 = vectors[0].iter().map(|x| x * x).sum();
        assert!((norm - 1.0).abs() < 1e-4);
        let same = cosine(&vectors[0], &vectors[1]);
        let across = cosine(&vectors[0], &vectors[2]);
        let unrelated = cosine(&vectors[0], &vectors[3]);
        assert!(same > unrelated + 0.05, "{same} vs {unrelated}");
        assert!(across > unrelated + 0.05, "{across} vs {unrelated}");
        // One at a time or in parallel, the same vectors.
        let single = encoder.embed(texts[2], Kind::Query);
        let parallel = encoder.embed_parallel(&texts, Kind::Query, 2);
        assert!(cosine(&single, &vectors[2]) > 0.9999);
        assert!(cosine(&parallel[3], &vectors[3]) > 0.9999);
    }

    #[test]
    fn a_damaged_or_missing_model_is_refused_in_words() {
        let dir = tempfile::tempdir().unwrap();
        let damaged = dir.path().join(MODEL_FILE);
        std::fs::write(&damaged, b"CLAIMDESK-ENCODER\nnot really").unwrap();
        let error = Encoder::from_file(&damaged).unwrap_err();
        assert!(matches!(error, EncoderError::Checksum { .. }), "{error}");
        let german = error.in_words(crate::i18n::Locale::German.messages());
        assert!(
            german.contains("beschädigt") && german.contains(MODEL_FILE),
            "{german}"
        );
        assert!(matches!(
            Encoder::from_bytes(b"CLAIMDESK-ENCODER\nnot really"),
            Err(EncoderError::Damaged(_))
        ));
        let missing = Encoder::from_file(&dir.path().join("gone.cdenc")).unwrap_err();
        assert!(matches!(missing, EncoderError::Read { .. }));
    }
}
