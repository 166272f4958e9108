package dev.bklint.rules.versions;

import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;

/** BK502: {@code appArmorProfile} became a field in Kubernetes 1.30; older clusters need the annotation. */
public final class ApparmorFieldUnsupported implements Rule {
    @Override
    public void visitStep(StepAnalysis step, Reporter reporter) {
        var version = reporter.options().kubernetesVersion();
        if (step.pod() == null || !version.below(1, 30)) {
            return;
        }
        for (ProfileFields.Place p : ProfileFields.find(step.pod(), "appArmorProfile")) {
            String container = p.owner().startsWith("container `")
                    ? p.owner().substring(11, p.owner().length() - 1) : "<container>";
            String key = "container.apparmor.security.beta.kubernetes.io/" + container;
            reporter.report(p.entry().key(), "`appArmorProfile` (" + p.owner() + ") needs Kubernetes 1.30 or newer, "
                    + "but the target is " + version + ".", "The field is not applied there, so the container keeps "
                    + "the default AppArmor profile. Older clusters read the annotation instead, keyed by the exact "
                    + "container name.", Fix.describe(
                    "Use the AppArmor annotation instead.", "metadata:\n  annotations:\n    " + key + ": unconfined"));
        }
    }
}
