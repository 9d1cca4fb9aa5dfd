//! JSON Lines as map steps read them (`extract --jsonl`, `memory embed --jsonl`): one record per line, each
//! line held to a bound, batches held to a bound, and a bad line answered in its place with what finds it
//! again on any engine — its id when it can be read, else the start of the line and the SHA-256 of all of
//! it. A line number would not do: Spark, Hadoop streaming or GNU parallel hand each process a part of the
//! input, and its lines count from wherever that part began.

use std::io::BufRead;

use serde_json::Value;
use sha2::Digest as _;

/// The longest line read as a record. An article holds at most 32 MiB of text; JSON's escapes make its
/// line longer. A longer line is answered with an error in its place and skipped without being held.
pub const MAX_LINE_BYTES: usize = 48 << 20;

/// A batch stops taking lines once it holds this many bytes, so a run of long records cannot make a batch
/// hold many times the line bound.
pub const MAX_BATCH_BYTES: usize = 64 << 20;

/// How many characters of a bad line's start its answer repeats.
pub const START_CHARS: usize = 80;

/// At most this many bytes of a line over the bound are kept, for its start.
const START_BYTES: usize = START_CHARS * 4;

/// One line as read, before it is parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawLine {
    /// The line's bytes, without its end.
    Whole(Vec<u8>),
    /// A line over the bound: its first bytes, its length and the SHA-256 of all of it.
    TooLong {
        /// The first bytes (up to [`START_CHARS`] characters' worth).
        start: Vec<u8>,
        /// Its length in bytes.
        length: usize,
        /// SHA-256 of the whole line, lower-case hex.
        sha256: String,
    },
}

impl RawLine {
    /// A line of nothing but white space: no record, and no answer.
    #[must_use]
    pub fn is_blank(&self) -> bool {
        matches!(self, Self::Whole(bytes) if bytes.iter().all(u8::is_ascii_whitespace))
    }

    /// The bytes this line holds in memory.
    #[must_use]
    pub fn held_bytes(&self) -> usize {
        match self {
            Self::Whole(bytes) | Self::TooLong { start: bytes, .. } => bytes.len(),
        }
    }

    /// The line's bytes and its text; for a line over the bound or not UTF-8, its answer instead.
    ///
    /// # Errors
    /// The answer line (JSON) for a line that cannot be read as text.
    pub fn text(&self) -> Result<(&[u8], &str), String> {
        match self {
            Self::Whole(bytes) => match std::str::from_utf8(bytes) {
                // A byte-order mark (editors put one at a file's start, `cat` then inside the stream) is
                // not part of the record.
                Ok(text) => Ok((bytes, text.strip_prefix('\u{feff}').unwrap_or(text))),
                Err(error) => Err(answer(
                    None,
                    bytes,
                    &format!(
                        "not UTF-8 at byte {}: write JSON Lines in UTF-8",
                        error.valid_up_to()
                    ),
                )),
            },
            Self::TooLong {
                start,
                length,
                sha256,
            } => Err(serde_json::json!({
                "id": null,
                "start": line_start(start),
                "sha256": sha256,
                "error": format!(
                    "the line has {length} bytes, more than the {} MiB a record may have: split the record or leave it out",
                    MAX_LINE_BYTES >> 20
                ),
            })
            .to_string()),
        }
    }
}

/// Reads the next line (ended by `\n`, `\r\n` or the end of the input), holding at most `max` bytes of it.
///
/// # Errors
/// When reading fails.
pub fn next_line(input: &mut impl BufRead, max: usize) -> std::io::Result<Option<RawLine>> {
    let mut bytes = Vec::new();
    let mut overflow: Option<(sha2::Sha256, usize)> = None;
    let mut read_any = false;
    loop {
        let available = match input.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            break;
        }
        read_any = true;
        let (chunk, consumed, ended) = match memchr::memchr(b'\n', available) {
            Some(end) => (&available[..end], end + 1, true),
            None => (available, available.len(), false),
        };
        if let Some((hasher, length)) = overflow.as_mut() {
            hasher.update(chunk);
            *length += chunk.len();
        } else if bytes.len() + chunk.len() > max {
            let mut hasher = sha2::Sha256::new();
            hasher.update(&bytes);
            hasher.update(chunk);
            let length = bytes.len() + chunk.len();
            let wanted = START_BYTES.saturating_sub(bytes.len()).min(chunk.len());
            bytes.extend_from_slice(&chunk[..wanted]);
            bytes.truncate(START_BYTES);
            bytes.shrink_to_fit();
            overflow = Some((hasher, length));
        } else {
            bytes.extend_from_slice(chunk);
        }
        input.consume(consumed);
        if ended {
            break;
        }
    }
    if !read_any {
        return Ok(None);
    }
    Ok(Some(match overflow {
        None => {
            if bytes.last() == Some(&b'\r') {
                bytes.pop();
            }
            RawLine::Whole(bytes)
        }
        Some((hasher, length)) => RawLine::TooLong {
            start: bytes,
            length,
            sha256: lower_hex(&hasher.finalize()),
        },
    }))
}

