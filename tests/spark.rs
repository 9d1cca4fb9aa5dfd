//! Real Spark runs (scripts/spark/job.py, PySpark in `local[2]`, four partitions). `extract --jsonl --fast` on
//! 400 generated records, eight of them bad: every record gets exactly one output line in its place, bad
//! lines are answered where they stood with what finds them again on any engine, and the result is byte for
//! byte the single process's; with `SOURCE_DATE_EPOCH` a second run writes the same bytes. `memory embed
//! --jsonl` on 120 generated ClaimReviews: the same bytes as the single process, and a desk importing them
//! matches exactly as a desk that embedded the feed itself. Needs Java and PySpark (scripts/spark/setup.sh
//! installs them), so it runs only when `CLAIMDESK_SPARK=1` and says it skipped otherwise.

#![allow(clippy::unwrap_used, reason = "test code")]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const EPOCH: &str = "1767225600";

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A record of a short article, German and English in turn, its figures varied by `index`.
fn article_record(index: usize) -> String {
    let (text, lang) = if index.is_multiple_of(2) {
        (
            format!(
                "Die Gemeinde Talberg investiert {} Millionen Euro in ihr Wassernetz. Das sagte \
                 Bürgermeisterin Eva Brandt am Dienstag. Im Vorjahr gingen laut Stadtwerken {} Prozent \
                 des Wassers durch undichte Leitungen verloren.\n\nDie Arbeiten sollen im Frühjahr {} \
                 beginnen.",
                index % 40 + 2,
                index % 17 + 5,
                2025 + index % 3
            ),
            "de",
        )
    } else {
        (
            format!(
                "The county of Elmstead will spend {} million pounds on new school buses, council leader \
                 Tom Reyes said on Monday. Ridership rose by {} percent last year, according to the \
                 transport office.\n\nThe first buses are expected in {}.",
                index % 30 + 3,
                index % 19 + 4,
                2025 + index % 4
            ),
            "en",
        )
    };
    serde_json::json!({"id": format!("r{index:04}"), "text": text, "lang": lang}).to_string()
}

/// 400 records; lines 17, 64, 101, 150, 222, 280, 333 and 399 (0-based) are bad, with and without an id.
fn records() -> Vec<String> {
    let bad = [
        (17, "this is not JSON".to_owned()),
        (
            64,
            r#"{"text": "Kein Kennzeichen, aber 3 Millionen Euro."}"#.to_owned(),
        ),
        (101, r#"{"id": "r0101", "text": ""}"#.to_owned()),
        (
            150,
            r#"{"id": "r0150", "text": "Texte", "lang": "fr"}"#.to_owned(),
        ),
        (222, r#"{"id": "r0222", "text": "unterbrochen"#.to_owned()),
        (280, "[1, 2, 3]".to_owned()),
        (
            333,
            r#"{"id": null, "text": "Die Stadt zahlte 4 Millionen Euro."}"#.to_owned(),
        ),
        (399, r#"{"id": "r0399"}"#.to_owned()),
    ];
    (0..400)
        .map(|index| {
            bad.iter()
                .find(|(at, _)| *at == index)
                .map_or_else(|| article_record(index), |(_, line)| line.clone())
        })
        .collect()
}

fn claimdesk() -> &'static str {
    env!("CARGO_BIN_EXE_claimdesk")
}

/// The step run by one process with two threads over the whole input.
fn single_process(step: &[&str], input: &Path) -> Vec<u8> {
    let output = Command::new(claimdesk())
        .args(step)
        .args(["--jsonl", "--jobs", "2", "-"])
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .stdin(std::fs::File::open(input).unwrap())
        .stderr(Stdio::inherit())
        .output()
        .unwrap();
    assert!(output.status.success());
    output.stdout
}

/// Runs the job's `step` and returns its part files joined in order.
fn spark(python: &str, step: &str, input: &Path, output: &Path) -> Vec<u8> {
    // A bulk map step chooses words alone (`--fast`), as the single process below does.
    let fast: &[&str] = if step == "extract" { &["--fast"] } else { &[] };
    let status = Command::new(python)
        .arg(repository().join("scripts/spark/job.py"))
        .arg(input)
        .arg(output)
        .args(fast)
        .args([
            "--step",
            step,
            "--claimdesk",
            claimdesk(),
            "--partitions",
            "4",
        ])
        .env("SOURCE_DATE_EPOCH", EPOCH)
        // Spark names the address it binds to on every start unless told one.
        .env("SPARK_LOCAL_IP", "127.0.0.1")
        .status()
        .unwrap();
    assert!(status.success(), "the Spark job failed");
    let mut parts: Vec<PathBuf> = std::fs::read_dir(output)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("part-")
        })
        .collect();
    parts.sort();
    assert!(parts.len() >= 4, "one part per partition: {parts:?}");
    parts
        .iter()
        .flat_map(|part| std::fs::read(part).unwrap())
        .collect()
}

/// The environment's python after setting it up, or `None` (said) when Spark runs are not asked for.
fn spark_python(test: &str) -> Option<String> {
    if std::env::var("CLAIMDESK_SPARK").as_deref() != Ok("1") {
        eprintln!(
            "SKIPPED {test}: set CLAIMDESK_SPARK=1 to run the Spark job (needs Java and PySpark)"
        );
        return None;
    }
    let setup = Command::new(repository().join("scripts/spark/setup.sh"))
        .stderr(Stdio::inherit())
        .output()
        .unwrap();
    assert!(setup.status.success(), "scripts/spark/setup.sh failed");
    let python = String::from_utf8(setup.stdout).unwrap();
    Some(python.lines().last().unwrap().trim().to_owned())
}

