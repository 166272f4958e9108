package dev.bklint.rules;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.BuildkitStep;
import dev.bklint.kubernetes.EffectivePod;
import dev.bklint.kubernetes.KubernetesPlugin;
import dev.bklint.pipeline.CommandStep;
import dev.bklint.schema.SchemaViolation;
import java.util.List;

/**
 * A command step, or a workload of a plain Kubernetes manifest, as the rules see it: the step (null for a
 * manifest), its kubernetes plugin (null when absent), its effective pod (null when it does not run on
 * Kubernetes as far as the pipeline shows), its BuildKit view (null when it runs no BuildKit), the plugin
 * configuration's schema violations (computed once for every rule that asks), and a label and line for reports.
 */
public record StepAnalysis(CommandStep step, KubernetesPlugin plugin, EffectivePod pod, BuildkitStep buildkit,
                           List<SchemaViolation> pluginViolations, String label, int line) {
    /** The step's BuildKit containers; empty when it runs no BuildKit. */
    public List<BuildkitContainer> buildkitContainers() {
        return buildkit == null ? List.of() : buildkit.containers();
    }

    /** The BuildKit containers whose image is upstream's {@code moby/buildkit}. */
    public List<BuildkitContainer> mobyImageContainers() {
        return buildkitContainers().stream().filter(c -> c.image() != null && c.image().isMobyBuildkit()).toList();
    }
}
