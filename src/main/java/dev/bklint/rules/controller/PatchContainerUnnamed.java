package dev.bklint.rules.controller;

import dev.bklint.kubernetes.ControllerConfig;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YSeq;

/**
 * BK609: a strategic merge matches containers by {@code name}. The controller decodes a patch into a PodSpec
 * first, so a patch container without a name gets an empty one: it matches no container of the pod and is added
 * as a new, nameless container, which the API server rejects.
 */
public final class PatchContainerUnnamed implements Rule {
    @Override
    public void visitStep(StepAnalysis step, Reporter reporter) {
        if (step.step() == null || step.pod() == null) {
            return;
        }
        if (step.plugin() != null && step.plugin().podSpecPatch() != null) {
            check(reporter, step.plugin().podSpecPatch(), "the plugin's `podSpecPatch`", "the patch");
        }
        ControllerConfig controller = reporter.options().controller();
        if (controller != null && controller.podSpecPatch() != null) {
            check(reporter, controller.podSpecPatch(), "the controller's `pod-spec-patch`", "the patch (in "
                    + controller.source().path() + ")");
        }
    }

    private static void check(Reporter reporter, YMap patch, String where, String patchIn) {
        for (String list : new String[] {"containers", "initContainers"}) {
            YSeq items = patch.getSeq(list);
            if (items == null) {
                continue;
            }
            for (int i = 0; i < items.size(); i++) {
                YNode item = items.items().get(i);
                if (!(item instanceof YMap c) || c.string("name") != null && !c.string("name").isEmpty()) {
                    continue;
                }
                String target = list.equals("containers") ? "container-0" : "sidecar-0";
                reporter.report(c.entries().isEmpty() ? c : c.entries().get(0).key(), "`" + list + "[" + i
                        + "]` in " + where + " has no `name`.", "Patches merge containers by name; the controller "
                        + "decodes " + patchIn + " into a PodSpec first, so this one gets an empty name, matches none "
                        + "of the pod's containers and is added as a new container without a name (and without an "
                        + "image, unless it sets one). The API server rejects that pod (`name: Required value`) and "
                        + "the job fails. The controller's default command container is named `container-0`.",
                        Fix.describe(
                        "Name the container the patch changes.", list + ":\n  - name: " + target + "\n    ..."));
            }
        }
    }
}
