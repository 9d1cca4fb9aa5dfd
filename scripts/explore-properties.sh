#!/usr/bin/env bash
# The property tests of tests/properties.rs with a random seed and many cases: an exploratory run, not a gate.
# CI runs the same properties with a fixed seed; a failure found here is written to
# tests/properties.proptest-regressions (commit it with the fix) and replayed first on every later run.
# Usage: scripts/explore-properties.sh [CASES]   (default 20000 per property)
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-20000}
CLAIMDESK_PROPTEST_EXPLORE=1 PROPTEST_CASES=$cases cargo test --release --test properties -- --nocapture
