#!/bin/sh
# bklint from its release archive: the archive's own runtime and class-data cache; no JDK or Maven needed.
# Works through symbolic links (on PATH, say) and from any folder.
self=$0
while [ -L "$self" ]; do
  link=$(readlink "$self")
  case $link in /*) self=$link ;; *) self=${self%/*}/$link ;; esac
done
home=$(cd "${self%/*}/.." && pwd)
cache=""
if [ -f "$home/lib/bklint.aot" ]; then
  cache=-XX:AOTCache=$home/lib/bklint.aot
elif [ -f "$home/lib/bklint.jsa" ]; then
  cache=-XX:SharedArchiveFile=$home/lib/bklint.jsa
fi
exec "$home/runtime/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xss16m -Xlog:disable \
  -Xlog:all=off ${cache:+"$cache"} -jar "$home/lib/bklint.jar" "$@"
