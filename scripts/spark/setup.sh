#!/usr/bin/env bash
# What the Spark job needs, on Debian: Java from Debian's packages (when there is none) and PySpark from
# PyPI in a virtual environment of its own. Idempotent; prints the environment's python last.
#   scripts/spark/setup.sh            # environment in target/spark-venv
#   CLAIMDESK_SPARK_VENV=DIR scripts/spark/setup.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv=${CLAIMDESK_SPARK_VENV:-$here/../../target/spark-venv}
# Spark 3.5 runs on Java 8, 11 and 17; Debian 12 packages 17.
pyspark_version=3.5.8

# Callers may run at once (the Spark tests run in parallel): one sets up, the others wait for it and then
# find the environment ready, instead of creating the same virtual environment side by side.
mkdir -p "$(dirname "$venv")"
exec 9>"$venv.lock"
flock 9

if ! command -v java >/dev/null; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null
fi
if ! "$venv/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$pyspark_version')" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "pyspark==$pyspark_version" >&2
fi
echo "$venv/bin/python"
