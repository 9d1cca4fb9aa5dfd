//! `claimdesk extract --jsonl`: JSON Lines of articles in, one compact review per line out, in input order.
//!
//! This is the shape that engines which pipe records through a program (Spark's `RDD.pipe`, Hadoop
//! streaming, Ray, GNU parallel) expect of a map step. Lines are read in batches and extracted in
//! parallel; memory stays bounded by the batch, whatever the length of the stream.

use std::io::{BufRead, Write};

use rayon::prelude::*;
use serde::Deserialize;

use crate::article::{self, Language, LoadOptions};
use crate::extract::{self, ExtractOptions};
use crate::json_lines::{self, RawLine};

/// One input line.
#[derive(Debug, Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

/// How the pipeline runs.
#[derive(Debug, Clone)]
pub struct PipelineOptions {
    /// Worker threads; 0 means one per core.
    pub jobs: usize,
    /// The language when a record names none (`None`: detect).
    pub language: Option<Language>,
    /// Extraction options.
    pub extract: ExtractOptions,
}

/// Counts of a finished run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PipelineSummary {
    /// Lines that became reviews.
    pub reviews: usize,
    /// Lines answered with an error object.
    pub errors: usize,
}

/// Lines per batch and worker: enough to keep every core busy, few enough to bound memory.
const LINES_PER_WORKER: usize = 32;

/// The output line for one input line.
fn process_line(line: &RawLine, options: &PipelineOptions) -> (String, bool) {
    let (bytes, text) = match line.text() {
        Ok(read) => read,
        Err(answer) => return (answer, false),
    };
    let record: Record = match serde_json::from_str(text) {
        Ok(record) => record,
        Err(error) => {
            return (
                json_lines::answer(None, bytes, &format!("not a JSON object: {error}")),
                false,
            );
        }
    };
    let id = match record.id {
        Some(serde_json::Value::String(id)) if !id.is_empty() => id,
        Some(serde_json::Value::Number(id)) => id.to_string(),
        other => {
            return (
                json_lines::answer(
                    other.as_ref(),
                    bytes,
                    "missing \"id\": give each record a string id",
                ),
                false,
            );
        }
    };
    let id_value = serde_json::Value::String(id.clone());
    let Some(text) = record.text.filter(|t| !t.trim().is_empty()) else {
        return (
            json_lines::answer(Some(&id_value), bytes, "empty or missing \"text\""),
            false,
        );
    };
    let language = match record.lang.as_deref() {
        None => options.language,
        Some("de") => Some(Language::German),
        Some("en") => Some(Language::English),
        Some(other) => {
            return (
                json_lines::answer(
                    Some(&id_value),
                    bytes,
                    &format!("\"lang\" is {other:?}: use \"de\" or \"en\", or leave it out"),
                ),
                false,
            );
        }
    };
    let loaded =
        match article::load_bytes(text.as_bytes(), &id, Some("txt"), LoadOptions { language }) {
            Ok(loaded) => loaded,
            Err(error) => {
                return (
                    json_lines::answer(Some(&id_value), bytes, &error.to_string()),
                    false,
                );
            }
        };
    let mut article = loaded.article;
    article.source = id;
    if record.title.is_some() {
        article.title = record.title;
    }
    let review = extract::new_review(article, &options.extract, &mut |_| {});
    match serde_json::to_string(&review) {
        Ok(json) => (json, true),
        Err(error) => (
            json_lines::answer(Some(&id_value), bytes, &error.to_string()),
            false,
        ),
    }
}

/// Reads records from `input` and writes one line per record to `output`, in input order. A bad line (not
/// UTF-8, not JSON, no id, no text, longer than [`json_lines::MAX_LINE_BYTES`]) is answered in its place with
/// `{"id", "error"}`, or `{"id": null, "start", "sha256", "error"}` when its id cannot be read
/// ([`json_lines::answer`]), and the stream goes on. Blank lines are no records and get no answer.
///
/// # Errors
/// When reading the input or writing the output fails (a closed output pipe included), or the worker
/// threads cannot be started.
pub fn run(
    mut input: impl BufRead,
    mut output: impl Write,
    options: &PipelineOptions,
) -> std::io::Result<PipelineSummary> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .build()
        .map_err(std::io::Error::other)?;
    let batch_size = pool.current_num_threads() * LINES_PER_WORKER;
    let mut summary = PipelineSummary::default();
    loop {
        let batch = json_lines::read_batch(&mut input, batch_size)?;
        if batch.is_empty() {
            break;
        }
        let answers: Vec<Option<(String, bool)>> = pool.install(|| {
            batch
                .par_iter()
                .map(|line| (!line.is_blank()).then(|| process_line(line, options)))
                .collect()
        });
        drop(batch);
        for (json, ok) in answers.into_iter().flatten() {
            output.write_all(json.as_bytes())?;
            output.write_all(b"\n")?;
            if ok {
                summary.reviews += 1;
            } else {
                summary.errors += 1;
            }
        }
        output.flush()?;
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reviews_in_input_order_and_bad_lines_in_place() {
        let input = [
            r#"{"id": "a", "text": "Die Stadt zahlte 2024 rund 3 Millionen Euro.", "lang": "de"}"#,
            "not json",
            r#"{"text": "no id"}"#,
            "",
            r#"{"id": "b", "text": "  "}"#,
            r#"{"id": 7, "text": "The port handled 4.2 million containers in 2024.", "title": "Port"}"#,
        ]
        .join("\n");
        let mut out = Vec::new();
        let options = PipelineOptions {
            jobs: 2,
            language: None,
            extract: ExtractOptions::default(),
        };
        let summary = run(input.as_bytes(), &mut out, &options).unwrap();
        assert_eq!(
            summary,
            PipelineSummary {
                reviews: 2,
                errors: 3
            }
        );
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 5, "the blank line is skipped");
        assert_eq!(lines[0]["article"]["source"], "a");
        assert_eq!(lines[0]["article"]["language"], "de");
        assert_eq!(lines[1]["id"], serde_json::Value::Null);
        assert_eq!(lines[1]["start"], "not json");
        assert_eq!(
            lines[1]["sha256"],
            "7ccfa1fbf3940e6f0c0375d87c0f9235a50514e14cb427bdfaf5077987b26ccf"
        );
        assert_eq!(lines[2]["start"], r#"{"text": "no id"}"#);
        assert!(lines[2].get("line").is_none(), "no line number");
        assert_eq!(lines[3]["id"], "b");
        assert!(lines[3]["error"].as_str().unwrap().contains("text"));
        assert_eq!(lines[4]["article"]["source"], "7");
        assert_eq!(lines[4]["article"]["title"], "Port");
        assert!(!lines[4]["claims"].as_array().unwrap().is_empty());
    }
}
