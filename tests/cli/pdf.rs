//! PDFs open like any article: generated fixtures (no PDF is copied into the repository), through the
//! library and the binary.

#![allow(clippy::unwrap_used, reason = "test helpers may panic")]

use crate::common;

use claimdesk::article::{LoadError, LoadOptions, SourceFormat, load_bytes, load_path};
use common::{PRESS_RELEASE_TEXT, claimdesk, pdf, press_release_pdf, stderr};

#[test]
fn a_text_pdf_reads_as_its_article_without_page_furniture() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pressemitteilung.pdf");
    std::fs::write(&path, press_release_pdf()).unwrap();
    let loaded = load_path(&path, LoadOptions::default()).unwrap();
    let article = loaded.article;
    assert_eq!(article.text, PRESS_RELEASE_TEXT);
    assert_eq!(article.format, SourceFormat::Pdf);
    assert_eq!(
        article.title.as_deref(),
        Some("Strompreis steigt zum 1. Mai")
    );
    assert_eq!(article.language.code(), "de");
}

#[test]
fn a_pdf_is_known_by_its_bytes_whatever_its_name() {
    let loaded = load_bytes(
        &press_release_pdf(),
        "download",
        None,
        LoadOptions::default(),
    )
    .unwrap();
    assert_eq!(loaded.article.text, PRESS_RELEASE_TEXT);
}

#[test]
fn claims_are_extracted_from_a_pdf_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pressemitteilung.pdf");
    std::fs::write(&path, press_release_pdf()).unwrap();
    let output = claimdesk(&["extract", path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let review: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let claims = review["claims"].as_array().unwrap();
    let texts: Vec<&str> = claims.iter().map(|c| c["text"].as_str().unwrap()).collect();
    assert!(
        texts.iter().any(|t| t.contains("um 18 Prozent")),
        "the hyphenated figure is one claim: {texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.contains("41.000 Haushalte")),
        "{texts:?}"
    );
    assert!(
        claims.iter().any(|c| c["speaker"]
            .as_str()
            .is_some_and(|s| s.ends_with("Eva Kröger"))),
        "{claims:?}"
    );
    assert!(!texts.iter().any(|t| t.contains("Seite")), "{texts:?}");
}

#[test]
fn a_scanned_pdf_says_it_has_no_text_layer() {
    let scan = pdf(&[vec![], vec![]]);
    let error = load_bytes(&scan, "scan.pdf", Some("pdf"), LoadOptions::default()).unwrap_err();
    assert!(
        matches!(error, LoadError::ScannedPdf { pages: 2, .. }),
        "{error:?}"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scan.pdf");
    std::fs::write(&path, scan).unwrap();
    let output = claimdesk(&["extract", path.to_str().unwrap()]);
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(message.contains("scan.pdf"), "{message}");
    assert!(message.contains("no text layer"), "{message}");
    assert!(message.contains("OCR"), "{message}");
}

#[test]
fn broken_pdfs_are_refused_with_a_message_never_a_panic() {
    let mut truncated = press_release_pdf();
    truncated.truncate(truncated.len() / 3);
    for bytes in [
        b"%PDF-1.7\nnot really a pdf".to_vec(),
        truncated,
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF".to_vec(),
    ] {
        let result = load_bytes(&bytes, "kaputt.pdf", Some("pdf"), LoadOptions::default());
        let error = result.expect_err("a broken PDF is no article");
        let message = error.to_string();
        assert!(message.starts_with("kaputt.pdf: "), "{message}");
    }
}
