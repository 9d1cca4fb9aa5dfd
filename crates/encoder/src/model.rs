//! claimdesk's encoder file (`assets/encoder/*.cdenc`, built by `scripts/encoder/build-model.py`): a magic
//! line, a JSON header that names the model, its source and every section (name, type, shape, offset,
//! length), and the sections, 64-byte aligned. Weights are Q4_0 blocks (an fp16 scale and 32 four-bit
//! weights) or f32, little-endian.

use serde::Deserialize;

use super::EncoderError;

/// The file's first bytes.
pub const MAGIC: &[u8] = b"CLAIMDESK-ENCODER\n";
/// Weights per Q4_0 block.
pub const BLOCK: usize = 32;
/// Bytes per Q4_0 block: the fp16 scale, then 16 bytes holding 32 nibbles.
pub const BLOCK_BYTES: usize = 18;

/// The header.
#[derive(Debug, Clone, Deserialize)]
pub struct Header {
    /// `claimdesk-encoder`.
    pub format: String,
    /// 1.
    pub version: u32,
    /// The model's name (`intfloat/multilingual-e5-small`).
    pub model: String,
    /// Width of the hidden states and of the sentence vector.
    pub hidden: usize,
    /// Transformer layers.
    pub layers: usize,
    /// Attention heads per layer.
    pub heads: usize,
    /// Width of the feed-forward layer.
    pub intermediate: usize,
    /// Positions the model has embeddings for.
    pub max_positions: usize,
    /// Layer normalization's epsilon.
    pub layer_norm_eps: f32,
    /// The vocabulary's special pieces.
    pub tokenizer: TokenizerHeader,
    /// Where each section is.
    pub sections: Vec<Section>,
}

/// The vocabulary's size and special pieces.
#[derive(Debug, Clone, Deserialize)]
pub struct TokenizerHeader {
    /// Pieces in the vocabulary.
    pub pieces: usize,
    /// `<s>`.
    pub bos: u32,
    /// `</s>`.
    pub eos: u32,
    /// `<unk>`.
    pub unk: u32,
    /// The score of a character no piece covers.
    pub unk_score: f32,
}

/// One section of the file.
#[derive(Debug, Clone, Deserialize)]
pub struct Section {
    /// What it holds (`layers.3.attention.query.weight`).
    pub name: String,
    /// `f32`, `q4_0`, `u32` or `u8`.
    pub dtype: String,
    /// Its dimensions.
    pub shape: Vec<usize>,
    /// Where it starts in the file.
    pub offset: usize,
    /// Its length in bytes.
    pub bytes: usize,
}

/// A parsed file: its header and access to its sections.
pub struct File<'a> {
    /// The header.
    pub header: Header,
    bytes: &'a [u8],
}

impl<'a> File<'a> {
    /// Reads the header of `bytes`.
    ///
    /// # Errors
    /// [`EncoderError::Damaged`] when it is no encoder file or its sections do not fit.
    pub fn parse(bytes: &'a [u8]) -> Result<Self, EncoderError> {
        let damaged = |what: &str| EncoderError::Damaged(what.to_owned());
        let rest = bytes
            .strip_prefix(MAGIC)
            .ok_or_else(|| damaged("it is not a claimdesk encoder file"))?;
        let length = rest
            .get(..4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
            .ok_or_else(|| damaged("its header is cut short"))?;
        let header_bytes = rest
            .get(4..4 + length)
            .ok_or_else(|| damaged("its header is cut short"))?;
        let header: Header = serde_json::from_slice(header_bytes)
            .map_err(|error| damaged(&format!("its header is not readable ({error})")))?;
        if header.format != "claimdesk-encoder" || header.version != 1 {
            return Err(damaged("it is of another format or version"));
        }
        for section in &header.sections {
            if section
                .offset
                .checked_add(section.bytes)
                .is_none_or(|end| end > bytes.len())
            {
                return Err(damaged(&format!(
                    "section {} lies outside the file",
                    section.name
                )));
            }
        }
        Ok(Self { header, bytes })
    }

    fn section(&self, name: &str, dtype: &str) -> Result<(&Section, &'a [u8]), EncoderError> {
        let section = self
            .header
            .sections
            .iter()
            .find(|s| s.name == name)
            .ok_or_else(|| EncoderError::Damaged(format!("it has no section {name}")))?;
        if section.dtype != dtype {
            return Err(EncoderError::Damaged(format!(
                "section {name} is {}, not {dtype}",
                section.dtype
            )));
        }
        Ok((
            section,
            &self.bytes[section.offset..section.offset + section.bytes],
        ))
    }

    /// A section's raw bytes.
    ///
    /// # Errors
    /// When it is missing or of another type.
    pub fn raw(&self, name: &str) -> Result<&'a [u8], EncoderError> {
        Ok(self.section(name, "u8")?.1)
    }

