#!/usr/bin/env bash
# The native gate: GraalVM's real image builder, run on this machine's JDK 25 over the function that ships
# (Quarkus' normal native build, Lambda extension included), through class initialization, points-to analysis,
# compilation and the image heap up to the relocatable object file. Only the link is left out: it needs the
# static JDK and SVM libraries that only a GraalVM distribution ships, which Maven Central does not serve;
# .github/workflows/native.yml links and runs the real executable.
#
#   src/test/native-gate/gate.sh            the application (builds in target/native-gate/app)
#   src/test/native-gate/gate.sh --broken   the application plus a class GraalVM must refuse (pom.xml profile
#                                           native-gate-broken; builds in target/native-gate/broken)
#
# Exit status: 0 the builder wrote the object file; 1 the builder failed (its first error is printed);
# 2 the gate could not run (no JDK 25, or the Maven build failed before the native-image step).
# NATIVE_GATE_JDK=<dir> picks the JDK 25 (default: the first under /usr/lib/jvm with JVMCI).
#
# The GraalVM home Quarkus is pointed at (quarkus.native.graalvm-home=target/native-gate/graalvm) is made here,
# once per builder version and JDK; each piece stands in for one that a GraalVM distribution ships:
#   - a hard-link copy of the JDK (a plain copy across file systems); the system JDK is never written to. The
#     builder loads its helper library from <java.home>/lib/svm/builder/lib, so it needs a JDK of its own;
#   - lib/svm/builder/*.jar: org.graalvm.nativeimage:svm and its transitive jars, resolved from Maven Central
#     into the Maven repository (version pinned in builder/pom.xml);
#   - lib/svm/builder/lib/libreporterchelper.so: the builder's progress helper (reporterchelper.c, built by gcc);
#   - lib/svm/clibraries/include/*.h: the C headers step [1/8] compiles against (CHeaders.java writes them from
#     the builder's own declarations);
#   - bin/native-image: the driver (NativeImage.java, run from source by the JDK 25), which also derives what the
#     real driver is compiled with: the builder JVM's --add-exports and the API option table (BuilderJars.java).
set -euo pipefail
cd "$(dirname "$0")/../../.."
gate=src/test/native-gate
home=target/native-gate/graalvm

jdk=${NATIVE_GATE_JDK:-}
if [ -z "$jdk" ]; then
  for release in /usr/lib/jvm/*/release; do
    if [ -f "$release" ] && grep -q '^JAVA_VERSION="25' "$release" && grep -q 'jdk.internal.vm.ci' "$release"; then
      jdk=$(dirname "$release")
      break
    fi
  done
fi
if [ -z "$jdk" ] || [ ! -x "$jdk/bin/java" ]; then
  echo "native gate: no JDK 25 with JVMCI found under /usr/lib/jvm; set NATIVE_GATE_JDK" >&2
  exit 2
fi

stamp="$(cat "$gate/builder/pom.xml" "$gate/reporterchelper.c" "$gate/CHeaders.java" | sha256sum | cut -c1-16) $jdk $(grep '^JAVA_RUNTIME_VERSION' "$jdk/release")"
if [ "$(cat "$home/native-gate.stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "native gate: preparing $home from $jdk"
  rm -rf "$home" "$home.new"
  mkdir -p "$home.new"
  cp -al "$jdk/." "$home.new/" 2>/dev/null || { rm -rf "$home.new"; mkdir "$home.new"; cp -a "$jdk/." "$home.new/"; }
  ./mvnw -B -q -f "$gate/builder/pom.xml" dependency:copy-dependencies -DoutputDirectory="$PWD/$home.new/lib/svm/builder"
  mkdir -p "$home.new/lib/svm/builder/lib"
  gcc -shared -fPIC -O2 -Wall -Werror -I"$jdk/include" -I"$jdk/include/linux" \
    -o "$home.new/lib/svm/builder/lib/libreporterchelper.so" "$gate/reporterchelper.c"
  "$home.new/bin/java" "$gate/CHeaders.java" "$home.new"/lib/svm/builder/svm-[0-9]*.jar "$home.new/lib/svm/clibraries"
  cat > "$home.new/bin/native-image" <<EOF
#!/bin/sh
# The native gate's stand-in for GraalVM's native-image driver: $PWD/$gate/NativeImage.java
exec "$PWD/$home/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "$PWD/$gate/NativeImage.java" "\$@"
EOF
  chmod +x "$home.new/bin/native-image"
  echo "$stamp" > "$home.new/native-gate.stamp"
  mv "$home.new" "$home"
fi

name=app
profiles=native-gate
if [ "${1:-}" = --broken ]; then
  name=broken
  profiles=native-gate,native-gate-broken
fi
build=target/native-gate/$name
log=target/native-gate/$name.log
rm -f "$build"/*-native-image-source-jar/native-gate/result
started=$(date +%s)
# Quarkus fails its build once native-image exits without an executable (status 3, by design): the output after
# the driver's last line ("native gate: end") is that failure, kept in the log only.
set +e
./mvnw -B package -P"$profiles" 2>&1 | tee "$log" | awk '/^native gate: end$/ { quiet = 1 } !quiet { print; fflush() }'
set -e
took=$(( $(date +%s) - started ))
case "$(cat "$build"/*-native-image-source-jar/native-gate/result 2>/dev/null || true)" in
  passed)
    echo "native gate ($name): passed in $((took / 60))m $((took % 60))s (Maven log: $log)"
    ;;
  failed)
    echo "native gate ($name): FAILED in $((took / 60))m $((took % 60))s, see \"native gate: FAILED\" above (Maven log: $log)" >&2
    exit 1
    ;;
  *)
    echo "native gate ($name): the Maven build failed before the native-image step; see $log" >&2
    exit 2
    ;;
esac
