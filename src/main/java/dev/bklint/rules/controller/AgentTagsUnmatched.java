package dev.bklint.rules.controller;

import dev.bklint.kubernetes.ControllerConfig;
import dev.bklint.pipeline.CommandStep;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Fixes;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import java.util.Map;

/**
 * BK603: the controller acquires a job only when every agent tag of the job (but {@code resource_class}) is among
 * its own tags with the same value; other jobs it skips ("job tags do not match expected tags in configuration").
 * Without the controller's configuration, any tag besides {@code queue} and {@code resource_class} is reported as
 * an assumption; with it, only the tags the controller lacks or holds with another value.
 */
public final class AgentTagsUnmatched implements Rule {
    @Override
    public void visitStep(StepAnalysis step, Reporter reporter) {
        CommandStep s = step.step();
        if (s == null || step.plugin() == null) {
            return;
        }
        YNode agents = s.effectiveAgents();
        ControllerConfig controller = reporter.options().controller();
        for (ControllerFacts.Tag tag : ControllerFacts.tags(agents)) {
            if (tag.key().equals("queue") || tag.key().equals("resource_class") || tag.templated()) {
                continue;
            }
            String why;
            String verdict;
            if (controller == null) {
                verdict = "the controller runs it only if it has that tag";
                why = "An agent-stack-k8s controller is usually configured with a queue and no other tags. Unless "
                        + "yours has `" + tag.key() + "=" + tag.value() + "` in its `tags`, it never runs this job. "
                        + "Assumed: the controller's configuration was not given (pass `--controller-config` to "
                        + "check its tags).";
            } else {
                Map<String, String> has = controller.tags();
                String value = has.get(tag.key());
                if (value != null && (value.equals(tag.value()) || value.equals("*") || tag.value().equals("*"))) {
                    continue;
                }
                verdict = value == null ? "the controller has no `" + tag.key() + "` tag, so never runs it"
                        : "the controller has `" + tag.key() + "=" + value + "`, so never runs it";
                why = value == null
                        ? "The controller configured in " + controller.source().path() + " has no `" + tag.key()
                                + "` tag, so it never runs this job."
                        : "The controller configured in " + controller.source().path() + " has `" + tag.key() + "="
                                + value + "`, not `" + tag.value() + "`, so it never runs this job.";
            }
            reporter.report(tag.node(), "Agent tag `" + tag.written() + "` on a kubernetes-plugin step: " + verdict
                    + ".", "The controller acquires a job only when each of its agent tags other than "
                    + "`resource_class` is among the controller's own tags with the same value; otherwise it logs "
                    + "`job tags do not match expected tags in configuration, skipping...` and the job waits. " + why,
                    fix(tag, agents));
        }
    }

    private static Fix fix(ControllerFacts.Tag tag, YNode agents) {
        String description = "Remove the agent tag `" + tag.key() + "` (or add `" + tag.key() + "=" + tag.value()
                + "` to the controller's `tags`).";
        String snippet = "# the controller's Helm values\nconfig:\n  tags:\n    - " + tag.key() + "=" + tag.value();
        // Cut the line out only when `agents` keeps another entry (an empty `agents:` would be left otherwise).
        if (tag.entry() != null && !tag.entry().merged() && agents instanceof YMap map && map.entries().size() > 1) {
            return new Fix(description, snippet, Fixes.remove(tag.entry(), description).edits());
        }
        return Fix.describe(description, snippet);
    }
}
