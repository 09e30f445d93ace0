#!/usr/bin/env bash
# End-to-end harness: `fairkit audit` whole process on 1e7 rows (y_true, y_pred, s; 5 groups) as Parquet and as CSV.
# Run from the repository root after `mvn -B -ntp verify` (needs fairness-cli/target/fairkit.jar, the distribution
# fairness-cli/target/fairkit/ and GNU time). The launcher runs use a DuckDB native-library cache in $dir/cache
# (filled by the first run, which is timed separately).
set -euo pipefail
jar=fairness-cli/target/fairkit.jar
dir=${1:-$(mktemp -d)}
[ -f "$dir/d1e7.parquet" ] || java -cp "$jar" benchmarks/harness/MakeParquet.java "$dir/d1e7.parquet" "$dir/d1e7.csv"
for input in "$dir/d1e7.parquet" "$dir/d1e7.csv"; do
  for i in 1 2 3 4 5; do
    /usr/bin/time -f "$(basename "$input"): %e s wall, %M KiB peak RSS" \
      java -jar "$jar" audit --data "$input" --label y_true --prediction y_pred --sensitive s > /dev/null
  done
done
launcher=fairness-cli/target/fairkit/bin/fairkit
export FAIRKIT_CACHE=$dir/cache
rm -rf "$FAIRKIT_CACHE"
/usr/bin/time -f "launcher, first run (fills the cache): %e s wall, %M KiB peak RSS" \
  "$launcher" audit --data "$dir/d1e7.parquet" --label y_true --prediction y_pred --sensitive s > /dev/null
for i in 1 2 3 4 5; do
  /usr/bin/time -f "launcher d1e7.parquet: %e s wall, %M KiB peak RSS" \
    "$launcher" audit --data "$dir/d1e7.parquet" --label y_true --prediction y_pred --sensitive s > /dev/null
done
for i in 1 2 3; do
  /usr/bin/time -f "launcher --version: %e s wall, %M KiB peak RSS" "$launcher" --version > /dev/null
done
