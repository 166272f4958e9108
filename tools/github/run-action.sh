#!/usr/bin/env bash
# The body of action.yml's lint step. Inputs arrive as environment variables (BKLINT_*), never as text spliced
# into a script, so an input cannot run commands. Java is chosen for bklint's own process only: the caller's
# JAVA_HOME and PATH stay as they were for the rest of the job.
set -euo pipefail
set -f # words from the inputs are never globbed

fail() {
  echo "::error title=bklint action::$1"
  exit 2
}

for name in BKLINT_PATHS BKLINT_ARGS BKLINT_FAIL_ON BKLINT_SARIF BKLINT_VERSION; do
  case ${!name-} in
    *$'\n'* | *$'\r'*) fail "input ${name#BKLINT_} holds a line break" ;;
  esac
done

# GitHub's Ubuntu and macOS images install several JDKs and name them JAVA_HOME_<major>_<arch>; use the newest
# 17+ one for bklint alone, else whatever JAVA_HOME or PATH gives.
java_home=""
for v in 25 21 17; do
  for arch in X64 ARM64; do
    var="JAVA_HOME_${v}_${arch}"
    if [ -z "$java_home" ] && [ -n "${!var-}" ] && [ -x "${!var}/bin/java" ]; then
      java_home=${!var}
    fi
  done
done
java_home=${java_home:-${JAVA_HOME:-}}

bklint=("$BKLINT_HOME/bklint")
run_bklint() {
  if [ -n "$java_home" ]; then
    JAVA_HOME="$java_home" "${bklint[@]}" "$@"
  else
    "${bklint[@]}" "$@"
  fi
}

if [ -n "${BKLINT_VERSION-}" ]; then
  actual=$(run_bklint --version | head -n 1)
  case " $actual " in
    *" $BKLINT_VERSION "* | *" v$BKLINT_VERSION "*) ;;
    *) fail "expected bklint $BKLINT_VERSION, but the action's checkout is: $actual" ;;
  esac
fi

read -r -a extra <<< "${BKLINT_ARGS-}"
read -r -a paths <<< "${BKLINT_PATHS-}"
options=(--format github)
if [ -n "${BKLINT_FAIL_ON-}" ]; then
  options+=(--fail-on "$BKLINT_FAIL_ON")
fi
if [ -n "${BKLINT_SARIF-}" ]; then
  options+=(--format sarif --output "$BKLINT_SARIF")
fi

status=0
run_bklint "${options[@]}" ${extra[@]+"${extra[@]}"} ${paths[@]+"${paths[@]}"} || status=$?
if [ -n "${BKLINT_SARIF-}" ] && [ -f "$BKLINT_SARIF" ] && [ -n "${GITHUB_OUTPUT-}" ]; then
  echo "sarif=$BKLINT_SARIF" >> "$GITHUB_OUTPUT"
fi
exit "$status"
