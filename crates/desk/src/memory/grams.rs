//! Character n-grams weighed by how rare they are in the memory: a second reading of wording beside BM25's
//! stems. Stems need the words to agree; n-grams of 3 to 5 characters also meet in hashtags and run-together
//! words ("#COVIDvaccine"), names spelt two ways ("Zelensky", "Selenskyj"), numbers written as words and
//! figures, and words the stemmer does not know. On the public claim-matching benchmark this reading is
//! the strongest word signal beside the encoder (see docs/memory.md).
//!
//! Each word is read with a space on either side, so that n-grams at a word's start and end are told
//! from those inside it; n-grams are hashed into a fixed table of document frequencies (collisions only
//! blur rare n-grams a little). A text's weights are `(1 + ln tf) · idf`, L2-normalized; the similarity of
//! two texts is the dot product of their weights.

/// Shortest and longest n-gram, in characters.
const SHORTEST: usize = 3;
const LONGEST: usize = 5;
/// Buckets of the frequency table (a power of two): 4 MiB of counts.
const BUCKETS: usize = 1 << 20;
/// Claims read for the frequencies: a sample this large gives the rare and the common n-grams their
/// weights; reading a million claims would only cost time.
pub const SAMPLE: usize = 20_000;

/// A text's n-gram weights, sorted by bucket, L2-normalized.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Weights(Vec<(u32, f32)>);

impl Weights {
    /// The cosine of two texts' weights (0 when either has none).
    #[must_use]
    pub fn similarity(&self, other: &Self) -> f64 {
        let (mut a, mut b) = (self.0.iter().peekable(), other.0.iter().peekable());
        let mut sum = 0.0f64;
        while let (Some(&&(x, wx)), Some(&&(y, wy))) = (a.peek(), b.peek()) {
            match x.cmp(&y) {
                std::cmp::Ordering::Less => {
                    a.next();
                }
                std::cmp::Ordering::Greater => {
                    b.next();
                }
                std::cmp::Ordering::Equal => {
                    sum += f64::from(wx) * f64::from(wy);
                    a.next();
                    b.next();
                }
            }
        }
        sum
    }
}

/// How many of a memory's claims hold each n-gram.
pub struct Frequencies {
    documents: u32,
    counts: Vec<u32>,
}

impl std::fmt::Debug for Frequencies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Frequencies")
            .field("documents", &self.documents)
            .finish_non_exhaustive()
    }
}

impl Frequencies {
    /// The frequencies over `texts`.
    #[must_use]
    pub fn of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut counts = vec![0u32; BUCKETS];
        let mut documents = 0u32;
        let mut seen: Vec<u32> = Vec::new();
        for text in texts {
            documents = documents.saturating_add(1);
            seen.clear();
            each_gram(text, |bucket| seen.push(bucket));
            seen.sort_unstable();
            seen.dedup();
            for &bucket in &seen {
                counts[bucket as usize] = counts[bucket as usize].saturating_add(1);
            }
        }
        Self { documents, counts }
    }

    /// Smoothed inverse document frequency, as the usual TF-IDF has it: an n-gram in every claim still
    /// weighs 1, one in none weighs most.
    fn idf(&self, bucket: u32) -> f32 {
        let n = f64::from(self.documents);
        let df = f64::from(self.counts[bucket as usize]);
        #[expect(clippy::cast_possible_truncation, reason = "a weight of a few units")]
        let idf = (((1.0 + n) / (1.0 + df)).ln() + 1.0) as f32;
        idf
    }

    /// A text's n-gram weights.
    #[must_use]
    pub fn weights(&self, text: &str) -> Weights {
        let mut grams: Vec<u32> = Vec::new();
        each_gram(text, |bucket| grams.push(bucket));
        grams.sort_unstable();
        let mut weights: Vec<(u32, f32)> = Vec::new();
        for run in grams.chunk_by(|a, b| a == b) {
            #[expect(clippy::cast_precision_loss, reason = "a count within one text")]
            let tf = 1.0 + (run.len() as f32).ln();
            weights.push((run[0], tf * self.idf(run[0])));
        }
        let norm = weights.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut weights {
                *w /= norm;
            }
        }
        Weights(weights)
    }
}

/// Calls `found` with the bucket of every n-gram of `text`'s words (lower-cased runs of letters and
/// digits, each with a space on either side).
fn each_gram(text: &str, mut found: impl FnMut(u32)) {
    let mut padded: Vec<char> = Vec::with_capacity(32);
    let mut flush = |padded: &mut Vec<char>| {
        if padded.len() > 1 {
            padded.push(' ');
            // A padded word has at least three characters: a one-letter word is one 3-gram.
            for n in SHORTEST..=LONGEST {
                for window in padded.windows(n) {
                    found(bucket(window));
                }
            }
        }
        padded.clear();
        padded.push(' ');
    };
    padded.push(' ');
    for c in text.chars() {
        if c.is_alphanumeric() {
            padded.extend(c.to_lowercase());
        } else {
            flush(&mut padded);
        }
    }
    flush(&mut padded);
}

/// FNV-1a over the n-gram's characters, folded into the table: stable across runs and platforms.
fn bucket(gram: &[char]) -> u32 {
    let hash = crate::hashing::fnv1a(
        crate::hashing::FNV_OFFSET,
        gram.iter().map(|&c| u64::from(u32::from(c))),
    );
    #[expect(
        clippy::cast_possible_truncation,
        reason = "masked to the table's size"
    )]
    let bucket = (hash ^ (hash >> 32)) as u32 & (BUCKETS as u32 - 1);
    bucket
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grams_of(text: &str) -> usize {
        let mut count = 0;
        each_gram(text, |_| count += 1);
        count
    }

    #[test]
    fn words_are_read_with_their_edges() {
        // " ab " has two 3-grams and one 4-gram; " a " is one 3-gram.
        assert_eq!(grams_of("ab"), 3);
        assert_eq!(grams_of("a"), 1);
        // Punctuation and case do not make other n-grams.
        let a = Frequencies::of(["x"]).weights("Vaccine, COVID!");
        let b = Frequencies::of(["x"]).weights("vaccine covid");
        assert_eq!(a, b);
    }

    #[test]
    fn rare_shared_grams_weigh_more_than_common_ones() {
        let memory = [
            "the president said the economy grew",
            "the mayor said the bridge was closed",
            "the minister said the school opened",
            "Zelensky visited Washington",
        ];
        let frequencies = Frequencies::of(memory);
        let query = frequencies.weights("Selenskyj visited Washington");
        let rare = frequencies.weights(memory[3]);
        let common = frequencies.weights(memory[0]);
        assert!(query.similarity(&rare) > 0.4, "{}", query.similarity(&rare));
        assert!(query.similarity(&common) < 0.1);
        let itself = frequencies.weights(memory[0]);
        assert!((itself.similarity(&common) - 1.0).abs() < 1e-5);
        assert!(Weights::default().similarity(&common).abs() < f64::EPSILON);
    }

    #[test]
    fn hashtags_meet_the_words_they_run_together() {
        let frequencies = Frequencies::of(["Vaccines cause autism", "Masks do not work"]);
        let tag = frequencies.weights("#vaccinescauseautism is trending");
        assert!(
            tag.similarity(&frequencies.weights("Vaccines cause autism"))
                > tag.similarity(&frequencies.weights("Masks do not work"))
        );
    }
}
