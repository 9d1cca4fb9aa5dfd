"""claimdesk as a Spark map step: JSON Lines from a folder (or a file), every partition piped through one
claimdesk process, JSON Lines out, one output line per input record in input order.

    python scripts/spark/job.py INPUT OUTPUT [--step extract|embed] [--fast] [--claimdesk PATH] [--master local[2]]

`--step extract` runs `claimdesk extract --jsonl --jobs 1 -` (articles in, reviews out; scored by
meaning and words, as the window does, or by words alone with `--fast`); `--step embed`
runs `claimdesk memory embed --jsonl --jobs 1 -` (ClaimReviews in, the same records with their vectors
out). The environment's SOURCE_DATE_EPOCH is handed to every task, so a re-run -- or Spark re-running a
failed task -- writes the same bytes.
"""

import argparse
import os
import shlex

from pyspark.sql import SparkSession

STEPS = {
    "extract": ["extract", "--jsonl", "--jobs", "1", "-"],
    "embed": ["memory", "embed", "--jsonl", "--jobs", "1", "-"],
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="a JSON Lines file or a folder of them")
    parser.add_argument("output", help="a folder that does not exist yet (part-NNNNN files)")
    parser.add_argument("--step", choices=sorted(STEPS), default="extract")
    parser.add_argument("--fast", action="store_true",
                        help="extract: score by words alone (many times faster; other scores than the window's)")
    parser.add_argument("--claimdesk", default="claimdesk", help="the claimdesk program")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=4)
    args = parser.parse_args()

    spark = (
        SparkSession.builder.master(args.master)
        .appName(f"claimdesk {args.step}")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    step = STEPS[args.step]
    if args.fast and args.step == "extract":
        step = [*step[:-1], "--fast", step[-1]]
    command = " ".join(shlex.quote(part) for part in [args.claimdesk, *step])
    env = {
        name: os.environ[name]
        for name in ("SOURCE_DATE_EPOCH", "CLAIMDESK_ENCODER_MODEL", "CLAIMDESK_CACHE_DIR")
        if name in os.environ
    }
    records = spark.sparkContext.textFile(args.input, minPartitions=args.partitions)
    # checkCode: a claimdesk that fails (not a bad record: those are answered in place) fails the task.
    records.pipe(command, env=env, checkCode=True).saveAsTextFile(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
