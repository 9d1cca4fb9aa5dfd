//! Whole-process `claimdesk extract` on a generated 20 MB article: wall time and peak memory (VmHWM, read
//! from /proc while the process runs). Target: peak memory under 10× the article size.
//! Run: `cargo bench --bench memory`.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const GERMAN: &str = include_str!("../assets/samples/de-stadtwerke.txt");
const ENGLISH: &str = include_str!("../assets/samples/en-harbour.txt");

fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[expect(clippy::cast_precision_loss, reason = "megabytes for a printed line")]
fn measure(name: &str, sample: &str, bytes: usize) {
    let dir = std::env::temp_dir().join(format!("claimdesk-memory-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let article = dir.join(format!("{name}.txt"));
    let mut text = String::with_capacity(bytes + sample.len());
    let mut round = 0u32;
    while text.len() < bytes {
        text.push_str(&sample.replace("18", &(round % 97).to_string()));
        text.push('\n');
        round += 1;
    }
    std::fs::write(&article, &text).expect("write article");
    let out = dir.join(format!("{name}.review.json"));
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args([
            "extract",
            article.to_str().expect("path"),
            "-o",
            out.to_str().expect("path"),
        ])
        .spawn()
        .expect("run claimdesk");
    let mut peak = 0;
    while child.try_wait().expect("wait").is_none() {
        if let Some(kib) = peak_kib(child.id()) {
            peak = peak.max(kib);
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let elapsed = started.elapsed();
    let review_mb = std::fs::metadata(&out).map_or(0, |m| m.len()) as f64 / 1e6;
    let article_mb = text.len() as f64 / 1e6;
    let peak_mb = peak as f64 * 1024.0 / 1e6;
    println!(
        "{name}: {article_mb:.1} MB article → {review_mb:.1} MB review in {:.2} s; peak memory {peak_mb:.0} MB = {:.1}× the article",
        elapsed.as_secs_f64(),
        peak_mb / article_mb
    );
    let _ = std::fs::remove_dir_all(&dir);
    assert!(Path::new(env!("CARGO_BIN_EXE_claimdesk")).exists());
}

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` would pass nothing: run only when benchmarking.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    measure("german-20mb", GERMAN, 20 * 1024 * 1024);
    measure("english-20mb", ENGLISH, 20 * 1024 * 1024);
}
