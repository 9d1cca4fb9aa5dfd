//! Hostile files, built by the generators in `tests/common/hostile.rs`: every one is answered within its
//! bound with a message naming the file and what to do — no hang, no panic text, memory bounded — alone and
//! inside a desk of good articles.

#![allow(clippy::unwrap_used, reason = "test helpers may panic")]

use std::path::Path;
use std::time::Duration;

use common::hostile;
use common::{claimdesk_within, stderr};

use crate::common;

/// Far above what any case needs: only a hang reaches it.
const HANG: Duration = Duration::from_mins(2);

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

/// `claimdesk sentences FILE` fails with a message that names the file and says one of `expected`.
fn refused(path: &str, env: &[(&str, &str)], expected: &str) {
    refused_saying(path, env, &[expected]);
}

fn refused_saying(path: &str, env: &[(&str, &str)], expected: &[&str]) {
    let output = claimdesk_within(&["sentences", path], env, HANG);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{path}: {message}");
    assert!(message.contains(path), "names the file: {message}");
    assert!(
        expected.iter().any(|e| message.contains(e)),
        "{path}: says {expected:?}: {message}"
    );
    assert!(
        !message.contains("panicked") && !message.contains("RUST_BACKTRACE"),
        "no panic text: {message}"
    );
}

#[test]
fn pdfs_that_loop_or_nest_are_refused_at_once_without_panic_text() {
    let dir = tempfile::tempdir().unwrap();
    let own_parent = write(
        dir.path(),
        "parent.pdf",
        &hostile::pdf_page_its_own_parent(),
    );
    refused(&own_parent, &[], "loops or is nested too deeply");
    let own_kid = write(dir.path(), "kid.pdf", &hostile::pdf_pages_its_own_kid());
    refused(&own_kid, &[], "no pages");
    let cycle = write(dir.path(), "cycle.pdf", &hostile::pdf_reference_cycle());
    refused(&cycle, &[], "could not be read");
    let deep = write(dir.path(), "deep.pdf", &hostile::pdf_deep_arrays(100_000));
    refused_saying(&deep, &[], &["nested too deeply", "no pages"]);
}

#[test]
fn a_pdf_that_inflates_beyond_the_memory_bound_is_stopped_there() {
    let dir = tempfile::tempdir().unwrap();
    // 512 MiB of zeros in about half a MiB, read under a 256 MiB bound (the default bound is 1 GiB).
    let bomb = write(dir.path(), "bomb.pdf", &hostile::pdf_flate_bomb(512));
    assert!(std::fs::metadata(&bomb).unwrap().len() < 1 << 20);
    // The reader either runs out of its bound or gives up on the stream it cannot inflate: both end at once.
    refused_saying(
        &bomb,
        &[("CLAIMDESK_PDF_MEMORY_MIB", "256")],
        &["needs more than 256 MiB of memory", "no text layer"],
    );
}

#[test]
fn a_pdf_that_takes_too_long_is_stopped_at_the_deadline_and_a_book_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let many = write(dir.path(), "many.pdf", &hostile::pdf_empty_pages(100_000));
    refused(&many, &[], "100000 pages");
    let slow = write(dir.path(), "slow.pdf", &hostile::pdf_empty_pages(2_000));
    refused(
        &slow,
        &[("CLAIMDESK_PDF_SECONDS", "1")],
        "took longer than 1 s",
    );
}

#[test]
fn one_hostile_pdf_never_stops_a_desk() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("gut.txt"),
        "Die Stadt investiert 12 Millionen Euro in neue Busse, sagte der Bürgermeister am Montag.\n",
    )
    .unwrap();
    write(
        dir.path(),
        "parent.pdf",
        &hostile::pdf_page_its_own_parent(),
    );
    write(dir.path(), "bomb.pdf", &hostile::pdf_flate_bomb(64));
    let env = [("CLAIMDESK_PDF_MEMORY_MIB", "128")];
    let status = claimdesk_within(
        &["status", "--json", dir.path().to_str().unwrap()],
        &env,
        HANG,
    );
    assert!(status.status.success(), "{}", stderr(&status));
    let json: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 3);
    let row = |name: &str| articles.iter().find(|a| a["path"] == name).unwrap();
    assert!(row("gut.txt")["claims"].as_u64().unwrap() >= 1);
    assert!(row("parent.pdf")["error"].is_string());
    assert!(row("bomb.pdf")["error"].is_string());
    let extract = claimdesk_within(&["extract", dir.path().to_str().unwrap()], &env, HANG);
    assert_eq!(extract.status.code(), Some(1), "two articles failed");
    assert!(dir.path().join("gut.review.json").is_file());
    assert!(
        !stderr(&extract).contains("panicked"),
        "{}",
        stderr(&extract)
    );
}

