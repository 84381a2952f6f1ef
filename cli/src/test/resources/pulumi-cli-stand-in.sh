#!/usr/bin/env bash
# A stand-in for the pulumi CLI, for tests at the process boundary. It is not pulumi: there is no
# engine and no program run. It records each call, and answers the commands project-planton runs
# the way pulumi v3 does, as read from github.com/pulumi/pulumi (pkg/cmd/pulumi/...):
#  - Flags are checked per command, as cobra does with the flags each command declares
#    (operations/preview.go, up.go, refresh.go, destroy.go; stack/stack_select.go, stack_new.go,
#    stack_export.go, stack_output.go; config/config.go; the root's persistent flags in pulumi.go).
#    An unknown one fails: "error: unknown flag: --yes". preview declares no --yes.
#  - Errors go to stderr as "error: MESSAGE" (cmdutil.DisplayErrorMessage). Exit code: 255 for every
#    error, as pulumi before v3.226 does (main.go: os.Exit(-1)); with STAND_IN_EXIT_CODES=taxonomy,
#    the codes of pkg/cmd/pulumi/cmd/exit_codes.go (v3.226 on): 6 stack not found, 2 no confirmation
#    in non-interactive mode, 1 otherwise.
#  - up, refresh and destroy without --yes (or --skip-preview; --preview-only for refresh and
#    destroy) fail when not interactive (backenderr.NoConfirmationInNonInteractiveError). Interactive
#    means stdin and stdout are terminals and no --non-interactive (cmdutil.Interactive); tests say
#    STAND_IN_TERMINAL=FILE to play a terminal whose user answers yes: what a command shows on it
#    goes to FILE.
#  - Operations need an existing stack: "no stack named 'ORG/PROJECT/STACK' found"
#    (backenderr.StackNotFoundError). stack select --create and stack init create one; creating
#    writes an encryptionsalt into the stack's config file, as the passphrase secrets provider does.
#    The stack config file is Pulumi.<short stack name>.yaml next to Pulumi.yaml, or under its
#    stackConfigDir (sdk/go/common/workspace/paths.go).
#  - preview --json prints one PreviewDigest (pkg/display/json.go): {"steps": [...], "changeSummary"}.
#    preview --save-plan FILE writes a plan; up --plan FILE fails if FILE is not a saved plan, or if
#    the update would do more than the plan ("plan constraint" error of the engine).
#  - stack export prints the stack's state, apitype.UntypedDeployment version 3.
#  - stack rm (stack/stack_remove.go; aliases remove, delete) asks for confirmation through
#    ui.ConfirmDeletion: --yes, or PULUMI_SKIP_CONFIRMATIONS=true, or a terminal, else "non-interactive
#    mode requires --yes flag". Without --force it refuses a stack whose state holds a resource other
#    than the root pulumi:pulumi:Stack (diy/backend.go RemoveStack), with the CLI's "still has
#    resources; removal rejected" text. It removes the stack and, without --preserve-config, the
#    stack's config file; it prints "Stack 'S' has been removed!".
#  - cancel (cancel/cancel.go) asks only on a terminal without --yes; on the DIY backend it deletes
#    the stack's lock files (diy/backend.go CancelCurrentUpdate) and prints "The currently running
#    update for 'NAME' has been canceled!".
#  - A locked stack (a file under stacks/.../locks/, as a crashed update leaves in .pulumi/locks/)
#    makes preview, up, refresh, destroy and stack rm fail as diy/lock.go checkForLock words it.
#
# State under $STAND_IN_DIR:
#   calls/NNN/            one per call: argv (a line each), cwd, Pulumi.yaml, env (NUL-separated),
#                         stack-config (the real path of the stack config file), and, when
#                         STACK_INPUT_YAML_FILE is set, stack-input and stack-input-mode (octal)
#   stacks/ORG/PROJECT/STACK/  exists once the stack was created
#   stacks/.../state.json what stack export prints inside "deployment" (default: no resources)
#   preview-steps.json    the steps preview --json prints (default: [])
#   up-exceeds-plan       when present, up --plan fails as the engine does when the update differs
#   outputs.json          what stack output --json prints
#   stacks/.../locks/     lock files; each one's text says who holds it
#   fail-COMMAND          when present (fail-up, fail-stack-select, ...), that command fails with the file's text
set -u
dir=${STAND_IN_DIR:?STAND_IN_DIR must be set}
mkdir -p "$dir/calls" "$dir/stacks"
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

