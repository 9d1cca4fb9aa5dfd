//! Crash safety: a process saving a large review is killed (SIGKILL) again and again at random moments. The
//! file on disk must always be a complete review, and temporary files must not pile up. Extraction scores by
//! words (`--fast`): the saving is under test, and a fast run leaves time for thirty rounds.
#![cfg(unix)]
#![allow(clippy::unwrap_used, reason = "test code")]

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use claimdesk::review::store;

fn article(seed: &str, bytes: usize) -> String {
    let sentence =
        format!("Die Stadt {seed} meldete am Montag 1.500 neue Fälle, sagte ein Sprecher. ");
    sentence.repeat(bytes / sentence.len() + 1)
}

#[test]
fn killing_a_save_never_leaves_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let sources = [dir.path().join("a.txt"), dir.path().join("b.txt")];
    std::fs::write(&sources[0], article("Aachen", 600_000)).unwrap();
    std::fs::write(&sources[1], article("Bremen", 600_000)).unwrap();
    let out = dir.path().join("review.json");
    let mut valid_hashes = Vec::new();
    // A first complete save, and the hashes of both possible reviews; the time one run takes.
    let timer = Instant::now();
    for source in &sources {
        let status = Command::new(env!("CARGO_BIN_EXE_claimdesk"))
            .args([
                "extract",
                "--fast",
                source.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ])
            .status()
            .unwrap();
        assert!(status.success());
        valid_hashes.push(store::load(&out).unwrap().article.sha256);
    }
    let run_millis = u64::try_from(timer.elapsed().as_millis() / 2)
        .unwrap()
        .max(20);
    let started = Instant::now();
    let mut kills = 0;
    let mut round: u64 = 0;
    while round < 30 && started.elapsed() < Duration::from_secs(90) {
        round += 1;
        let source = &sources[usize::try_from(round % 2).unwrap()];
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimdesk"))
            .args([
                "extract",
                "--fast",
                source.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        if round.is_multiple_of(5) {
            // Some saves run to the end, so the file also changes between complete versions.
            child.wait().unwrap();
        } else if round.is_multiple_of(2) {
            // Pseudo-random moments across the whole run.
            std::thread::sleep(Duration::from_millis(
                (round * 7919) % (run_millis * 12 / 10),
            ));
        } else {
            // While the file is being written: as soon as its temporary file exists, after a few microseconds.
            let watch = Instant::now();
            while watch.elapsed() < Duration::from_secs(20) && child.try_wait().unwrap().is_none() {
                let writing = std::fs::read_dir(dir.path())
                    .unwrap()
                    .any(|e| e.unwrap().file_name().to_string_lossy().ends_with(".tmp"));
                if writing {
                    std::thread::sleep(Duration::from_micros((round * 131) % 3000));
                    break;
                }
                std::thread::sleep(Duration::from_micros(200));
            }
        }
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            kills += 1;
        }
        child.wait().unwrap();
        let review = store::load(&out)
            .unwrap_or_else(|e| panic!("round {round}: the file is not a complete review: {e}"));
        assert!(
            valid_hashes.contains(&review.article.sha256),
            "round {round}: unexpected content"
        );
        let temporaries = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".tmp")
            })
            .count();
        assert!(
            temporaries <= 1,
            "round {round}: {temporaries} temporary files"
        );
    }
    assert!(kills >= 5, "only {kills} saves were interrupted");
    assert!(kills < round, "some saves must also finish");
    // One clean save removes what killed ones left.
    let status = Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args([
            "extract",
            "--fast",
            sources[0].to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .status()
        .unwrap();
    assert!(status.success());
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| {
            std::path::Path::new(n)
                .extension()
                .is_some_and(|e| e == "tmp")
        })
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    println!("{kills} of {round} saves killed; the review was always complete");
}
