package dev.bklint.rules.image;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.ImageFlavor;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.kubernetes.Setting;
import dev.bklint.rules.Fixes;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.Headline;

/** BK102: the rootless image does not need {@code privileged: true}; upstream calls it "almost safe", but it is still privileged. */
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
                + c.image().value() + "` with `privileged: true`.", "Container `" + c.name() + "` runs the rootless "
                + "BuildKit image with `privileged: true`."), "Upstream calls this \"almost safe for rootless\", but "
                + "it is still a privileged container: it gets every capability and host device and fails the "
                + "Baseline Pod Security Standard, while rootless BuildKit needs only Unconfined seccomp and AppArmor "
                + "and the `--oci-worker-no-process-sandbox` flag. If you mean to run privileged, use the rootful "
                + "image.",
                Fixes.remove(privileged.entry(), "Remove `privileged: true`."));
    }
}
