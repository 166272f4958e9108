package dev.bklint.rules.controller;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.Flag;
import dev.bklint.buildkit.Invocation;
import dev.bklint.buildkit.SimpleCommand;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YamlEdits;
import java.util.List;
import java.util.Set;

/**
 * BK607: with the checkout skipped (the plugin's {@code checkout.skip: true}, or the controller's
 * {@code default-checkout-params.skip}), the controller runs no checkout container and nothing creates the checkout
 * directory; the agent's change into it fails silently, so the command runs in the container's {@code workingDir},
 * {@code /workspace}, which holds the agent's own files. A relative build context then reads those. Silent when anything before the build could have put files there: another
 * plugin, an earlier container, an init container, or an earlier command that is not plainly harmless.
 */
public final class CheckoutSkipped implements Rule {
    /** Commands that cannot fill the build directory (a redirection anywhere before the build also counts). */
    private static final Set<String> HARMLESS = Set.of("set", "export", "unset", "echo", "printf", "true", ":",
            "sleep", "date", "id", "whoami", "pwd", "ls", "env", "uname", "[", "test", "buildctl",
            "buildctl-daemonless.sh");

    @Override
    public void visitStep(StepAnalysis step, Reporter reporter) {
        if (step.step() == null || step.pod() == null || step.pod().fromTemplate()) {
            return;
        }
        ControllerFacts.CheckoutSkip skip = ControllerFacts.checkoutSkip(step, reporter.options());
        if (skip == null || ControllerFacts.hasOtherPlugins(step) || hasInitContainers(step)) {
            return;
        }
        for (BuildkitContainer bc : step.buildkitContainers()) {
            PodContainer c = bc.container();
            if (c == null || c.kind() != PodContainer.Kind.COMMAND || !firstCommandContainer(step, c)
                    || c.node() != null && c.node().has("workingDir")) {
                continue;
            }
            for (Invocation inv : bc.invocations()) {
                if (!inv.command().isBuild() || somethingRunsBefore(bc, inv)) {
                    continue;
                }
                for (Flag local : inv.command().flags("local")) {
                    String value = local.value();
                    if (value == null || !value.startsWith("context=")) {
                        continue;
                    }
                    String dir = value.substring("context=".length());
                    if (!ControllerFacts.relativePath(dir)) {
                        continue;
                    }
                    String where = skip.where();
                    reporter.report(inv.valueSpan(local), "`--local context=" + dir + "` reads the checkout, but "
                            + "this step skips the checkout.", Character.toUpperCase(where.charAt(0))
                            + where.substring(1) + " makes the controller skip the checkout container: nothing is "
                            + "checked out, and the command runs in `/workspace`, which holds the agent's files "
                            + "(`buildkite-agent`, `build/`, `plugins/`), so the build fails with `failed to read "
                            + "dockerfile` or builds the wrong files.", fix(skip));
                }
            }
        }
    }

    private static Fix fix(ControllerFacts.CheckoutSkip skip) {
        String description = "Let the controller check the repository out.";
        if (skip.fromPlugin() && !skip.entry().merged()) {
            return new Fix(description, "checkout:\n  skip: false",
                    List.of(YamlEdits.replace(skip.entry().value(), "false")));
        }
        return Fix.describe(description + " The plugin's `checkout.skip: false` overrides the controller's default.",
                "checkout:\n  skip: false");
    }

    private static boolean hasInitContainers(StepAnalysis step) {
        YMap spec = step.pod().spec();
        return spec != null && spec.getSeq("initContainers") != null && spec.getSeq("initContainers").size() > 0;
    }

    /** Containers run one after another; an earlier one may have fetched the sources. */
    private static boolean firstCommandContainer(StepAnalysis step, PodContainer c) {
        List<PodContainer> all = step.pod().containers();
        for (PodContainer other : all) {
            if (other.kind() == PodContainer.Kind.COMMAND) {
                return other == c;
            }
        }
        return false;
    }

    private static boolean somethingRunsBefore(BuildkitContainer bc, Invocation inv) {
        if (bc.shell() == null) {
            return true;
        }
        int at = inv.command().command().start();
        String before = bc.shell().text().substring(0, Math.max(0, Math.min(at, bc.shell().text().length())));
        if (before.contains(">") || before.contains("<<")) {
            return true;
        }
        for (SimpleCommand c : bc.shell().commands()) {
            if (c.start() >= at) {
                break;
            }
            String program = c.programName();
            if (program != null && !HARMLESS.contains(program)) {
                return true;
            }
        }
        return false;
    }
}
