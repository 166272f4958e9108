package dev.bklint.rules.versions;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.kubernetes.Setting;
import dev.bklint.report.Fix;
import dev.bklint.report.Severity;
import dev.bklint.yaml.YNode;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YScalar;
import dev.bklint.text.Quoted;
import java.util.ArrayList;
import java.util.List;

/**
 * BK504: the Pod Security Standards level a BuildKit daemon's pod needs, from the checks that
 * pod-security-admission makes. No working BuildKit mode passes Baseline.
 */
public final class PodSecurityLevel implements Rule {
    private static final List<String> LEVELS = List.of("restricted", "baseline", "privileged");

    private record Violation(String what, YNode node) {
    }

    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        PodContainer c = daemon.container();
        if (c == null) {
            return;
        }
        String allowed = reporter.options().podSecurityLevel();
        List<Violation> violations = baselineViolations(c, reporter);
        // Every working BuildKit mode breaks Baseline: privileged and userns need `privileged: true`, rootless
        // needs Unconfined seccomp and AppArmor. A pod that looks milder today is one fix away from it.
        String needed = "privileged";
        boolean violated = allowed != null && LEVELS.indexOf(needed) > LEVELS.indexOf(allowed);
        if (allowed != null && !violated) {
            return;
        }
        List<String> baseline = new ArrayList<>();
        // Reported at a node, so that a pod shared through an anchor is reported for each step that uses it.
        YNode at = c.anchor();
        for (Violation v : violations) {
            if (baseline.isEmpty()) {
                at = v.node();
            }
            baseline.add(v.what());
        }
        String reasons = baseline.isEmpty()
                ? " (" + (daemon.mode().isRootless() ? "rootless BuildKit needs Unconfined seccomp and AppArmor"
                        : "BuildKit's daemon needs `privileged: true`") + ", which Baseline forbids)"
                : " (" + Quoted.list(baseline, ", ", ", ") + (baseline.size() == 1 ? " violates" : " violate") + " Baseline)";
        String message = violated
                ? "This BuildKit pod needs the `" + needed + "` Pod Security Standards level" + reasons + ", but the "
                  + "namespace enforces `" + allowed + "`: admission rejects the pod and the job never starts. Run "
                  + "BuildKit steps in a namespace labelled `pod-security.kubernetes.io/enforce: " + needed + "` (or "
                  + "exempt it); no working BuildKit mode passes Baseline."
                : "This BuildKit pod (" + daemon.mode().label() + " mode) needs the `" + needed + "` Pod Security "
                  + "Standards level" + reasons + ". Its namespace must allow that "
                  + "(`pod-security.kubernetes.io/enforce: " + needed + "`); pass `--pod-security-level` to check it.";
        reporter.report(violated ? Severity.ERROR : Severity.INFO, at, message, Fix.describe(
                "Label the namespace that runs BuildKit jobs.", "pod-security.kubernetes.io/enforce: " + needed));
    }

    /** The settings that break the Baseline level, as pod-security-admission checks them. */
    private static List<Violation> baselineViolations(PodContainer c, Reporter reporter) {
        List<Violation> v = new ArrayList<>();
        Setting privileged = c.security("privileged");
        if (privileged != null && privileged.isTrue()) {
            v.add(new Violation("`privileged: true`", privileged.value()));
        }
        Setting seccomp = c.security("seccompProfile");
        if ("Unconfined".equals(type(seccomp))) {
            v.add(new Violation("seccomp `Unconfined`", seccomp.value()));
        }
        Setting apparmor = c.security("appArmorProfile");
        YScalar annotation = c.pod().annotation("container.apparmor.security.beta.kubernetes.io/" + c.name());
        if ("Unconfined".equals(type(apparmor))) {
            v.add(new Violation("AppArmor `Unconfined`", apparmor.value()));
        } else if (annotation != null && "unconfined".equals(annotation.value())) {
            v.add(new Violation("AppArmor `unconfined`", annotation));
        }
        Setting procMount = c.security("procMount");
        boolean waived = c.pod().inUserNamespace() && !reporter.options().kubernetesVersion().below(1, 35);
        if (!waived && procMount != null && procMount.scalar() != null
                && "Unmasked".equals(procMount.scalar().value())) {
            v.add(new Violation("`procMount: Unmasked`", procMount.value()));
        }
        return v;
    }

    private static String type(Setting s) {
        if (s == null || !(s.value() instanceof YMap m)) {
            return null;
        }
        return m.string("type");
    }
}
