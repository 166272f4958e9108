package dev.bklint.rules.security;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.DaemonFlags;
import dev.bklint.pipeline.CommandStep;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.yaml.YamlEdits;

/** BK205: with the sandbox off BuildKit cannot kill leaked build processes, so a step needs a timeout. */
public final class SandboxOffWithoutTimeout implements Rule {
    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        if (!daemon.sandboxDisabled() || SandboxFlagWithoutRootless.refused(daemon)) {
            return;
        }
        CommandStep step = daemon.step().step();
        if (step == null) {
            return; // a plain manifest has no Buildkite timeout to set
        }
        var plugin = daemon.step().pod() == null ? null : daemon.step().pod().plugin();
        if (step.timeoutInMinutes() != null || plugin != null && plugin.field("jobActiveDeadlineSeconds") != null) {
            return; // either bounds how long a leaked process can keep the pod alive
        }
        reporter.report(daemon.flags().span() != null ? daemon.flags().span() : daemon.daemon().span(),
                "Step `" + step.displayName() + "` turns the process sandbox off but has no `timeout_in_minutes`.",
                "Without the sandbox (`" + DaemonFlags.NO_PROCESS_SANDBOX + "`) BuildKit cannot terminate processes "
                + "that did not exit (upstream calls the flag discouraged for this), so a hung `RUN` keeps the job and "
                + "its pod alive until the controller's job deadline (6 hours by default).",
                new Fix("Add `timeout_in_minutes: 60` to the step.", "timeout_in_minutes: 60",
                        YamlEdits.insertBlock(step.node(), "timeout_in_minutes: 60")));
    }
}
