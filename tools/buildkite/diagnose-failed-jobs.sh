#!/usr/bin/env bash
# Runs `bklint diagnose` on the failed jobs of the current Buildkite build and posts one annotation per job.
#
# For a step that runs after the build steps (depends_on + allow_dependency_failure: true). It reads the build and
# the failed jobs' raw logs through Buildkite's REST API, so it sees everything the job log shows, including what
# agent-stack-k8s wrote when the pod never started.
#
# Usage: diagnose-failed-jobs.sh [STEP_KEY ...]     (no key: every failed command job of the build but this one)
# Needs:  curl and jq; bklint (BKLINT, default `bklint` on PATH); buildkite-agent (the agent provides it).
# Environment:
#   BUILDKITE_API_TOKEN  an API access token with the scopes read_builds and read_build_logs (nothing else)
#   BUILDKITE_ORGANIZATION_SLUG, BUILDKITE_PIPELINE_SLUG, BUILDKITE_BUILD_NUMBER, BUILDKITE_JOB_ID  set by the agent
#   BKLINT_PIPELINE      the pipeline file for `--pipeline` (default .buildkite/pipeline.yml when it exists)
#   BUILDKITE_API_URL    default https://api.buildkite.com/v2
# Exit status: 0 when every failed job was diagnosed or had no known cause (the build is already red; this step
# only explains it), 2 when something could not be fetched or read.
set -euo pipefail

api=${BUILDKITE_API_URL:-https://api.buildkite.com/v2}
bklint=${BKLINT:-bklint}
: "${BUILDKITE_API_TOKEN:?needs an API token with read_builds and read_build_logs}"
build="$api/organizations/${BUILDKITE_ORGANIZATION_SLUG:?}/pipelines/${BUILDKITE_PIPELINE_SLUG:?}/builds/${BUILDKITE_BUILD_NUMBER:?}"
pipeline_args=()
pipeline=${BKLINT_PIPELINE:-.buildkite/pipeline.yml}
if [ -f "$pipeline" ]; then
  pipeline_args=(--pipeline "$pipeline")
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The token goes to curl on standard input, never on a command line that `ps` shows.
fetch() {
  printf 'header = "Authorization: Bearer %s"\n' "$BUILDKITE_API_TOKEN" \
    | curl --config - --fail --silent --show-error --location --max-time 60 --output "$2" "$1"
}

fetch "$build" "$work/build.json"
keys=$(printf '%s\n' "$@" | jq -R . | jq -s 'map(select(length > 0))')
jq -r --argjson keys "$keys" --arg self "${BUILDKITE_JOB_ID:-}" '
  .jobs[]
  | select(.type == "script" and (.state == "failed" or .state == "timed_out") and .id != $self)
  | select(($keys | length) == 0 or ((.step_key // "") as $k | $keys | index($k)))
  | .id' "$work/build.json" > "$work/failed"

if [ ! -s "$work/failed" ]; then
  echo "No failed command job to diagnose."
  exit 0
fi

while IFS= read -r job; do
  case $job in
    *[!0-9a-f-]*) echo "bklint-diagnose: unexpected job id from the API: $job" >&2; exit 2 ;;
  esac
  fetch "$build/jobs/$job/log.txt" "$work/$job.log"
  status=0
  "$bklint" diagnose --format buildkite ${pipeline_args[@]+"${pipeline_args[@]}"} "$work/$job.log" > "$work/$job.md" || status=$?
  if [ "$status" -gt 1 ]; then
    echo "bklint-diagnose: bklint diagnose failed on job $job (exit $status)" >&2
    exit 2
  fi
  buildkite-agent annotate --style error --context "bklint-diagnose-$job" < "$work/$job.md"
done < "$work/failed"
