//! Embeds the texts of a file (one per line) and says how fast: `cargo run --release -p claimdesk-encoder
//! --example throughput -- MODEL TEXTS [THREADS] [OUT] [query|passage]`; with OUT, the vectors are written there as f32.

use std::io::{BufRead as _, Write as _};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(model), Some(texts)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: throughput MODEL TEXTS [THREADS] [OUT]");
        std::process::exit(2);
    };
    let threads: usize = args.get(3).and_then(|t| t.parse().ok()).unwrap_or(1);
    let started = std::time::Instant::now();
    let encoder =
        claimdesk_encoder::Encoder::from_file(std::path::Path::new(model)).expect("model");
    eprintln!("loaded in {:?}", started.elapsed());
    let lines: Vec<String> = std::io::BufReader::new(std::fs::File::open(texts).expect("texts"))
        .lines()
        .map_while(Result::ok)
        .collect();
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let started = std::time::Instant::now();
    let kind = match args.get(5).map(String::as_str) {
        Some("query") => claimdesk_encoder::Kind::Query,
        _ => claimdesk_encoder::Kind::Passage,
    };
    let vectors = encoder.embed_parallel(&refs, kind, threads);
    let seconds = started.elapsed().as_secs_f64();
    #[expect(clippy::cast_precision_loss, reason = "a rate")]
    let rate = vectors.len() as f64 / seconds;
    println!(
        "{} texts in {seconds:.2} s on {threads} thread(s): {rate:.1} texts/s",
        vectors.len()
    );
    if let Some(out) = args.get(4) {
        let mut out = std::io::BufWriter::new(std::fs::File::create(out).expect("output"));
        for value in vectors.iter().flatten() {
            out.write_all(&value.to_le_bytes()).expect("written");
        }
    }
}
