#!/usr/bin/env bash
# Whole-process timing of `project-planton plan` (the offline plan of iac/hack/manifest.yaml).
#
# Method: build once, one warm-up run (it also writes the launcher's class-data-sharing archive),
# then N complete command runs (JVM start included) interleaved with the floor any JVM command
# pays, `java -version` with the launcher's flags; medians of wall-clock time in ms. Run it on two
# commits to compare them: each run quotes its own floor, so compare the ratios on a busy machine.
# Usage: bench/plan-startup.sh [RUNS]   (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
[ -f cli/target/project-planton.jar ] || ./mvnw -q -DskipTests package

plan=(bin/project-planton plan --manifest iac/hack/manifest.yaml -o json)
floor=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -version)

ms() { # runs "$@" once; prints its wall time in ms
  local start end
  start=$(date +%s%N)
  "$@" > /dev/null 2>&1
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

"${plan[@]}" > /dev/null  # warm-up; writes the archive after a fresh build
plan_times=() floor_times=()
for _ in $(seq "$runs"); do
  plan_times+=("$(ms "${plan[@]}")")
  floor_times+=("$(ms "${floor[@]}")")
done
p=$(printf '%s\n' "${plan_times[@]}" | median)
f=$(printf '%s\n' "${floor_times[@]}" | median)
echo "median of $runs interleaved runs, wall clock ($(java -version 2>&1 | head -1)):"
echo "  java -version (floor):  $f ms"
echo "  plan -o json:           $p ms   ($(awk -v p="$p" -v f="$f" 'BEGIN {printf "%.1f", p / f}')x the floor)"
