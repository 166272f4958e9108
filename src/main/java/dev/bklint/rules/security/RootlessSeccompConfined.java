package dev.bklint.rules.security;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Fixes;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.yaml.YNode;
import java.util.List;

/** BK202: rootless BuildKit needs seccomp Unconfined to call unshare and mount. */
public final class RootlessSeccompConfined implements Rule {
    static final String POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
    static final String CONTAINER_ANNOTATION = "container.seccomp.security.alpha.kubernetes.io/";

    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        if (!UnconfinedProfiles.applies(daemon)) {
            return;
        }
        PodContainer c = daemon.container();
        if (UnconfinedProfiles.fieldUnconfined(c, "seccompProfile") || UnconfinedProfiles.privileged(c)) {
            return; // a privileged container gets no seccomp profile at all
        }
        boolean annotated = UnconfinedProfiles.annotationUnconfined(c, POD_ANNOTATION)
                || UnconfinedProfiles.annotationUnconfined(c, CONTAINER_ANNOTATION + c.name());
        if (annotated) {
            return; // honoured before 1.25; from 1.25 BK503 reports the ignored annotation
        }
        boolean old = reporter.options().kubernetesVersion().below(1, 19);
        Fix fix = old
                ? Fix.describe("Add the annotation `" + CONTAINER_ANNOTATION + c.name() + ": unconfined` under the "
                        + "plugin's `metadata.annotations` (the field needs Kubernetes 1.19).",
                        "metadata:\n  annotations:\n    " + CONTAINER_ANNOTATION + c.name() + ": unconfined")
                : Fixes.setInContainer(c, "Set `securityContext.seccompProfile.type: Unconfined` in container `"
                        + c.name() + "`.", List.of("securityContext", "seccompProfile", "type"), "Unconfined");
        YNode at = UnconfinedProfiles.anchor(c, "seccompProfile");
        reporter.report(at, "Rootless BuildKit in container `" + c.name()
                + "` runs without seccomp `Unconfined`.",
                "It needs syscalls such as `unshare` and `mount` that the runtime's default profile blocks; where "
                        + "that profile applies (kubelet `seccompDefault`), creating the user namespace fails "
                        + "(`fork/exec /proc/self/exe: operation not permitted` under Docker's default profile; GKE "
                        + "Autopilot fails earlier with `newuidmap: Could not set caps`).", fix);
    }
}
