//! The hostile inputs of the probe, timed: each is answered within its bound, and these are the bounds'
//! costs. PDFs that loop, nest, inflate or have 100 000 pages (read in the isolated child reader), HTML that
//! hides its depth from the tags (100 000 repetitions), three-way merges of 1 250, 5 000 and 40 000 claims
//! (cubic before: 0.6 s, 30 s, more than two minutes), and a JSON Lines stream with a line far over its
//! bound. Every case asserts its answer, so a bound that stops holding fails the run instead of timing
//! something else. Run: `cargo bench --bench hostile`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use claimdesk::article::{self, LoadOptions};
use claimdesk::desk::pipeline::{self, PipelineOptions};
use claimdesk::extract::{self, ExtractOptions};
use claimdesk::review::edit::{Document, Edit};
use claimdesk::review::merge::merge;
use claimdesk::review::{Review, Verdict};
use divan::Bencher;

// The tests' generators; the benches use some of them, and generators may panic as test code does.
#[allow(dead_code, clippy::unwrap_used, reason = "shared with the tests")]
#[path = "../tests/common/hostile.rs"]
mod hostile;

/// The PDF reader is the claimdesk beside this benchmark's binary (cargo builds it for benchmarks).
fn main() {
    divan::main();
}

/// A file in a fresh folder; the folder lives as long as the returned guard.
fn written(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write the hostile file");
    (dir, path)
}

/// Opening `path` must fail (a refusal in words), and it is timed.
fn bench_refusal(bencher: Bencher, path: &Path) {
    bencher.bench(|| {
        let answer = article::load_path(path, LoadOptions::default());
        assert!(answer.is_err(), "{} was read", path.display());
    });
}

/// Was a hang (618 bytes, never returned).
#[divan::bench(sample_count = 10)]
fn pdf_page_its_own_parent(bencher: Bencher) {
    let (_dir, path) = written("parent.pdf", &hostile::pdf_page_its_own_parent());
    bench_refusal(bencher, &path);
}

/// Was a panic inside the PDF library.
#[divan::bench(sample_count = 10)]
fn pdf_reference_cycle(bencher: Bencher) {
    let (_dir, path) = written("cycle.pdf", &hostile::pdf_reference_cycle());
    bench_refusal(bencher, &path);
}

/// Was a panic (stack overflow in the parser's recursion).
#[divan::bench(sample_count = 10)]
fn pdf_arrays_100000_deep(bencher: Bencher) {
    let (_dir, path) = written("deep.pdf", &hostile::pdf_deep_arrays(100_000));
    bench_refusal(bencher, &path);
}

/// Was 3–4 GB of memory: 1 GiB of zeros in about a MiB, read under the default 1 GiB bound.
#[divan::bench(sample_count = 5)]
fn pdf_inflating_to_1_gib(bencher: Bencher) {
    let (_dir, path) = written("bomb.pdf", &hostile::pdf_flate_bomb(1024));
    bench_refusal(bencher, &path);
}

/// Was 20–34 s for 10 000 pages and no end for 100 000: refused from the page count.
#[divan::bench(args = [10_000, 100_000], sample_count = 5)]
fn pdf_empty_pages(bencher: Bencher, pages: usize) {
    let (_dir, path) = written("pages.pdf", &hostile::pdf_empty_pages(pages));
    bench_refusal(bencher, &path);
}

/// Was 17–50 s each: the tree html5ever builds gets deep although no tag text shows it.
#[divan::bench(args = hostile::HIDDEN_DEPTH_PATTERNS, sample_count = 5)]
fn html_hidden_depth_100000(bencher: Bencher, pattern: &str) {
    let (_dir, path) = written("deep.html", &hostile::html_hidden_depth(pattern, 100_000));
    bench_refusal(bencher, &path);
}

/// A review of `claims` claims: one sentence with a figure each, every sentence a claim.
fn long_review(claims: usize) -> Review {
    let mut text = String::with_capacity(claims * 64);
    for index in 0..claims {
        let _ = write!(
            text,
            "Der Bezirk {index} meldete {} neue Wohnungen im Jahr 2024.\n\n",
            index % 997 + 3
        );
    }
    let loaded = article::load_bytes(
        text.as_bytes(),
        "long-report.txt",
        Some("txt"),
        LoadOptions::default(),
    )
    .expect("the generated report reads");
    let review = extract::new_review(
        loaded.article,
        &ExtractOptions::with_min_score(0.0),
        &mut |_| {},
    );
    assert_eq!(review.claims.len(), claims, "a claim per sentence");
    review
}

/// `who` gives every `step`-th claim from `first` on `verdict` and a note.
fn edited(base: &Review, who: &str, first: usize, step: usize, verdict: Verdict) -> Review {
    let mut document = Document::new(base.clone(), true);
    document.set_reviewer(who);
    let ids: Vec<String> = base.claims.iter().map(|c| c.id.clone()).collect();
    for id in ids.iter().skip(first).step_by(step) {
        document
            .apply(Edit::SetVerdict {
                claim_id: id.clone(),
                verdict: Some(verdict),
            })
            .expect("verdict");
        document
            .apply(Edit::SetNote {
                claim_id: id.clone(),
                note: format!("{who} prüfte {id}"),
            })
            .expect("note");
    }
    document.into_review()
}

/// Was cubic. Alice judged every third claim, Bob every tenth; the claims both judged (one in 30) conflict
/// in verdict and note.
#[divan::bench(args = [1_250, 5_000, 40_000], sample_count = 3)]
fn merge_claims(bencher: Bencher, claims: usize) {
    let base = long_review(claims);
    let ours = edited(&base, "Alice", 0, 3, Verdict::Confirmed);
    let theirs = edited(&base, "Bob", 0, 10, Verdict::Denied);
    bencher.bench(|| {
        let merged = merge(&base, &ours, &theirs).expect("merges");
        assert_eq!(merged.review.claims.len(), claims);
        // Claims 0, 30, 60 … were noted by both.
        assert_eq!(merged.conflicts, 2 * claims.div_ceil(30));
    });
}

/// A 64 MiB line with no end in a JSON Lines stream, between two good records: answered in its place
/// without holding more than the line bound.
#[divan::bench(sample_count = 3)]
fn jsonl_line_over_its_bound(bencher: Bencher) {
    let good =
        r#"{"id":"a","text":"Die Stadt investiert 12 Millionen Euro in neue Busse.","lang":"de"}"#;
    let mut input = Vec::with_capacity(65 << 20);
    input.extend_from_slice(good.as_bytes());
    input.extend_from_slice(b"\n{\"id\":\"huge\",\"text\":\"");
    input.resize(input.len() + (64 << 20), b'x');
    input.extend_from_slice(b"\"}\n");
    input.extend_from_slice(good.replace("\"a\"", "\"b\"").as_bytes());
    input.push(b'\n');
    let options = PipelineOptions {
        jobs: 2,
        language: None,
        extract: ExtractOptions::fast(),
    };
    bencher.bench(|| {
        let mut output = Vec::new();
        let summary = pipeline::run(input.as_slice(), &mut output, &options).expect("runs");
        assert_eq!((summary.reviews, summary.errors), (2, 1));
    });
}
