#!/usr/bin/env bash
# Types a review into the real claimdesk window under Xvfb while both CPU cores are kept busy by four busy
# loops (two per core), as on a laptop with a build running: slow frames put many keys into one frame.
# Each run: J K C J D J U, then N, a 0.3 s pause, the note "c d Quelle" at 30 ms per key, Esc, Ctrl+S.
# The saved review must hold exactly three verdicts and the exact note: no letter of the note may act as a
# shortcut, and no shortcut may turn into text.
# Needs: xvfb xdotool. Usage: scripts/keys-under-load.sh [BINARY] [RUNS]
set -euo pipefail
binary=${1:-target/debug/claimdesk}
runs=${2:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
article="$here/assets/samples/de-stadtwerke.txt"
seed="$here/../shared/seeds/000_767a37a78c410947.txt"
if [ -f "$seed" ]; then
    article=$seed
fi
work=$(mktemp -d)
busy_pids=()
cleanup() {
    [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null || true
    for pid in "${busy_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=scripts/xvfb.sh
source "$(dirname "$0")/xvfb.sh"
start_xvfb

for _ in 1 2 3 4; do
    bash -c 'while :; do :; done' &
    busy_pids+=($!)
done

failures=0
for run in $(seq 1 "$runs"); do
    cp "$article" "$work/article.txt"
    review="$work/run$run.review.json"
    rm -f "$review"
    CLAIMDESK_REVIEWER=analyst CLAIMDESK_DATA_DIR="$work/data$run" "$binary" "$work/article.txt" --review "$review" >"$work/app.log" 2>&1 &
    app_pid=$!
    window=""
    for _ in $(seq 1 120); do
        # The title names the review once the article is loaded and its claims are listed.
        window=$(xdotool search --name "run$run.review.json" 2>/dev/null | head -1 || true)
        [ -n "$window" ] && break
        if ! kill -0 "$app_pid" 2>/dev/null; then
            echo "keys: claimdesk exited early:" >&2
            cat "$work/app.log" >&2
            exit 1
        fi
        sleep 0.5
    done
    if [ -z "$window" ]; then
        echo "keys: run $run: the article did not open" >&2
        cat "$work/app.log" >&2
        exit 1
    fi
    sleep 1
    xdotool windowfocus --sync "$window" 2>/dev/null || true
    xdotool key --delay 12 j k c j d j u n
    sleep 0.3
    xdotool type --delay 30 'c d Quelle'
    xdotool key --delay 12 Escape ctrl+s
    for _ in $(seq 1 60); do
        [ -f "$review" ] && break
        sleep 0.5
    done
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
    if [ ! -f "$review" ]; then
        echo "keys: run $run: Ctrl+S wrote no review" >&2
        failures=$((failures + 1))
        continue
    fi
    verdicts=$(grep -cE '"verdict": "(confirmed|denied|unverified)"' "$review" || true)
    notes=$(grep -c '"note": "c d Quelle"' "$review" || true)
    other_notes=$(grep -E '"note": "[^"]' "$review" | grep -vc '"note": "c d Quelle"' || true)
    if [ "$verdicts" = 3 ] && [ "$notes" = 1 ] && [ "$other_notes" = 0 ]; then
        echo "keys: run $run: ok (3 verdicts, note \"c d Quelle\")"
    else
        echo "keys: run $run: FAILED: $verdicts verdicts, $notes exact notes, $other_notes other notes" >&2
        grep -E '"(verdict|note)"' "$review" | sort | uniq -c >&2
        failures=$((failures + 1))
    fi
done
if [ "$failures" -gt 0 ]; then
    echo "keys: $failures of $runs runs went wrong under load" >&2
    exit 1
fi
echo "keys: all $runs runs under load kept every key where it belonged"
