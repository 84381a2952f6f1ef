#!/usr/bin/env bash
# A stand-in for the pulumi CLI, for tests at the process boundary. It is not pulumi: it records
# each call and answers the few commands project-planton reads, the way the real CLI does.
#
# Each call N writes $STAND_IN_DIR/calls/N/: argv (one argument per line), cwd, the Pulumi.yaml
# found there, env (NUL-separated),
# and, when STACK_INPUT_YAML_FILE is set, stack-input (its content) and stack-input-mode (octal).
# Settings, all optional:
#   $STAND_IN_DIR/stacks       known stacks, one per line; stack select fails for others, stack init adds
#   STAND_IN_FAIL_VERB=up      that operation exits 1
#   $STAND_IN_DIR/outputs.json what stack output --json prints
set -u
dir=${STAND_IN_DIR:?STAND_IN_DIR must be set}
mkdir -p "$dir/calls"
n=$(find "$dir/calls" -mindepth 1 -maxdepth 1 | wc -l)
call="$dir/calls/$(printf '%03d' "$n")"
mkdir -p "$call"
printf '%s\n' "$@" > "$call/argv"
pwd -P > "$call/cwd"
if [ -f Pulumi.yaml ]; then cp Pulumi.yaml "$call/Pulumi.yaml"; fi
env -0 > "$call/env"
if [ -n "${STACK_INPUT_YAML_FILE:-}" ] && [ -f "$STACK_INPUT_YAML_FILE" ]; then
  cp "$STACK_INPUT_YAML_FILE" "$call/stack-input"
  stat -c '%a' "$STACK_INPUT_YAML_FILE" > "$call/stack-input-mode"
fi

stack_arg() { # the value after --stack
  while [ $# -gt 0 ]; do
    if [ "$1" = "--stack" ]; then echo "$2"; return; fi
    shift
  done
}

case "${1:-} ${2:-}" in
  "version "*)
    echo "v3.200.0" ;;
  "stack select")
    name=$(stack_arg "$@")
    if grep -qxF "$name" "$dir/stacks" 2>/dev/null; then exit 0; fi
    echo "error: no stack named '$name' found" >&2
    exit 255 ;;
  "stack init")
    stack_arg "$@" >> "$dir/stacks"
    echo "Created stack '$(stack_arg "$@")'" ;;
  "stack output")
    cat "$dir/outputs.json" 2>/dev/null || echo '{}' ;;
  preview*|up*|refresh*|destroy*)
    echo "stand-in pulumi: $1"
    if [ "${STAND_IN_FAIL_VERB:-}" = "$1" ]; then echo "error: $1 failed" >&2; exit 1; fi ;;
  *)
    echo "stand-in pulumi: unexpected arguments: $*" >&2
    exit 2 ;;
esac
