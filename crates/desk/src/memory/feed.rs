//! Fact-checks that carry their vectors. `claimdesk memory embed --jsonl` is a map step: ClaimReview
//! records in (any shape `memory import` reads, one per line), the same records out with the vectors of
//! their claims and the model's identity added under `claimdesk:vectors`. An engine (Spark, a cluster's
//! batch queue) embeds a million published fact-checks in parallel; `memory import` then takes the vectors
//! as they are — no encoder time — when they come from the model this claimdesk runs, and refuses them,
//! saying so, when they do not.
//!
//! The vectors are carried as the memory keeps them (int8 codes and their scale, see [`super::vectors`]), so
//! a desk that imported them matches exactly as a desk that embedded the same fact-checks itself.

use std::io::{BufRead, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{claimreview, semantic, vectors};
use crate::encoder::{DIMENSIONS, Encoder, Kind};
use crate::json_lines::{self, RawLine};

/// The field a record's vectors are added under.
pub const VECTORS_FIELD: &str = "claimdesk:vectors";

/// The range a carried vector's length must lie in: 1, give or take what 8-bit codes lose.
const UNIT_LENGTH_LOW: f32 = 0.95;
const UNIT_LENGTH_HIGH: f32 = 1.05;

/// Records per batch and thread: batches keep every core busy and bound memory.
const RECORDS_PER_THREAD: usize = 64;

/// The vectors one record carries: the model and one vector per ClaimReview, in the record's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Carried {
    /// The encoder's identity ([`Encoder::identity`]).
    pub model: String,
    /// One per ClaimReview of the record.
    pub vectors: Vec<CarriedVector>,
}

/// One claim's vector as the memory keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CarriedVector {
    /// The hash of the text that was embedded ([`vectors::text_hash`]), 32 hex digits: a vector whose
    /// claim was edited since is not taken.
    pub text: String,
    /// The scale of the codes.
    pub scale: f32,
    /// 384 signed bytes, two hex digits each.
    pub codes: String,
}

impl Carried {
    /// Reads the field's value.
    ///
    /// # Errors
    /// What is wrong with it, in words.
    pub fn from_value(value: &Value) -> Result<Self, String> {
        let carried: Self = serde_json::from_value(value.clone())
            .map_err(|error| format!("not the vectors claimdesk writes ({error})"))?;
        for vector in &carried.vectors {
            vector.decode()?;
        }
        Ok(carried)
    }
}

impl CarriedVector {
    fn of(text: &str, vector: &[f32]) -> Self {
        let (scale, codes) = vectors::quantize(vector);
        let bytes: Vec<u8> = codes.iter().map(|code| code.to_le_bytes()[0]).collect();
        Self {
            text: format!("{:032x}", vectors::text_hash(text)),
            scale,
            codes: json_lines::lower_hex(&bytes),
        }
    }

    /// The text hash, scale and codes.
    ///
    /// # Errors
    /// What is malformed, in words.
    pub fn decode(&self) -> Result<(u128, f32, Vec<i8>), String> {
        let hash = u128::from_str_radix(&self.text, 16)
            .ok()
            .filter(|_| self.text.len() == 32)
            .ok_or_else(|| format!("text hash {:?} is not 32 hex digits", self.text))?;
        if self.codes.len() != DIMENSIONS * 2 || !self.codes.is_ascii() {
            return Err(format!(
                "a vector has {} hex digits, not {}",
                self.codes.len(),
                DIMENSIONS * 2
            ));
        }
        let codes = (0..DIMENSIONS)
            .map(|i| {
                u8::from_str_radix(&self.codes[2 * i..2 * i + 2], 16)
                    .map(|byte| i8::from_le_bytes([byte]))
                    .map_err(|_| format!("a vector has a bad hex digit near {}", 2 * i))
            })
            .collect::<Result<Vec<i8>, String>>()?;
        if !self.scale.is_finite() || self.scale <= 0.0 {
            return Err(format!("a vector's scale is {}", self.scale));
        }
        // The encoder's vectors have length 1; a vector of zeros (or of another length) would hide the
        // claim from every match by meaning without a word.
        let norm = codes
            .iter()
            .map(|&code| (f32::from(code) * self.scale).powi(2))
            .sum::<f32>()
            .sqrt();
        if !(UNIT_LENGTH_LOW..=UNIT_LENGTH_HIGH).contains(&norm) {
            return Err(format!(
                "a vector has length {norm:.3}, not 1: it is not one the encoder computed (run `claimdesk memory embed --jsonl` on the record again)"
            ));
        }
        Ok((hash, self.scale, codes))
    }
}

/// Counts of a finished `embed --jsonl` run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EmbedSummary {
    /// Records written with their vectors.
    pub records: usize,
    /// Claims embedded.
    pub vectors: usize,
    /// Lines answered with an error.
    pub errors: usize,
}

/// A record ready to be embedded: its JSON and the texts of its claims.
struct Parsed {
    record: Value,
    texts: Vec<String>,
}

