#!/usr/bin/env bash
# Where envparity keeps what it remembers between runs, for the action's cache steps: the notification state
# (the state-file input) and the history beside it (history.json in the same folder: since when each finding has
# been seen, lead times). Writes history-file to $GITHUB_OUTPUT.
#
# Environment: ENVPARITY_STATE_FILE, and the runner's GITHUB_OUTPUT.
set -euo pipefail
: "${ENVPARITY_STATE_FILE:?}" "${GITHUB_OUTPUT:?}"
echo "history-file=$(dirname "$ENVPARITY_STATE_FILE")/history.json" >> "$GITHUB_OUTPUT"
