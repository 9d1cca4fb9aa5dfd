//! The desk at scale: batch extraction of 600 articles with one and two workers, the status of a desk of
//! 10 000 articles with a warm cache, and the desk table's frame with 100 and 10 000 rows. Scored by words
//! alone (`--fast`): these measure the desk's machinery at scale; the default scorer's cost per sentence is
//! `benches/extract.rs`'s.
//! Run: `cargo bench --bench desk`.

use std::path::Path;

use claimdesk::desk::batch::{BatchOptions, extract_desk};
use claimdesk::extract::ExtractOptions;
use divan::Bencher;

const GERMAN: &str = include_str!("../assets/samples/de-stadtwerke.txt");
const ENGLISH: &str = include_str!("../assets/samples/en-harbour.txt");

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// Writes `count` articles (the bundled samples with their figures varied, German and English in turn)
/// into `root`, in folders of 100.
fn fill_desk(root: &Path, count: usize) {
    for index in 0..count {
        let sample = if index % 2 == 0 { GERMAN } else { ENGLISH };
        let text = sample
            .replace("18", &(index % 97).to_string())
            .replace("400", &(index % 1000).to_string());
        let folder = root.join(format!("batch-{:03}", index / 100));
        std::fs::create_dir_all(&folder).expect("folder");
        std::fs::write(folder.join(format!("article-{index:05}.txt")), text).expect("article");
    }
}

/// `claimdesk extract --jobs N DIR` on 600 articles without reviews. Compare the two medians: the issue
/// asks for ≥ 1.6× with two workers on two cores.
#[divan::bench(args = [1, 2], sample_count = 5, sample_size = 1)]
fn extract_600_articles(bencher: Bencher, jobs: usize) {
    bencher
        .with_inputs(|| {
            let desk = tempfile::tempdir().expect("desk");
            fill_desk(desk.path(), 600);
            desk
        })
        .bench_local_values(|desk| {
            let options = BatchOptions {
                jobs,
                language: None,
                extract: ExtractOptions::fast(),
            };
            let results = extract_desk(desk.path(), &options, &|_| {}).expect("pool");
            assert_eq!(results.len(), 600);
            desk
        });
}

/// The status of 10 000 articles whose extraction is cached: what opening a large desk costs.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn status_10000_articles_warm_cache(bencher: Bencher) {
    let desk = tempfile::tempdir().expect("desk");
    fill_desk(desk.path(), 10_000);
    let options = ExtractOptions::fast();
    let cold = claimdesk::desk::status(desk.path(), &options, &|| {});
    assert_eq!(cold.articles.len(), 10_000);
    bencher.bench_local(|| claimdesk::desk::status(desk.path(), &options, &|| {}));
}

/// The status of 10 000 articles that all have a review: every review file is read and checked.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn status_10000_reviewed_articles(bencher: Bencher) {
    let desk = tempfile::tempdir().expect("desk");
    fill_desk(desk.path(), 10_000);
    let options = BatchOptions {
        jobs: 0,
        language: None,
        extract: ExtractOptions::fast(),
    };
    extract_desk(desk.path(), &options, &|_| {}).expect("pool");
    let extract = ExtractOptions::fast();
    bencher.bench_local(|| claimdesk::desk::status(desk.path(), &extract, &|| {}));
}

#[cfg(feature = "gui")]
mod table {
    use claimdesk::app::desk_view::{DeskRow, DeskView};
    use claimdesk::desk::{ArticleStatus, scan};
    use divan::Bencher;

    /// One frame of the desk table with `rows` articles (only the visible rows are laid out).
    #[divan::bench(args = [100, 10_000], sample_count = 30)]
    fn desk_table_frame(bencher: Bencher, rows: usize) {
        let desk = tempfile::tempdir().expect("desk");
        super::fill_desk(desk.path(), rows);
        let table: Vec<DeskRow> = scan(desk.path())
            .into_iter()
            .enumerate()
            .map(|(index, file)| DeskRow {
                status: Some(ArticleStatus {
                    path: file.relative.clone(),
                    title: Some(format!("Article {index}")),
                    language: Some(claimdesk::article::Language::German),
                    published: Some("2025-01-24".to_owned()),
                    claims: 13,
                    confirmed: index % 5,
                    denied: index % 3,
                    unverified: 1,
                    pending: 13 - index % 5 - index % 3 - 1,
                    review: None,
                    error: None,
                    error_words: None,
                    saved: None,
                }),
                file,
            })
            .collect();
        let mut view = DeskView::with_rows(desk.path().to_owned(), table);
        let mut harness = egui_kittest::Harness::builder()
            .with_size([1400.0, 900.0])
            .build_ui(move |ui| {
                view.ui(ui, claimdesk::i18n::Locale::English.messages());
            });
        harness.run_steps(3);
        bencher.bench_local(|| harness.step());
    }
}
