package dev.bklint.rules.security;

import dev.bklint.kubernetes.PodContainer;
import dev.bklint.kubernetes.Setting;
import dev.bklint.rules.Fixes;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;

/** BK208: the API server rejects {@code privileged: true} with {@code allowPrivilegeEscalation: false}. */
public final class PrivilegedWithoutEscalation implements Rule {
    @Override
    public void visitStep(StepAnalysis step, Reporter reporter) {
        if (step.pod() == null) {
            return;
        }
        for (PodContainer c : step.pod().allContainers()) {
            Setting privileged = c.security("privileged");
            Setting ape = c.security("allowPrivilegeEscalation");
            if (privileged == null || ape == null || !privileged.isTrue() || !ape.isFalse()) {
                continue;
            }
            reporter.report(ape.value(), "Container `" + c.name() + "` sets both `privileged: true` and "
                    + "`allowPrivilegeEscalation: false`.", "The API server rejects the pod (`cannot set "
                    + "allowPrivilegeEscalation to false and privileged to true`), so the job never starts. A "
                    + "privileged container can always escalate.",
                    Fixes.remove(ape.entry(), "Remove `allowPrivilegeEscalation: false`."));
        }
    }
}
