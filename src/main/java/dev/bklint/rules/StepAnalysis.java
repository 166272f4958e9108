package dev.bklint.rules;

import dev.bklint.buildkit.BuildkitStep;
import dev.bklint.kubernetes.EffectivePod;
import dev.bklint.kubernetes.KubernetesPlugin;
import dev.bklint.pipeline.CommandStep;

/**
 * A command step as the rules see it: the step, its kubernetes plugin (null when absent), its effective pod
 * (null when it does not run on Kubernetes as far as the pipeline shows) and its BuildKit view (null when it
 * runs no BuildKit).
 */
public record StepAnalysis(CommandStep step, KubernetesPlugin plugin, EffectivePod pod, BuildkitStep buildkit) {
}
