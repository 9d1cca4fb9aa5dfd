//! Vector search of the claim memory at scale: 10 000, 100 000 and 1 000 000 stored claims, an article of
//! 50 claims asking for its 20 nearest each (exact over the int8 codes up to 30 000 claims, sign bits
//! re-scored over the codes above), and the memory the vectors take (resident set before and after
//! building, printed once per size). The vectors are random unit vectors: search time does not depend on
//! what they mean, and embedding a million texts is what `claim_memory` and the Spark bench measure.
//! Run: `cargo bench --bench vectors`.

use claimdesk::encoder::DIMENSIONS;
use claimdesk::memory::vectors::Vectors;
use divan::Bencher;

fn main() {
    divan::main();
}

fn unit_vector(rng: &mut fastrand::Rng) -> Vec<f32> {
    let mut vector: Vec<f32> = (0..DIMENSIONS).map(|_| rng.f32() - 0.5).collect();
    let norm = vector.iter().map(|x| x * x).sum::<f32>().sqrt();
    for x in &mut vector {
        *x /= norm;
    }
    vector
}

/// Resident memory of this process in bytes (Linux), 0 elsewhere.
fn resident_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|statm| statm.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |pages| pages * 4096)
}

#[divan::bench(args = [10_000, 100_000, 1_000_000], sample_count = 10)]
fn match_50_claims(bencher: Bencher, stored: usize) {
    let mut rng = fastrand::Rng::with_seed(2026);
    let before = resident_bytes();
    let mut vectors = Vectors::default();
    for index in 0..stored {
        let key = format!("import:{index:032x}");
        vectors.insert(&key, index as u128, &unit_vector(&mut rng));
    }
    let after = resident_bytes();
    let grown = after.saturating_sub(before);
    eprintln!(
        "{stored} vectors: {} MB resident for them ({} bytes a claim)",
        grown / 1_000_000,
        grown / stored as u64
    );
    let queries: Vec<Vec<f32>> = (0..50).map(|_| unit_vector(&mut rng)).collect();
    bencher.bench(|| {
        for query in &queries {
            let nearest = vectors.nearest(divan::black_box(query), 20, &|_| true);
            assert_eq!(nearest.len(), 20);
        }
    });
}
