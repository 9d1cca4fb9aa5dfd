//! Bytes → text: BOMs, UTF-16, legacy single-byte encodings, line endings, and refusing binary data.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

/// Decoded text and, when it was not Unicode, the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text with CRLF and CR turned into LF.
    pub text: String,
    /// The legacy encoding used, e.g. `windows-1252`; `None` for UTF-8 and UTF-16.
    pub legacy_encoding: Option<&'static str>,
}

/// Why bytes are not an article's text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// A known binary file type.
    #[error("is a {kind} file, not text. Open a .txt, .md or .html article instead.")]
    KnownBinary {
        /// What the file is (`PNG image`, `PDF document` …).
        kind: &'static str,
    },
    /// Zero bytes or control characters: not a text file.
    #[error(
        "contains binary data (at byte {offset}), not text. Open a .txt, .md or .html article instead."
    )]
    Binary {
        /// The first offending byte.
        offset: usize,
    },
    /// Mostly UTF-8, with broken sequences inside.
    #[error(
        "is not valid UTF-8: the bytes at offset {offset} are broken, although the rest of the file is UTF-8. \
         The file is probably damaged; re-save it as UTF-8 in your editor."
    )]
    BrokenUtf8 {
        /// Where the first broken sequence starts.
        offset: usize,
    },
}

const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or Office document)"),
    (b"\x7fELF", "executable program (ELF)"),
    (b"MZ", "Windows executable"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"RIFF", "RIFF media file (WAV, AVI or WebP)"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x01\x00", "icon image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O program"),
    (b"\xcf\xfa\xed\xfe", "Mach-O program"),
];

/// Decodes article bytes that may be owned: plain UTF-8 (no BOM, no CR) becomes the text in place.
///
/// # Errors
/// As [`decode`].
pub fn decode_cow(bytes: std::borrow::Cow<'_, [u8]>) -> Result<Decoded, DecodeError> {
    match bytes {
        std::borrow::Cow::Owned(owned)
            if first_binary_byte(&owned).is_none()
                && !owned.contains(&b'\r')
                && !owned.starts_with(b"\xef\xbb\xbf")
                && !SIGNATURES.iter().any(|(magic, _)| owned.starts_with(magic)) =>
        {
            match String::from_utf8(owned) {
                Ok(text) => Ok(Decoded {
                    text,
                    legacy_encoding: None,
                }),
                Err(error) => decode(error.as_bytes()),
            }
        }
        other => decode(&other),
    }
}

/// Decodes article bytes.
///
/// # Errors
/// [`DecodeError`] for binary files and damaged UTF-8.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return utf16(rest, UTF_16LE);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return utf16(rest, UTF_16BE);
    }
    if let Some((_, kind)) = SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        // "MZ" and "ID3" are also how ordinary text can begin; only call it binary when control bytes agree.
        if first_binary_byte(bytes).is_some()
            || !matches!(*kind, "Windows executable" | "MP3 audio")
        {
            return Err(DecodeError::KnownBinary { kind });
        }
    }
    if let Some(offset) = first_binary_byte(bytes) {
        return Err(DecodeError::Binary { offset });
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => utf8(bytes),
        Err(error) => {
            let offset = error.valid_up_to();
            if has_valid_multibyte_utf8(bytes) {
                return Err(DecodeError::BrokenUtf8 { offset });
            }
            Ok(legacy(bytes))
        }
    }
}

fn utf8(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(offset) = first_binary_byte(bytes) {
        return Err(DecodeError::Binary { offset });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: normalize_line_endings(text),
            legacy_encoding: None,
        }),
        Err(error) => Err(DecodeError::BrokenUtf8 {
            offset: error.valid_up_to(),
        }),
    }
}

fn utf16(bytes: &[u8], encoding: &'static Encoding) -> Result<Decoded, DecodeError> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(DecodeError::Binary { offset: 0 });
    }
    if let Some(offset) = first_binary_byte(text.as_bytes()) {
        return Err(DecodeError::Binary { offset });
    }
    Ok(Decoded {
        text: normalize_line_endings(&text),
        legacy_encoding: None,
    })
}

