//! The sentence vectors of the memory's claims, quantized, in RAM and in an append-only file.
//!
//! Each claim's vector is kept as 384 signed bytes with one scale (int8, a quarter of the floats, cosine
//! within about 0.005 of the float one) and as 384 sign bits. Small memories are searched exactly over the
//! bytes; large ones first by the bits' Hamming distance, whose best few hundred are then scored over the
//! bytes ("binary search with re-scoring": a million claims in milliseconds per query).
//!
//! On disk (`<desk>/.claimdesk/memory/vectors-<model>.bin`, or the user's cache for files named on the
//! command line) a header names the model; then one record per claim: its key, a hash of the text that was
//! embedded, the scale, the bytes and a CRC-32. Records are only ever appended, a batch at a time, so a
//! build killed half way keeps every batch it finished and resumes from there; a torn or damaged tail is
//! cut off when the file is next opened and its claims are embedded again. Vectors are derived data: losing
//! them costs time, never a verdict.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use foldhash::HashMap;

use crate::encoder::DIMENSIONS;

const MAGIC: &[u8] = b"CLAIMDESK-VECTORS 1\n";
const SIGN_WORDS: usize = DIMENSIONS.div_ceil(64);
/// Up to this many claims every query is scored over the bytes of all of them.
const EXACT_LIMIT: usize = 30_000;
/// How many claims the sign bits pass on to byte scoring, per claim asked for.
const RESCORE_FACTOR: usize = 12;
const MIN_RESCORED: usize = 256;

/// A hash of the exact text a vector was computed from: a vector whose text changed is stale.
#[must_use]
pub fn text_hash(embedded_text: &str) -> u128 {
    let digest = crate::hashing::sha256(embedded_text.as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    u128::from_le_bytes(bytes)
}

/// What went wrong with a vector file. Vectors can always be computed again, so none of these loses data.
#[derive(Debug, thiserror::Error)]
pub enum VectorError {
    /// The file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The vector file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
}

/// Quantized vectors with their keys and text hashes.
#[derive(Debug, Default)]
pub struct Vectors {
    keys: Vec<String>,
    hashes: Vec<u128>,
    scales: Vec<f32>,
    codes: Vec<i8>,
    signs: Vec<[u64; SIGN_WORDS]>,
    by_key: HashMap<String, u32>,
    by_hash: HashMap<u128, u32>,
}

/// One vector row, as found in a [`Vectors`].
pub type Row = u32;

/// A vector as 384 signed bytes and their scale: how the memory keeps it and how a feed carries it.
#[must_use]
pub fn quantize(vector: &[f32]) -> (f32, Vec<i8>) {
    let largest = vector.iter().fold(0.0f32, |m, x| m.max(x.abs()));
    let scale = if largest > 0.0 { largest / 127.0 } else { 1.0 };
    #[expect(
        clippy::cast_possible_truncation,
        reason = "rounded values lie in -127..=127"
    )]
    let codes = vector
        .iter()
        .map(|x| (x / scale).round().clamp(-127.0, 127.0) as i8)
        .collect();
    (scale, codes)
}

/// The dot product of int8 codes with a float query, summed in sixteen independent lanes: a single running
/// sum is one long chain of dependent additions the compiler may not reorder, which made exact search over
/// 10,000 claims slower than the sign-bit search over 100,000.
fn dot(codes: &[i8], query: &[f32]) -> f32 {
    const LANES: usize = 16;
    let mut lanes = [0.0f32; LANES];
    let code_chunks = codes.chunks_exact(LANES);
    let query_chunks = query.chunks_exact(LANES);
    let tail: f32 = code_chunks
        .remainder()
        .iter()
        .zip(query_chunks.remainder())
        .map(|(c, q)| f32::from(*c) * q)
        .sum();
    for (c, q) in code_chunks.zip(query_chunks) {
        for lane in 0..LANES {
            lanes[lane] += f32::from(c[lane]) * q[lane];
        }
    }
    lanes.iter().sum::<f32>() + tail
}

fn signs_of(codes: &[i8]) -> [u64; SIGN_WORDS] {
    let mut signs = [0u64; SIGN_WORDS];
    for (i, code) in codes.iter().enumerate() {
        if *code > 0 {
            signs[i / 64] |= 1 << (i % 64);
        }
    }
    signs
}

fn query_signs(query: &[f32]) -> [u64; SIGN_WORDS] {
    let mut signs = [0u64; SIGN_WORDS];
    for (i, x) in query.iter().enumerate() {
        if *x > 0.0 {
            signs[i / 64] |= 1 << (i % 64);
        }
    }
    signs
}

