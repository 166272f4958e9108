package dev.bklint.rules.versions;

import dev.bklint.report.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;

/** BK503: from Kubernetes 1.25 the kubelet ignores the seccomp annotations; only the field works. */
public final class SeccompAnnotationIgnored implements Rule {
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
                    || key.startsWith("container.seccomp.security.alpha.kubernetes.io/"))) {
                continue;
            }
            String value = e.value().asScalar() == null ? "" : e.value().asScalar().value();
            String type = value.equals("unconfined") ? "Unconfined" : value.startsWith("localhost/") ? "Localhost"
                    : "RuntimeDefault";
            reporter.report(e.key(), "The annotation `" + key + "` is ignored by the kubelet from Kubernetes 1.25 "
                    + "(target " + version + (reporter.options().versionAssumed() ? ", assumed" : "") + "), so this "
                    + "seccomp setting has no effect. Use the `seccompProfile` field in the securityContext instead.",
                    Fix.describe("Use `seccompProfile: {type: " + type + "}` in the securityContext.",
                            "securityContext:\n  seccompProfile:\n    type: " + type));
        }
    }
}
