#!/usr/bin/env bash
# Whole-process timing of `project-planton validate`.
#
# Method: build once, then time complete command runs (JVM start included) with hyperfine when it
# is installed (apt-get install hyperfine), else with a loop of N runs; the median is quoted.
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
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

$one > /dev/null  # warm-up; writes the archive after a fresh build
if command -v hyperfine > /dev/null; then
  hyperfine --warmup 2 --runs "$runs" -N "$floor" "$no_cds" "$one" "$many"
else
  echo "median of $runs runs, wall clock:"
  echo "  java -version (floor):     $(median_ms $floor) ms"
  echo "  validate, 1, no CDS:       $(median_ms $no_cds) ms"
  echo "  validate, 1 manifest:      $(median_ms $one) ms"
  echo "  validate, 100 manifests:   $(median_ms $many) ms"
fi
