#!/usr/bin/env bash
# How the envparity action gets envparity. Today: built from the action's own sources ($GITHUB_ACTION_PATH) with
# the Maven wrapper, once per version of those sources; the action keeps the result in the Actions cache under the
# key `locate` prints. When envparity is published as a download, `build` fetches it instead; check.sh only needs
# $ENVPARITY_HOME/envparity-runner.jar (and its lib/).
#
#   install.sh locate   writes key, home and maven-key to $GITHUB_OUTPUT
#   install.sh build    builds envparity into $ENVPARITY_HOME
set -euo pipefail
SOURCES=${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}

if command -v sha256sum > /dev/null; then SHA=(sha256sum); else SHA=(shasum -a 256); fi

case "${1:-}" in
  locate)
    # A digest of everything that goes into the build: a new version of the action builds again.
    sources=$(cd "$SOURCES" && find pom.xml .mvn/wrapper src/main -type f -print0 | LC_ALL=C sort -z | xargs -0 "${SHA[@]}" \
      | "${SHA[@]}" | cut -c1-20)
    maven=$(cd "$SOURCES" && cat pom.xml .mvn/wrapper/maven-wrapper.properties | "${SHA[@]}" | cut -c1-20)
    {
      echo "key=envparity-${RUNNER_OS:-$(uname -s)}-$sources"
      echo "home=${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-/tmp}}/envparity/$sources"
      echo "maven-key=envparity-maven-${RUNNER_OS:-$(uname -s)}-$maven"
    } >> "$GITHUB_OUTPUT"
    ;;
  build)
    : "${ENVPARITY_HOME:?the folder to install envparity in}"
    echo "Building envparity from $SOURCES (once per version of the action; the first build downloads Maven's plugins)"
    (cd "$SOURCES" && sh ./mvnw -B -q package -DskipTests)
    mkdir -p "$ENVPARITY_HOME"
    rm -rf "${ENVPARITY_HOME:?}/lib"
    cp "$SOURCES/target/envparity-runner.jar" "$ENVPARITY_HOME/"
    cp -R "$SOURCES/target/lib" "$ENVPARITY_HOME/lib"
    ;;
  *)
    echo "usage: install.sh locate|build" >&2
    exit 2
    ;;
esac
