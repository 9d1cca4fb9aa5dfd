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

use serde_json::Value;

use super::carried::{Carried, CarriedVector, VECTORS_FIELD};
use super::{claimreview, semantic};
use crate::encoder::{Encoder, Kind};
use crate::json_lines::{self, RawLine};

/// Records per batch and thread: batches keep every core busy and bound memory.
const RECORDS_PER_THREAD: usize = 64;

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
