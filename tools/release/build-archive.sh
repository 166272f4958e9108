#!/usr/bin/env bash
# Builds the self-contained release archive: a jlink runtime with only the modules bklint needs, the fat jar, a
# class-data cache made now (so the first run is as fast as the hundredth), a launcher, the man page and bash
# completion under share/ (where a prefix-style install looks for them), and SHA-256 sums.
# Run by `mvn package -Prelease` after the jar is built. Usage: build-archive.sh JAR VERSION OUT_DIR JDK
# The runtime is the JDK's own (BKLINT_RELEASE_JDK overrides it): JDK 25+ makes an AOT cache, 17-24 a CDS archive.
set -euo pipefail
jar=$1 version=$2 out=$3 jdk=${BKLINT_RELEASE_JDK:-$4}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
case $(uname -m) in x86_64) arch=x64 ;; aarch64 | arm64) arch=aarch64 ;; *) arch=$(uname -m) ;; esac
os=$(uname -s | tr '[:upper:]' '[:lower:]')
name="bklint-$version-$os-$arch"
stage="$out/$name"
rm -rf "$stage" "$out/$name.tar.gz"
mkdir -p "$stage/lib" "$stage/bin"

feature=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
modules=$("$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 "$jar")
compress=zip-6
[ "$feature" -lt 21 ] && compress=2
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress="$compress" --generate-cds-archive --output "$stage/runtime"
cp "$jar" "$stage/lib/bklint.jar"
cp "$root/tools/release/bklint-archive-launcher.sh" "$stage/bin/bklint"
chmod 755 "$stage/bin/bklint"

# The cache: train on the guide's examples through the archive's own runtime, as its launcher will run.
flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xss16m -Xlog:disable -Xlog:all=off)
if [ "$feature" -ge 25 ]; then
  make=(-XX:AOTCacheOutput="$stage/lib/bklint.aot")
else
  make=(-XX:ArchiveClassesAtExit="$stage/lib/bklint.jsa")
fi
"$stage/runtime/bin/java" "${flags[@]}" "${make[@]}" -jar "$stage/lib/bklint.jar" --fail-on=never --color=never \
  "$root"/fixtures/guide/*.yml >/dev/null
rm -f "$stage/lib/bklint.aot.config"

# The man page as committed (bklint docs writes it), and the completion script from the jar just built, so that
# both match this build's commands.
mkdir -p "$stage/share/man/man1" "$stage/share/bash-completion/completions"
cp "$root/docs/man/bklint.1" "$stage/share/man/man1/bklint.1"
"$stage/runtime/bin/java" -jar "$stage/lib/bklint.jar" completion bash \
  > "$stage/share/bash-completion/completions/bklint"

tar -C "$out" -czf "$out/$name.tar.gz" "$name"
cp "$jar" "$out/bklint-$version.jar"
(cd "$out" && sha256sum "$name.tar.gz" "bklint-$version.jar" > SHA256SUMS)
echo "bklint release: $out/$name.tar.gz ($(du -h "$out/$name.tar.gz" | cut -f1)); runtime modules: $modules"
