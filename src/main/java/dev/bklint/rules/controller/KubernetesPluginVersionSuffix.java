package dev.bklint.rules.controller;

import dev.bklint.pipeline.PluginUse;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.yaml.YamlEdits;
import java.util.List;

/**
 * BK601: the controller recognises the kubernetes plugin only by its exact canonical name; a {@code #ref} makes
 * it another plugin, which an agent then tries to fetch.
 */
public final class KubernetesPluginVersionSuffix implements Rule {
    @Override
    public void visitStep(StepAnalysis step, Reporter reporter) {
        if (step.step() == null) {
            return;
        }
        for (PluginUse use : step.step().plugins()) {
            if (!use.isKubernetes() || use.ref() == null) {
                continue;
            }
            String fixed = use.location();
            reporter.report(use.sourceNode(), "The kubernetes plugin is written with a version, `#" + use.ref()
                    + "`, so the controller does not recognise it.", "The Agent Stack for Kubernetes controller "
                    + "recognises the plugin only as `" + PluginUse.KUBERNETES + "` with no `#` version, so with `"
                    + use.source() + "` it ignores the podSpec and the job is likely to fail fetching it as an "
                    + "ordinary plugin. The kubernetes plugin is part of the controller and has no versions.",
                    new Fix("Write `" + fixed + "`.", fixed + ":",
                    List.of(YamlEdits.replace(use.sourceNode(), fixed))));
        }
    }
}
