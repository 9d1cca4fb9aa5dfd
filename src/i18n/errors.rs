//! The library's errors in the window's language. Each error type keeps its English `Display` for the
//! command line and logs; [`InWords`] says the same in the words of a [`Messages`] language, with the same
//! facts (file, address, line) and the same advice.

use std::path::Path;

use fluent_bundle::FluentValue;

use super::Messages;
use crate::article::fetch::FetchError;
use crate::article::{DecodeError, LoadError, LoadWarning};
use crate::export::ExportError;
use crate::extract::model::ModelError;
use crate::extract::train::TrainError;
use crate::memory::MemoryError;
use crate::review::edit::EditError;
use crate::review::merge::MergeError;
use crate::review::store::StoreError;

/// An error said in the words of one language.
pub trait InWords {
    /// The error in `messages`' language: what went wrong, with which file, and what to do.
    fn in_words(&self, messages: &Messages) -> String;
}

fn shown(path: &Path) -> FluentValue<'static> {
    path.display().to_string().into()
}

fn text(value: &str) -> FluentValue<'static> {
    value.to_owned().into()
}

/// What the operating system said, in words of the language where the cause is a common one.
fn io_reason(error: &std::io::Error, m: &Messages) -> FluentValue<'static> {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => m.text("io-not-found").into(),
        ErrorKind::PermissionDenied => m.text("io-permission-denied").into(),
        ErrorKind::StorageFull => m.text("io-storage-full").into(),
        ErrorKind::ReadOnlyFilesystem => m.text("io-read-only").into(),
        ErrorKind::IsADirectory => m.text("io-is-directory").into(),
        _ => error.to_string().into(),
    }
}

impl InWords for LoadError {
    fn in_words(&self, m: &Messages) -> String {
        match self {
            Self::NotFound { path } => m.format("error-load-not-found", &[("path", text(path))]),
            Self::IsDirectory { path } => m.format("error-load-directory", &[("path", text(path))]),
            Self::Unreadable { path, source } => m.format(
                "error-load-unreadable",
                &[("path", text(path)), ("reason", io_reason(source, m))],
            ),
            Self::TooLarge { path, size, limit } => m.format(
                "error-load-too-large",
                &[
                    ("path", text(path)),
                    ("size", (*size).into()),
                    ("limit", (*limit).into()),
                ],
            ),
            Self::Empty { path } => m.format("error-load-empty", &[("path", text(path))]),
            Self::TooDeeplyNested { path, depth, limit } => m.format(
                "error-load-nested",
                &[
                    ("path", text(path)),
                    ("depth", (*depth).into()),
                    ("limit", (*limit).into()),
                ],
            ),
            Self::Undecodable { path, reason } => decode_in_words(path, reason, m),
            Self::Pdf { path, reason } => m.format(
                "error-load-pdf",
                &[("path", text(path)), ("reason", text(reason))],
            ),
            Self::ScannedPdf { path, pages } => m.format(
                "error-load-scanned-pdf",
                &[("path", text(path)), ("pages", (*pages).into())],
            ),
            Self::Fetch(error) => error.in_words(m),
        }
    }
}

impl InWords for LoadWarning {
    fn in_words(&self, m: &Messages) -> String {
        match self {
            Self::LegacyEncoding { path, encoding } => m.format(
                "warning-legacy-encoding",
                &[("path", text(path)), ("encoding", text(encoding))],
            ),
            Self::UnknownLanguage { path } => {
                m.format("warning-unknown-language", &[("path", text(path))])
            }
        }
    }
}

fn decode_in_words(path: &str, error: &DecodeError, m: &Messages) -> String {
    match error {
        DecodeError::KnownBinary { kind } => m.format(
            "error-load-binary-kind",
            &[("path", text(path)), ("kind", text(kind))],
        ),
        DecodeError::Binary { offset } => m.format(
            "error-load-binary",
            &[("path", text(path)), ("offset", (*offset).into())],
        ),
        DecodeError::BrokenUtf8 { offset } => m.format(
            "error-load-broken-utf8",
            &[("path", text(path)), ("offset", (*offset).into())],
        ),
    }
}