    /// An f32 section with `values` values.
    ///
    /// # Errors
    /// When it is missing, of another type or size.
    pub fn f32s(&self, name: &str, values: usize) -> Result<Vec<f32>, EncoderError> {
        let (_, data) = self.section(name, "f32")?;
        if data.len() != values * 4 {
            return Err(EncoderError::Damaged(format!(
                "section {name} has the wrong size"
            )));
        }
        Ok(data
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect())
    }

    /// A u32 section with `values` values.
    ///
    /// # Errors
    /// When it is missing, of another type or size.
    pub fn u32s(&self, name: &str, values: usize) -> Result<Vec<u32>, EncoderError> {
        let (_, data) = self.section(name, "u32")?;
        if data.len() != values * 4 {
            return Err(EncoderError::Damaged(format!(
                "section {name} has the wrong size"
            )));
        }
        Ok(data
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect())
    }

    /// A Q4_0 matrix of `rows` × `columns`, as its raw blocks.
    ///
    /// # Errors
    /// When it is missing, of another type or size.
    pub fn q4(&self, name: &str, rows: usize, columns: usize) -> Result<&'a [u8], EncoderError> {
        let (section, data) = self.section(name, "q4_0")?;
        if !columns.is_multiple_of(BLOCK)
            || section.shape != [rows, columns]
            || data.len() != rows * columns / BLOCK * BLOCK_BYTES
        {
            return Err(EncoderError::Damaged(format!(
                "section {name} has the wrong size"
            )));
        }
        Ok(data)
    }
}

/// Dequantizes Q4_0 blocks into `out` (32 weights per block): weight = (nibble − 8) × scale; byte j holds
/// weight j in its low nibble and weight j + 16 in its high one.
pub fn dequantize(blocks: &[u8], out: &mut [f32]) {
    for (block, weights) in blocks
        .chunks_exact(BLOCK_BYTES)
        .zip(out.chunks_exact_mut(BLOCK))
    {
        let scale = half::f16::from_le_bytes([block[0], block[1]]).to_f32();
        let (low, high) = weights.split_at_mut(BLOCK / 2);
        for (j, &byte) in block[2..].iter().enumerate() {
            low[j] = f32::from(i16::from(byte & 0x0f) - 8) * scale;
            high[j] = f32::from(i16::from(byte >> 4) - 8) * scale;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[expect(clippy::float_cmp, reason = "quarter steps are exact in f32")]
    fn a_block_dequantizes_nibble_by_nibble() {
        let mut block = vec![0u8; BLOCK_BYTES];
        block[..2].copy_from_slice(&half::f16::from_f32(0.5).to_le_bytes());
        block[2] = 0x9f; // weight 0: 15 − 8 = 7; weight 16: 9 − 8 = 1
        block[17] = 0x08; // weight 15: 0; weight 31: −8
        let mut out = [0.0; BLOCK];
        dequantize(&block, &mut out);
        assert_eq!(out[0], 3.5);
        assert_eq!(out[16], 0.5);
        assert_eq!(out[15], 0.0);
        assert_eq!(out[31], -4.0);
        assert_eq!(out[1], -4.0);
    }

    #[test]
    fn what_is_no_encoder_file_is_refused_in_words() {
        assert!(matches!(
            File::parse(b"PK\x03\x04"),
            Err(EncoderError::Damaged(_))
        ));
        let mut cut = MAGIC.to_vec();
        cut.extend_from_slice(&100u32.to_le_bytes());
        cut.extend_from_slice(b"{\"format\"");
        assert!(matches!(File::parse(&cut), Err(EncoderError::Damaged(_))));
    }
}
