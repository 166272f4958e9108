package dev.bklint.rules.image;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.ImageFlavor;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.kubernetes.Setting;
import dev.bklint.rules.Fixes;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.Headline;

/**
 * BK102: the rootless image does not need {@code privileged: true}. It works, and the daemon keeps its user namespace
 * (upstream calls it "almost safe"), but the container itself is unconfined; BK201-BK203 stay silent there.
 */
public final class RootlessImagePrivileged implements Rule {
    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        PodContainer c = daemon.container();
        if (c == null || daemon.flavor() != ImageFlavor.ROOTLESS) {
            return;
        }
        Setting privileged = c.security("privileged");
        if (privileged == null || !privileged.isTrue()) {
            return;
        }
        reporter.report(privileged.value(), Headline.first("Container `" + c.name() + "` runs the rootless image `"
                + c.image().value() + "` with `privileged: true`, which rootless BuildKit does not need.",
                "Container `" + c.name() + "` runs the rootless BuildKit image with `privileged: true`, which it "
                + "does not need.", "Container `" + c.name() + "` runs the rootless BuildKit image with "
                + "`privileged: true`."),
                "The daemon still runs as uid 1000 in its own user namespace (upstream calls `--privileged` \"almost "
                + "safe for rootless\"), but the container loses its own confinement: it gets every capability and "
                + "the host's devices, no seccomp or AppArmor profile and an unmasked `/proc`, and it fails the "
                + "Baseline Pod Security Standard. Upstream's Kubernetes rootless examples run unprivileged, with "
                + "Unconfined seccomp and AppArmor and `--oci-worker-no-process-sandbox`.",
                Fixes.remove(privileged.entry(), "Remove `privileged: true`."));
    }
}
