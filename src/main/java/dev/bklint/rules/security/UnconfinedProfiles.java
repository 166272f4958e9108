package dev.bklint.rules.security;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.Mode;
import dev.bklint.finding.Severity;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.kubernetes.Setting;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;

/** What BK202 and BK203 share: is a profile Unconfined for a rootless daemon, and how severe is its absence. */
final class UnconfinedProfiles {
    private UnconfinedProfiles() {
    }

    static boolean applies(BuildkitContainer daemon) {
        return daemon.container() != null && daemon.mode().isRootless();
    }

    /**
     * True when the container is privileged. containerd applies no seccomp profile to a privileged container and no
     * runtime-default AppArmor profile (containerd/containerd@301026e58c61:internal/cri/sputil/seccomp_linux.go:40-44,
     * apparmor_linux.go:53-71), CRI-O neither (cri-o/cri-o@f954a17e505f:server/container_create_linux.go:798-811,
     * server/container_create.go:1076-1092), and both leave /proc unmasked: what the Unconfined profiles and the
     * sandbox flag stand in for (moby/buildkit docs/rootless.md:79-84 uses {@code --privileged} in their place).
     */
    static boolean privileged(PodContainer c) {
        Setting p = c.security("privileged");
        return p != null && p.isTrue();
    }

    /** True when the profile field (container or pod) has {@code type: Unconfined}. */
    static boolean fieldUnconfined(PodContainer c, String field) {
        Setting s = c.security(field);
        if (s == null || !(s.value() instanceof YMap m)) {
            return false;
        }
        YScalar type = m.getScalar("type");
        return type != null && "Unconfined".equals(type.value());
    }

    static boolean annotationUnconfined(PodContainer c, String key) {
        YScalar v = c.pod().annotation(key);
        return v != null && "unconfined".equals(v.value());
    }

    /** Where to point: the profile field when it is set to something else, else the container's image. */
    static YNode anchor(PodContainer c, String field) {
        Setting s = c.security(field);
        return s != null ? s.value() : c.anchor();
    }
}
