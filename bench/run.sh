#!/usr/bin/env bash
# bklint's speed targets (issue 5), measured side by side in one run; prints every figure and each ratio.
# Needs hyperfine (Debian package); yamllint is compared when installed. Usage: bench/run.sh [runs]
# Diagnose (issue 12): BENCH_DIAGNOSE_MB sets the generated log's size (default 1024); BENCH_ONLY=diagnose runs only
# that part (it needs no hyperfine). The language server (issue 13): BENCH_ONLY=lsp runs only its latency part.
# The release archive (issue 14): BENCH_ONLY=archive builds it and measures only its start-up.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
only=${BENCH_ONLY:-}
[ "$only" = diagnose ] || [ "$only" = lsp ] || command -v hyperfine >/dev/null \
  || { echo "bench: hyperfine is needed (apt-get install hyperfine)"; exit 2; }
small=fixtures/guide/rootless-strict.yml
# Builds the jar if needed, then waits until the launcher's background run has made the class-data cache for
# this JDK (the first runs after a build use none), so that every figure below is a warm-cache figure.
warm_cache() {
  local i
  for i in $(seq 1 120); do
    ./bklint --fail-on never "$small" >/dev/null
    sleep 0.5
    # The first run after a build starts the training and holds its lock until the cache is written.
    if [ "$i" -ge 3 ] && ! ls -d target/cache/*.lock >/dev/null 2>&1; then
      return 0
    fi
  done
  echo "bench: the class-data cache is still being made after a minute; figures may be without it"
}
median() {  # median wall time in ms of a command, from hyperfine
  hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/h.json" -- "$1" >/dev/null 2>&1 \
    || hyperfine -N --warmup 3 --runs "$runs" -i --export-json "$work/h.json" -- "$1" >/dev/null 2>&1
  python3 -c "import json; print(round(json.load(open('$work/h.json'))['results'][0]['median']*1000, 1))"
}
ratio() { python3 -c "print(round($1 / $2, 2))"; }
# "met", or by how much the ratio misses its target, with where the reason is written.
verdict() {  # ratio target why-anchor
  python3 -c "r, t = $1, $2; print('met' if r <= t else f'MISSED by {round((r / t - 1) * 100)}% (why: docs/performance.md#$3)')"
}

# Diagnose: one big generated job log, read by the launcher as users run it, with a small heap to show that memory
# stays bounded however big the log; compared with GNU grep running the same catalogue patterns over the same file.
diagnose_bench() {
  local mb=${BENCH_DIAGNOSE_MB:-1024} log="$work/big.log" t rss size grep_e grep_p out rc
  python3 bench/diagnose_log.py "$log" "$mb"
  size=$(stat -c %s "$log")
  cat "$log" >/dev/null   # every run below reads it from the page cache
  python3 bench/grep_patterns.py "$work/patterns.ere" "$work/patterns.pcre" | sed 's/^/diagnose: /'
  echo "diagnose: load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (wall times grow with it; CPU times much less)"
  out=$( { JAVA_TOOL_OPTIONS=-Xmx64m /usr/bin/time -f 'TIME %e %M %U %S' ./bklint diagnose "$log" >"$work/diagnose.out"; } 2>&1 ) \
    || rc=$?
  read -r t rss cpu_u cpu_s < <(echo "$out" | sed -n 's/^TIME //p')
  local cpu; cpu=$(python3 -c "print(round($cpu_u + $cpu_s, 2))")
  echo "diagnose: $((size / 1048576)) MiB log, $(wc -l <"$log") lines; bklint diagnose (launcher, -Xmx64m) exit ${rc:-0}, first cause: $(head -1 "$work/diagnose.out" | sed 's/^[^ ]* //' | cut -c1-80)"
  local mbs; mbs=$(python3 -c "print(round($size / 1048576 / $t, 1))")
  echo "diagnose: ${t} s wall (${cpu} s CPU, JIT and GC threads included), ${mbs} MB/s (target >= 50): $(python3 -c "print('met' if $mbs >= 50 else 'MISSED by ' + str(round((1 - $mbs / 50) * 100)) + '% (why: docs/performance.md#diagnose)')"); peak RSS $((rss / 1024)) MiB with a 64 MiB heap"
  # grep exits 1 when nothing matched; only its time matters here. Its count goes to a file: with output to
  # /dev/null GNU grep stops at the first match.
  grep_e=$( { /usr/bin/time -f '%e %U %S' grep -c -E -f "$work/patterns.ere" "$log" >"$work/grep.count" || true; } 2>&1 | tail -1)
  grep_p="0 0 0"
  if [ -s "$work/patterns.pcre" ]; then
    grep_p=$( { /usr/bin/time -f '%e %U %S' grep -c -P "$(cat "$work/patterns.pcre")" "$log" >"$work/grep.count" || true; } 2>&1 | tail -1)
  fi
  local g gcpu
  g=$(python3 -c "a, b = '$grep_e'.split(), '$grep_p'.split(); print(round(float(a[0]) + float(b[0]), 2))")
  gcpu=$(python3 -c "a, b = '$grep_e'.split(), '$grep_p'.split(); print(round(sum(map(float, a[1:] + b[1:])), 2))")
  echo "diagnose: grep -E (translated patterns) ${grep_e%% *} s + grep -P (the look-behind ones) ${grep_p%% *} s = ${g} s wall (${gcpu} s CPU); bklint/grep CPU ratio $(ratio "$cpu" "$gcpu"); wall ratio $(ratio "$t" "$g") (target <= 2): $(verdict "$(ratio "$t" "$g")" 2 diagnose)"
}

# The release archive (issue 14): its start-up against the Hello floor of its own runtime (target <= 2x) and
# against yamllint (target: faster). Builds it with JDK 25 when present (an AOT cache), else the default JDK.
archive_bench() {
  local jdk="" dir home floor bk yl
  [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && jdk=/usr/lib/jvm/temurin-25-jdk-amd64
  BKLINT_RELEASE_JDK=$jdk mvn -q -B -ntp -Dmaven.test.skip=true -Prelease package >/dev/null 2>&1 \
    || { echo "archive: the release build failed"; return 0; }
  dir="$work/archive"; mkdir -p "$dir"
  tar -C "$dir" -xzf target/release/bklint-*-linux-*.tar.gz
  home=$(echo "$dir"/bklint-*)
  "${jdk:-${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}}/bin/javac" --release 17 -d "$work/hello-archive" "$work/Hello.java"
  floor=$(median "$home/runtime/bin/java -Xshare:auto -cp $work/hello-archive Hello")
  bk=$(median "$home/bin/bklint --fail-on never $small")
  echo "archive ($(du -h target/release/bklint-*-linux-*.tar.gz | cut -f1)): Hello floor of its runtime ${floor} ms; bklint ${bk} ms; ratio $(ratio "$bk" "$floor") (target <= 2): $(verdict "$(ratio "$bk" "$floor")" 2 start-up)"
  if command -v yamllint >/dev/null; then
    yl=$(median "yamllint -d relaxed $small")
    echo "archive vs yamllint ${yl} ms: ratio $(ratio "$bk" "$yl") (target < 1): $(verdict "$(ratio "$bk" "$yl")" 0.99 start-up)"
  fi
}

# The language server: re-lint latency through a scripted client, and memory over 10,000 edits.
lsp_bench() {
  ./bklint --version >/dev/null
  python3 bench/generate.py "$work" >/dev/null
  java -Xmx512m -cp target/bklint.jar bench/LspLatency.java fixtures/guide/rootless.yml "$work/steps-500.yml"
}
if [ "$only" = archive ]; then
  cat > "$work/Hello.java" <<'J'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
J
  archive_bench
  exit 0
fi
if [ "$only" = lsp ]; then
  lsp_bench
  exit 0
fi

if [ "$only" = diagnose ]; then
  ./bklint --version >/dev/null
  diagnose_bench
  exit 0
fi

./bklint --version >/dev/null
warm_cache
python3 bench/generate.py "$work"


java_of_launcher=$(./bklint --version | sed 's/.*Java \([^,]*\),.*/\1/')
cat > "$work/Hello.java" <<'J'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
J
echo "== machine: $(nproc) cores; launcher's JDK: $java_of_launcher"
for jdk in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64; do
  [ -x "$jdk/bin/java" ] || continue
  "$jdk/bin/javac" -d "$work/hello-$(basename "$jdk")" "$work/Hello.java"
  floor=$(median "$jdk/bin/java -Xshare:auto -cp $work/hello-$(basename "$jdk") Hello")
  lint=$(export JAVA_HOME=$jdk; warm_cache; median "env JAVA_HOME=$jdk ./bklint --fail-on never $small")
  echo "JDK $(basename "$jdk"): trivial Hello floor ${floor} ms; bklint lint of a small pipeline (launcher, warm cache) ${lint} ms; ratio $(ratio "$lint" "$floor") (target <= 2.5): $(verdict "$(ratio "$lint" "$floor")" 2.5 start-up)"
done

if command -v yamllint >/dev/null; then
  yl=$(median "yamllint -d relaxed $small")
  bk=$(median "./bklint --fail-on never $small")
  echo "yamllint ${yl} ms vs bklint ${bk} ms on $small: ratio $(ratio "$bk" "$yl") (target < 1): $(verdict "$(ratio "$bk" "$yl")" 0.99 start-up)"
else
  echo "yamllint not installed: comparison skipped"
fi

for f in steps-500.yml big-5mb.yml; do
  size=$(du -h "$work/$f" | cut -f1)
  parse=$(median "./bklint parse $work/$f")
  lint=$(median "./bklint --fail-on never $work/$f")
  target=$([ "$f" = steps-500.yml ] && echo 2 || echo 1.5)
  echo "$f ($size): parse only ${parse} ms, full lint ${lint} ms; ratio $(ratio "$lint" "$parse") (target < $target): $(verdict "$(ratio "$lint" "$parse")" "$target" throughput)"
done

parse=$(median "./bklint parse $work/many")
lint=$(median "./bklint --fail-on never $work/many")
peak=$( { /usr/bin/time -f '%M' ./bklint --fail-on never "$work/many" >/dev/null; } 2>&1 | tail -1)
echo "1,000 files: parse only ${parse} ms, full lint ${lint} ms (files in parallel); ratio $(ratio "$lint" "$parse") (target <= 1.5): $(verdict "$(ratio "$lint" "$parse")" 1.5 throughput); peak memory $((peak / 1024)) MiB"

diagnose_bench
lsp_bench
archive_bench
