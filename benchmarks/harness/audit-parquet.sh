#!/usr/bin/env bash
# End-to-end harness: `fairkit audit` whole process on 1e7 rows (y_true, y_pred, s; 5 groups) as Parquet and as CSV.
# Run from the repository root after `mvn -B -ntp verify` (needs fairness-cli/target/fairkit.jar and GNU time).
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
