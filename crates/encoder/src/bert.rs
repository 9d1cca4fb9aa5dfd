//! The encoder's forward pass: a BERT (XLM-RoBERTa) encoder over the pieces of many texts at once. The
//! texts' tokens are stacked into one matrix, so each weight matrix is streamed once per batch through an
//! f32 matrix product (faer); attention stays within each text. The 4-bit weights are dequantized once at
//! load: exactly the quantized model's values, computed without any further rounding of the activations.

use faer::linalg::matmul::matmul;
use faer::{Accum, MatMut, MatRef, Par};

use super::EncoderError;
use super::model::{self, File};

/// `y = x · Wᵀ + b` for rows of `x`.
struct Linear {
    /// `outputs` rows of `inputs` weights.
    weight: Vec<f32>,
    bias: Vec<f32>,
    inputs: usize,
    outputs: usize,
}

impl Linear {
    fn load(
        file: &File<'_>,
        name: &str,
        outputs: usize,
        inputs: usize,
    ) -> Result<Self, EncoderError> {
        let blocks = file.q4(&format!("{name}.weight"), outputs, inputs)?;
        let mut weight = vec![0.0; outputs * inputs];
        model::dequantize(blocks, &mut weight);
        Ok(Self {
            weight,
            bias: file.f32s(&format!("{name}.bias"), outputs)?,
            inputs,
            outputs,
        })
    }

    /// `out` (rows × outputs) = `x` (rows × inputs) · Wᵀ + b.
    fn apply(&self, x: &[f32], rows: usize, out: &mut [f32]) {
        for row in out.chunks_exact_mut(self.outputs) {
            row.copy_from_slice(&self.bias);
        }
        let lhs = MatRef::from_row_major_slice(x, rows, self.inputs);
        let rhs = MatRef::from_row_major_slice(&self.weight, self.outputs, self.inputs).transpose();
        let dst = MatMut::from_row_major_slice_mut(out, rows, self.outputs);
        matmul(dst, Accum::Add, lhs, rhs, 1.0, Par::Seq);
    }
}

/// Layer normalization's learnt scale and shift.
struct Norm {
    weight: Vec<f32>,
    bias: Vec<f32>,
}

impl Norm {
    fn load(file: &File<'_>, name: &str, width: usize) -> Result<Self, EncoderError> {
        Ok(Self {
            weight: file.f32s(&format!("{name}.weight"), width)?,
            bias: file.f32s(&format!("{name}.bias"), width)?,
        })
    }

    /// Each row of `x`, plus the same row of `residual` when given, normalized in place.
    fn apply(&self, x: &mut [f32], residual: Option<&[f32]>, eps: f32) {
        let width = self.weight.len();
        for (index, row) in x.chunks_exact_mut(width).enumerate() {
            if let Some(residual) = residual {
                for (value, add) in row.iter_mut().zip(&residual[index * width..][..width]) {
                    *value += add;
                }
            }
            #[expect(clippy::cast_precision_loss, reason = "the width is 384")]
            let n = width as f32;
            let mean = row.iter().sum::<f32>() / n;
            let variance = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / n;
            let inverse = 1.0 / (variance + eps).sqrt();
            for ((value, scale), shift) in row.iter_mut().zip(&self.weight).zip(&self.bias) {
                *value = (*value - mean) * inverse * scale + shift;
            }
        }
    }
}

struct Layer {
    query: Linear,
    key: Linear,
    value: Linear,
    output: Linear,
    attention_norm: Norm,
    up: Linear,
    down: Linear,
    feed_forward_norm: Norm,
}

/// The encoder's weights.
pub struct Bert {
    /// Q4_0 rows of the word embeddings, dequantized as tokens need them.
    word: Vec<u8>,
    position: Vec<f32>,
    token_type: Vec<f32>,
    norm: Norm,
    layers: Vec<Layer>,
    hidden: usize,
    heads: usize,
    eps: f32,
    max_positions: usize,
}

/// Work buffers, kept between batches.
#[derive(Default)]
pub struct Scratch {
    x: Vec<f32>,
    q: Vec<f32>,
    k: Vec<f32>,
    v: Vec<f32>,
    context: Vec<f32>,
    projected: Vec<f32>,
    middle: Vec<f32>,
    scores: Vec<f32>,
}

