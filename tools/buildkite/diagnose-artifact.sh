#!/usr/bin/env bash
# Runs `bklint diagnose` on a build log that an earlier step saved as an artifact, and posts an annotation.
#
# For a step that runs after the build step (depends_on + allow_dependency_failure: true). The build step keeps
# its BuildKit output with `tee` and uploads it through `artifact_paths`; no API token is needed. Only what the
# build command printed is in that file: when the pod never started there is none (use diagnose-failed-jobs.sh).
#
# Usage: diagnose-artifact.sh STEP_KEY [ARTIFACT]    (ARTIFACT defaults to build.log)
# Needs:  bklint (BKLINT, default `bklint` on PATH); buildkite-agent (the agent provides it).
# Environment: BKLINT_PIPELINE, the pipeline file for `--pipeline` (default .buildkite/pipeline.yml when it exists).
set -euo pipefail

step=${1:?usage: diagnose-artifact.sh STEP_KEY [ARTIFACT]}
artifact=${2:-build.log}
bklint=${BKLINT:-bklint}
pipeline_args=()
pipeline=${BKLINT_PIPELINE:-.buildkite/pipeline.yml}
if [ -f "$pipeline" ]; then
  pipeline_args=(--pipeline "$pipeline")
fi

outcome=$(buildkite-agent step get outcome --step "$step")
if [ "$outcome" = "passed" ]; then
  echo "Step $step passed; nothing to diagnose."
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! buildkite-agent artifact download "$artifact" "$work" --step "$step"; then
  echo "Step $step left no $artifact (its pod may never have started); see the job log."
  exit 0
fi
log="$work/$artifact"
status=0
"$bklint" diagnose --format buildkite ${pipeline_args[@]+"${pipeline_args[@]}"} "$log" > "$work/annotation.md" || status=$?
if [ "$status" -gt 1 ]; then
  echo "bklint-diagnose: bklint diagnose failed (exit $status)" >&2
  exit 2
fi
buildkite-agent annotate --style error --context "bklint-diagnose-$step" < "$work/annotation.md"
