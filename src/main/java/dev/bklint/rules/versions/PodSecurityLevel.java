package dev.bklint.rules.versions;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.kubernetes.Setting;
import dev.bklint.finding.Fix;
import dev.bklint.finding.Severity;
import dev.bklint.yaml.YNode;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YScalar;
import dev.bklint.text.Quoted;
import java.util.ArrayList;
import java.util.List;

/**
 * BK504: the Pod Security Standards level a BuildKit daemon's container needs, from the checks that
 * pod-security-admission makes on what the file states. Every working privileged or userns pod breaks Baseline
 * ({@code privileged: true}), and so do upstream's rootless settings (Unconfined seccomp and AppArmor); a container
 * that states none of those passes Baseline, and admission accepts it, so it is not reported as rejected. Only
 * with a level given (the namespace's setting is not in the file) is anything reported.
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
        if (allowed == null) {
            // Which level the namespace enforces is a cluster setting the file cannot show: without it there is no
            // evidence of a mistake, and the advice would be on every BuildKit step (issue 10). --pod-security-level
            // or `pod-security-level:` in the configuration turns the check on.
            return;
        }
        List<Violation> baseline = baselineViolations(c, reporter);
        // With a level given, only what the container states decides: admission checks the pod, not the mode.
        List<Violation> violations = baseline;
        String needed = "privileged";
        if (baseline.isEmpty() && allowed.equals("restricted")) {
            violations = restrictedViolations(c, reporter);
            needed = "baseline";
        }
        if (!violations.isEmpty() && LEVELS.indexOf(needed) > LEVELS.indexOf(allowed)) {
            reporter.report(Severity.ERROR, violations.get(0).node(), "This BuildKit pod needs the `" + needed
                    + "` Pod Security Standards level, but the namespace enforces `" + allowed + "`.",
                    "Admission rejects the pod and the job never starts: " + reasons(violations, baseline.isEmpty()
                    ? "Restricted" : "Baseline") + ". Exempting the namespace from Pod Security admission also lets "
                    + "it through.",
                    fix(needed));
        } else if (baseline.isEmpty() && daemon.mode().isRootless() && !allowed.equals("privileged")) {
            reporter.report(Severity.INFO, c.anchor(), "Container `" + c.name() + "` passes the `" + allowed
                    + "` Pod Security Standards level as written.", "It has no `privileged` and no Unconfined "
                    + "seccomp or AppArmor profile, so admission accepts it; rootless BuildKit then runs under the "
                    + "node's default profiles, which may block it (BK202, BK203).", null);
        }
    }

    private static String reasons(List<Violation> violations, String level) {
        List<String> what = new ArrayList<>();
        for (Violation v : violations) {
            what.add(v.what());
        }
        return Quoted.list(what, ", ", ", ") + (what.size() == 1 ? " violates " : " violate ") + level;
    }

    private static Fix fix(String level) {
        return Fix.describe("Label the namespace that runs BuildKit jobs.", "pod-security.kubernetes.io/enforce: "
                + level);
    }

    /**
     * The container's settings that break the Restricted level beyond Baseline, as pod-security-admission checks
     * them: {@code allowPrivilegeEscalation} must be {@code false}, {@code runAsNonRoot} true and no uid 0 (both
     * waived in a user namespace from 1.35), a {@code RuntimeDefault} or {@code Localhost} seccomp profile, and
     * capabilities that drop {@code ALL} and add at most {@code NET_BIND_SERVICE}.
     */
    private static List<Violation> restrictedViolations(PodContainer c, Reporter reporter) {
        List<Violation> v = new ArrayList<>();
        YNode where = c.anchor();
        Setting escalation = c.security("allowPrivilegeEscalation");
        if (escalation == null || !escalation.isFalse()) {
            v.add(new Violation("`allowPrivilegeEscalation` not `false`", escalation == null ? where
                    : escalation.value()));
        }
        boolean waived = c.pod().inUserNamespace() && !reporter.options().kubernetesVersion().below(1, 35);
        Setting nonRoot = c.security("runAsNonRoot");
        if (!waived && (nonRoot == null || !nonRoot.isTrue())) {
            v.add(new Violation("`runAsNonRoot` not `true`", nonRoot == null ? where : nonRoot.value()));
        }
        Setting user = c.security("runAsUser");
        if (!waived && user != null && Long.valueOf(0).equals(user.integer())) {
            v.add(new Violation("`runAsUser: 0`", user.value()));
        }
        Setting seccomp = c.security("seccompProfile");
        String type = type(seccomp);
        if (!"RuntimeDefault".equals(type) && !"Localhost".equals(type)) {
            v.add(new Violation("no `RuntimeDefault` or `Localhost` seccomp profile", seccomp == null ? where
                    : seccomp.value()));
        }
        Setting caps = c.security("capabilities");
        YMap capMap = caps != null && caps.value() instanceof YMap m ? m : null;
        if (!dropsAll(capMap) || addsMoreThanNetBind(capMap)) {
            v.add(new Violation("capabilities not `drop: [ALL]`", caps == null ? where : caps.value()));
        }
        return v;
    }

    private static boolean dropsAll(YMap caps) {
        var drop = caps == null ? null : caps.getSeq("drop");
        return drop != null && drop.items().stream()
                .anyMatch(n -> n.asScalar() != null && "ALL".equals(n.asScalar().value()));
    }

    private static boolean addsMoreThanNetBind(YMap caps) {
        var add = caps == null ? null : caps.getSeq("add");
        return add != null && add.items().stream()
                .anyMatch(n -> n.asScalar() == null || !"NET_BIND_SERVICE".equals(n.asScalar().value()));
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
