#!/usr/bin/env bash
# Whole-process timing of `project-planton validate`.
#
# Method: build once, then time complete command runs (JVM start included) with hyperfine when it
# is installed (apt-get install hyperfine), else with a loop of N runs. Either way the median is
# quoted (hyperfine's own summary shows means, so its JSON export is read for the medians).
#   1. one manifest, one JVM;
#   2. 100 manifests in one run (one JVM);
#   3. one manifest without the class-data-sharing archive (PROJECT_PLANTON_NO_CDS=1), the baseline
#      for what the launcher's archive saves;
#   4. `java -version` alone, the floor any JVM command pays.
# All are measured in the same run, after one warm-up run that also writes the archive.
# Usage: bench/validate-startup.sh [RUNS]   (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
[ -f cli/target/project-planton.jar ] || ./mvnw -q -DskipTests package

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in $(seq -w 1 100); do
  sed "s/name: orders/name: orders-$i/" iac/hack/manifest.yaml > "$work/table-$i.yaml"
done

one="bin/project-planton validate --manifest iac/hack/manifest.yaml"
many="bin/project-planton validate --manifest $work"
no_cds="env PROJECT_PLANTON_NO_CDS=1 $one"
floor="java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -version"

median_ms() { # runs "$@" $runs times; prints the median wall time in ms
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" > /dev/null 2>&1
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2))}'
}

$one > /dev/null  # warm-up; writes the archive after a fresh build
if command -v hyperfine > /dev/null; then
  # hyperfine's summary shows means; its JSON export also holds each command's median (seconds).
  hyperfine --warmup 2 --runs "$runs" -N --style none --export-json "$work/hyperfine.json" "$floor" "$no_cds" "$one" "$many"
  echo "median of $runs runs (hyperfine), wall clock:"
  grep -o '"command": *"[^"]*"\|"median": *[0-9.eE+-]*' "$work/hyperfine.json" \
    | paste - - | sed 's/"command": *"\([^"]*\)"[[:space:]]*"median": *\(.*\)/\2 \1/' \
    | awk '{ms = $1 * 1000; sub(/^[^ ]+ /, ""); printf "  %6.0f ms  %s\n", ms, $0}'
else
  echo "median of $runs runs, wall clock:"
  echo "  java -version (floor):     $(median_ms $floor) ms"
  echo "  validate, 1, no CDS:       $(median_ms $no_cds) ms"
  echo "  validate, 1 manifest:      $(median_ms $one) ms"
  echo "  validate, 100 manifests:   $(median_ms $many) ms"
fi