#[test]
fn html_that_hides_its_depth_from_the_tags_is_refused_when_the_tree_gets_deep() {
    let dir = tempfile::tempdir().unwrap();
    for (index, pattern) in hostile::HIDDEN_DEPTH_PATTERNS.iter().enumerate() {
        let page = write(
            dir.path(),
            &format!("deep{index}.html"),
            &hostile::html_hidden_depth(pattern, 100_000),
        );
        refused(&page, &[], "elements deep");
    }
    // The same patterns a few hundred times are a page like any other.
    let shallow = write(
        dir.path(),
        "shallow.html",
        &hostile::html_hidden_depth("<div/>", 300),
    );
    let output = claimdesk_within(&["sentences", &shallow], &[], HANG);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[cfg(unix)]
#[test]
fn names_that_differ_only_in_bytes_that_are_not_utf8_keep_their_own_reviews_and_rows() {
    use std::os::unix::ffi::OsStrExt as _;
    let dir = tempfile::tempdir().unwrap();
    let name =
        |byte: u8| std::ffi::OsStr::from_bytes(&[b'x', byte, b'.', b't', b'x', b't']).to_owned();
    std::fs::write(
        dir.path().join(name(0xff)),
        "Die Stadt investiert 12 Millionen Euro in neue Busse, sagte der Bürgermeister.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join(name(0xfe)),
        "Der Flughafen zählte 2024 rund 4,2 Millionen Fluggäste, teilte die Betreibergesellschaft mit.\n",
    )
    .unwrap();
    let extract = claimdesk_within(&["extract", dir.path().to_str().unwrap()], &[], HANG);
    assert!(extract.status.success(), "{}", stderr(&extract));
    let review = |byte: u8| {
        let path = dir.path().join(std::ffi::OsStr::from_bytes(&[
            b'x', byte, b'.', b'r', b'e', b'v', b'i', b'e', b'w', b'.', b'j', b's', b'o', b'n',
        ]));
        claimdesk::review::store::load(&path).unwrap()
    };
    assert!(review(0xff).claims[0].text.contains("Busse"));
    assert!(review(0xfe).claims[0].text.contains("Fluggäste"));
    let status = claimdesk_within(
        &["status", "--json", dir.path().to_str().unwrap()],
        &[],
        HANG,
    );
    let json: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    let paths: Vec<&str> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["x\\xfe.txt", "x\\xff.txt"]);
}

#[cfg(unix)]
#[test]
fn status_shows_escape_sequences_in_file_names_never_sends_them() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a\u{1b}[2Jb.txt"),
        "Die Stadt investiert 12 Millionen Euro in neue Busse, sagte der Bürgermeister.\n",
    )
    .unwrap();
    let status = claimdesk_within(&["status", dir.path().to_str().unwrap()], &[], HANG);
    let table = String::from_utf8(status.stdout).unwrap();
    assert!(!table.contains('\u{1b}'), "{table:?}");
    assert!(table.contains("a\\u{1b}[2Jb.txt"), "{table}");
}

#[cfg(unix)]
#[test]
fn endless_inputs_are_read_no_further_than_their_bound() {
    let dir = tempfile::tempdir().unwrap();
    let review = dir.path().join("a.review.json");
    std::fs::write(
        dir.path().join("a.txt"),
        "Die Stadt investiert 12 Millionen Euro in neue Busse, sagte der Bürgermeister.\n",
    )
    .unwrap();
    let made = claimdesk_within(
        &[
            "extract",
            dir.path().join("a.txt").to_str().unwrap(),
            "-o",
            review.to_str().unwrap(),
        ],
        &[],
        HANG,
    );
    assert!(made.status.success(), "{}", stderr(&made));
    let agreement = claimdesk_within(
        &["agreement", review.to_str().unwrap(), "/dev/zero"],
        &[],
        HANG,
    );
    assert_eq!(agreement.status.code(), Some(1));
    assert!(
        stderr(&agreement).contains("/dev/zero: is larger than"),
        "{}",
        stderr(&agreement)
    );
    let import = claimdesk_within(
        &[
            "memory",
            "import",
            "--desk",
            dir.path().to_str().unwrap(),
            "/dev/zero",
        ],
        &[],
        HANG,
    );
    assert_eq!(import.status.code(), Some(1), "{}", stderr(&import));
}
