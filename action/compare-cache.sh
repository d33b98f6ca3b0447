#!/usr/bin/env bash
# Where envparity's CLI keeps the code hosts' comparisons: beside the state file, "state.json" ->
# "state.compare-cache.json" (FileCompareCache.beside), as the step output compare-cache.
set -euo pipefail
: "${ENVPARITY_STATE_FILE:?}" "${GITHUB_OUTPUT:?}"
case "$ENVPARITY_STATE_FILE" in
  *.json) stem=${ENVPARITY_STATE_FILE%.json} ;;
  *) stem=$ENVPARITY_STATE_FILE ;;
esac
echo "compare-cache=$stem.compare-cache.json" >> "$GITHUB_OUTPUT"