impl Vectors {
    /// How many vectors are held.
    #[must_use]
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether none are.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Adds a vector (replacing the one under the same key) and returns its row.
    pub fn insert(&mut self, key: &str, hash: u128, vector: &[f32]) -> Row {
        let (scale, codes) = quantize(vector);
        self.insert_quantized(key, hash, scale, &codes)
    }

    /// Adds a vector already quantized (copied from another store).
    pub fn insert_quantized(&mut self, key: &str, hash: u128, scale: f32, codes: &[i8]) -> Row {
        let signs = signs_of(codes);
        if let Some(&row) = self.by_key.get(key) {
            let at = row as usize;
            self.hashes[at] = hash;
            self.scales[at] = scale;
            self.codes[at * DIMENSIONS..(at + 1) * DIMENSIONS].copy_from_slice(codes);
            self.signs[at] = signs;
            self.by_hash.insert(hash, row);
            return row;
        }
        #[expect(
            clippy::cast_possible_truncation,
            reason = "far fewer than 4 billion claims"
        )]
        let row = self.keys.len() as Row;
        self.keys.push(key.to_owned());
        self.hashes.push(hash);
        self.scales.push(scale);
        self.codes.extend_from_slice(codes);
        self.signs.push(signs);
        if !key.is_empty() {
            self.by_key.insert(key.to_owned(), row);
        }
        self.by_hash.insert(hash, row);
        row
    }

    /// The row of a key, when its vector was computed from the text with this hash.
    #[must_use]
    pub fn row_of(&self, key: &str, hash: u128) -> Option<Row> {
        self.by_key
            .get(key)
            .copied()
            .filter(|&row| self.hashes[row as usize] == hash)
            .or_else(|| self.by_hash.get(&hash).copied())
    }

    /// The row holding a vector of the text with this hash, under any key.
    #[must_use]
    pub fn row_of_text(&self, hash: u128) -> Option<Row> {
        self.by_hash.get(&hash).copied()
    }

    /// Whether this key has a vector of any text.
    #[must_use]
    pub fn has_key(&self, key: &str) -> bool {
        self.by_key.contains_key(key)
    }

    /// A row's scale and bytes.
    #[must_use]
    pub fn quantized(&self, row: Row) -> (f32, &[i8]) {
        let at = row as usize;
        (
            self.scales[at],
            &self.codes[at * DIMENSIONS..(at + 1) * DIMENSIONS],
        )
    }

    /// The key of a row.
    #[must_use]
    pub fn key(&self, row: Row) -> &str {
        &self.keys[row as usize]
    }

    /// The text hash of a row.
    #[must_use]
    pub fn hash(&self, row: Row) -> u128 {
        self.hashes[row as usize]
    }

    /// The cosine of a row's vector with a unit-length query.
    #[must_use]
    pub fn cosine(&self, row: Row, query: &[f32]) -> f32 {
        let at = row as usize;
        let codes = &self.codes[at * DIMENSIONS..(at + 1) * DIMENSIONS];
        dot(codes, query) * self.scales[at]
    }

    /// The `k` rows closest to a unit-length query among those `accept` lets through, closest first, with
    /// their cosines.
    pub fn nearest(
        &self,
        query: &[f32],
        k: usize,
        accept: &dyn Fn(Row) -> bool,
    ) -> Vec<(Row, f32)> {
        if k == 0 || self.is_empty() {
            return Vec::new();
        }
        #[expect(
            clippy::cast_possible_truncation,
            reason = "far fewer than 4 billion claims"
        )]
        let rows: Vec<Row> = if self.len() <= EXACT_LIMIT {
            (0..self.len() as Row).filter(|&row| accept(row)).collect()
        } else {
            self.by_signs(query, (k * RESCORE_FACTOR).max(MIN_RESCORED), accept)
        };
        let mut scored: Vec<(Row, f32)> = rows
            .into_iter()
            .map(|row| (row, self.cosine(row, query)))
            .collect();
        scored.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scored.truncate(k);
        scored
    }

    /// The `wanted` accepted rows whose sign bits differ least from the query's.
    fn by_signs(&self, query: &[f32], wanted: usize, accept: &dyn Fn(Row) -> bool) -> Vec<Row> {
        let signs = query_signs(query);
        // A count per distance, then the rows up to the distance that fills `wanted`: two passes over
        // the bits, no sorting of a million rows.
        let mut histogram = [0usize; DIMENSIONS + 1];
        let distances: Vec<u16> = self
            .signs
            .iter()
            .map(|row| {
                #[expect(clippy::cast_possible_truncation, reason = "at most 384")]
                let distance = row
                    .iter()
                    .zip(&signs)
                    .map(|(a, b)| (a ^ b).count_ones())
                    .sum::<u32>() as u16;
                distance
            })
            .collect();
        for distance in &distances {
            histogram[usize::from(*distance)] += 1;
        }
        let mut cutoff = 0;
        let mut count = 0;
        while cutoff < DIMENSIONS && count + histogram[cutoff] < wanted {
            count += histogram[cutoff];
            cutoff += 1;
        }
        #[expect(
            clippy::cast_possible_truncation,
            reason = "far fewer than 4 billion claims"
        )]
        distances
            .iter()
            .enumerate()
            .filter(|(row, distance)| usize::from(**distance) <= cutoff && accept(*row as Row))
            .map(|(row, _)| row as Row)
            .collect()
    }
}