impl Bert {
    /// The weights of `file`.
    ///
    /// # Errors
    /// [`EncoderError::Damaged`] when a section is missing or of the wrong size.
    pub fn load(file: &File<'_>) -> Result<Self, EncoderError> {
        let h = &file.header;
        if !h.hidden.is_multiple_of(h.heads) || !h.hidden.is_multiple_of(model::BLOCK) {
            return Err(EncoderError::Damaged(
                "its dimensions do not fit".to_owned(),
            ));
        }
        let word = file
            .q4("embeddings.word", h.tokenizer.pieces, h.hidden)?
            .to_vec();
        let mut layers = Vec::with_capacity(h.layers);
        for l in 0..h.layers {
            let name = |part: &str| format!("layers.{l}.{part}");
            layers.push(Layer {
                query: Linear::load(file, &name("attention.query"), h.hidden, h.hidden)?,
                key: Linear::load(file, &name("attention.key"), h.hidden, h.hidden)?,
                value: Linear::load(file, &name("attention.value"), h.hidden, h.hidden)?,
                output: Linear::load(file, &name("attention.output"), h.hidden, h.hidden)?,
                attention_norm: Norm::load(file, &name("attention.norm"), h.hidden)?,
                up: Linear::load(file, &name("feed_forward.up"), h.intermediate, h.hidden)?,
                down: Linear::load(file, &name("feed_forward.down"), h.hidden, h.intermediate)?,
                feed_forward_norm: Norm::load(file, &name("feed_forward.norm"), h.hidden)?,
            });
        }
        Ok(Self {
            word,
            position: file.f32s("embeddings.position", h.max_positions * h.hidden)?,
            token_type: file.f32s("embeddings.token_type", h.hidden)?,
            norm: Norm::load(file, "embeddings.norm", h.hidden)?,
            layers,
            hidden: h.hidden,
            heads: h.heads,
            eps: h.layer_norm_eps,
            max_positions: h.max_positions,
        })
    }

    /// Tokens a text may have, its sentence marks included.
    #[must_use]
    pub fn max_positions(&self) -> usize {
        self.max_positions
    }

    /// The mean of the last hidden states of each sequence (its pieces, with the sentence marks), into
    /// `out` (one row of `hidden` per sequence). Sequences are at most [`Bert::max_positions`] long.
    pub fn pooled(&self, sequences: &[Vec<u32>], scratch: &mut Scratch, out: &mut [f32]) {
        let hidden = self.hidden;
        let bounds = self.forward(sequences, scratch);
        for ((start, end), pooled) in bounds.iter().zip(out.chunks_exact_mut(hidden)) {
            pooled.fill(0.0);
            for row in scratch.x[start * hidden..end * hidden].chunks_exact(hidden) {
                for (sum, value) in pooled.iter_mut().zip(row) {
                    *sum += value;
                }
            }
            #[expect(clippy::cast_precision_loss, reason = "at most 512 tokens")]
            let count = (end - start).max(1) as f32;
            for value in pooled.iter_mut() {
                *value /= count;
            }
        }
    }

    /// The last hidden state of every token of `sequences`, stacked (one row of `hidden` per token, the
    /// sequences one after another), and each sequence's rows.
    pub fn states<'s>(
        &self,
        sequences: &[Vec<u32>],
        scratch: &'s mut Scratch,
    ) -> (&'s [f32], Vec<(usize, usize)>) {
        let bounds = self.forward(sequences, scratch);
        (&scratch.x, bounds)
    }

    /// Runs the model over `sequences`; their last hidden states are left in `scratch.x`, one row per
    /// token. Returns each sequence's rows.
    fn forward(&self, sequences: &[Vec<u32>], scratch: &mut Scratch) -> Vec<(usize, usize)> {
        let hidden = self.hidden;
        let total: usize = sequences.iter().map(Vec::len).sum();
        let mut bounds = Vec::with_capacity(sequences.len());
        let mut start = 0;
        for sequence in sequences {
            bounds.push((start, start + sequence.len()));
            start += sequence.len();
        }
        let resize = |buffer: &mut Vec<f32>, len: usize| {
            buffer.clear();
            buffer.resize(len, 0.0);
        };
        resize(&mut scratch.x, total * hidden);
        let row_bytes = hidden / model::BLOCK * model::BLOCK_BYTES;
        let mut rows = scratch.x.chunks_exact_mut(hidden);
        for sequence in sequences {
            for (position, &id) in sequence.iter().enumerate() {
                let Some(row) = rows.next() else { break };
                let word = &self.word[id as usize * row_bytes..][..row_bytes];
                model::dequantize(word, row);
                let position =
                    &self.position[position.min(self.max_positions - 1) * hidden..][..hidden];
                for ((value, p), t) in row.iter_mut().zip(position).zip(&self.token_type) {
                    *value += p + t;
                }
            }
        }
        self.norm.apply(&mut scratch.x, None, self.eps);
        for layer in &self.layers {
            self.layer(layer, total, &bounds, scratch);
        }
        bounds
    }

    fn layer(&self, layer: &Layer, total: usize, bounds: &[(usize, usize)], s: &mut Scratch) {
        let hidden = self.hidden;
        for buffer in [
            &mut s.q,
            &mut s.k,
            &mut s.v,
            &mut s.context,
            &mut s.projected,
        ] {
            buffer.clear();
            buffer.resize(total * hidden, 0.0);
        }
        layer.query.apply(&s.x, total, &mut s.q);
        layer.key.apply(&s.x, total, &mut s.k);
        layer.value.apply(&s.x, total, &mut s.v);
        let head = hidden / self.heads;
        #[expect(clippy::cast_precision_loss, reason = "32 dimensions a head")]
        let scale = 1.0 / (head as f32).sqrt();
        // Per text and head: scores = Q·Kᵀ·scale, row-wise softmax, context = scores·V, all as matrix
        // products over views into the stacked activations.
        for &(start, end) in bounds {
            let length = end - start;
            s.scores.clear();
            s.scores.resize(length * length, 0.0);
            let rows = start * hidden..end * hidden;
            for h in 0..self.heads {
                let offset = h * head;
                let q = MatRef::from_row_major_slice(&s.q[rows.clone()], length, hidden)
                    .subcols(offset, head);
                let k = MatRef::from_row_major_slice(&s.k[rows.clone()], length, hidden)
                    .subcols(offset, head);
                let v = MatRef::from_row_major_slice(&s.v[rows.clone()], length, hidden)
                    .subcols(offset, head);
                let scores = MatMut::from_row_major_slice_mut(&mut s.scores, length, length);
                matmul(scores, Accum::Replace, q, k.transpose(), scale, Par::Seq);
                for row in s.scores.chunks_exact_mut(length) {
                    let highest = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
                    let mut sum = 0.0;
                    for score in row.iter_mut() {
                        *score = exp(*score - highest);
                        sum += *score;
                    }
                    let inverse = 1.0 / sum;
                    for score in row.iter_mut() {
                        *score *= inverse;
                    }
                }
                let weights = MatRef::from_row_major_slice(&s.scores, length, length);
                let context =
                    MatMut::from_row_major_slice_mut(&mut s.context[rows.clone()], length, hidden)
                        .subcols_mut(offset, head);
                matmul(context, Accum::Replace, weights, v, 1.0, Par::Seq);
            }
        }
        layer.output.apply(&s.context, total, &mut s.projected);
        layer
            .attention_norm
            .apply(&mut s.x, Some(&s.projected), self.eps);
        s.middle.clear();
        s.middle.resize(total * layer.up.outputs, 0.0);
        layer.up.apply(&s.x, total, &mut s.middle);
        for value in &mut s.middle {
            *value = gelu(*value);
        }
        layer.down.apply(&s.middle, total, &mut s.projected);
        layer
            .feed_forward_norm
            .apply(&mut s.x, Some(&s.projected), self.eps);
    }
}

