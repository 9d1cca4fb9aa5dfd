#!/usr/bin/env bash
# Starts the real claimdesk window under Xvfb on the bundled sample, reviews two claims with the keyboard,
# takes a screenshot and checks that the window drew something. Needs: xvfb xdotool imagemagick.
# Usage: scripts/smoke-window.sh [BINARY] [SCREENSHOT.png]
set -euo pipefail
binary=${1:-target/debug/claimdesk}
shot=${2:-target/smoke-window.png}
data_dir=$(mktemp -d)
cleanup() {
    [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null || true
    [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$data_dir"
}
trap cleanup EXIT
# shellcheck source=scripts/xvfb.sh
source "$(dirname "$0")/xvfb.sh"
start_xvfb
CLAIMDESK_REVIEWER=smoke CLAIMDESK_DATA_DIR=$data_dir "$binary" >"$data_dir/app.log" 2>&1 &
app_pid=$!
window=""
for _ in $(seq 1 60); do
    window=$(xdotool search --name claimdesk 2>/dev/null | head -1 || true)
    [ -n "$window" ] && break
    if ! kill -0 "$app_pid" 2>/dev/null; then
        echo "smoke: claimdesk exited early:" >&2
        cat "$data_dir/app.log" >&2
        exit 1
    fi
    sleep 0.5
done
if [ -z "$window" ]; then
    echo "smoke: no claimdesk window appeared" >&2
    cat "$data_dir/app.log" >&2
    exit 1
fi
# The title names the article once it is open: type only then (a first start in a debug build on a busy
# machine can take seconds to draw its first frame, and keys sent before are lost).
for _ in $(seq 1 60); do
    case "$(xdotool getwindowname "$window" 2>/dev/null || true)" in
        *.txt*) break ;;
    esac
    sleep 0.5
done
sleep 1
xdotool windowfocus --sync "$window" 2>/dev/null || true
xdotool key j c d
title=""
for _ in $(seq 1 20); do
    title=$(xdotool getwindowname "$window")
    case "$title" in
        *"●"*) break ;;
    esac
    sleep 0.5
done
import -window root "$shot"
colors=$(identify -format '%k' "$shot")
echo "smoke: window title '$title', screenshot $shot with $colors colours"
case "$title" in
    *"●"*) ;;
    *) echo "smoke: the title does not show unsaved changes after two verdicts" >&2; exit 1 ;;
esac
if [ "$colors" -lt 50 ]; then
    echo "smoke: the screenshot is nearly blank" >&2
    exit 1
fi
# Unsaved work must survive a hard kill: a recovery copy is in the data directory.
kill -9 "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""
if ! ls "$data_dir"/recovery/*.review.json >/dev/null 2>&1; then
    echo "smoke: no recovery copy after the window was killed" >&2
    exit 1
fi
echo "smoke: recovery copy present after kill -9: $(ls "$data_dir"/recovery/*.review.json)"
