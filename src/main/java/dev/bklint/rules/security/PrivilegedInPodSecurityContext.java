package dev.bklint.rules.security;

import dev.bklint.kubernetes.EffectivePod;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YamlEdits;
import java.util.List;

/** BK207: PodSecurityContext has no {@code privileged}; the controller drops it and nothing is privileged. */
public final class PrivilegedInPodSecurityContext implements Rule {
    @Override
    public void visitStep(StepAnalysis step, Reporter reporter) {
        EffectivePod pod = step.pod();
        if (pod == null || pod.podSecurityContext() == null) {
            return;
        }
        YEntry entry = pod.podSecurityContext().entry("privileged");
        if (entry == null) {
            return;
        }
        var delete = YamlEdits.deleteEntry(entry);
        reporter.report(entry.key(), "`privileged` is written in the pod-level `securityContext`, where Kubernetes "
                + "has no such field.", "The controller drops unknown fields silently, so no container is "
                + "privileged.",
                new Fix("Move `privileged: " + entry.value() + "` into the container's securityContext.",
                        "containers:\n  - name: <container>\n    securityContext:\n      privileged: true",
                        delete == null ? List.of() : List.of(delete)));
    }
}
