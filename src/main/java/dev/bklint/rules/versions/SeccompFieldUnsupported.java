package dev.bklint.rules.versions;

import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;

/** BK501: {@code seccompProfile} became a field in Kubernetes 1.19; older API servers drop it. */
public final class SeccompFieldUnsupported implements Rule {
    @Override
    public void visitStep(StepAnalysis step, Reporter reporter) {
        var version = reporter.options().kubernetesVersion();
        if (step.pod() == null || !version.below(1, 19)) {
            return;
        }
        for (ProfileFields.Place p : ProfileFields.find(step.pod(), "seccompProfile")) {
            String name = p.owner().startsWith("container `") ? p.owner().substring(11, p.owner().length() - 1) : null;
            String key = name == null ? "seccomp.security.alpha.kubernetes.io/pod"
                    : "container.seccomp.security.alpha.kubernetes.io/" + name;
            reporter.report(p.entry().key(), "`seccompProfile` (" + p.owner() + ") needs Kubernetes 1.19 or newer, "
                    + "but the target is " + version + ".", "The field is not applied there, so the profile stays the "
                    + "runtime's; on " + version + " the annotation `" + key + "` sets it.",
                    Fix.describe("Use the seccomp annotation instead.",
                    "metadata:\n  annotations:\n    " + key + ": unconfined"));
        }
    }
}
