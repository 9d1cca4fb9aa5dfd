//! Vectors that records carry (`claimdesk memory embed --jsonl` writes them, `claimdesk memory import`
//! takes them): the format of the `claimdesk:vectors` field, read and checked here, so that the ClaimReview
//! reader ([`super::claimreview`]) and the map step ([`super::feed`]) share it without importing each other.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::vectors;
use crate::encoder::DIMENSIONS;
use crate::json_lines;

/// The field a record's vectors are added under.
pub const VECTORS_FIELD: &str = "claimdesk:vectors";

/// The range a carried vector's length must lie in: 1, give or take what 8-bit codes lose.
const UNIT_LENGTH_LOW: f32 = 0.95;
const UNIT_LENGTH_HIGH: f32 = 1.05;

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
    pub(super) fn of(text: &str, vector: &[f32]) -> Self {
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