impl InWords for FetchError {
    fn in_words(&self, m: &Messages) -> String {
        match self {
            Self::BadAddress { url, reason } => m.format(
                "error-fetch-bad-address",
                &[("url", text(url)), ("reason", text(reason))],
            ),
            Self::Scheme { url, scheme } => m.format(
                "error-fetch-scheme",
                &[("url", text(url)), ("scheme", text(scheme))],
            ),
            Self::HostNotFound { url, host } => m.format(
                "error-fetch-host",
                &[("url", text(url)), ("host", text(host))],
            ),
            Self::Unreachable { url } => m.format("error-fetch-unreachable", &[("url", text(url))]),
            Self::Timeout { url, seconds } => m.format(
                "error-fetch-timeout",
                &[("url", text(url)), ("seconds", (*seconds).into())],
            ),
            Self::Tls { url, detail } => m.format(
                "error-fetch-tls",
                &[("url", text(url)), ("detail", text(detail))],
            ),
            Self::Status {
                url,
                status,
                reason,
            } => m.format(
                "error-fetch-status",
                &[
                    ("url", text(url)),
                    // A status code, not an amount: no digit grouping.
                    ("status", status.to_string().into()),
                    ("reason", text(reason)),
                ],
            ),
            Self::TooManyRedirects { url, max } => m.format(
                "error-fetch-redirects",
                &[("url", text(url)), ("max", (*max).into())],
            ),
            Self::BadRedirect { url, detail } => m.format(
                "error-fetch-bad-redirect",
                &[("url", text(url)), ("detail", text(detail))],
            ),
            Self::TooLarge { url, limit } => m.format(
                "error-fetch-too-large",
                &[("url", text(url)), ("limit", (*limit).into())],
            ),
            Self::NotText { url, mime_type } => m.format(
                "error-fetch-not-text",
                &[("url", text(url)), ("mime_type", text(mime_type))],
            ),
            Self::Cancelled { url } => m.format("error-fetch-cancelled", &[("url", text(url))]),
            Self::Failed { url, detail } => m.format(
                "error-fetch-failed",
                &[("url", text(url)), ("detail", text(detail))],
            ),
        }
    }
}

impl InWords for StoreError {
    fn in_words(&self, m: &Messages) -> String {
        match self {
            Self::Io {
                path,
                action,
                source,
            } => {
                let reason = io_reason(source, m);
                if *action == "reading" {
                    m.format(
                        "error-store-read",
                        &[("path", shown(path)), ("reason", reason)],
                    )
                } else {
                    m.format(
                        "error-store-write",
                        &[("path", shown(path)), ("reason", reason)],
                    )
                }
            }
            Self::Json { path, source } => m.format(
                "error-store-json",
                &[("path", shown(path)), ("reason", source.to_string().into())],
            ),
            Self::WrongFormat { path, found } => m.format(
                "error-store-format",
                &[("path", shown(path)), ("found", text(found))],
            ),
            Self::NewerVersion {
                path,
                version,
                supported,
            } => m.format(
                "error-store-newer",
                &[
                    ("path", shown(path)),
                    ("version", (*version).into()),
                    ("supported", (*supported).into()),
                ],
            ),
            Self::Invalid { path, reason } => m.format(
                "error-store-invalid",
                &[("path", shown(path)), ("reason", text(reason))],
            ),
        }
    }
}

impl InWords for ExportError {
    fn in_words(&self, m: &Messages) -> String {
        match self {
            Self::Json(error) => {
                m.format("error-export-json", &[("reason", error.to_string().into())])
            }
            Self::Csv(error) => {
                m.format("error-export-csv", &[("reason", error.to_string().into())])
            }
        }
    }
}

impl InWords for MergeError {
    fn in_words(&self, m: &Messages) -> String {
        match self {
            Self::DifferentArticles {
                found, expected, ..
            } => m.format(
                "error-merge-different-articles",
                &[("found", text(found)), ("expected", text(expected))],
            ),
        }
    }
}

impl InWords for EditError {
    fn in_words(&self, m: &Messages) -> String {
        match self {
            Self::NoSuchClaim(id) => m.format("error-edit-no-claim", &[("id", text(id))]),
            Self::DuplicateClaim(id) => m.format("error-edit-duplicate-claim", &[("id", text(id))]),
            Self::BadSpan { start, end } => m.format(
                "error-edit-bad-span",
                &[
                    ("start", start.to_string().into()),
                    ("end", end.to_string().into()),
                ],
            ),
            Self::BadUrl(url) => m.format("error-edit-bad-url", &[("url", text(url))]),
            Self::DuplicateEvidence(url) => {
                m.format("error-edit-duplicate-evidence", &[("url", text(url))])
            }
            Self::NoSuchEvidence(id, index) => m.format(
                "error-edit-no-evidence",
                &[("id", text(id)), ("number", (index + 1).into())],
            ),
            Self::NoVerdictToApprove(id) => {
                m.format("error-edit-no-verdict-to-approve", &[("id", text(id))])
            }
            Self::ApproverUnknown => m.text("error-edit-approver-unknown"),
            Self::OwnVerdict(name) => m.format("error-edit-own-verdict", &[("name", text(name))]),
            Self::NoSuchConflict(id, index) => m.format(
                "error-edit-no-conflict",
                &[("id", text(id)), ("number", (index + 1).into())],
            ),
        }
    }
}

