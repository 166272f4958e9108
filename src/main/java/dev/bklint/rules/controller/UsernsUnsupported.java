package dev.bklint.rules.controller;

import dev.bklint.kubernetes.EffectivePod;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.kubernetes.Setting;
import dev.bklint.finding.Fix;
import dev.bklint.rules.KubernetesVersion;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.yaml.YEntry;

/**
 * BK612: {@code hostUsers: false} needs UserNamespacesSupport (on by default from Kubernetes 1.33);
 * {@code procMount: Unmasked} needs ProcMountType (on by default from 1.33) and {@code hostUsers: false}, without
 * which the API server rejects the pod.
 */
public final class UsernsUnsupported implements Rule {
    @Override
    public void visitStep(StepAnalysis step, Reporter reporter) {
        EffectivePod pod = step.pod();
        if (pod == null) {
            return;
        }
        KubernetesVersion version = reporter.options().kubernetesVersion();
        YEntry hostUsers = pod.hostUsers();
        if (pod.inUserNamespace() && version.below(1, 33)) {
            String gateName = gateName(version);
            String gate = version.below(1, 25)
                    ? "the field does not exist before Kubernetes 1.25 (alpha in 1.25 as the "
                            + "UserNamespacesStatelessPodsSupport feature gate, UserNamespacesSupport from 1.28, beta "
                            + "and on by default from 1.33), so"
                    : "the " + gateName + " feature gate is off by default before 1.33 (alpha 1.25, named "
                            + "UserNamespacesStatelessPodsSupport until 1.27; beta off 1.30, beta on 1.33, GA 1.36), "
                            + "so unless the feature gate is enabled on the API server and the kubelets";
            String target = target(reporter);
            reporter.report(hostUsers.value(), "`hostUsers: false` asks for a pod user namespace, which Kubernetes "
                    + version + (version.below(1, 25) ? " does not have." : " gives only with a feature gate."),
                    "T" + target.substring(1) + ": " + gate + " the setting is not honoured and the pod runs in the "
                    + "host's user namespace. In BuildKit's userns mode the `privileged: true` container is then "
                    + "really privileged on the node. Rootless BuildKit does not need a pod user namespace.",
                    Fix.describe("Run on Kubernetes 1.33 or newer, or enable the "
                    + gateName + " feature gate.", "hostUsers: false  # needs Kubernetes >= 1.33"));
        }
        for (PodContainer c : pod.allContainers()) {
            Setting procMount = c.security("procMount");
            if (procMount == null || procMount.scalar() == null || !"Unmasked".equals(procMount.scalar().value())) {
                continue;
            }
            StringBuilder why = new StringBuilder();
            String headline = !pod.inUserNamespace()
                    ? "Container `" + c.name() + "` sets `procMount: Unmasked`, but the pod has no `hostUsers: false`."
                    : "Container `" + c.name() + "` sets `procMount: Unmasked`, which Kubernetes " + version
                            + " honours only with a feature gate.";
            if (!pod.inUserNamespace()) {
                why.append(" The pod does not set `hostUsers: false`, so the API server rejects it (``Invalid value: "
                        + "\"Unmasked\": `hostUsers` must be false to use `Unmasked` ``) and the pod is never created.");
            }
            if (version.below(1, 33)) {
                String target = target(reporter);
                why.append(" The ProcMountType feature gate is off by default before Kubernetes 1.33 (beta and on by "
                        + "default from 1.33) and ").append(target).append(": unless the feature gate is enabled, "
                        + "`procMount` is reset to `Default`.");
            }
            if (why.length() == 0) {
                continue;
            }
            reporter.report(procMount.value(), headline, why.substring(1) + " Rootless BuildKit on Kubernetes needs "
                    + "no `procMount`: it runs with `--oci-worker-no-process-sandbox` instead.",
                    Fix.describe("Run the pod in a user namespace on Kubernetes 1.33 or newer.",
                            "# pod spec\nhostUsers: false"));
        }
    }

    /** The target version, for messages: built only when there is something to report. */
    private static String target(Reporter reporter) {
        return "the target is Kubernetes " + reporter.options().kubernetesVersion()
                + (reporter.options().versionAssumed() ? " (assumed; set --kubernetes-version)" : "");
    }

    /** Kubernetes 1.25-1.27 called the gate UserNamespacesStatelessPodsSupport; 1.28 renamed it. */
    private static String gateName(KubernetesVersion version) {
        return version.below(1, 28) ? "UserNamespacesStatelessPodsSupport" : "UserNamespacesSupport";
    }
}
