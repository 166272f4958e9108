package dev.bklint.diagnose;

import dev.bklint.kubernetes.EffectivePod;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.kubernetes.Setting;
import dev.bklint.pipeline.CommandStep;
import dev.bklint.pipeline.EnvVar;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;

/**
 * Finds a {@link PointsAt} selector's node in a step's effective pod. The pod is built from positioned nodes (anchors,
 * podSpecPatch, the step's {@code image:} and the controller's patches keep where each value was written), so the
 * node found is where the user must look. When the field is absent it answers the mapping it must be added to.
 */
final class PointsAtResolver {
    /** The node, and whether it is the parent a missing field must be added to. */
    record Located(YNode node, boolean missing) {
    }

    private PointsAtResolver() {
    }

    /** {@code container} is the pod's container that runs BuildKit, or null when the step has no pod. */
    static Located resolve(StepAnalysis step, PodContainer container, String selector) {
        if (selector.startsWith("step")) {
            return stepField(step.step(), selector);
        }
        EffectivePod pod = step.pod();
        if (pod == null) {
            return missing(step.step().node()); // no pod at all: the kubernetes plugin must be added to the step
        }
        if (selector.startsWith("pod.")) {
            return podField(step, pod, selector.substring("pod.".length()));
        }
        if (container == null) {
            return missing(podParent(step, pod));
        }
        return containerField(step, container, selector);
    }

    private static Located stepField(CommandStep step, String selector) {
        return switch (selector) {
            case "step.timeout_in_minutes" -> present(step.timeoutInMinutes(), step.node());
            case "step.plugins.kubernetes" -> {
                YNode plugin = step.plugins().stream().filter(p -> p.isKubernetes()).map(p -> p.sourceNode())
                        .findFirst().orElse(null);
                yield present(plugin, step.node());
            }
            default -> new Located(step.node(), false);
        };
    }

    private static Located podField(StepAnalysis step, EffectivePod pod, String field) {
        YMap spec = pod.spec();
        YNode value = spec == null ? null : spec.get(field);
        return present(value, podParent(step, pod));
    }

    /** Where a pod field is added: the podSpec, else the plugin's configuration, else the step. */
    private static YNode podParent(StepAnalysis step, EffectivePod pod) {
        if (pod.spec() != null) {
            return pod.spec();
        }
        if (step.plugin() != null && step.plugin().config() != null) {
            return step.plugin().config();
        }
        return step.step().node();
    }

    private static Located containerField(StepAnalysis step, PodContainer c, String selector) {
        // the controller's default container-0 has no mapping: a field is added through the podSpec or its patch
        YNode parent = c.node() != null ? c.node() : podParent(step, step.pod());
        switch (selector) {
            case "container":
                return new Located(c.node() != null ? c.node() : c.anchor(), false);
            case "container.image":
                return present(c.image(), parent);
            case "container.command":
                return present(c.script() == null ? null : c.script().node(), parent);
            case "container.env.BUILDKITD_FLAGS": {
                EnvVar v = c.env().get("BUILDKITD_FLAGS");
                YNode env = c.node() == null ? null : c.node().get("env");
                return present(v == null ? null : v.valueNode() != null ? v.valueNode() : v.nameNode(),
                        env != null ? env : parent);
            }
            case "container.volumeMounts":
            case "container.resources":
                return present(c.node() == null ? null : c.node().get(selector.substring("container.".length())),
                        parent);
            case "container.securityContext":
                return present(c.securityContext(), parent);
            default:
                break;
        }
        String field = selector.substring("container.securityContext.".length());
        Setting s = c.security(field);
        YNode sc = c.securityContext();
        return present(s == null ? null : s.value(), sc != null ? sc : parent);
    }

    /** The value when it is written and not null, else its parent as where to add it. */
    private static Located present(YNode value, YNode parent) {
        if (value == null || value instanceof YScalar s && s.isNull()) {
            return missing(parent);
        }
        return new Located(value, false);
    }

    private static Located missing(YNode parent) {
        return new Located(parent, true);
    }
}
