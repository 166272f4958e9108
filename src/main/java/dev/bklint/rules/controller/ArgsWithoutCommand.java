package dev.bklint.rules.controller;

import dev.bklint.kubernetes.PodContainer;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;

/**
 * BK605: the controller replaces a command container's {@code command} and {@code args} with its bootstrap; only
 * a non-empty {@code command} is turned into the script the container runs. {@code args} alone are dropped and the
 * step's command runs instead.
 */
public final class ArgsWithoutCommand implements Rule {
    @Override
    public void visitStep(StepAnalysis step, Reporter reporter) {
        if (step.step() == null || step.pod() == null) {
            return;
        }
        for (PodContainer c : step.pod().containers()) {
            if (c.kind() != PodContainer.Kind.COMMAND || c.isSynthetic() || c.ownCommand()) {
                continue;
            }
            // Only args written in the plugin's podSpec, untouched by a patch: a patch's args on a command
            // container are re-interposed by the controller, not dropped.
            YMap written = c.written();
            YEntry args = written == null || !inPodSpec(step, written) ? null : written.entry("args");
            YEntry merged = c.node().entry("args");
            if (args == null || !nonEmpty(args) || merged == null || merged.value() != args.value()) {
                continue;
            }
            String runs = step.step().command() == null || step.step().command().text().isBlank()
                    ? "nothing (the step has no command either)" : "the step's command";
            reporter.report(args.key(), "Container `" + c.name() + "` has `args` but no `command`, so the "
                    + "controller ignores the `args`.", "The controller replaces the container's entrypoint with its "
                    + "own bootstrap and builds the script from `command` (with `args` appended to its last line) only "
                    + "when `command` is set; `args` alone are ignored and the container runs " + runs + ".",
                    Fix.describe("Add the program as the container's `command`.",
                    "command:\n  - buildctl-daemonless.sh\nargs:\n  - build\n  - ..."));
        }
    }

    private static boolean inPodSpec(StepAnalysis step, YMap container) {
        YMap podSpec = step.plugin() == null ? null : step.plugin().podSpec();
        YSeq containers = podSpec == null ? null : podSpec.getSeq("containers");
        return containers != null && containers.items().stream().anyMatch(item -> item == container);
    }

    private static boolean nonEmpty(YEntry args) {
        return args.value() instanceof YSeq seq && seq.size() > 0
                || args.value() instanceof YScalar s && !s.isNull() && !s.value().isEmpty();
    }
}