/// Vectors with the file they are kept in.
#[derive(Debug)]
pub struct VectorStore {
    path: Option<PathBuf>,
    /// The vectors.
    pub vectors: Vectors,
    /// What was wrong with the file when it was opened (then cut back to its last sound record).
    pub damage: Option<String>,
}

fn record_len(key_len: usize) -> usize {
    2 + key_len + 16 + 4 + DIMENSIONS + 4
}

impl VectorStore {
    /// Vectors in RAM only.
    #[must_use]
    pub fn in_ram() -> Self {
        Self {
            path: None,
            vectors: Vectors::default(),
            damage: None,
        }
    }

    /// The vector file of `model` in `folder`.
    #[must_use]
    pub fn file_in(folder: &Path, model: &str) -> PathBuf {
        let short = &crate::article::sha256_hex(model)[..12];
        folder.join(format!("vectors-{short}.bin"))
    }

    /// Opens (or starts) the vector file of `model` in `folder`. Vector files of other models are removed:
    /// they can only be rebuilt, never used.
    ///
    /// # Errors
    /// [`VectorError::Io`] when the folder or file cannot be read or written.
    pub fn open(folder: &Path, model: &str) -> Result<Self, VectorError> {
        let path = Self::file_in(folder, model);
        let io = |source: std::io::Error| VectorError::Io {
            path: path.clone(),
            source,
        };
        std::fs::create_dir_all(folder).map_err(io)?;
        if let Ok(entries) = std::fs::read_dir(folder) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let is_vector_file = name.starts_with("vectors-")
                    && Path::new(&name)
                        .extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("bin"));
                if is_vector_file && entry.path() != path {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
        let header = header(model);
        // A folder where the vector file belongs (made by hand, or by a sync client's conflict): moved
        // aside, and the vectors are computed again; matching never fails for it.
        let mut damage = None;
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
            let mut aside = path.as_os_str().to_owned();
            aside.push(".damaged");
            let aside = PathBuf::from(aside);
            let _ = std::fs::remove_dir_all(&aside);
            let _ = std::fs::remove_file(&aside);
            std::fs::rename(&path, &aside).map_err(io)?;
            damage = Some(format!(
                "it was a folder; moved aside to {}",
                aside.display()
            ));
        }
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(error) => return Err(io(error)),
        };
        let mut store = Self {
            path: Some(path.clone()),
            vectors: Vectors::default(),
            damage,
        };
        if bytes.is_empty() {
            replace_whole(&path, &header).map_err(io)?;
            return Ok(store);
        }
        let (sound, damage) = store.read_records(&bytes, &header);
        if let Some(damage) = damage {
            store.damage = Some(damage);
            // Only the sound part is kept: claims past it are embedded again.
            let mut kept = header.clone();
            if sound > header.len() {
                kept.extend_from_slice(&bytes[header.len()..sound]);
            }
            replace_whole(&path, &kept).map_err(io)?;
        }
        Ok(store)
    }

    /// Reads records after the header; returns how many bytes were sound and what was wrong past them.
    fn read_records(&mut self, bytes: &[u8], header: &[u8]) -> (usize, Option<String>) {
        if !bytes.starts_with(header) {
            return (
                0,
                Some("it was written for another model or is not a vector file".to_owned()),
            );
        }
        let mut at = header.len();
        while at < bytes.len() {
            let Some(key_len) = bytes
                .get(at..at + 2)
                .map(|b| usize::from(u16::from_le_bytes([b[0], b[1]])))
            else {
                return (at, Some(format!("it ends inside a record at byte {at}")));
            };
            let Some(record) = bytes.get(at..at + record_len(key_len)) else {
                return (at, Some(format!("it ends inside a record at byte {at}")));
            };
            let (body, crc) = record.split_at(record.len() - 4);
            if crc32fast::hash(body) != u32::from_le_bytes([crc[0], crc[1], crc[2], crc[3]]) {
                return (at, Some(format!("the record at byte {at} is damaged")));
            }
            let key = String::from_utf8_lossy(&body[2..2 + key_len]);
            let mut rest = &body[2 + key_len..];
            let hash = u128::from_le_bytes(rest[..16].try_into().unwrap_or([0; 16]));
            rest = &rest[16..];
            let scale = f32::from_le_bytes(rest[..4].try_into().unwrap_or([0; 4]));
            rest = &rest[4..];
            let codes: Vec<i8> = rest.iter().map(|b| i8::from_le_bytes([*b])).collect();
            if !scale.is_finite() {
                return (at, Some(format!("the record at byte {at} is damaged")));
            }
            self.vectors.insert_quantized(&key, hash, scale, &codes);
            at += record.len();
        }
        (at, None)
    }

    /// Adds vectors, and appends them to the file in one write.
    ///
    /// # Errors
    /// [`VectorError::Io`] when the file cannot be written; the vectors stay in RAM.
    pub fn append(&mut self, batch: &[(String, u128, Vec<f32>)]) -> Result<(), VectorError> {
        let quantized = quantize_batch(batch);
        for (key, hash, scale, codes) in &quantized {
            self.vectors.insert_quantized(key, *hash, *scale, codes);
        }
        match &self.path {
            Some(path) => write_records(path, &quantized),
            None => Ok(()),
        }
    }

    /// Adds vectors already quantized (carried by an imported feed), and appends them in one write.
    ///
    /// # Errors
    /// [`VectorError::Io`] when the file cannot be written; the vectors stay in RAM.
    pub fn append_quantized(
        &mut self,
        batch: &[(String, u128, f32, Vec<i8>)],
    ) -> Result<(), VectorError> {
        for (key, hash, scale, codes) in batch {
            self.vectors.insert_quantized(key, *hash, *scale, codes);
        }
        let records: Vec<Quantized<'_>> = batch
            .iter()
            .map(|(key, hash, scale, codes)| (key.as_str(), *hash, *scale, codes.clone()))
            .collect();
        match &self.path {
            Some(path) => write_records(path, &records),
            None => Ok(()),
        }
    }

    /// The file, when there is one.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }
}

