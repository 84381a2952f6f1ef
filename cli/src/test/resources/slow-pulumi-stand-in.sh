#!/usr/bin/env bash
# A stand-in for the pulumi CLI that takes its time over one command, for tests of signals at the
# process boundary. It is not pulumi. Like pulumi (pkg/backend/cancellation_scope.go in
# pulumi/pulumi: signal.Notify(c.sigint, os.Interrupt, syscall.SIGTERM)), the first SIGINT or
# SIGTERM cancels the running command: it prints "^C received; cancelling..." (or "SIGTERM
# received; ..."), winds down, and exits with pulumi's error code 255. The other commands answer
# at once, as the real CLI does for an existing stack.
#
# Settings:
#   STAND_IN_DIR       where it records, required
#   STAND_IN_SLOW      the command that sleeps (up to 60 s) until signalled: "preview", "up",
#                      "stack select" or "stack output"
# Records in $STAND_IN_DIR: started (the slow command's pid, once it is waiting), signals (one
# line per signal received), input-at-signal and input-at-exit ("present" or "absent": whether
# the stack input file existed when the signal came, and when it exited).
set -u
dir=${STAND_IN_DIR:?STAND_IN_DIR must be set}
command="${1:-} ${2:-}"
case "${1:-}" in preview|up|refresh|destroy) command=$1 ;; esac

input_state() {
  if [ -n "${STACK_INPUT_YAML_FILE:-}" ] && [ -f "$STACK_INPUT_YAML_FILE" ]; then echo present; else echo absent; fi
}

cancel() {
  echo "$1" >> "$dir/signals"
  input_state > "$dir/input-at-signal"
  if [ "$1" = TERM ]; then
    echo "SIGTERM received; cancelling. If you would like to terminate immediately, send SIGTERM again."
  else
    echo "^C received; cancelling. If you would like to terminate immediately, press ^C again."
  fi
  sleep 1 # pulumi waits for the operations in flight
  input_state > "$dir/input-at-exit"
  echo "error: canceled" >&2
  exit 255
}

if [ "$command" = "${STAND_IN_SLOW:-}" ]; then
  trap 'cancel INT' INT
  trap 'cancel TERM' TERM
  echo $$ > "$dir/started.tmp" && mv "$dir/started.tmp" "$dir/started"
  for _ in $(seq 600); do sleep 0.1; done
  echo "stand-in pulumi: never signalled" >&2
  exit 3
fi

case "$command" in
  "stack select") exit 0 ;;
  "stack output") echo '{}' ;;
  preview|up|refresh|destroy) echo "stand-in pulumi: $command" ;;
  *) echo "stand-in pulumi: unexpected arguments: $*" >&2; exit 2 ;;
esac
