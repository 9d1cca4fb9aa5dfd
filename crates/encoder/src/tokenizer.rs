//! The model's SentencePiece unigram tokenizer: the text normalized character by character (the model's own
//! map, NFKC-like), spaces collapsed and written as `▁`, then cut into the pieces whose scores sum highest
//! (Viterbi over character boundaries); a character no piece covers becomes `<unk>`.

use foldhash::{HashMap, HashMapExt};

/// SentencePiece's word-boundary mark.
const METASPACE: char = '\u{2581}';

/// The vocabulary and the normalization of one model.
pub struct Tokenizer {
    /// Piece bytes → id.
    pieces: HashMap<Box<[u8]>, u32>,
    scores: Vec<f32>,
    /// Code point → what it becomes (nothing, for characters that are dropped).
    normalizer: HashMap<u32, Box<[char]>>,
    longest_piece: usize,
    unk: u32,
    unk_score: f32,
}

/// What [`Tokenizer::new`] could not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed(pub &'static str);

impl Tokenizer {
    /// A tokenizer from the model file's sections: piece offsets into `bytes`, their scores, and the
    /// normalization entries (`code point u32, count u8, count × code point u32`, little-endian).
    ///
    /// # Errors
    /// [`Malformed`] when the sections do not fit together.
    pub fn new(
        offsets: &[u32],
        bytes: &[u8],
        scores: Vec<f32>,
        normalizer: &[u8],
        unk: u32,
        unk_score: f32,
    ) -> Result<Self, Malformed> {
        if offsets.len() != scores.len() + 1 {
            return Err(Malformed("piece offsets and scores differ in number"));
        }
        let mut pieces = HashMap::with_capacity(scores.len());
        let mut longest_piece = 1;
        for (id, window) in offsets.windows(2).enumerate() {
            let (start, end) = (window[0] as usize, window[1] as usize);
            let piece = bytes
                .get(start..end)
                .ok_or(Malformed("a piece lies outside the piece bytes"))?;
            longest_piece = longest_piece.max(piece.len());
            let id = u32::try_from(id).map_err(|_| Malformed("too many pieces"))?;
            pieces.entry(piece.into()).or_insert(id);
        }
        let mut map = HashMap::new();
        let mut at = 0;
        while at < normalizer.len() {
            let code = normalizer
                .get(at..at + 4)
                .ok_or(Malformed("a normalization entry is cut short"))?;
            let code = u32::from_le_bytes([code[0], code[1], code[2], code[3]]);
            let count = usize::from(
                *normalizer
                    .get(at + 4)
                    .ok_or(Malformed("a normalization entry is cut short"))?,
            );
            let outputs = normalizer
                .get(at + 5..at + 5 + 4 * count)
                .ok_or(Malformed("a normalization entry is cut short"))?;
            let replacement: Box<[char]> = outputs
                .chunks_exact(4)
                .filter_map(|c| char::from_u32(u32::from_le_bytes([c[0], c[1], c[2], c[3]])))
                .collect();
            map.insert(code, replacement);
            at += 5 + 4 * count;
        }
        Ok(Self {
            pieces,
            scores,
            normalizer: map,
            longest_piece,
            unk,
            unk_score,
        })
    }

    /// How many pieces the vocabulary has.
    #[must_use]
    pub fn len(&self) -> usize {
        self.scores.len()
    }

    /// The text as the model reads it: normalized, spaces collapsed, a `▁` before every word.
    fn normalized(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 8);
        let mut last_space = true;
        out.push(METASPACE);
        for c in text.trim().chars() {
            let replaced: &[char] = match self.normalizer.get(&u32::from(c)) {
                Some(replacement) => replacement,
                None => std::slice::from_ref(&c),
            };
            for &r in replaced {
                if r == ' ' {
                    if !last_space {
                        out.push(METASPACE);
                    }
                    last_space = true;
                } else {
                    out.push(r);
                    last_space = false;
                }
            }
        }
        if out.ends_with(METASPACE) && out.chars().count() > 1 {
            out.pop();
        }
        out
    }

    /// The ids of `text`'s pieces with, for each, the whitespace-separated chunk of `text` it belongs to
    /// (chunks as byte spans of `text`), at most `limit` pieces. The same pieces as [`Self::encode`]:
    /// pieces never cross a space.
    #[must_use]
    pub fn encode_chunks(
        &self,
        text: &str,
        limit: usize,
    ) -> (Vec<u32>, Vec<usize>, Vec<(usize, usize)>) {
        let mut ids = Vec::new();
        let mut owners = Vec::new();
        let mut chunks = Vec::new();
        let mut start = None;
        for (at, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            match (c.is_whitespace(), start) {
                (false, None) => start = Some(at),
                (true, Some(from)) => {
                    chunks.push((from, at));
                    start = None;
                }
                _ => {}
            }
        }
        for (index, &(from, to)) in chunks.iter().enumerate() {
            if ids.len() >= limit {
                break;
            }
            let pieces = self.encode(&text[from..to], limit - ids.len());
            owners.extend(std::iter::repeat_n(index, pieces.len()));
            ids.extend(pieces);
        }
        (ids, owners, chunks)
    }

    /// The ids of `text`'s pieces, at most `limit` of them (without the sentence marks the model adds).
    #[must_use]
    pub fn encode(&self, text: &str, limit: usize) -> Vec<u32> {
        let normalized = self.normalized(text);
        let bytes = normalized.as_bytes();
        let boundaries: Vec<usize> = normalized
            .char_indices()
            .map(|(at, _)| at)
            .chain(std::iter::once(bytes.len()))
            .collect();
        let chars = boundaries.len() - 1;
        // best[i]: the highest score of pieces covering the first i characters, and the last piece.
        let mut best = vec![(f32::NEG_INFINITY, 0u32, 0usize); chars + 1];
        best[0].0 = 0.0;
        for start in 0..chars {
            let here = best[start].0;
            if here == f32::NEG_INFINITY {
                continue;
            }
            let from = boundaries[start];
            for end in start + 1..=chars {
                let to = boundaries[end];
                if to - from > self.longest_piece {
                    break;
                }
                if let Some(&id) = self.pieces.get(&bytes[from..to])
                    && id != self.unk
                {
                    let score = here + self.scores[id as usize];
                    if score > best[end].0 {
                        best[end] = (score, id, start);
                    }
                }
            }
            // A character no piece covers: <unk>, far less likely than any piece.
            let unknown = here + self.unk_score;
            if unknown > best[start + 1].0 {
                best[start + 1] = (unknown, self.unk, start);
            }
        }
        let mut ids = Vec::new();
        let mut at = chars;
        while at > 0 {
            let (_, id, from) = best[at];
            ids.push(id);
            at = from;
        }
        ids.reverse();
        ids.truncate(limit);
        ids
    }
}
