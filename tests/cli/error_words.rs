//! Every error the window can show says what went wrong with which file, in German and in English: each
//! error type puts itself into words beside its definition (`impl InWords`), this test holds them to it.

#![allow(clippy::unwrap_used, reason = "test helpers may panic")]

use claimdesk::article::fetch::FetchError;
use claimdesk::article::{DecodeError, LoadError, LoadWarning};
use claimdesk::export::ExportError;
use claimdesk::extract::model::ModelError;
use claimdesk::extract::train::TrainError;
use claimdesk::i18n::{InWords, Locale};
use claimdesk::memory::MemoryError;
use claimdesk::review::edit::EditError;
use claimdesk::review::merge::MergeError;
use claimdesk::review::store::StoreError;

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
        Box::new(LoadError::TooComplex {
            path: path(),
            seconds: 10,
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
        Box::new(StoreError::TooLarge {
            path: buf(),
            limit: 10,
        }),
        Box::new(MemoryError::TooLarge {
            path: buf(),
            limit: 10,
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
        Box::new(MemoryError::OtherModel {
            path: buf(),
            theirs: "other-model".to_owned(),
            ours: "multilingual-e5-small".to_owned(),
        }),
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
