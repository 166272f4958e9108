#!/usr/bin/env bash
# bklint's speed targets (issue 5), measured side by side in one run; prints every figure and each ratio.
# Needs hyperfine (Debian package); yamllint is compared when installed. Usage: bench/run.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
command -v hyperfine >/dev/null || { echo "bench: hyperfine is needed (apt-get install hyperfine)"; exit 2; }
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
./bklint --version >/dev/null
warm_cache
python3 bench/generate.py "$work"

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

java_of_launcher=$(./bklint --version | sed 's/.*(Java \([^,]*\),.*/\1/')
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