#[test]
fn spark_local_gives_one_line_per_record_in_place_equal_to_the_single_process() {
    let Some(python) = spark_python("spark extract") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let input_dir = dir.path().join("articles");
    std::fs::create_dir(&input_dir).unwrap();
    let input = input_dir.join("records.jsonl");
    let records = records();
    std::fs::write(&input, records.join("\n") + "\n").unwrap();

    let alone = single_process(&["extract", "--fast"], &input);
    let spread = spark(&python, "extract", &input_dir, &dir.path().join("run-1"));
    let lines: Vec<serde_json::Value> = std::str::from_utf8(&spread)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), records.len(), "one line per record");
    for (index, (line, record)) in lines.iter().zip(&records).enumerate() {
        if line.get("error").is_none() {
            assert_eq!(
                line["article"]["source"],
                format!("r{index:04}"),
                "line {index} in place"
            );
            continue;
        }
        let readable_id = serde_json::from_str::<serde_json::Value>(record)
            .ok()
            .and_then(|value| {
                value
                    .get("id")
                    .and_then(|id| id.as_str().map(str::to_owned))
            });
        if let Some(id) = readable_id {
            assert_eq!(line["id"], id, "line {index}: answered by its id");
        } else {
            assert_eq!(
                line["start"].as_str().unwrap(),
                record.chars().take(80).collect::<String>(),
                "line {index}: answered by its start"
            );
            assert_eq!(
                line["sha256"].as_str().unwrap(),
                claimdesk::article::sha256_hex(record),
                "line {index}: and its hash"
            );
        }
    }
    let errors = lines.iter().filter(|l| l.get("error").is_some()).count();
    assert_eq!(errors, 8, "the eight bad lines");
    assert!(
        lines
            .iter()
            .filter(|l| l.get("error").is_none())
            .all(|l| l["created"] == "2026-01-01T00:00:00Z"),
        "times from SOURCE_DATE_EPOCH"
    );
    assert!(
        alone == spread,
        "Spark's output equals the single process's, byte for byte"
    );
    let again = spark(&python, "extract", &input_dir, &dir.path().join("run-2"));
    assert!(again == spread, "a re-run writes the same bytes");
}

/// A published fact-check about a generated claim, German and English in turn.
fn claim_review(index: usize) -> String {
    let (claim, rating, language) = if index.is_multiple_of(2) {
        (
            format!(
                "Die Gemeinde Talberg hat {} Millionen Euro für ihr Wassernetz ausgegeben.",
                index + 2
            ),
            "Falsch",
            "de",
        )
    } else {
        (
            format!(
                "Elmstead county spent {} million pounds on school buses in {}.",
                index + 3,
                2000 + index
            ),
            "True",
            "en",
        )
    };
    serde_json::json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim,
        "reviewRating": {"@type": "Rating", "alternateName": rating},
        "author": {"@type": "Organization", "name": "Faktencheck Nord"},
        "url": format!("https://fakten.example/{index}"),
        "datePublished": "2026-10-30",
        "inLanguage": language,
    })
    .to_string()
}

#[test]
fn spark_embeds_a_feed_that_a_desk_imports_without_embedding_and_matches_the_same() {
    let Some(python) = spark_python("spark embed") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let feed_dir = dir.path().join("feed");
    std::fs::create_dir(&feed_dir).unwrap();
    let feed = feed_dir.join("claim-reviews.jsonl");
    let records: Vec<String> = (0..120).map(claim_review).collect();
    std::fs::write(&feed, records.join("\n") + "\n").unwrap();

    let alone = single_process(&["memory", "embed"], &feed);
    let spread = spark(&python, "embed", &feed_dir, &dir.path().join("embedded"));
    assert!(
        alone == spread,
        "Spark's vectors equal the single process's, byte for byte"
    );
    let embedded = dir.path().join("embedded.jsonl");
    std::fs::write(&embedded, &spread).unwrap();

    let import = |desk: &Path, file: &Path, extra: &[&str]| {
        std::fs::create_dir_all(desk.join(".claimdesk")).unwrap();
        let output = Command::new(claimdesk())
            .args(["memory", "import", "--desk"])
            .arg(desk)
            .args(extra)
            .arg(file)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    let carried = dir.path().join("carried");
    let own = dir.path().join("own");
    // --no-embed: every vector the carried desk has came with the records.
    import(&carried, &embedded, &["--no-embed"]);
    import(&own, &feed, &[]);
    let article = dir.path().join("talberg.txt");
    std::fs::write(
        &article,
        "Wassernetz\n\nDie Gemeinde Talberg gab nach Angaben des Rechnungshofs 14 Millionen Euro für \
         ihr Wassernetz aus.\n\nElmstead county spent 9 million pounds on school buses in 2006, the \
         council said.\n",
    )
    .unwrap();
    let matched = |desk: &Path| {
        let output = Command::new(claimdesk())
            .arg("match")
            .arg("--memory")
            .arg(desk)
            .arg(&article)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        output.stdout
    };
    let by_carried = matched(&carried);
    assert!(
        String::from_utf8_lossy(&by_carried).contains("fakten.example/12\""),
        "the 14-million fact-check is found: {}",
        String::from_utf8_lossy(&by_carried)
    );
    assert!(
        by_carried == matched(&own),
        "the same matches as a desk that embedded them"
    );
}
