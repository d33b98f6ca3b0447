#!/usr/bin/env bash
# The action's last step: fails it with envparity's exit code, saying why in an annotation.
set -euo pipefail
case "${EXIT_CODE:-}" in
  1) echo "::error title=envparity::The report's severity, ${SEVERITY:-unknown}, is at or above parity.fail-on (see the job summary)" ;;
  2) echo "::error title=envparity::envparity could not run: invalid configuration or usage (the envparity check step names the key)" ;;
  3) echo "::error title=envparity::The notification state could not be written: nothing was posted to the targets concerned" ;;
  *) echo "::error title=envparity::envparity did not finish (exit code ${EXIT_CODE:-none}; see the envparity check step)" ;;
esac
exit "${EXIT_CODE:-1}"
