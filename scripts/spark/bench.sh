#!/usr/bin/env bash
# The map steps measured on this machine, Spark local[2] against one claimdesk process on the same input:
#   1. `extract --jsonl` over MEGABYTES (default 1024) of generated article records (--jobs 2 alone,
#      --jobs 1 per partition under Spark), outputs compared byte for byte;
#   2. `memory embed --jsonl` over CLAIM_REVIEWS (default 100000) generated ClaimReviews under Spark, then
#      `memory import` of its output (vectors taken) against a words-only import and against a desk that
#      embeds the plain feed itself, and `match` on both desks compared.
# Usage: scripts/spark/bench.sh [CLAIMDESK] — a release build (cargo build --release) is the default.
# CLAIMDESK_BENCH_MB, CLAIMDESK_BENCH_CLAIM_REVIEWS and CLAIMDESK_BENCH_DIR change sizes and the work folder.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
claimdesk=$(realpath "${1:-$here/../../target/release/claimdesk}")
megabytes=${CLAIMDESK_BENCH_MB:-1024}
claim_reviews=${CLAIMDESK_BENCH_CLAIM_REVIEWS:-100000}
work=${CLAIMDESK_BENCH_DIR:-$(mktemp -d)}
python=$("$here/setup.sh")
export SOURCE_DATE_EPOCH=1767225600 SPARK_LOCAL_IP=127.0.0.1
mkdir -p "$work/articles" "$work/feed"

now() { echo "$EPOCHREALTIME"; }
seconds() { awk -v a="$EPOCHREALTIME" -v b="$1" 'BEGIN { printf "%.1f", a - b }'; }
rate() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

echo "== extract --jsonl --fast, $megabytes MB of article records ($work)"
python3 "$here/generate.py" articles "$megabytes" > "$work/articles/records.jsonl"
records=$(wc -l < "$work/articles/records.jsonl")
bytes=$(stat -c %s "$work/articles/records.jsonl")
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
start=$(now)
"$claimdesk" extract --jsonl --fast --jobs 2 - < "$work/articles/records.jsonl" > "$work/single.jsonl"
single=$(seconds "$start")
partitions=$(( (bytes + 64 * 1048576 - 1) / (64 * 1048576) )); [ "$partitions" -ge 4 ] || partitions=4
rm -rf "$work/spark-extract"
start=$(now)
"$python" "$here/job.py" "$work/articles" "$work/spark-extract" --fast --claimdesk "$claimdesk" \
    --partitions "$partitions" 2> "$work/spark-extract.log"
spark=$(seconds "$start")
if cat "$work"/spark-extract/part-* | cmp -s - "$work/single.jsonl"; then same=identical; else same=DIFFERENT; fi
echo "records $records, $mb MB, $partitions partitions"
echo "one process --jobs 2: ${single} s, $(rate "$mb" "$single") MB/s, $(rate "$records" "$single") records/s"
echo "Spark local[2]:       ${spark} s, $(rate "$mb" "$spark") MB/s, $(rate "$records" "$spark") records/s"
echo "Spark's cost per record: $(awk -v s="$spark" -v o="$single" -v r="$records" 'BEGIN { printf "%.0f", (s - o) * 1000000 / r }') µs; outputs $same"

echo "== memory embed --jsonl, $claim_reviews ClaimReviews"
python3 "$here/generate.py" claim-reviews "$claim_reviews" > "$work/feed/claim-reviews.jsonl"
rm -rf "$work/spark-embed"
start=$(now)
"$python" "$here/job.py" "$work/feed" "$work/spark-embed" --step embed --claimdesk "$claimdesk" \
    --partitions 8 2> "$work/spark-embed.log"
embed=$(seconds "$start")
cat "$work"/spark-embed/part-* > "$work/embedded.jsonl"
echo "Spark local[2] embedding: ${embed} s, $(rate "$claim_reviews" "$embed") claims/s"

for desk in carried words own; do rm -rf "$work/desk-$desk"; mkdir -p "$work/desk-$desk/.claimdesk"; done
start=$(now)
"$claimdesk" memory import --desk "$work/desk-carried" --no-embed "$work/embedded.jsonl" 2>/dev/null
carried=$(seconds "$start")
start=$(now)
"$claimdesk" memory import --desk "$work/desk-words" --no-embed --recompute-vectors "$work/feed/claim-reviews.jsonl" 2>/dev/null
words=$(seconds "$start")
start=$(now)
"$claimdesk" memory import --desk "$work/desk-own" "$work/feed/claim-reviews.jsonl" 2>/dev/null
own=$(seconds "$start")
echo "import with carried vectors: ${carried} s; words-only import: ${words} s; import embedding here: ${own} s"
printf 'Talberg\n\nDie Gemeinde Talberg investiert 52 Millionen Euro in ihr Wassernetz, sagte Eva Brandt am Montag.\n\nRidership rose by 12 percent last year, according to the transport office.\n' > "$work/article.txt"
"$claimdesk" match --memory "$work/desk-carried" "$work/article.txt" > "$work/match-carried.jsonl"
"$claimdesk" match --memory "$work/desk-own" "$work/article.txt" > "$work/match-own.jsonl"
if cmp -s "$work/match-carried.jsonl" "$work/match-own.jsonl"; then echo "matches: identical"; else echo "matches: DIFFERENT"; fi