/// One record to be written: key, text hash, scale, bytes.
type Quantized<'a> = (&'a str, u128, f32, Vec<i8>);

fn quantize_batch(batch: &[(String, u128, Vec<f32>)]) -> Vec<Quantized<'_>> {
    batch
        .iter()
        .map(|(key, hash, vector)| {
            let (scale, codes) = quantize(vector);
            (key.as_str(), *hash, scale, codes)
        })
        .collect()
}

/// Appends records to a vector file already opened by [`VectorStore::open`] (which wrote its header) in
/// one write, without reading it: how vectors reach the user's cache.
///
/// # Errors
/// [`VectorError::Io`] when the file cannot be written.
pub fn append_to_file(path: &Path, batch: &[(String, u128, Vec<f32>)]) -> Result<(), VectorError> {
    write_records(path, &quantize_batch(batch))
}

fn write_records(path: &Path, records: &[Quantized<'_>]) -> Result<(), VectorError> {
    let mut bytes = Vec::with_capacity(records.len() * record_len(40));
    for (key, hash, scale, codes) in records {
        let key_bytes = &key.as_bytes()[..key.len().min(usize::from(u16::MAX))];
        let start = bytes.len();
        #[expect(clippy::cast_possible_truncation, reason = "cut to u16::MAX above")]
        bytes.extend_from_slice(&(key_bytes.len() as u16).to_le_bytes());
        bytes.extend_from_slice(key_bytes);
        bytes.extend_from_slice(&hash.to_le_bytes());
        bytes.extend_from_slice(&scale.to_le_bytes());
        bytes.extend(codes.iter().map(|c| c.to_le_bytes()[0]));
        let crc = crc32fast::hash(&bytes[start..]);
        bytes.extend_from_slice(&crc.to_le_bytes());
    }
    let io = |source: std::io::Error| VectorError::Io {
        path: path.to_owned(),
        source,
    };
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(path)
        .map_err(io)?;
    file.write_all(&bytes).map_err(io)?;
    file.sync_data().map_err(io)
}

/// Writes a whole vector file through a sibling temporary file, so a reader never sees half of it.
fn replace_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(folder)?;
    file.write_all(bytes)?;
    file.as_file().sync_data()?;
    file.persist(path).map_err(|error| error.error)?;
    Ok(())
}

