package dev.bklint.diagnose;

import java.util.List;

/**
 * A cause file's {@code points-at:}: the field of the step's effective pod that the cause is about, so that a
 * diagnosis can point at its line even when the cause's lint rule does not fire there (or the cause has none).
 * When the field is absent, the diagnosis points where it must be added.
 */
public final class PointsAt {
    /** The selectors a cause file may use. {@code container} is the container that runs BuildKit. */
    public static final List<String> SELECTORS = List.of(
            "container",
            "container.image",
            "container.command",
            "container.env.BUILDKITD_FLAGS",
            "container.securityContext",
            "container.securityContext.privileged",
            "container.securityContext.allowPrivilegeEscalation",
            "container.securityContext.runAsUser",
            "container.securityContext.runAsNonRoot",
            "container.securityContext.seccompProfile",
            "container.securityContext.appArmorProfile",
            "container.securityContext.capabilities",
            "container.volumeMounts",
            "container.resources",
            "pod.securityContext",
            "pod.imagePullSecrets",
            "pod.volumes",
            "step",
            "step.timeout_in_minutes",
            "step.plugins.kubernetes");

    private PointsAt() {
    }
}