fail() { # fail CATEGORY MESSAGE: category is one of stack, confirm, other
  echo "error: $2" >&2
  if [ "${STAND_IN_EXIT_CODES:-legacy}" = taxonomy ]; then
    case $1 in stack) exit 6 ;; confirm) exit 2 ;; *) exit 1 ;; esac
  fi
  exit 255
}

# Flags each command declares, name:b (bool) or name:v (takes a value); short names as well.
global="cwd:v C:v emoji:b e:b fully-qualify-stack-names:b Q:b disable-integrity-checking:b logflow:b logtostderr:b
  non-interactive:b tracing:v otel-traces:v profiling:v memprofilerate:v verbose:v v:v color:v tracing-header:v help:b h:b"
operation="debug:b d:b stack:v s:v config-file:v config:v c:v config-path:b message:v m:v target:v t:v exclude:v x:v
  target-dependents:b diff:b json:b j:b parallel:v p:v refresh:b r:b run-program:b skip-config-validation:b show-config:b
  show-replacement-steps:b show-sames:b urns:b suppress-outputs:b show-full-output:b suppress-progress:b
  suppress-permalink:v skip-plugin-pre-install:b neo:b copilot:b event-log:v client:v exec-kind:v exec-agent:v"
case "${1:-} ${2:-}" in
  "preview "*) command=preview; shift
    flags="$operation expect-no-changes:b save-plan:v show-secrets:b import-file:v replace:v target-replace:v
      exclude-dependents:b policy-pack:v policy-pack-config:v output:v show-policy-remediations:b show-reads:b ignore-protect:b attach-debugger:v" ;;
  "up "*|"update "*) command=up; shift
    flags="$operation expect-no-changes:b secrets-provider:v replace:v target-replace:v exclude-dependents:b policy-pack:v
      policy-pack-config:v show-policy-remediations:b show-secrets:b show-reads:b skip-preview:b f:b yes:b y:b
      continue-on-error:b ignore-protect:b attach-debugger:v plan:v strict:b" ;;
  "refresh "*) command=refresh; shift
    flags="$operation expect-no-changes:b output:v preview-only:b skip-preview:b f:b yes:b y:b exclude-dependents:b
      skip-pending-creates:b clear-pending-creates:b" ;;
  "destroy "*) command=destroy; shift
    flags="$operation remove:b exclude-protected:b ignore-protect:b output:v preview-only:b skip-preview:b f:b
      continue-on-error:b yes:b y:b" ;;
  "stack select") command="stack-select"; shift 2; flags="stack:v s:v create:b c:b secrets-provider:v" ;;
  "stack init") command="stack-init"; shift 2; flags="stack:v s:v secrets-provider:v copy-config-from:v no-select:b teams:v remote-config:b yes:b y:b" ;;
  "stack rm"|"stack remove"|"stack delete") command="stack-rm"; shift 2
    flags="stack:v s:v force:b f:b yes:b y:b preserve-config:b remove-backups:b" ;;
  "cancel "*) command=cancel; shift; flags="stack:v s:v yes:b y:b" ;;
  "stack export") command="stack-export"; shift 2; flags="stack:v s:v file:v version:v show-secrets:b" ;;
  "stack output") command="stack-output"; shift 2; flags="json:b j:b shell:b stack:v s:v show-secrets:b" ;;
  "config "*) command=config; shift; flags="show-secrets:b open:b json:b j:b stack:v s:v config-file:v" ;;
  "version "*) echo "v3.225.0"; exit 0 ;;
  *) fail other "unknown command \"${1:-}\" for \"pulumi\"" ;;
esac

