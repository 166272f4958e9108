package dev.bklint.rules.versions;

import dev.bklint.finding.Fix;
import dev.bklint.finding.Severity;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;

/**
 * BK503: the seccomp annotations stop working in two steps. From 1.25 the kubelet ignores them, but until 1.26 the
 * API server still copies them into the {@code seccompProfile} field when a pod is created (Job pods included), so
 * they keep working there; 1.27 removed that copy (kubernetes/kubernetes#114947) and with it the last effect.
 */
public final class SeccompAnnotationIgnored implements Rule {
    private static final String CONTAINER = "container.seccomp.security.alpha.kubernetes.io/";

    @Override
    public void visitStep(StepAnalysis step, Reporter reporter) {
        var version = reporter.options().kubernetesVersion();
        YMap annotations = step.pod() == null ? null : step.pod().annotations();
        if (annotations == null || version.below(1, 25)) {
            return;
        }
        for (YEntry e : annotations.entries()) {
            String key = e.keyText();
            if (key == null || !(key.equals("seccomp.security.alpha.kubernetes.io/pod")
                    || key.startsWith(CONTAINER))) {
                continue;
            }
            String value = e.value().asScalar() == null ? "" : e.value().asScalar().value();
            String type = value.equals("unconfined") ? "Unconfined" : value.startsWith("localhost/") ? "Localhost"
                    : "RuntimeDefault";
            String target = "target " + version + (reporter.options().versionAssumed() ? ", assumed" : "");
            boolean copied = version.below(1, 27);
            String whose = key.startsWith(CONTAINER) ? "The seccomp annotation for container `"
                    + key.substring(CONTAINER.length()) + "`" : "The pod's seccomp annotation";
            reporter.report(copied ? Severity.WARNING : Severity.ERROR, e.key(), copied
                    ? whose + " stops working on Kubernetes 1.27."
                    : whose + " has no effect from Kubernetes 1.27 (" + target + ").", copied
                    ? "`" + key + "` still works on 1.25-1.26 (" + target + ") only because the API server copies it "
                    + "into the `seccompProfile` field when the pod is created; the kubelet ignores the annotation "
                    + "itself, and Kubernetes 1.27 removed the copy, so this seccomp setting stops working on upgrade."
                    : "The kubelet ignores `" + key + "` from 1.25, and 1.27 removed the API server's copy into the "
                    + "`seccompProfile` field.",
                    Fix.describe("Use `seccompProfile: {type: " + type + "}` in the securityContext.",
                            "securityContext:\n  seccompProfile:\n    type: " + type));
        }
    }
}
