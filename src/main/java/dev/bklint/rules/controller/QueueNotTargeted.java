package dev.bklint.rules.controller;

import dev.bklint.kubernetes.ControllerConfig;
import dev.bklint.pipeline.CommandStep;
import dev.bklint.finding.Edit;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YSeq;
import dev.bklint.yaml.YamlEdits;
import java.util.List;

/**
 * BK602: a kubernetes-plugin step that names no queue (neither on the step nor at pipeline level) goes to the
 * cluster's default queue, which only a controller with no queue configured polls.
 */
public final class QueueNotTargeted implements Rule {
    @Override
    public void visitStep(StepAnalysis step, Reporter reporter) {
        CommandStep s = step.step();
        if (s == null || step.plugin() == null) {
            return;
        }
        if (ControllerFacts.tag(s.agents(), "queue") != null
                || ControllerFacts.tag(s.pipeline().agents(), "queue") != null) {
            return;
        }
        ControllerConfig controller = reporter.options().controller();
        String polled = controller == null ? null : controller.polledQueue();
        if (polled != null && polled.equals("_default")) {
            return; // this controller polls the cluster's default queue, where the job goes
        }
        String headline = "This kubernetes-plugin step names no queue, so Buildkite puts its job on the cluster's "
                + "default queue.";
        String head = "Neither the step nor the pipeline sets `agents: queue:`.";
        String why;
        Fix fix;
        if (polled == null) {
            why = head + " Only an agent-stack-k8s controller that polls the default queue (one configured "
                    + "with neither `queue` nor a `queue=` tag, v0.29.0 or later) runs it; if your controller polls a "
                    + "named queue the job waits for another agent, and an ordinary agent fails trying to fetch the "
                    + "kubernetes plugin. Assumed: the controller's configuration was not given (pass "
                    + "`--controller-config` to check).";
            fix = Fix.describe("Target the queue your controller polls.", "agents:\n  queue: kubernetes");
        } else {
            why = head + " The controller configured in " + controller.source().path() + " polls queue `"
                    + polled + "`, so it will not pick this job up: it waits for another agent, and an ordinary "
                    + "agent fails trying to fetch the kubernetes plugin.";
            fix = new Fix("Target the controller's queue `" + polled + "`.", "agents:\n  queue: " + polled,
                    edits(s, polled));
        }
        reporter.report(step.plugin().use().sourceNode(), headline, why, fix);
    }

    private static List<Edit> edits(CommandStep s, String queue) {
        if (s.agents() instanceof YMap agents) {
            return YamlEdits.insertBlock(agents, "queue: " + queue);
        }
        if (s.agents() instanceof YSeq list) {
            return YamlEdits.append(list, "- queue=" + queue);
        }
        if (s.agents() == null) {
            return YamlEdits.insertBlock(s.node(), "agents:\n  queue: " + queue);
        }
        return List.of();
    }
}