fn legacy(bytes: &[u8]) -> Decoded {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _, _) = encoding.decode(bytes);
    Decoded {
        text: normalize_line_endings(&text),
        legacy_encoding: Some(encoding.name()),
    }
}

/// The first byte that text never contains: NUL, or other C0 controls beyond tab, line feed, form feed,
/// carriage return and escape.
fn first_binary_byte(bytes: &[u8]) -> Option<usize> {
    bytes
        .iter()
        .position(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
}

/// Whether the bytes hold at least one well-formed multi-byte UTF-8 sequence: then broken sequences are
/// damage, not a legacy encoding (in Windows-1252 German, `Ã¤`-like pairs are very unlikely).
fn has_valid_multibyte_utf8(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => return !valid.is_ascii(),
            Err(error) => {
                let (valid, after) = rest.split_at(error.valid_up_to());
                if std::str::from_utf8(valid).is_ok_and(|v| !v.is_ascii()) {
                    return true;
                }
                let skip = error.error_len().unwrap_or(after.len()).max(1);
                rest = after.get(skip..).unwrap_or_default();
                if rest.is_empty() {
                    return false;
                }
            }
        }
    }
}

/// CRLF and lone CR become LF.
#[must_use]
pub fn normalize_line_endings(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    let mut normalized = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            normalized.push('\n');
        } else {
            normalized.push(c);
        }
    }
    normalized
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Grüße".as_bytes()).unwrap().text, "Grüße");
        assert_eq!(
            decode(b"\xef\xbb\xbfGr\xc3\xbc\xc3\x9fe").unwrap().text,
            "Grüße"
        );
    }

    #[test]
    fn utf16_both_byte_orders() {
        let mut le = vec![0xff, 0xfe];
        let mut be = vec![0xfe, 0xff];
        for unit in "Straße\r\n€".encode_utf16() {
            le.extend(unit.to_le_bytes());
            be.extend(unit.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, "Straße\n€");
        assert_eq!(decode(&be).unwrap().text, "Straße\n€");
    }

    #[test]
    fn legacy_german_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(
            "Die Bürger in Köln müssen ab Januar höhere Gebühren zahlen. Der Preis für Müllabfuhr steigt um 12 €.",
        );
        let decoded = decode(&bytes).unwrap();
        assert!(decoded.text.contains("Bürger in Köln müssen"));
        assert!(decoded.text.contains("12 €"));
        assert!(decoded.legacy_encoding.is_some());
    }

    #[test]
    fn line_endings_become_lf() {
        assert_eq!(decode(b"a\r\nb\rc\n").unwrap().text, "a\nb\nc\n");
    }

    #[test]
    fn owned_and_borrowed_bytes_decode_alike() {
        for bytes in [
            &b"%PDF-1.7 plain"[..],
            "Grüße\r\n".as_bytes(),
            b"\xef\xbb\xbfText",
            "Straße".as_bytes(),
        ] {
            assert_eq!(
                decode_cow(std::borrow::Cow::Owned(bytes.to_vec())),
                decode(bytes)
            );
        }
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0"),
            Err(DecodeError::KnownBinary { kind: "PNG image" })
        ));
        assert!(matches!(
            decode(b"\x7fELF\x02\x01\x01\0"),
            Err(DecodeError::KnownBinary { .. })
        ));
        assert!(matches!(
            decode(b"text\0with nul"),
            Err(DecodeError::Binary { offset: 4 })
        ));
        // Text that merely starts like a signature is still text.
        assert_eq!(
            decode(b"MZ Verlag meldet Rekord").unwrap().text,
            "MZ Verlag meldet Rekord"
        );
    }

    #[test]
    fn damaged_utf8_is_reported_with_offset() {
        let prefix = "Grüße aus Köln. ";
        let mut bytes = prefix.as_bytes().to_vec();
        bytes.extend([0xff, 0xfe, 0x41]);
        bytes.extend("Ende.".as_bytes());
        assert_eq!(
            decode(&bytes),
            Err(DecodeError::BrokenUtf8 {
                offset: prefix.len()
            })
        );
    }
}
