#!/usr/bin/env bash
# Start-up of the Pulumi program from the prebuilt jar: milliseconds from JVM start until the
# table is registered under the Pulumi SDK's mock engine (Planner on iac/hack/manifest.yaml),
# over repeated fresh JVMs. Baseline, in the same run: a JVM on the same class path that does
# nothing but print its own start-up time. Prints medians and the ratio.
#
#   bench/pulumi-program-startup.sh [runs]      (build first: ./mvnw -q -pl iac/pulumi -am package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}"
jar=iac/pulumi/target/awsdynamodb-pulumi.jar
[[ -f "$jar" ]] || { echo "missing $jar: run ./mvnw -q -pl iac/pulumi -am package -DskipTests" >&2; exit 1; }
classes="$(mktemp -d)"
trap 'rm -rf "$classes"' EXIT
javac -d "$classes" -cp "$jar" bench/PulumiProgramStartup.java

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now_ms() { date +%s%3N; }

probe() { # $1: argument; prints "in-process-ms wall-ms"
  local start end inproc
  start=$(now_ms)
  inproc=$(java -cp "$jar:$classes" PulumiProgramStartup "$1")
  end=$(now_ms)
  echo "$inproc $((end - start))"
}

probe iac/hack/manifest.yaml >/dev/null # warm the OS file cache once
base=(); prog=(); base_wall=(); prog_wall=()
for ((i = 0; i < runs; i++)); do # interleaved, so drift hits both alike
  read -r a b < <(probe --baseline); base+=("$a"); base_wall+=("$b")
  read -r a b < <(probe iac/hack/manifest.yaml); prog+=("$a"); prog_wall+=("$b")
done
mb=$(printf '%s\n' "${base[@]}" | median)
mp=$(printf '%s\n' "${prog[@]}" | median)
mbw=$(printf '%s\n' "${base_wall[@]}" | median)
mpw=$(printf '%s\n' "${prog_wall[@]}" | median)
echo "runs: $runs, $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "JVM start -> table registered (median): ${mp} ms   (whole process: ${mpw} ms)"
echo "baseline JVM start -> main (median):     ${mb} ms   (whole process: ${mbw} ms)"
awk -v p="$mpw" -v b="$mbw" 'BEGIN {printf "ratio, whole process: %.1fx the bare JVM\n", p / b}'