/// Reads one line as a record of fact-checks.
fn parse_line(line: &RawLine) -> Result<Parsed, String> {
    let (bytes, text) = line.text()?;
    let record: Value = serde_json::from_str(text).map_err(|error| {
        json_lines::answer(None, bytes, &format!("not a JSON document: {error}"))
    })?;
    let id = record
        .get("url")
        .or_else(|| record.get("@id"))
        .filter(|id| id.is_string());
    let entries = claimreview::parse(text, Path::new("the record"))
        .map_err(|error| json_lines::answer(id, bytes, &error.to_string()))?;
    let record = match record {
        Value::Object(_) => record,
        // An array gets a place for the field; `memory import` reads a @graph as it reads the array.
        other => serde_json::json!({ "@graph": other }),
    };
    Ok(Parsed {
        record,
        texts: entries.iter().map(semantic::passage_text).collect(),
    })
}

/// `claimdesk memory embed --jsonl`: each record of `input` written to `output` in input order with its
/// claims' vectors added under [`VECTORS_FIELD`]; a bad line is answered in its place
/// ([`json_lines::answer`]) and the stream goes on. `threads` encoder threads.
///
/// # Errors
/// When reading the input or writing the output fails.
pub fn embed_jsonl(
    mut input: impl BufRead,
    mut output: impl Write,
    encoder: &Encoder,
    threads: usize,
) -> std::io::Result<EmbedSummary> {
    let threads = threads.max(1);
    let mut summary = EmbedSummary::default();
    loop {
        let batch = json_lines::read_batch(&mut input, threads * RECORDS_PER_THREAD)?;
        if batch.is_empty() {
            break;
        }
        let parsed: Vec<Result<Parsed, String>> = batch
            .iter()
            .filter(|line| !line.is_blank())
            .map(parse_line)
            .collect();
        drop(batch);
        let texts: Vec<&str> = parsed
            .iter()
            .flatten()
            .flat_map(|record| record.texts.iter().map(String::as_str))
            .collect();
        let mut embedded = encoder
            .embed_parallel(&texts, Kind::Passage, threads)
            .into_iter();
        for record in parsed {
            let line = match record {
                Ok(Parsed { mut record, texts }) => {
                    let carried = Carried {
                        model: encoder.identity().to_owned(),
                        vectors: texts
                            .iter()
                            .zip(embedded.by_ref())
                            .map(|(text, vector)| CarriedVector::of(text, &vector))
                            .collect(),
                    };
                    summary.vectors += carried.vectors.len();
                    summary.records += 1;
                    if let Value::Object(fields) = &mut record {
                        fields.insert(
                            VECTORS_FIELD.to_owned(),
                            serde_json::to_value(&carried).map_err(std::io::Error::other)?,
                        );
                    }
                    serde_json::to_string(&record).map_err(std::io::Error::other)?
                }
                Err(answer) => {
                    summary.errors += 1;
                    answer
                }
            };
            output.write_all(line.as_bytes())?;
            output.write_all(b"\n")?;
        }
        output.flush()?;
    }
    Ok(summary)
}

/// Vectors carried by imported records, by the hash of their text.
#[derive(Debug, Default)]
pub struct CarriedByText {
    by_hash: foldhash::HashMap<u128, (f32, Vec<i8>)>,
}

impl CarriedByText {
    /// Collects what `carried` holds for `model`.
    ///
    /// # Errors
    /// The first other model's identity, when a record's vectors come from another model.
    pub fn of(carried: Vec<Carried>, model: &str) -> Result<Self, String> {
        let mut by_hash = foldhash::HashMap::default();
        for record in carried {
            if record.model != model {
                return Err(record.model);
            }
            for vector in record.vectors {
                // Checked when read.
                if let Ok((hash, scale, codes)) = vector.decode() {
                    by_hash.insert(hash, (scale, codes));
                }
            }
        }
        Ok(Self { by_hash })
    }

    /// The vector carried for this text, when there is one.
    #[must_use]
    pub fn get(&self, hash: u128) -> Option<&(f32, Vec<i8>)> {
        self.by_hash.get(&hash)
    }

    /// Whether no vector was carried.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.by_hash.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_carried_vector_reads_back_as_the_memory_keeps_it() {
        let raw: Vec<f32> = (0..u16::try_from(DIMENSIONS).unwrap())
            .map(|i| (f32::from(i * 37 % 101) - 50.0) / 400.0)
            .collect();
        // Of length 1, as the encoder's vectors are.
        let norm = raw.iter().map(|x| x * x).sum::<f32>().sqrt();
        let vector: Vec<f32> = raw.iter().map(|x| x / norm).collect();
        let carried = CarriedVector::of("passage text", &vector);
        let (hash, scale, codes) = carried.decode().unwrap();
        assert_eq!(hash, vectors::text_hash("passage text"));
        assert_eq!((scale, codes), vectors::quantize(&vector));
        let mut bad = carried.clone();
        bad.codes.pop();
        assert!(bad.decode().unwrap_err().contains("hex digits"));
        let mut bad = carried.clone();
        bad.text = "xyz".into();
        assert!(bad.decode().unwrap_err().contains("text hash"));
        // A vector of zeros (or another length than 1) is not one the encoder computed.
        let mut zeros = carried;
        zeros.codes = "00".repeat(DIMENSIONS);
        assert!(zeros.decode().unwrap_err().contains("length"));
    }
}