impl InWords for ModelError {
    fn in_words(&self, m: &Messages) -> String {
        match self {
            Self::Read { path, source } => m.format(
                "error-model-read",
                &[("path", text(path)), ("reason", io_reason(source, m))],
            ),
            Self::Invalid { path, reason } => m.format(
                "error-model-invalid",
                &[("path", text(path)), ("reason", text(reason))],
            ),
        }
    }
}

impl InWords for TrainError {
    fn in_words(&self, m: &Messages) -> String {
        match self {
            Self::Read { path, source } => m.format(
                "error-train-read",
                &[("path", text(path)), ("reason", io_reason(source, m))],
            ),
            Self::BadLine { path, line, reason } => m.format(
                "error-train-line",
                &[
                    ("path", text(path)),
                    ("line", (*line).into()),
                    ("reason", text(reason)),
                ],
            ),
            Self::Write { path, source } => m.format(
                "error-train-write",
                &[("path", text(path)), ("reason", io_reason(source, m))],
            ),
            Self::TooFew {
                what,
                positives,
                negatives,
            } => m.format(
                "error-train-too-few",
                &[
                    ("what", text(what)),
                    ("positives", (*positives).into()),
                    ("negatives", (*negatives).into()),
                ],
            ),
        }
    }
}

impl InWords for MemoryError {
    fn in_words(&self, m: &Messages) -> String {
        match self {
            Self::Read { path, source } => m.format(
                "error-memory-read",
                &[("path", shown(path)), ("reason", io_reason(source, m))],
            ),
            Self::Json {
                path,
                line,
                column,
                message,
            } => m.format(
                "error-memory-json",
                &[
                    ("path", shown(path)),
                    ("line", (*line).into()),
                    ("column", (*column).into()),
                    ("reason", text(message)),
                ],
            ),
            Self::Field { path, line, what } => m.format(
                "error-memory-field",
                &[
                    ("path", shown(path)),
                    ("line", (*line).into()),
                    ("reason", text(what)),
                ],
            ),
            Self::NoClaimReviews { path } => {
                m.format("error-memory-none", &[("path", shown(path))])
            }
            Self::Review(error) => error.in_words(m),
            Self::Index { path, message } => m.format(
                "error-memory-index",
                &[("path", shown(path)), ("reason", text(message))],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    fn io(kind: std::io::ErrorKind) -> std::io::Error {
        std::io::Error::from(kind)
    }

    /// One of every error the window can show, each naming `subject`.
    fn every_error(subject: &str) -> Vec<Box<dyn InWords>> {
        let path = || subject.to_owned();
        let url = || format!("https://{subject}");
        let buf = || std::path::PathBuf::from(subject);
        vec![
            Box::new(LoadError::NotFound { path: path() }),
            Box::new(LoadWarning::LegacyEncoding {
                path: path(),
                encoding: "windows-1252",
            }),
            Box::new(LoadWarning::UnknownLanguage { path: path() }),
            Box::new(LoadError::IsDirectory { path: path() }),
            Box::new(LoadError::Unreadable {
                path: path(),
                source: io(std::io::ErrorKind::PermissionDenied),
            }),
            Box::new(LoadError::TooLarge {
                path: path(),
                size: 99,
                limit: 10,
            }),
            Box::new(LoadError::Empty { path: path() }),
            Box::new(LoadError::TooDeeplyNested {
                path: path(),
                depth: 900,
                limit: 512,
            }),
            Box::new(LoadError::Undecodable {
                path: path(),
                reason: DecodeError::Binary { offset: 3 },
            }),
            Box::new(LoadError::Undecodable {
                path: path(),
                reason: DecodeError::KnownBinary { kind: "PNG image" },
            }),
            Box::new(LoadError::Undecodable {
                path: path(),
                reason: DecodeError::BrokenUtf8 { offset: 3 },
            }),
            Box::new(LoadError::Pdf {
                path: path(),
                reason: "xref".to_owned(),
            }),
            Box::new(LoadError::ScannedPdf {
                path: path(),
                pages: 1,
            }),
            Box::new(FetchError::BadAddress {
                url: url(),
                reason: "x".to_owned(),
            }),
            Box::new(FetchError::Scheme {
                url: url(),
                scheme: "ftp".to_owned(),
            }),
            Box::new(FetchError::HostNotFound {
                url: url(),
                host: "h".to_owned(),
            }),
            Box::new(FetchError::Unreachable { url: url() }),
            Box::new(FetchError::Timeout {
                url: url(),
                seconds: 20,
            }),
            Box::new(FetchError::Tls {
                url: url(),
                detail: "expired".to_owned(),
            }),
            Box::new(FetchError::Status {
                url: url(),
                status: 404,
                reason: " (Not Found)".to_owned(),
            }),
            Box::new(FetchError::TooManyRedirects { url: url(), max: 5 }),
            Box::new(FetchError::BadRedirect {
                url: url(),
                detail: "ftp".to_owned(),
            }),
            Box::new(FetchError::TooLarge {
                url: url(),
                limit: 10,
            }),
            Box::new(FetchError::NotText {
                url: url(),
                mime_type: "image/png".to_owned(),
            }),
            Box::new(FetchError::Cancelled { url: url() }),
            Box::new(FetchError::Failed {
                url: url(),
                detail: "reset".to_owned(),
            }),
            Box::new(StoreError::Io {
                path: buf(),
                action: "reading",
                source: io(std::io::ErrorKind::NotFound),
            }),
            Box::new(StoreError::Io {
                path: buf(),
                action: "writing",
                source: io(std::io::ErrorKind::StorageFull),
            }),
            Box::new(StoreError::Json {
                path: buf(),
                source: serde_json::from_str::<u8>("x").unwrap_err(),
            }),
            Box::new(StoreError::WrongFormat {
                path: buf(),
                found: "\"x\"".to_owned(),
            }),
            Box::new(StoreError::NewerVersion {
                path: buf(),
                version: 9,
                supported: 3,
            }),
            Box::new(StoreError::Invalid {
                path: buf(),
                reason: "claim c1 has a span outside the article text".to_owned(),
            }),
            Box::new(MergeError::DifferentArticles {
                which: "THEIRS",
                found: subject.to_owned(),
                expected: "b".to_owned(),
            }),
            Box::new(EditError::NoSuchClaim(path())),
            Box::new(EditError::DuplicateClaim(path())),
            Box::new(EditError::BadUrl(url())),
            Box::new(EditError::DuplicateEvidence(url())),
            Box::new(EditError::NoSuchEvidence(path(), 0)),
            Box::new(EditError::NoVerdictToApprove(path())),
            Box::new(EditError::OwnVerdict(path())),
            Box::new(EditError::NoSuchConflict(path(), 1)),
            Box::new(ModelError::Read {
                path: path(),
                source: io(std::io::ErrorKind::NotFound),
            }),
            Box::new(ModelError::Invalid {
                path: path(),
                reason: "format".to_owned(),
            }),
            Box::new(TrainError::Read {
                path: path(),
                source: io(std::io::ErrorKind::NotFound),
            }),
            Box::new(TrainError::BadLine {
                path: path(),
                line: 3,
                reason: "no label".to_owned(),
            }),
            Box::new(TrainError::Write {
                path: path(),
                source: io(std::io::ErrorKind::PermissionDenied),
            }),
            Box::new(TrainError::TooFew {
                what: path(),
                positives: 1,
                negatives: 2,
            }),
            Box::new(MemoryError::Read {
                path: buf(),
                source: io(std::io::ErrorKind::NotFound),
            }),
            Box::new(MemoryError::Json {
                path: buf(),
                line: 1,
                column: 2,
                message: "eof".to_owned(),
            }),
            Box::new(MemoryError::Field {
                path: buf(),
                line: 1,
                what: "no claimReviewed".to_owned(),
            }),
            Box::new(MemoryError::NoClaimReviews { path: buf() }),
            Box::new(MemoryError::Index {
                path: buf(),
                message: "locked".to_owned(),
            }),
        ]
    }

    #[test]
    fn every_error_names_its_subject_in_both_languages_and_differs_between_them() {
        let german = Locale::German.messages();
        let english = Locale::English.messages();
        for error in every_error("bericht-42.txt") {
            let de = error.in_words(german);
            let en = error.in_words(english);
            for text in [&de, &en] {
                assert!(text.contains("bericht-42.txt"), "{text}");
                assert!(
                    !text.contains('{') && !text.contains("error-"),
                    "unfilled: {text}"
                );
            }
            assert_ne!(de, en, "not translated: {de}");
        }
        // Without a subject to name, still said in each language.
        let export = ExportError::Json(serde_json::from_str::<u8>("x").unwrap_err());
        for error in [&export as &dyn InWords, &EditError::ApproverUnknown] {
            assert_ne!(error.in_words(german), error.in_words(english));
        }
    }

    #[test]
    fn the_operating_systems_common_reasons_are_translated_and_plural_pages_read_right() {
        let german = Locale::German.messages();
        let unreadable = LoadError::Unreadable {
            path: "a.txt".to_owned(),
            source: io(std::io::ErrorKind::PermissionDenied),
        };
        assert!(
            unreadable.in_words(german).contains("(keine Berechtigung)"),
            "{}",
            unreadable.in_words(german)
        );
        let scanned = |pages| LoadError::ScannedPdf {
            path: "s.pdf".to_owned(),
            pages,
        };
        assert!(scanned(1).in_words(german).contains("hat eine Seite,"));
        assert!(scanned(3).in_words(german).contains("hat 3 Seiten,"));
        assert!(
            scanned(3)
                .in_words(Locale::English.messages())
                .contains("has 3 pages but")
        );
    }
}