/// `e^x`, for the softmax and the GELU: 2^k · 2^f with k the nearest integer to x·log₂e (rounded by the
/// 1.5·2²³ trick, which needs no rounding instruction) and 2^f on [−½, ½] by a degree-6 polynomial, relative
/// error below 2·10⁻⁷. Branch-free, so the loops around it vectorize; glibc's `expf` was a quarter of all
/// time.
#[inline]
#[expect(clippy::many_single_char_names, reason = "the formula's names")]
fn exp(x: f32) -> f32 {
    const ROUND: f32 = 12_582_912.0;
    let y = (x * std::f32::consts::LOG2_E).clamp(-126.0, 126.0);
    let k = (y + ROUND) - ROUND;
    let f = y - k;
    let p = 1.0
        + f * (std::f32::consts::LN_2
            + f * (0.240_226_5
                + f * (0.055_504_11
                    + f * (0.009_618_129 + f * (0.001_333_355_8 + f * 0.000_154_035_3)))));
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "k is a whole number in −126..=126"
    )]
    let scale = f32::from_bits(((k as i32 + 127) as u32) << 23);
    p * scale
}

/// The exact GELU the model was trained with, x·Φ(x) = ½x(1 + erf(x/√2)), erf by Abramowitz and Stegun
/// 7.1.26 (absolute error below 1.5·10⁻⁷) over [`exp`].
#[inline]
fn gelu(x: f32) -> f32 {
    let z = x * std::f32::consts::FRAC_1_SQRT_2;
    let a = z.abs();
    let t = 1.0 / (1.0 + 0.327_591_1 * a);
    let poly = t
        * (0.254_829_6
            + t * (-0.284_496_74 + t * (1.421_413_7 + t * (-1.453_152_1 + t * 1.061_405_4))));
    let erf = 1.0 - poly * exp(-a * a);
    0.5 * x * (1.0 + erf.copysign(z))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_exp_and_gelu_are_as_exact_as_f32_needs() {
        for i in -1600..=200 {
            #[expect(clippy::cast_precision_loss, reason = "test points")]
            let x = i as f32 * 0.05;
            let exact = f64::from(x).exp();
            let relative = ((f64::from(exp(x)) - exact) / exact).abs();
            // Far below 1 the argument's own rounding (x·log₂e in f32) dominates.
            let bound = if x.abs() < 10.0 { 5e-7 } else { 1e-5 };
            assert!(relative < bound, "exp({x}): {relative}");
            let gelu_exact = 0.5 * f64::from(x) * (1.0 + libm::erf(f64::from(x) / 2f64.sqrt()));
            assert!(
                (f64::from(gelu(x)) - gelu_exact).abs() < 2e-6 * (1.0 + f64::from(x).abs()),
                "gelu({x})"
            );
        }
    }
}