/// Up to `lines` lines (fewer at the end of the input, or once the batch holds [`MAX_BATCH_BYTES`]), each
/// held to [`MAX_LINE_BYTES`]. Empty at the end of the input.
///
/// # Errors
/// When reading fails.
pub fn read_batch(input: &mut impl BufRead, lines: usize) -> std::io::Result<Vec<RawLine>> {
    let mut batch = Vec::with_capacity(lines);
    let mut held = 0;
    while batch.len() < lines && held < MAX_BATCH_BYTES {
        let Some(line) = next_line(input, MAX_LINE_BYTES)? else {
            break;
        };
        held += line.held_bytes();
        batch.push(line);
    }
    Ok(batch)
}

/// The answer to a bad line: `{"id", "error"}` when its id could be read, else
/// `{"id": null, "start", "sha256", "error"}`.
#[must_use]
pub fn answer(id: Option<&Value>, line: &[u8], error: &str) -> String {
    match id {
        Some(id) if !id.is_null() => serde_json::json!({ "id": id, "error": error }),
        _ => serde_json::json!({
            "id": null,
            "start": line_start(line),
            "sha256": crate::hashing::sha256_hex(line),
            "error": error,
        }),
    }
    .to_string()
}

/// The first [`START_CHARS`] characters of a line, bytes that are not UTF-8 as U+FFFD.
fn line_start(line: &[u8]) -> String {
    String::from_utf8_lossy(&line[..line.len().min(START_BYTES)])
        .chars()
        .take(START_CHARS)
        .collect()
}

pub use crate::hashing::lower_hex;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_not_utf8_or_over_the_bound_are_answered_and_found_by_start_and_hash() {
        let mut input: &[u8] = b"{\"id\": \"x\xff\"}\r\nabcdefghij-too-long\nlast";
        let first = next_line(&mut input, 16).unwrap().unwrap();
        assert_eq!(
            first,
            RawLine::Whole(b"{\"id\": \"x\xff\"}".to_vec()),
            "the line end goes, \\r included"
        );
        let answer: Value = serde_json::from_str(&first.text().unwrap_err()).unwrap();
        assert_eq!(answer["id"], Value::Null);
        assert_eq!(answer["start"], "{\"id\": \"x\u{fffd}\"}");
        assert_eq!(
            answer["sha256"],
            lower_hex(&sha2::Sha256::digest(b"{\"id\": \"x\xff\"}"))
        );
        assert!(
            answer["error"]
                .as_str()
                .unwrap()
                .contains("not UTF-8 at byte 9")
        );
        let long = next_line(&mut input, 16).unwrap().unwrap();
        let RawLine::TooLong { length, sha256, .. } = &long else {
            panic!("over the bound: {long:?}");
        };
        assert_eq!(*length, 19);
        assert_eq!(
            *sha256,
            lower_hex(&sha2::Sha256::digest(b"abcdefghij-too-long"))
        );
        let answer: Value = serde_json::from_str(&long.text().unwrap_err()).unwrap();
        assert_eq!(answer["start"], "abcdefghij-too-long");
        assert!(answer["error"].as_str().unwrap().contains("19 bytes"));
        assert_eq!(
            next_line(&mut input, 16).unwrap(),
            Some(RawLine::Whole(b"last".to_vec())),
            "the last line has no end"
        );
        assert_eq!(next_line(&mut input, 16).unwrap(), None);
    }

    #[test]
    fn a_line_over_the_bound_keeps_only_its_start_however_long_it_is() {
        let long = vec![b'x'; 1 << 20];
        let mut input = std::io::BufReader::with_capacity(4096, long.as_slice());
        let line = next_line(&mut input, 1000).unwrap().unwrap();
        assert_eq!(line.held_bytes(), START_BYTES);
        assert!(matches!(line, RawLine::TooLong { length, .. } if length == 1 << 20));
    }

    #[test]
    fn an_answer_names_the_id_when_there_is_one() {
        let answer: Value =
            serde_json::from_str(&answer(Some(&"r7".into()), b"{}", "empty")).unwrap();
        assert_eq!(answer, serde_json::json!({"id": "r7", "error": "empty"}));
    }
}
