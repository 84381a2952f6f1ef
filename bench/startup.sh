#!/usr/bin/env bash
# Start-up of `project-planton validate` and `plan`, beside the JVM floor and the peers, in one run.
#
# Method: whole-process wall time (JVM start included) of each command, run RUNS times in
# interleaved rounds (every case once per round, so load drift on a shared machine hits all cases
# alike); the median of each is quoted, with its ratio to the floor measured in the same rounds.
# Cases:
#   floor     `java -version` with the launcher's JVM flags: what any JVM command pays;
#   validate  bin/project-planton validate, one manifest (iac/hack/manifest.yaml);
#   plan      bin/project-planton plan -o json, the same manifest;
#   many      validate over MANY copies of it in one run; the cost per additional manifest is
#             (median(many) - median(validate)) / (MANY - 1);
#   cfn-lint  cfn-lint 1.9.7 (npm) validating the same table as a CloudFormation template
#             (bench/peers/orders.cfn.yaml), the peer of validate;
#   pulumi-js a Pulumi JavaScript program registering the same provider and aws.dynamodb.Table
#             under pulumi.runtime.setMocks (bench/peers/orders-mocks.js), the peer of plan.
# With JAVA25_HOME set (a JDK 25+), floor, validate and plan are measured on it too (AOT cache).
# With BASELINE set (another checkout, built: e.g. `git worktree add` of the commit before a change,
# then `./mvnw -q package -DskipTests` there), its validate and plan run in the same rounds, so a
# change is compared with its baseline under the same load.
# With FRESH=1, the project is first rebuilt from clean (./mvnw clean package -DskipTests) and the
# first validate and the first plan after that build are timed once each: the build trains the
# launcher's archive, so no user run pays for it.
#
# The peers are installed from the npm registry into a scratch directory (PEERS_DIR, default
# ~/.cache/project-planton-bench-peers) on first use; without npm they are skipped. The project's
# tests never need them.
#
# Usage: bench/startup.sh [RUNS]        (default 15; MANY default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd -P)
runs=${1:-15}
many=${MANY:-10000}
peers=${PEERS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/project-planton-bench-peers}
manifest=iac/hack/manifest.yaml

echo "machine: $(nproc) cores, $(uname -sr); load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
echo "java: $(java -version 2>&1 | head -1)"

now_ms() { date +%s%N | cut -b1-13; }
time_ms() { # runs "$@" once, output discarded; prints wall ms; fails the bench if the command fails
  local start end
  start=$(now_ms)
  "$@" > /dev/null 2>&1 || { echo "bench: failed: $*" >&2; "$@" >&2 || true; exit 1; }
  end=$(now_ms)
  echo $((end - start))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

if [ "${FRESH:-}" = 1 ]; then
  echo "fresh build: ./mvnw -B -ntp -q clean package -DskipTests"
  ./mvnw -B -ntp -q clean package -DskipTests > /dev/null
  first_validate=$(time_ms bin/project-planton validate --manifest "$manifest")
  first_plan=$(time_ms bin/project-planton plan -o json --manifest "$manifest")
elif [ ! -f cli/target/project-planton.jar ]; then
  ./mvnw -B -ntp -q package -DskipTests > /dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/many"
for i in $(seq 1 "$many"); do
  sed "s/name: orders/name: orders-$i/" "$manifest" > "$work/many/table-$i.yaml"
done

cases=(floor validate plan many)
declare -A cmd
. bin/java-options.sh # the launcher's default JVM flags
cmd[floor]="java $default_java_opts -Xshare:auto -version"
cmd[validate]="bin/project-planton validate --manifest $manifest"
cmd[plan]="bin/project-planton plan -o json --manifest $manifest"
cmd[many]="bin/project-planton validate --manifest $work/many"

if command -v npm > /dev/null && command -v node > /dev/null; then
  if [ ! -x "$peers/node_modules/.bin/cfn-lint" ] || [ ! -d "$peers/node_modules/@pulumi/aws" ]; then
    echo "installing the peers into $peers (npm registry)"
    mkdir -p "$peers"
    npm install --no-audit --no-fund --prefix "$peers" cfn-lint@1.9.7 @pulumi/pulumi@3.248.0 @pulumi/aws@7.48.0 > "$peers/install.log" 2>&1
  fi
  cases+=(cfn-lint pulumi-js)
  cmd[cfn-lint]="$peers/node_modules/.bin/cfn-lint validate $root/bench/peers/orders.cfn.yaml"
  cmd[pulumi-js]="env NODE_PATH=$peers/node_modules node $root/bench/peers/orders-mocks.js"
  echo "peers: cfn-lint $(node -p "require('$peers/node_modules/cfn-lint/package.json').version"), @pulumi/pulumi $(node -p "require('$peers/node_modules/@pulumi/pulumi/package.json').version"), @pulumi/aws $(node -p "require('$peers/node_modules/@pulumi/aws/package.json').version"), node $(node --version)"
else
  echo "peers: skipped (no npm/node)"
fi

if [ -n "${BASELINE:-}" ]; then
  [ -f "$BASELINE/cli/target/project-planton.jar" ] || { echo "bench: BASELINE=$BASELINE is not built" >&2; exit 1; }
  cases+=(validate-base plan-base)
  cmd[validate-base]="$BASELINE/bin/project-planton validate --manifest $manifest"
  cmd[plan-base]="$BASELINE/bin/project-planton plan -o json --manifest $manifest"
  echo "baseline: $BASELINE ($(git -C "$BASELINE" log --oneline -1 2>/dev/null || echo 'not a git checkout'))"
fi

if [ -n "${JAVA25_HOME:-}" ]; then
  cases+=(floor-25 validate-25 plan-25)
  cmd[floor-25]="$JAVA25_HOME/bin/java $default_java_opts -Xshare:auto -version"
  cmd[validate-25]="env JAVA_HOME=$JAVA25_HOME bin/project-planton validate --manifest $manifest"
  cmd[plan-25]="env JAVA_HOME=$JAVA25_HOME bin/project-planton plan -o json --manifest $manifest"
  echo "java 25: $("$JAVA25_HOME/bin/java" -version 2>&1 | head -1)"
fi

for c in "${cases[@]}"; do time_ms ${cmd[$c]} > /dev/null; done # warm-up (trains an archive a JDK lacks)
declare -A samples
for ((r = 1; r <= runs; r++)); do
  for c in "${cases[@]}"; do
    # The many-manifest case is long; it runs every third round (at least 3 times in all).
    if [ "$c" = many ] && [ $((r % 3)) -ne 1 ] && [ "$runs" -ge 9 ]; then continue; fi
    samples[$c]+="$(time_ms ${cmd[$c]}) "
  done
done

declare -A med
for c in "${cases[@]}"; do med[$c]=$(printf '%s\n' ${samples[$c]} | median); done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a / b}'; }

