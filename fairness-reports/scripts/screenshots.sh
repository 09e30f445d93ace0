#!/usr/bin/env bash
# Writes the four demo documents (SyntheticLending, 6,000 applications) to fairness-reports/target/demo and the
# README screenshots to fairness-reports/docs: the dashboard and the executive slides in headless Chromium, page 1
# of each PDF with pdftoppm. Needs the Debian packages chromium and poppler-utils.
# Usage (from anywhere): fairness-reports/scripts/screenshots.sh [-o]   (-o: Maven offline)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
offline="${1:-}"
cd "$root"
# Compile core, stats and reports (with test classes) and write the test classpath; nothing is installed.
mvn -B -ntp -q $offline -pl fairness-reports -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$here/target/screenshots.classpath" -Dmdep.includeScope=test
cd "$here"
java -cp "target/test-classes:target/classes:$(cat target/screenshots.classpath)" \
    org.fairkit.reports.Screenshots docs target/demo