fn header(model: &str) -> Vec<u8> {
    let mut header = MAGIC.to_vec();
    header.extend_from_slice(model.as_bytes());
    header.push(b'\n');
    header.extend_from_slice(format!("{DIMENSIONS}\n").as_bytes());
    header
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(seed: u64) -> Vec<f32> {
        let mut rng = fastrand::Rng::with_seed(seed);
        let v: Vec<f32> = (0..DIMENSIONS).map(|_| rng.f32() - 0.5).collect();
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        v.into_iter().map(|x| x / norm).collect()
    }

    #[test]
    fn quantized_cosine_is_close_to_the_float_one() {
        let mut vectors = Vectors::default();
        for seed in 0..50 {
            vectors.insert(&format!("k{seed}"), u128::from(seed), &unit(seed));
        }
        let query = unit(7);
        for row in 0..50 {
            let exact = crate::encoder::cosine(&unit(u64::from(row)), &query);
            assert!((vectors.cosine(row, &query) - exact).abs() < 0.01, "{row}");
        }
        assert_eq!(vectors.nearest(&query, 1, &|_| true)[0].0, 7);
        assert!(
            vectors
                .nearest(&query, 3, &|row| row != 7)
                .iter()
                .all(|(r, _)| *r != 7)
        );
    }

    #[test]
    #[expect(clippy::cast_precision_loss, reason = "lengths under 400")]
    fn the_lane_sum_is_the_plain_dot_product_at_any_length() {
        for length in [0, 1, 15, 16, 17, 100, 384] {
            let codes: Vec<i8> = (0..length)
                .map(|i| i8::try_from(i % 255 - 127).unwrap_or(0))
                .collect();
            let query: Vec<f32> = (0..length).map(|i| (i as f32 * 0.37).sin()).collect();
            let plain: f32 = codes
                .iter()
                .zip(&query)
                .map(|(c, q)| f32::from(*c) * q)
                .sum();
            let lanes = dot(&codes, &query);
            assert!(
                (lanes - plain).abs() <= 1e-3 * plain.abs().max(1.0),
                "{length}: {lanes} vs {plain}"
            );
        }
    }

    #[test]
    fn the_sign_bits_pass_on_the_nearest_rows() {
        let mut vectors = Vectors::default();
        for seed in 0..2_000 {
            vectors.insert(&format!("k{seed}"), u128::from(seed), &unit(seed));
        }
        // A slightly moved copy of row 1234 must come through the bits alone.
        let mut query = unit(1234);
        query[0] += 0.05;
        let rows = vectors.by_signs(&query, 20, &|_| true);
        assert!(rows.contains(&1234));
        assert!(rows.len() >= 20 && rows.len() < 2_000);
    }

    #[test]
    fn a_torn_or_damaged_file_keeps_its_sound_records_and_says_what_was_wrong() {
        let folder = tempfile::tempdir().unwrap();
        let mut store = VectorStore::open(folder.path(), "model-a").unwrap();
        let batch: Vec<_> = (0..3)
            .map(|i| (format!("key{i}"), u128::from(i), unit(i)))
            .collect();
        store.append(&batch).unwrap();
        let path = store.path().unwrap().to_owned();
        let reopened = VectorStore::open(folder.path(), "model-a").unwrap();
        assert_eq!(reopened.vectors.len(), 3);
        assert!(reopened.damage.is_none());

        // Killed inside the last record.
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() - 100]).unwrap();
        let torn = VectorStore::open(folder.path(), "model-a").unwrap();
        assert_eq!(torn.vectors.len(), 2);
        assert!(torn.damage.as_deref().unwrap().contains("ends inside"));
        let healed = VectorStore::open(folder.path(), "model-a").unwrap();
        assert_eq!(healed.vectors.len(), 2);
        assert!(healed.damage.is_none(), "the torn tail is cut off once");

        // A flipped byte in the first record: nothing after it is trusted.
        let mut bytes = std::fs::read(&path).unwrap();
        let at = header("model-a").len() + 30;
        bytes[at] ^= 0xff;
        std::fs::write(&path, &bytes).unwrap();
        let damaged = VectorStore::open(folder.path(), "model-a").unwrap();
        assert_eq!(damaged.vectors.len(), 0);
        assert!(damaged.damage.as_deref().unwrap().contains("damaged"));

        // Another model's file is never read as this one's.
        std::fs::write(&path, b"garbage").unwrap();
        let other = VectorStore::open(folder.path(), "model-a").unwrap();
        assert!(other.damage.is_some());
        assert_eq!(other.vectors.len(), 0);
        let next = VectorStore::open(folder.path(), "model-b").unwrap();
        assert!(
            !path.exists(),
            "vectors of a model no longer used are removed"
        );
        assert_eq!(next.vectors.len(), 0);
    }
}
