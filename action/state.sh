#!/usr/bin/env bash
# Where envparity keeps what it remembers between runs, for the action's cache steps: the notification state
# (the state-file input), the history beside it (history.json in the same folder: since when each finding has
# been seen, lead times) and the code hosts' comparisons ("state.json" -> "state.compare-cache.json", as
# FileCompareCache.beside names it). Writes history-file and compare-cache to $GITHUB_OUTPUT.
#
# Environment: ENVPARITY_STATE_FILE, and the runner's GITHUB_OUTPUT.
set -euo pipefail
: "${ENVPARITY_STATE_FILE:?}" "${GITHUB_OUTPUT:?}"
case "$ENVPARITY_STATE_FILE" in
  *.json) stem=${ENVPARITY_STATE_FILE%.json} ;;
  *) stem=$ENVPARITY_STATE_FILE ;;
esac
{
  echo "history-file=$(dirname "$ENVPARITY_STATE_FILE")/history.json"
  echo "compare-cache=$stem.compare-cache.json"
} >> "$GITHUB_OUTPUT"
