package dev.bklint.rules.image;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.ImageFlavor;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.kubernetes.Setting;
import dev.bklint.rules.Fixes;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.Headline;
import dev.bklint.yaml.YNode;
import java.util.List;

/** BK101: the rootful image runs buildkitd as root and needs {@code privileged: true} (also in userns mode). */
public final class RootImageNotPrivileged implements Rule {
    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        PodContainer c = daemon.container();
        if (c == null || daemon.flavor() != ImageFlavor.ROOTFUL) {
            return;
        }
        Setting privileged = c.security("privileged");
        if (privileged != null && (privileged.isTrue() || privileged.scalar() != null
                && (privileged.scalar().isYaml11Boolean() || privileged.scalar().isQuotedBoolean()))) {
            return; // true, or a mistyped boolean that BK003 reports
        }
        YNode at = privileged != null ? privileged.value() : c.image();
        String mode = c.pod().inUserNamespace()
                ? " Upstream's user-namespace mode (pod `hostUsers: false`) still sets `privileged: true` on the "
                  + "container; inside the user namespace it is not really privileged."
                : "";
        reporter.report(at, Headline.first("Container `" + c.name() + "` runs the rootful image `" + c.image().value()
                + "` without `privileged: true`.", "Container `" + c.name() + "` runs the rootful BuildKit image "
                + "without `privileged: true`."), "The rootful image starts buildkitd as root and needs "
                + "`privileged: true` to mount filesystems and create namespaces; without it the build fails." + mode
                + " The alternative is the rootless image (`moby/buildkit:v0.32.2-rootless`) with its settings.",
                Fixes.setInContainer(c, "Set `privileged: true` in container `" + c.name() + "`'s securityContext.",
                        List.of("securityContext", "privileged"), "true"));
    }
}
