//! Bad article files, each refused with a clear message that names the file, nothing else touched.

#![allow(clippy::unwrap_used, reason = "test code")]

use std::path::Path;

use claimdesk::article::{LoadError, LoadOptions, MAX_ARTICLE_BYTES, load_path};

fn load(path: &Path) -> Result<claimdesk::article::Loaded, LoadError> {
    load_path(path, LoadOptions::default())
}

fn assert_refused(path: &Path, expected: &str) {
    let before = std::fs::read(path).ok();
    let message = load(path)
        .err()
        .unwrap_or_else(|| panic!("{} was accepted", path.display()))
        .to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(message.contains(expected), "{message}");
    assert_eq!(std::fs::read(path).ok(), before, "the file is not touched");
}

#[test]
fn refused_files() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    assert_refused(&write("empty.txt", b""), "is empty");
    assert_refused(&write("blank.md", b" \n \t \r\n"), "is empty");
    assert_refused(
        &write("photo.txt", b"\xff\xd8\xff\xe0\0\x10JFIF\0"),
        "JPEG image",
    );
    assert_refused(&write("program.txt", b"\x7fELF\x02\x01\x01\0\0\0\0"), "ELF");
    assert_refused(
        &write(
            "noise.txt",
            &(0..=255u8).cycle().take(4096).collect::<Vec<_>>(),
        ),
        "binary data",
    );
    let mut broken = "Grüße aus Köln. ".repeat(100).into_bytes();
    broken.extend([0xc3, 0x28]);
    broken.extend("Ende.".as_bytes());
    assert_refused(&write("broken.txt", &broken), "not valid UTF-8");
    let nested = format!("{}x{}", "<div>".repeat(50_000), "</div>".repeat(50_000));
    assert_refused(&write("nested.html", nested.as_bytes()), "nests");
    assert_refused(
        &write(
            "scripts-only.html",
            b"<html><head><script>var a=1;</script></head><body><nav>Menu</nav></body></html>",
        ),
        "is empty",
    );
    assert_refused(dir.path(), "is a directory");
    assert_refused(&dir.path().join("missing.txt"), "no such file");
}

#[test]
fn a_50_mb_single_line_is_over_the_documented_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let line = "Die Zahl stieg um 3 Prozent ".repeat(50 * 1024 * 1024 / 28 + 1);
    std::fs::write(&path, &line).unwrap();
    assert!(line.len() as u64 > MAX_ARTICLE_BYTES);
    assert_refused(&path, "limit");
}

#[test]
fn mixed_line_endings_become_lf_and_nothing_else_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.txt");
    std::fs::write(
        &path,
        "Titel der Meldung\r\nErster Satz mit 3 Zahlen.\rZweiter Satz.\nDritter Satz.\r\n",
    )
    .unwrap();
    let article = load(&path).unwrap().article;
    assert_eq!(
        article.text,
        "Titel der Meldung\nErster Satz mit 3 Zahlen.\nZweiter Satz.\nDritter Satz.\n"
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.txt");
    std::fs::write(&path, "Ein Satz.").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    match load(&path) {
        // root may read anything; then the content simply loads.
        Ok(loaded) => assert_eq!(loaded.article.text, "Ein Satz."),
        Err(error) => {
            let message = error.to_string();
            assert!(
                message.contains("secret.txt") && message.contains("cannot be read"),
                "{message}"
            );
        }
    }
}
