//! The command line end to end: the real binary, real files, exit codes and messages.

#![allow(clippy::unwrap_used, reason = "test helpers may panic")]

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use claimdesk::review::{ClaimKind, Review, store};
use common::{claimdesk, stderr};

use crate::common;

fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("claimdesk runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

const GERMAN: &str = "Bahn streicht 200 Verbindungen\n\
Die Deutsche Bahn streicht ab dem 1. Juni rund 200 Verbindungen im Regionalverkehr. Das teilte ein Sprecher am Freitag mit. \
Grund seien fehlende Lokführer.\n\
„Uns fehlen derzeit 300 Lokführer“, sagte Bahn-Vorständin Eva Kröger. Wann wird der Plan wieder normal?\n";

#[test]
fn sentences_prints_json_lines_with_byte_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", GERMAN.as_bytes());
    let output = claimdesk(&["sentences", path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let lines: Vec<serde_json::Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 6);
    for line in &lines {
        let (start, end) = (
            usize::try_from(line["start"].as_u64().unwrap()).unwrap(),
            usize::try_from(line["end"].as_u64().unwrap()).unwrap(),
        );
        assert_eq!(&GERMAN[start..end], line["text"].as_str().unwrap());
    }
    assert_eq!(lines[0]["text"], "Bahn streicht 200 Verbindungen");
    assert_eq!(
        lines[1]["text"],
        "Die Deutsche Bahn streicht ab dem 1. Juni rund 200 Verbindungen im Regionalverkehr."
    );
}

#[test]
fn extract_writes_a_review_that_loads_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", GERMAN.as_bytes());
    let out = dir.path().join("a.review.json");
    // Every candidate, so that speakers and kinds are checked whatever the scores: the default scorer
    // leaves out "Grund seien fehlende Lokführer." (0.04; a known miss, noted on issue 39).
    let output = claimdesk(&[
        "extract",
        "--min-score",
        "0",
        path.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let review = store::load(&out).unwrap();
    assert_eq!(review.format, "claimdesk-review");
    assert_eq!(
        review.article.language,
        claimdesk::article::Language::German
    );
    assert_eq!(
        review.article.title.as_deref(),
        Some("Bahn streicht 200 Verbindungen")
    );
    let quote = review
        .claims
        .iter()
        .find(|c| c.kind == ClaimKind::Quote)
        .expect("the quote is a claim");
    assert_eq!(quote.speaker.as_deref(), Some("Bahn-Vorständin Eva Kröger"));
    assert!(
        review.claims.iter().all(|c| !c.text.ends_with('?')),
        "questions are not claims"
    );
    let continued = review
        .claims
        .iter()
        .find(|c| c.text.starts_with("Grund seien"))
        .expect("Konjunktiv sentence");
    assert_eq!(continued.speaker.as_deref(), Some("ein Sprecher"));
    // The JSON uses the documented names.
    let raw: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    for key in [
        "id", "start", "end", "text", "score", "kind", "reasons", "speaker", "hedges", "verdict",
        "note", "evidence",
    ] {
        assert!(raw["claims"][0].get(key).is_some(), "claims have {key}");
    }
    for key in ["source", "title", "language", "text", "sha256"] {
        assert!(raw["article"].get(key).is_some(), "article has {key}");
    }
    assert!(raw["claims"][0]["verdict"].is_null());
}

#[test]
fn extract_reads_standard_input_and_prints_to_standard_output() {
    let output = with_stdin(
        &["extract", "--lang", "en", "-"],
        b"The council approved a budget of $4.2 million on Tuesday, the mayor said.\n",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let review: Review = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(review.article.source, "-");
    assert_eq!(review.claims.len(), 1);
    assert_eq!(review.claims[0].speaker.as_deref(), Some("the mayor"));
}

#[test]
fn html_and_markdown_articles() {
    let dir = tempfile::tempdir().unwrap();
    let html = write(
        dir.path(),
        "page.html",
        "<html><head><title>X</title><script>document.write('no')</script></head><body><nav>Home | News</nav><article><h1>Mayor resigns</h1><p>Mayor Tom Reid resigned on Monday after 12 years in office, the city said.</p></article><footer>© Paper</footer></body></html>".as_bytes(),
    );
    let output = claimdesk(&["extract", html.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let review: Review = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(review.article.title.as_deref(), Some("Mayor resigns"));
    assert!(!review.article.text.contains("document.write"));
    assert!(!review.article.text.contains("Home | News"));
    assert!(
        review
            .claims
            .iter()
            .any(|c| c.text.starts_with("Mayor Tom Reid resigned"))
    );

    let markdown = write(dir.path(), "note.md", b"# Budget **approved**\n\nThe council approved a budget of\n$4.2 million on Tuesday, [the mayor](https://example.org) said.\n");
    let output = claimdesk(&["extract", markdown.to_str().unwrap()]);
    let review: Review = serde_json::from_slice(&output.stdout).unwrap();
    assert!(
        review
            .article
            .text
            .contains("The council approved a budget of $4.2 million on Tuesday, the mayor said.")
    );
    assert!(!review.article.text.contains("**"));
}

#[test]
fn bad_inputs_fail_with_a_message_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.txt", b"  \n\t\n");
    let image = write(
        dir.path(),
        "photo.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
    );
    let binary = write(
        dir.path(),
        "noise.md",
        &[0u8, 159, 146, 150, 1, 2, 3, 200, 0, 7],
    );
    let missing = dir.path().join("missing.txt");
    for (path, expected) in [
        (empty, "is empty"),
        (image, "PNG image"),
        (binary, "binary data"),
        (missing, "no such file"),
        (dir.path().to_owned(), "is a directory"),
    ] {
        for subcommand in ["extract", "sentences"] {
            if subcommand == "extract" && path.is_dir() {
                // A folder is a desk to `extract` (see the desk tests).
                continue;
            }
            let output = claimdesk(&[subcommand, path.to_str().unwrap()]);
            assert_eq!(
                output.status.code(),
                Some(1),
                "{subcommand} {}",
                path.display()
            );
            let message = stderr(&output);
            assert!(message.contains(path.to_str().unwrap()), "{message}");
            assert!(message.contains(expected), "{message}");
            assert!(!message.contains("panicked"), "{message}");
        }
    }
}

#[test]
fn usage_errors_exit_with_2_and_help_exists() {
    let output = claimdesk(&["extract", "--lang", "fr", "x.txt"]);
    assert_eq!(output.status.code(), Some(2));
    for args in [
        &["--help"][..],
        &["extract", "--help"],
        &["sentences", "--help"],
    ] {
        let output = claimdesk(args);
        assert!(output.status.success());
        assert!(String::from_utf8_lossy(&output.stdout).contains("Usage"));
    }
}

#[test]
fn extract_output_is_atomic_and_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", GERMAN.as_bytes());
    let out = dir.path().join("out.json");
    std::fs::write(&out, b"old content").unwrap();
    assert!(
        claimdesk(&[
            "extract",
            path.to_str().unwrap(),
            "-o",
            out.to_str().unwrap()
        ])
        .status
        .success()
    );
    assert!(store::load(&out).is_ok());
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    // A failed write leaves the old file alone.
    let unwritable = dir.path().join("no/such/dir/out.json");
    let output = claimdesk(&[
        "extract",
        path.to_str().unwrap(),
        "-o",
        unwritable.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no/such/dir/out.json"));
}

/// The user's own example article (beside the checkout in `../shared/seeds/`, not in this repository).
#[test]
fn the_seed_article() {
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/000_767a37a78c410947.txt");
    if !seed.is_file() {
        common::skipped(
            "the_seed_article",
            &seed,
            "the user's own example is not checked",
        );
        return;
    }
    // What the default scorer flags: the article's central claims, never the broadcast note or the
    // question. Known misses of the default scorer, noted on issue 39 (words alone flags them): "Nordkorea
    // und Russland haben zuletzt …" (0.31), "Experten warnen
    // zudem …" (0.25), "Sie sei nicht gegen Drittländer gerichtet." (0.06), "Der russische Botschafter in
    // Seoul wurde einbestellt." (0.3).
    let output = claimdesk(&["extract", seed.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let flagged: Review = serde_json::from_slice(&output.stdout).unwrap();
    assert!(
        flagged.generator.contains("meaning"),
        "{}",
        flagged.generator
    );
    for start in [
        "Nordkoreaner trainieren angeblich",
        "Die südkoreanische Spionagebehörde",
        "Die Truppen würden",
        "Der ukrainische Präsident",
        "Die NATO und die USA",
        "\"Die Beteiligung Nordkoreas",
        "Valeriy Ryabykh",
        "Die Zusammenarbeit mit Pjöngjang bewege sich",
        "Laut Experten",
        "Moskau und Pjöngjang bestreiten",
        "Wladimir Putin und Kim Jong Un",
    ] {
        assert!(
            flagged.claims.iter().any(|c| c.text.starts_with(start)),
            "the default scorer flags {start:?}"
        );
    }
    // Speakers, kinds and hedges of every candidate, whatever its score.
    let output = claimdesk(&["extract", "--min-score", "0", seed.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let review: Review = serde_json::from_slice(&output.stdout).unwrap();
    let claim = |start: &str| {
        review
            .claims
            .iter()
            .find(|c| c.text.starts_with(start))
            .unwrap_or_else(|| panic!("no claim starting {start:?}"))
    };
    assert_eq!(
        review.article.language,
        claimdesk::article::Language::German
    );
    assert_eq!(
        review.article.published.as_deref(),
        Some("2024-10-22"),
        "from the broadcast note"
    );
    assert_eq!(
        claim("Die südkoreanische Spionagebehörde")
            .speaker
            .as_deref(),
        Some("Die südkoreanische Spionagebehörde")
    );
    assert_eq!(
        claim("Die Truppen würden").speaker.as_deref(),
        Some("Die südkoreanische Spionagebehörde"),
        "Konjunktiv continues the report"
    );
    assert_eq!(
        claim("Der ukrainische Präsident").speaker.as_deref(),
        Some("Der ukrainische Präsident Wolodymyr Selenskyj")
    );
    assert_eq!(
        claim("\"Die Beteiligung Nordkoreas").speaker.as_deref(),
        Some("Moon Seong-mok")
    );
    assert_eq!(claim("\"Die Beteiligung Nordkoreas").kind, ClaimKind::Quote);
    assert_eq!(
        claim("Valeriy Ryabykh").speaker.as_deref(),
        Some("Valeriy Ryabykh")
    );
    assert_eq!(claim("Laut Experten").speaker.as_deref(), Some("Experten"));
    assert_eq!(
        claim("Moskau und Pjöngjang bestreiten").speaker.as_deref(),
        Some("Moskau und Pjöngjang")
    );
    assert!(
        claim("Nordkoreaner trainieren angeblich")
            .hedges
            .contains(&"angeblich".to_owned())
    );
    assert!(
        claim("Die russischen Militäreinheiten dürften")
            .hedges
            .contains(&"dürften".to_owned())
    );
    assert!(
        claim("Wladimir Putin und Kim Jong Un")
            .reasons
            .iter()
            .any(|r| claimdesk::i18n::InWords::in_words(
                r,
                claimdesk::i18n::Locale::English.messages()
            )
            .contains("Juni"))
    );
    assert!(
        review
            .claims
            .iter()
            .all(|c| !c.text.starts_with("Diese Nachricht wurde")),
        "the broadcast note is not a claim"
    );
    assert!(
        review
            .claims
            .iter()
            .all(|c| !c.text.starts_with("Und was sagt der Kreml?")),
        "questions are not claims"
    );
}

#[test]
fn export_every_format_without_touching_the_review() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "a.txt", GERMAN.as_bytes());
    let review_path = dir.path().join("a.review.json");
    assert!(
        claimdesk(&[
            "extract",
            article.to_str().unwrap(),
            "-o",
            review_path.to_str().unwrap()
        ])
        .status
        .success()
    );
    let mut review = store::load(&review_path).unwrap();
    review.claims[0].verdict = Some(claimdesk::review::Verdict::Denied);
    review.claims[0].note = "Falsch: <b>laut</b> Fahrplan 150".to_owned();
    store::save(&review, &review_path).unwrap();
    let before = std::fs::read(&review_path).unwrap();
    for (format, check) in [
        ("claimreview", "\"alternateName\": \"Falsch\""),
        ("csv", "id,start,end,verdict"),
        ("markdown", "# Faktencheck: Bahn streicht 200 Verbindungen"),
        ("html", "<mark class=\"denied\""),
    ] {
        let out = dir.path().join(format!("out.{format}"));
        let output = claimdesk(&[
            "export",
            "--format",
            format,
            review_path.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--reviewer",
            "Faktencheck Nord",
        ]);
        assert!(output.status.success(), "{format}: {}", stderr(&output));
        let content = String::from_utf8(std::fs::read(&out).unwrap()).unwrap();
        assert!(content.contains(check), "{format}: {content}");
        if format == "claimreview" {
            assert!(stderr(&output).contains("pending claims left out"));
            assert!(content.contains("Faktencheck Nord"));
        }
        if format != "claimreview" && format != "csv" {
            assert!(!content.contains("<b>laut</b>"), "{format} escapes notes");
        }
    }
    assert_eq!(
        std::fs::read(&review_path).unwrap(),
        before,
        "exports never modify the review"
    );
    let bad = claimdesk(&[
        "export",
        "--format",
        "html",
        review_path.to_str().unwrap(),
        "--url",
        "javascript:alert(1)",
    ]);
    assert_eq!(bad.status.code(), Some(1));
    // The report language: the article's by default, --lang chooses; CSV headers stay machine names.
    let report = |lang: Option<&str>, format: &str| {
        let mut args = vec!["export", "--format", format, review_path.to_str().unwrap()];
        if let Some(lang) = lang {
            args.extend(["--lang", lang]);
        }
        let output = claimdesk(&args);
        assert!(output.status.success(), "{}", stderr(&output));
        String::from_utf8(output.stdout).unwrap()
    };
    let german = report(None, "markdown");
    assert!(
        german.contains("## Übersicht") && german.contains("| Falsch |"),
        "{german}"
    );
    assert!(
        !german.contains("Summary") && !german.contains("Reviewer"),
        "{german}"
    );
    let english = report(Some("en"), "markdown");
    assert!(
        english.contains("## Summary") && english.contains("| False |"),
        "{english}"
    );
    assert!(
        !english.contains("Übersicht") && !english.contains("Geprüft von"),
        "{english}"
    );
    assert!(report(Some("en"), "html").contains("<html lang=\"en\">"));
    assert!(report(None, "html").contains("<html lang=\"de\">"));
    assert!(report(Some("de"), "csv").starts_with("\u{feff}id,start,end,verdict"));
    let unknown = claimdesk(&[
        "export",
        "--format",
        "markdown",
        review_path.to_str().unwrap(),
        "--lang",
        "fr",
    ]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("use de or en"),
        "{}",
        stderr(&unknown)
    );
    let corrupt = write(
        dir.path(),
        "corrupt.review.json",
        b"{\"format\": \"claimdesk-review\"",
    );
    let output = claimdesk(&["export", "--format", "csv", corrupt.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("corrupt.review.json"));
}

// ----- desks: folders of articles -----------------------------------------------------------------------

const ENGLISH: &str = "Port cuts 400 jobs\n\
The Port of Caldwell will cut 400 jobs by March, the port authority said on Tuesday. \
Container volumes fell 18 percent in 2024.\n";

fn make_desk() -> tempfile::TempDir {
    let desk = tempfile::tempdir().unwrap();
    write(desk.path(), "bahn.txt", GERMAN.as_bytes());
    std::fs::create_dir_all(desk.path().join("en/.git")).unwrap();
    write(
        &desk.path().join("en"),
        "port.md",
        format!("# {ENGLISH}").as_bytes(),
    );
    write(
        &desk.path().join("en/.git"),
        "ignored.txt",
        ENGLISH.as_bytes(),
    );
    write(desk.path(), "picture.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    desk
}

#[test]
fn extract_dir_writes_reviews_keeps_verdicts_and_never_overwrites() {
    let desk = make_desk();
    let root = desk.path();
    let dir = root.to_str().unwrap();
    let output = claimdesk(&["extract", "--jobs", "2", dir]);
    assert_eq!(output.status.code(), Some(1), "the binary file failed");
    let message = stderr(&output);
    assert!(message.contains("picture.txt"), "{message}");
    assert!(
        message.contains("2 new reviews, 0 re-anchored, 0 unchanged, 1 failed"),
        "{message}"
    );
    assert!(root.join("bahn.review.json").is_file());
    assert!(root.join("en/port.review.json").is_file());
    assert!(
        !root.join("en/.git/ignored.review.json").exists(),
        "hidden folders are skipped"
    );
    assert!(!root.join("picture.review.json").exists());

    // The analyst decides a claim; a re-run touches nothing.
    let review_path = root.join("bahn.review.json");
    let mut review = store::load(&review_path).unwrap();
    let decided = review.claims[1].id.clone();
    review.claims[1].verdict = Some(claimdesk::review::Verdict::Denied);
    review.claims[1].note = "Fahrplan geprüft".to_owned();
    store::save(&review, &review_path).unwrap();
    std::fs::remove_file(root.join("picture.txt")).unwrap();
    let before = std::fs::read(&review_path).unwrap();
    let mtime = std::fs::metadata(&review_path).unwrap().modified().unwrap();
    let output = claimdesk(&["extract", dir]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("0 new reviews, 0 re-anchored, 2 unchanged, 0 failed"));
    assert_eq!(std::fs::read(&review_path).unwrap(), before);
    assert_eq!(
        std::fs::metadata(&review_path).unwrap().modified().unwrap(),
        mtime
    );

    // The article changes: the review is re-anchored, the verdict and note kept.
    write(
        root,
        "bahn.txt",
        format!("Aktualisiert um 14 Uhr.\n{GERMAN}").as_bytes(),
    );
    let output = claimdesk(&["extract", "--jobs", "1", dir]);
    assert!(
        stderr(&output).contains("1 re-anchored, 1 unchanged"),
        "{}",
        stderr(&output)
    );
    let moved = store::load(&review_path).unwrap();
    let claim = moved.claims.iter().find(|c| c.id == decided).unwrap();
    assert_eq!(claim.verdict, Some(claimdesk::review::Verdict::Denied));
    assert_eq!(claim.note, "Fahrplan geprüft");
    assert!(moved.article.text.starts_with("Aktualisiert"));

    // A corrupt review is reported and left alone.
    std::fs::write(root.join("en/port.review.json"), b"{\"format\":").unwrap();
    let output = claimdesk(&["extract", dir]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("port.review.json"));
    assert_eq!(
        std::fs::read(root.join("en/port.review.json")).unwrap(),
        b"{\"format\":"
    );
}

#[test]
fn status_lists_every_article_with_counts_and_errors() {
    let desk = make_desk();
    let root = desk.path();
    let output = claimdesk(&["extract", root.to_str().unwrap(), "--jobs", "2"]);
    assert_eq!(output.status.code(), Some(1));
    let review_path = root.join("en/port.review.json");
    let mut review = store::load(&review_path).unwrap();
    review.claims[0].verdict = Some(claimdesk::review::Verdict::Confirmed);
    store::save(&review, &review_path).unwrap();
    std::fs::remove_file(root.join("bahn.review.json")).unwrap();

    let output = claimdesk(&["status", "--json", root.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let status: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let articles = status["articles"].as_array().unwrap();
    let paths: Vec<&str> = articles
        .iter()
        .map(|a| a["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["bahn.txt", "en/port.md", "picture.txt"]);
    let bahn = &articles[0];
    assert_eq!(bahn["review"], serde_json::Value::Null);
    assert_eq!(bahn["language"], "de");
    assert_eq!(bahn["pending"], bahn["claims"]);
    assert!(bahn["claims"].as_u64().unwrap() >= 2);
    let port = &articles[1];
    assert_eq!(port["review"], "en/port.review.json");
    assert_eq!(port["confirmed"], 1);
    assert_eq!(port["title"], "Port cuts 400 jobs");
    assert!(
        articles[2]["error"]
            .as_str()
            .unwrap()
            .contains("picture.txt")
    );
    let totals = &status["totals"];
    assert_eq!(totals["articles"], 3);
    assert_eq!(
        totals["claims"].as_u64().unwrap(),
        bahn["claims"].as_u64().unwrap() + port["claims"].as_u64().unwrap()
    );
    assert_eq!(totals["confirmed"], 1);
    assert!(
        !root.join("bahn.review.json").exists(),
        "status writes no review"
    );

    let text = claimdesk(&["status", root.to_str().unwrap()]);
    let table = String::from_utf8(text.stdout).unwrap();
    assert!(
        table.contains("en/port.md") && table.contains("total (3 articles)"),
        "{table}"
    );
}

#[test]
fn jsonl_pipeline_answers_every_line_in_order() {
    let records = [
        serde_json::json!({"id": "de-1", "text": GERMAN, "lang": "de"}).to_string(),
        "{oops".to_owned(),
        serde_json::json!({"text": ENGLISH}).to_string(),
        serde_json::json!({"id": "en-1", "text": ENGLISH, "title": "Port"}).to_string(),
        serde_json::json!({"id": "empty", "text": ""}).to_string(),
    ];
    let mut input = records.join("\n");
    input.push('\n');
    let output = with_stdin(
        &["extract", "--jsonl", "--jobs", "2", "-"],
        input.as_bytes(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let lines: Vec<serde_json::Value> = String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    let review: Review = serde_json::from_value(lines[0].clone()).unwrap();
    assert_eq!(review.article.source, "de-1");
    assert!(!review.claims.is_empty());
    // A bad line whose id cannot be read is found again by its start and hash, on any engine.
    assert_eq!(lines[1]["start"], "{oops");
    assert_eq!(lines[1]["id"], serde_json::Value::Null);
    assert_eq!(lines[1]["sha256"].as_str().unwrap().len(), 64);
    assert!(lines[2]["start"].as_str().unwrap().starts_with("{\"text\""));
    assert!(lines[2]["error"].as_str().unwrap().contains("id"));
    assert_eq!(lines[3]["article"]["source"], "en-1");
    assert_eq!(lines[3]["article"]["title"], "Port");
    assert_eq!(lines[4]["id"], "empty");
    assert!(stderr(&output).contains("2 reviews, 3 errors"));
}

#[test]
fn a_dash_output_is_standard_output_everywhere_it_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "a.txt", GERMAN.as_bytes());
    let extracted = common::claimdesk_in(dir.path(), &["extract", "a.txt", "-o", "-"]);
    assert!(extracted.status.success(), "{}", stderr(&extracted));
    let review: Review = serde_json::from_slice(&extracted.stdout).unwrap();
    assert!(!review.claims.is_empty());
    assert!(!dir.path().join("-").exists(), "no file named '-'");
    let review_path = dir.path().join("a.review.json");
    store::save(&review, &review_path).unwrap();
    let exported = common::claimdesk_in(
        dir.path(),
        &["export", "--format", "csv", "a.review.json", "-o", "-"],
    );
    assert!(exported.status.success(), "{}", stderr(&exported));
    assert!(String::from_utf8_lossy(&exported.stdout).contains("verdict"));
    let merged = common::claimdesk_in(
        dir.path(),
        &[
            "merge",
            "a.review.json",
            "a.review.json",
            "a.review.json",
            "-o",
            "-",
        ],
    );
    assert!(merged.status.success(), "{}", stderr(&merged));
    assert_eq!(
        serde_json::from_slice::<Review>(&merged.stdout)
            .unwrap()
            .claims
            .len(),
        review.claims.len()
    );
    assert!(!dir.path().join("-").exists());
    let _ = article;
}

#[test]
fn an_output_onto_the_input_is_refused_and_the_input_kept() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "a.txt", GERMAN.as_bytes());
    let refused = claimdesk(&[
        "extract",
        article.to_str().unwrap(),
        "-o",
        article.to_str().unwrap(),
    ]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("is also an input"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(std::fs::read(&article).unwrap(), GERMAN.as_bytes());
    let review_path = dir.path().join("a.review.json");
    let made = claimdesk(&[
        "extract",
        article.to_str().unwrap(),
        "-o",
        review_path.to_str().unwrap(),
    ]);
    assert!(made.status.success());
    let before = std::fs::read(&review_path).unwrap();
    // Named another way: through the folder's own `.`.
    let dotted = dir.path().join(".").join("a.review.json");
    let refused = claimdesk(&[
        "export",
        "--format",
        "csv",
        review_path.to_str().unwrap(),
        "-o",
        dotted.to_str().unwrap(),
    ]);
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    assert_eq!(std::fs::read(&review_path).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn an_output_through_a_link_writes_its_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "a.txt", GERMAN.as_bytes());
    let target = write(dir.path(), "target.json", b"old");
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink("target.json", &link).unwrap();
    let out = claimdesk(&[
        "extract",
        article.to_str().unwrap(),
        "-o",
        link.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(store::load(&target).is_ok());
    // A device: written into, never replaced.
    let out = claimdesk(&["extract", article.to_str().unwrap(), "-o", "/dev/null"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

const LINDENAU: &str = "Hallenbad bleibt offen\n\n\
Die Stadt Lindenau weist Gerüchte zurück, wonach das Hallenbad in diesem Jahr geschlossen werden soll.\n\n\
Laut einer Umfrage der Lindenauer Zeitung wünschen sich 64 Prozent der Befragten längere Öffnungszeiten.\n\n\
Die Sanierung koste nach Schätzungen 3,1 Millionen Euro und sei bis Oktober abgeschlossen.\n\n\
Bürgermeisterin Eva Sommer sagte am Montag, das Bad bleibe auf jeden Fall offen.\n\
Die Kosten lägen bei 3,1 Millionen Euro, die das Land zur Hälfte übernehme.\n\n\
Er sieht Ausgaben von 2,4 Millionen Euro für das Dach vor.\n";

/// What a published export says about sources: a survey is a CreativeWork, never a Person; a speaker
/// extraction only inferred (Konjunktiv continuing) is left out until the analyst confirms it; no
/// speaker crosses a paragraph break by Konjunktiv alone from a survey; a denial of a rumour is not a
/// rumour; "Er sieht … vor" reports nothing; no made-up reviewing organisation; a verdict awaiting
/// approval is a draft; the source line is not the headline.
#[test]
fn exports_publish_only_sources_that_were_found_or_confirmed_and_type_them() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "lindenau.txt", LINDENAU.as_bytes());
    let review_path = dir.path().join("lindenau.review.json");
    let output = claimdesk(&[
        "extract",
        article.to_str().unwrap(),
        "-o",
        review_path.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let mut review = store::load(&review_path).unwrap();
    let claim = |review: &Review, needle: &str| {
        review
            .claims
            .iter()
            .position(|c| c.text.contains(needle))
            .unwrap_or_else(|| panic!("a claim with {needle}"))
    };
    let denial = claim(&review, "weist Gerüchte zurück");
    assert_ne!(
        review.claims[denial].kind,
        ClaimKind::Rumour,
        "a denial is not a rumour"
    );
    let survey = claim(&review, "Umfrage");
    assert_eq!(
        review.claims[survey].speaker_kind,
        Some(claimdesk::review::SpeakerKind::Work)
    );
    let after_survey = claim(&review, "Sanierung koste");
    assert_eq!(
        review.claims[after_survey].speaker, None,
        "no speaker across a paragraph from a survey by Konjunktiv alone"
    );
    let continued = claim(&review, "Kosten lägen");
    assert_eq!(
        review.claims[continued].speaker.as_deref(),
        Some("Bürgermeisterin Eva Sommer")
    );
    assert!(review.claims[continued].speaker_inferred);
    let plans = claim(&review, "sieht Ausgaben");
    assert_eq!(
        review.claims[plans].speaker, None,
        "sieht … vor reports nothing"
    );
    assert_ne!(review.claims[plans].kind, ClaimKind::ReportedStatement);
    for index in [survey, continued, plans] {
        review.claims[index].verdict = Some(claimdesk::review::Verdict::Confirmed);
    }
    store::save(&review, &review_path).unwrap();

    let export = |extra: &[&str]| -> serde_json::Value {
        let mut args = vec![
            "export",
            "--format",
            "claimreview",
            review_path.to_str().unwrap(),
        ];
        args.extend(extra);
        let output = claimdesk(&args);
        assert!(output.status.success(), "{}", stderr(&output));
        serde_json::from_slice(&output.stdout).unwrap()
    };
    let items = export(&[]);
    let by_text = |items: &serde_json::Value, needle: &str| -> serde_json::Value {
        items
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["claimReviewed"].as_str().unwrap().contains(needle))
            .unwrap()
            .clone()
    };
    let survey_item = by_text(&items, "Umfrage");
    assert_eq!(
        survey_item["itemReviewed"]["author"]["@type"],
        "CreativeWork"
    );
    let continued_item = by_text(&items, "Kosten lägen");
    assert!(
        continued_item["itemReviewed"].get("author").is_none(),
        "an inferred speaker is not published: {continued_item}"
    );
    assert!(
        survey_item.get("author").is_none(),
        "no made-up organisation"
    );
    assert_eq!(
        survey_item["creativeWorkStatus"], "Draft",
        "awaiting approval"
    );
    assert_eq!(
        survey_item["itemReviewed"]["appearance"]["name"],
        "lindenau.txt"
    );

    // Confirmed by the analyst, the inferred speaker is published.
    let mut document = claimdesk::review::edit::Document::new(review.clone(), true);
    document.set_reviewer("Dana");
    document
        .apply(claimdesk::review::edit::Edit::SetSpeaker {
            claim_id: review.claims[continued].id.clone(),
            speaker: review.claims[continued].speaker.clone(),
            kind: review.claims[continued].speaker_kind,
        })
        .unwrap();
    store::save(&document.into_review(), &review_path).unwrap();
    let items = export(&["--reviewer", "Faktencheck Lindenau"]);
    let continued_item = by_text(&items, "Kosten lägen");
    assert_eq!(
        continued_item["itemReviewed"]["author"]["name"],
        "Bürgermeisterin Eva Sommer"
    );
    assert_eq!(continued_item["author"]["name"], "Faktencheck Lindenau");

    // The Markdown report names neither a made-up organisation nor the headline as the source.
    let output = claimdesk(&[
        "export",
        "--format",
        "markdown",
        review_path.to_str().unwrap(),
    ]);
    let report = String::from_utf8(output.stdout).unwrap();
    assert!(report.contains("- Quelle: lindenau.txt"), "{report}");
    assert!(!report.contains("fact-check desk"), "{report}");
}

/// The nearest of claimdesk's own training sentences is a reason in the window, marked as an example, and
/// left out of reports unless asked for (`--with-examples`).
#[test]
fn training_examples_stay_out_of_reports_unless_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "lindenau.txt", LINDENAU.as_bytes());
    let review_path = dir.path().join("lindenau.review.json");
    let output = claimdesk(&[
        "extract",
        "--scorer",
        "meaning",
        article.to_str().unwrap(),
        "-o",
        review_path.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let review = store::load(&review_path).unwrap();
    assert!(
        review.claims.iter().any(|c| c
            .reasons
            .iter()
            .any(claimdesk::review::Reason::is_training_example)),
        "the meaning scorer names its nearest example"
    );
    for format in ["markdown", "html", "csv"] {
        let plain = claimdesk(&["export", "--format", format, review_path.to_str().unwrap()]);
        let plain = String::from_utf8(plain.stdout).unwrap();
        assert!(
            !plain.contains("Beispielsatz") && !plain.contains("prüfwürdiger Satz"),
            "{format}: {plain}"
        );
        let asked = claimdesk(&[
            "export",
            "--format",
            format,
            "--with-examples",
            review_path.to_str().unwrap(),
        ]);
        let asked = String::from_utf8(asked.stdout).unwrap();
        assert!(asked.contains("Beispielsatz"), "{format}: {asked}");
    }
}

/// `--scorer meaning` is honoured on every path, the JSON Lines map step too: its reviews say they were
/// scored by meaning, and score like the same text as a file.
#[test]
fn the_scorer_asked_for_is_the_scorer_used_in_json_lines_too() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Die Stadt Lindenau nimmt 2025 rund 12,4 Millionen Euro an Gewerbesteuer ein, sagte Kämmerin Ute Brandt.";
    let record = serde_json::json!({"id": "a", "text": text, "lang": "de"}).to_string() + "\n";
    let output = with_stdin(
        &["extract", "--jsonl", "--scorer", "meaning", "-"],
        record.as_bytes(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let review: Review = serde_json::from_slice(
        String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .as_bytes(),
    )
    .unwrap();
    assert!(review.generator.contains("meaning"), "{}", review.generator);
    let file = write(dir.path(), "a.txt", text.as_bytes());
    let single = claimdesk(&[
        "extract",
        "--scorer",
        "meaning",
        "--lang",
        "de",
        file.to_str().unwrap(),
    ]);
    let single: Review = serde_json::from_slice(&single.stdout).unwrap();
    assert!((review.claims[0].score - single.claims[0].score).abs() < 1e-9);
}
