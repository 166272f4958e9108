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
 * BK103: the rootful image must run as root. {@code runAsNonRoot: true} makes the kubelet refuse it; a non-zero
 * {@code runAsUser} sends {@code buildctl-daemonless.sh} down its rootless path, which the image cannot take.
 */
public final class RootImageNonRootUser implements Rule {
    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        PodContainer c = daemon.container();
        if (c == null || daemon.flavor() != ImageFlavor.ROOTFUL) {
            return;
        }
        Setting user = c.security("runAsUser");
        Long uid = user == null ? null : user.integer();
        if (uid != null && uid != 0) {
            reporter.report(user.value(), Headline.first("Container `" + c.name() + "` runs the rootful image `"
                    + c.image().value() + "` as uid " + uid + " (" + user.where() + ").", "Container `" + c.name()
                    + "` runs the rootful BuildKit image as uid " + uid + " (" + user.where() + ")."),
                    "`buildctl-daemonless.sh` decides by `id -u` alone: as a non-root user it takes its rootless "
                    + "path, which needs `XDG_RUNTIME_DIR` and `rootlesskit`, and the rootful image has neither, so "
                    + "the script aborts before the build starts. Root is the image's default user; to run as uid "
                    + "1000, use the rootless image.",
                    Fixes.remove(user.entry(), "Remove `runAsUser: " + uid + "`."));
            return;
        }
        Setting nonRoot = c.security("runAsNonRoot");
        if (nonRoot != null && nonRoot.isTrue()) {
            reporter.report(nonRoot.value(), Headline.first("Container `" + c.name() + "` runs the rootful image `"
                    + c.image().value() + "` with `runAsNonRoot: true` (" + nonRoot.where() + ").", "Container `"
                    + c.name() + "` runs the rootful BuildKit image with `runAsNonRoot: true` (" + nonRoot.where()
                    + ")."), "The rootful image runs as root, so the kubelet refuses to start it: `Error: container "
                    + "has runAsNonRoot and image will run as root` (CreateContainerConfigError). To run as non-root, "
                    + "use the rootless image.",
                    Fixes.remove(nonRoot.entry(), "Remove `runAsNonRoot: true`."));
        }
    }
}
