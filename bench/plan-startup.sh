#!/usr/bin/env bash
# Whole-process timing of `project-planton plan` (the offline plan of iac/hack/manifest.yaml).
#
# Method: build once, one warm-up run of each command (it also writes the launcher's class-data
# sharing archive), then N rounds, each timing once, in turn: `plan -o json` from this checkout,
# the same from BASELINE (another built checkout, e.g. the commit before a change; optional), and
# the floor any JVM command pays, `java -version` with the launcher's flags. Medians of wall-clock
# time in ms; interleaving keeps a busy machine's load the same for all of them.
# Usage: bench/plan-startup.sh [RUNS] [BASELINE_ROOT]   (RUNS default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
baseline=${2:-}
[ -f cli/target/project-planton.jar ] || ./mvnw -q -DskipTests package

plan=(bin/project-planton plan --manifest iac/hack/manifest.yaml -o json)
. bin/java-options.sh # the launcher's default JVM flags
# shellcheck disable=SC2206 # several flags in one string, split on purpose
floor=(java $default_java_opts -Xshare:auto -version)

ms() { # runs "$@" once; prints its wall time in ms
  local start end
  start=$(date +%s%N)
  "$@" > /dev/null 2>&1
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

"${plan[@]}" > /dev/null  # warm-up; writes the archive after a fresh build
if [ -n "$baseline" ]; then (cd "$baseline" && "${plan[@]}" > /dev/null); fi
this=() base=() floors=()
for _ in $(seq "$runs"); do
  this+=("$(ms "${plan[@]}")")
  if [ -n "$baseline" ]; then base+=("$(cd "$baseline" && ms "${plan[@]}")"); fi
  floors+=("$(ms "${floor[@]}")")
done
t=$(printf '%s\n' "${this[@]}" | median)
f=$(printf '%s\n' "${floors[@]}" | median)
echo "median of $runs interleaved rounds, wall clock ($(java -version 2>&1 | head -1)):"
echo "  java -version (floor):   $f ms"
echo "  plan -o json, this:      $t ms   ($(ratio "$t" "$f")x the floor)"
if [ -n "$baseline" ]; then
  b=$(printf '%s\n' "${base[@]}" | median)
  echo "  plan -o json, baseline:  $b ms   ($(ratio "$b" "$f")x the floor; this/baseline = $(ratio "$t" "$b"))"
fi
