#!/usr/bin/env bash
# End-to-end harness (issue 16): `fairkit audit` whole process on the 1e7-row CSV (y_true, y_pred, s; 5 groups; 70 MB),
# through the launcher (serial GC; class data sharing from the archive its first run made) and through `java -jar`,
# five runs each with GNU time; then the launcher without CDS and with the byte-level reader turned off, to compare.
# Run from the repository root after `mvn -B -ntp verify` (needs fairness-cli/target/fairkit.jar and GNU time).
set -euo pipefail
jar=fairness-cli/target/fairkit.jar
launcher=fairness-cli/target/fairkit/bin/fairkit
dir=${1:-$(mktemp -d)}
[ -f "$dir/d1e7.csv" ] || java -cp "$jar" benchmarks/harness/MakeParquet.java "$dir/d1e7.parquet" "$dir/d1e7.csv"
args=(audit --data "$dir/d1e7.csv" --label y_true --prediction y_pred --sensitive s)
"$launcher" --version > /dev/null
sleep 15 # the first run's class list becomes the CDS archive in the background
timed() {
  local what=$1
  shift
  /usr/bin/time -f "$what: %e s wall, %U s user, %S s sys, %M KiB peak RSS" "$@" > /dev/null
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
for i in 1 2 3 4 5; do timed "bin/fairkit" "$launcher" "${args[@]}"; done
for i in 1 2 3 4 5; do timed "java -jar" java -jar "$jar" "${args[@]}"; done
for i in 1 2 3; do FAIRKIT_CDS=0 timed "bin/fairkit, FAIRKIT_CDS=0" "$launcher" "${args[@]}"; done
for i in 1 2 3; do JAVA_OPTS=-Dfairkit.plainCsv=false timed "bin/fairkit, streaming reader" "$launcher" "${args[@]}"; done
for i in 1 2 3; do timed "bin/fairkit --version" "$launcher" --version; done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
