#!/usr/bin/env bash
# The envparity action's check step: one `envparity check`, then its results for GitHub — the exit code, the
# severity and the JSON report as step outputs, the Markdown table in the job summary, and whether the
# notification state, the history or the code hosts' comparisons changed (the action saves them to the cache only then). It
# never fails the step itself: the action's Gate step does, after the state has been saved.
#
# Environment: ENVPARITY_HOME (envparity-runner.jar and lib/), ENVPARITY_CONFIG (parity.yaml),
# ENVPARITY_STATE_FILE, ENVPARITY_HISTORY_FILE and ENVPARITY_COMPARE_CACHE (beside it, see state.sh),
# ENVPARITY_SUMMARY ('true' or not), and the runner's GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP.
set -uo pipefail
: "${ENVPARITY_HOME:?}" "${ENVPARITY_CONFIG:?}" "${ENVPARITY_STATE_FILE:?}" "${ENVPARITY_HISTORY_FILE:?}" "${GITHUB_OUTPUT:?}"

# Step outputs are kept to 256 KiB: GitHub allows at most 1 MB of outputs per job
# (https://docs.github.com/actions/writing-workflows/choosing-what-your-workflow-does/passing-information-between-jobs).
MAX_REPORT_OUTPUT=262144

random() { od -An -tx1 -N16 /dev/urandom | tr -d ' \n'; }
digest() { if [ -f "$1" ]; then cksum < "$1"; else echo none; fi; }

out=$(mktemp -d "${RUNNER_TEMP:-/tmp}/envparity.XXXXXX")
report=$out/report.json
summary=$out/summary.md
{
  echo "report-file=$report"
  echo "summary-file=$summary"
} >> "$GITHUB_OUTPUT"

if [ ! -f "$ENVPARITY_CONFIG" ]; then
  echo "::error title=envparity::No configuration file at '$ENVPARITY_CONFIG' (the action's config input, relative to $PWD)"
  echo "exit-code=2" >> "$GITHUB_OUTPUT"
  exit 0
fi

state() { digest "$ENVPARITY_STATE_FILE"; digest "$ENVPARITY_HISTORY_FILE"; digest "${ENVPARITY_COMPARE_CACHE:-}"; }
state_before=$(state)
# Whatever the services report reaches this log: GitHub must not read any of it as a workflow command
# (https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands#stopping-and-starting-workflow-commands).
stop=$(random)
echo "::stop-commands::$stop"
java "-Dparity.notify.state.file=$ENVPARITY_STATE_FILE" "-Dquarkus.config.locations=$ENVPARITY_CONFIG" \
  -jar "$ENVPARITY_HOME/envparity-runner.jar" check --json --markdown "$summary" > "$report"
code=$?
[ -s "$summary" ] && cat "$summary"
echo "::$stop::"
echo "envparity exited with $code"
echo "exit-code=$code" >> "$GITHUB_OUTPUT"

if [ "$(state)" != "$state_before" ]; then
  echo "state-changed=true" >> "$GITHUB_OUTPUT"
fi

if [ -s "$report" ]; then
  # The report's own severity: the one field at the top level of the pretty-printed report with that name.
  severity=$(sed -n 's/^  "severity" : "\([a-z]*\)",*$/\1/p' "$report" | head -1)
  echo "severity=$severity" >> "$GITHUB_OUTPUT"
  if [ "$(wc -c < "$report")" -le "$MAX_REPORT_OUTPUT" ]; then
    # A multiline value between delimiter lines; the delimiter must not occur in it
    # (https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands#multiline-strings).
    delimiter=envparity_$(random)
    if ! grep -q "$delimiter" "$report"; then
      {
        echo "report<<$delimiter"
        cat "$report"
        [ -z "$(tail -c 1 "$report")" ] || echo
        echo "$delimiter"
      } >> "$GITHUB_OUTPUT"
    fi
  else
    echo "::notice title=envparity::The JSON report is larger than $MAX_REPORT_OUTPUT bytes: it is in the report-file output only"
  fi
fi

if [ "${ENVPARITY_SUMMARY:-true}" = true ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  if [ -s "$summary" ]; then
    cat "$summary" >> "$GITHUB_STEP_SUMMARY"
    if [ "$code" = 3 ]; then
      printf '\n> ⚠️ The notification state could not be written: nothing was posted to the targets concerned (see the log).\n' \
        >> "$GITHUB_STEP_SUMMARY"
    fi
  else
    printf '### ⚠️ envparity could not run\n\nExit code %s: invalid configuration or usage. The step *envparity check* names the key.\n' \
      "$code" >> "$GITHUB_STEP_SUMMARY"
  fi
fi
exit 0