echo
echo "medians of $runs interleaved runs (many: $(printf '%s\n' ${samples[many]} | wc -l) runs), wall clock, JVM start included:"
printf '  %-44s %7s  %s\n' "case" "median" "vs floor / peer"
printf '  %-44s %5s ms\n' "java -version (the floor, JDK 17)" "${med[floor]}"
printf '  %-44s %5s ms  %sx the floor' "validate, one manifest" "${med[validate]}" "$(ratio "${med[validate]}" "${med[floor]}")"
[ -n "${med[cfn-lint]:-}" ] && printf ', %sx cfn-lint' "$(ratio "${med[validate]}" "${med[cfn-lint]}")"
echo
printf '  %-44s %5s ms  %sx the floor' "plan -o json, one manifest" "${med[plan]}" "$(ratio "${med[plan]}" "${med[floor]}")"
[ -n "${med[pulumi-js]:-}" ] && printf ', %sx the Pulumi JS mocks' "$(ratio "${med[plan]}" "${med[pulumi-js]}")"
echo
printf '  %-44s %5s ms  %s ms per additional manifest\n' "validate, $many manifests in one run" "${med[many]}" \
  "$(awk -v m="${med[many]}" -v o="${med[validate]}" -v n="$many" 'BEGIN {printf "%.3f", (m - o) / (n - 1)}')"
if [ -n "${med[cfn-lint]:-}" ]; then
  printf '  %-44s %5s ms\n' "cfn-lint 1.9.7 validate (peer)" "${med[cfn-lint]}"
  printf '  %-44s %5s ms\n' "Pulumi JS program under setMocks (peer)" "${med[pulumi-js]}"
fi
if [ -n "${med[validate-base]:-}" ]; then
  printf '  %-44s %5s ms  %sx the floor; this/baseline %s\n' "validate, one manifest, BASELINE" "${med[validate-base]}" \
    "$(ratio "${med[validate-base]}" "${med[floor]}")" "$(awk -v a="${med[validate]}" -v b="${med[validate-base]}" 'BEGIN {printf "%.2f", a / b}')"
  printf '  %-44s %5s ms  %sx the floor; this/baseline %s\n' "plan -o json, one manifest, BASELINE" "${med[plan-base]}" \
    "$(ratio "${med[plan-base]}" "${med[floor]}")" "$(awk -v a="${med[plan]}" -v b="${med[plan-base]}" 'BEGIN {printf "%.2f", a / b}')"
fi
if [ -n "${med[floor-25]:-}" ]; then
  printf '  %-44s %5s ms\n' "java -version (the floor, JDK 25)" "${med[floor-25]}"
  printf '  %-44s %5s ms  %sx the JDK 25 floor\n' "validate, one manifest, JDK 25 (AOT cache)" "${med[validate-25]}" "$(ratio "${med[validate-25]}" "${med[floor-25]}")"
  printf '  %-44s %5s ms  %sx the JDK 25 floor\n' "plan -o json, one manifest, JDK 25 (AOT cache)" "${med[plan-25]}" "$(ratio "${med[plan-25]}" "${med[floor-25]}")"
fi
if [ -n "${first_validate:-}" ]; then
  printf '  %-44s %5s ms  (one sample)\n' "first validate after a fresh build" "$first_validate"
  printf '  %-44s %5s ms  (one sample)\n' "first plan after a fresh build" "$first_plan"
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