# Parse the flags as cobra would: --name, --name=value, --name value, -x value.
declare -A opt
positional=()
while [ $# -gt 0 ]; do
  arg=$1; shift
  case $arg in
    --*=*) name=${arg%%=*}; name=${name#--}; value=${arg#*=} ;;
    --*) name=${arg#--}; value= ;;
    -?) name=${arg#-}; value= ;;
    *) positional+=("$arg"); continue ;;
  esac
  kind=
  for f in $global $flags; do
    if [ "${f%:*}" = "$name" ]; then kind=${f#*:}; fi
  done
  if [ -z "$kind" ]; then
    if [ "${arg#--}" != "$arg" ]; then fail other "unknown flag: --$name"; else fail other "unknown shorthand flag: '$name' in -$name"; fi
  fi
  if [ "$kind" = v ] && [ "$arg" = "${arg%%=*}" ]; then
    [ $# -gt 0 ] || fail other "flag needs an argument: --$name"
    value=$1; shift
  fi
  [ "$kind" = b ] && [ -z "$value" ] && value=true
  opt[$name]=$value
done
get() { for n in "$@"; do if [ -n "${opt[$n]:-}" ]; then echo "${opt[$n]}"; return; fi; done; }
stack=$(get stack s)
if [ ${#positional[@]} -gt 0 ]; then
  case $command in
    stack-select|stack-init) [ -n "$stack" ] || stack=${positional[0]} ;;
    stack-rm|cancel) # stack_remove.go, cancel.go
      [ -z "$stack" ] || fail other "only one of --stack or argument stack name may be specified, not both"
      stack=${positional[0]} ;;
  esac
fi
[ -n "$stack" ] || fail stack "no stack selected; please use \`pulumi stack select\` to choose one"
stack_dir="$dir/stacks/$stack"
short=${stack##*/}

# The stack's config file: Pulumi.<short>.yaml beside Pulumi.yaml, or in its stackConfigDir.
config_dir=$(sed -n 's/^stackConfigDir: *//p' Pulumi.yaml 2>/dev/null | tr -d '"'"'"'')
config_file="${config_dir:+$config_dir/}Pulumi.$short.yaml"
readlink -f "$config_file" > "$call/stack-config" 2>/dev/null || true

create_stack() {
  [ -d "$stack_dir" ] && fail other "stack '$stack' already exists"
  mkdir -p "$stack_dir"
  if ! grep -q '^encryptionsalt:' "$config_file" 2>/dev/null; then
    echo "encryptionsalt: v1:$(head -c 12 /dev/urandom | base64):v1:stand-in" >> "$config_file" || fail other "could not save stack config $config_file"
  fi
  echo "Created stack '$stack'"
}
require_stack() { [ -d "$stack_dir" ] || fail stack "no stack named '$stack' found"; }
interactive() { [ -z "${opt[non-interactive]:-}" ] && { [ -n "${STAND_IN_TERMINAL:-}" ] || { [ -t 0 ] && [ -t 1 ]; }; }; }
confirm() { # the rule of up.go, refresh.go and destroy.go; refresh words it with errors.New, so it exits 1
  if [ -n "$(get yes y skip-preview f preview-only)" ] || [ "${PULUMI_SKIP_CONFIRMATIONS:-}" = true ] || interactive; then return; fi
  fail "$([ "$command" = refresh ] && echo other || echo confirm)" \
    "--yes or --skip-preview or --preview-only must be passed in to proceed when running in non-interactive mode"
}
locked() { # diy/lock.go checkForLock
  local locks=("$stack_dir"/locks/*)
  [ -e "${locks[0]}" ] || return 0
  local text="the stack is currently locked by ${#locks[@]} lock(s). Either wait for the other process(es) to end or delete the lock file with \`pulumi cancel\`."
  for lock in "${locks[@]}"; do text="$text"$'\n'"  file://$lock: $(cat "$lock")"; done
  fail other "$text"
}
scripted_failure() { if [ -f "$dir/fail-$command" ]; then fail other "$(cat "$dir/fail-$command")"; fi; }

scripted_failure
# What a command shows on the played terminal goes to that file, never to the test JVM's own stdout.
# pulumi writes these lines to its stdout (cmd.OutOrStdout()), which is the terminal there:
# stack/stack_remove.go ("Stack '...' has been removed!"), cancel/cancel.go ("... has been canceled!"),
# and the operations' progress display.
to_terminal() { if interactive && [ -n "${STAND_IN_TERMINAL:-}" ]; then exec >> "$STAND_IN_TERMINAL"; fi; }

case $command in
  stack-select)
    if [ -d "$stack_dir" ]; then exit 0; fi
    if [ -n "$(get create c)" ]; then create_stack; exit 0; fi
    fail stack "no stack named '$stack' found" ;;
  stack-init)
    create_stack ;;
  stack-export)
    require_stack
    printf '{"version": 3, "deployment": '
    cat "$stack_dir/state.json" 2>/dev/null || printf '{"manifest": {"time": "2026-01-01T00:00:00Z", "magic": "", "version": "v3.225.0"}}'
    printf '}\n' ;;
  stack-output)
    require_stack
    cat "$dir/outputs.json" 2>/dev/null || echo '{}' ;;
  config)
    require_stack
    # "pulumi config --json": each key of the stack config file's config: section, {"value", "secret"}.
    printf '{'
    sep=
    sed -n '/^config:/,/^[^ ]/p' "$config_file" 2>/dev/null | sed -n 's/^  \([^ :][^ ]*:[^ :]*\): *\(.*\)$/\1\t\2/p' |
      while IFS=$'\t' read -r key value; do
        value=${value#[\"\']}; value=${value%[\"\']}; value=${value//\\/\\\\}; value=${value//\"/\\\"}
        printf '%s"%s": {"value": "%s", "secret": false}' "$sep" "$key" "$value"; sep=', '
      done
    printf '}\n' ;;
  stack-rm)
    require_stack
    # ui.ConfirmDeletion: --yes (or PULUMI_SKIP_CONFIRMATIONS), else a terminal, where the user types the name.
    if [ -z "$(get yes y)" ] && [ "${PULUMI_SKIP_CONFIRMATIONS:-}" != true ] && ! interactive; then
      fail other "non-interactive mode requires --yes flag"
    fi
    locked
    if [ -z "$(get force f)" ] && [ "$(grep -o '"type": *"[^"]*"' "$stack_dir/state.json" 2>/dev/null | grep -vc '"pulumi:pulumi:Stack"')" -gt 0 ]; then
      fail other "'$stack' still has resources; removal rejected. Possible actions:
- Make sure that '$stack' is the stack that you want to destroy
- Run \`pulumi destroy\` to delete the resources, then run \`pulumi stack rm\`
- Run \`pulumi stack rm --force\` to override this error"
    fi
    rm -rf "$stack_dir"
    if [ -z "$(get preserve-config)" ]; then rm -f "$config_file"; fi
    to_terminal
    echo "Stack '$stack' has been removed!" ;;
  cancel)
    require_stack
    rm -f "$stack_dir"/locks/*
    to_terminal
    echo "The currently running update for '$short' has been canceled!" ;;
  preview)
    require_stack
    locked
    steps=$(cat "$dir/preview-steps.json" 2>/dev/null || echo '[]')
    if [ -n "${opt[save-plan]:-}" ]; then
      printf '{"manifest": {"version": "v3.225.0"}, "resourcePlans": {}, "stand-in-steps": %s}\n' "$steps" > "${opt[save-plan]}" \
        || fail other "failed to write plan file ${opt[save-plan]}"
    fi
    if [ -n "$(get json j)" ]; then
      printf '{"steps": %s, "changeSummary": {}}\n' "$steps"
    else
      echo "Previewing update ($stack)"
    fi ;;
  up|refresh|destroy)
    require_stack
    confirm
    locked
    to_terminal
    if [ -n "${opt[plan]:-}" ]; then
      grep -q '"resourcePlans"' "${opt[plan]}" 2>/dev/null || fail other "open ${opt[plan]}: no such file or directory"
      [ -f "$dir/up-exceeds-plan" ] && fail other "$(cat "$dir/up-exceeds-plan")"
    fi
    case $command in up) echo "Updating ($stack)" ;; refresh) echo "Refreshing ($stack)" ;; destroy) echo "Destroying ($stack)" ;; esac ;;
esac
