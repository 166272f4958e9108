package dev.bklint.rules.image;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.ImageFlavor;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.kubernetes.Setting;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.Headline;
import dev.bklint.yaml.YamlEdits;
import java.util.List;

/** BK104: the rootless image run as uid 0 starts buildkitd without rootlesskit and without privileges. */
public final class RootlessImageAsRoot implements Rule {
    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        PodContainer c = daemon.container();
        if (c == null || daemon.flavor() != ImageFlavor.ROOTLESS) {
            return;
        }
        Setting user = c.security("runAsUser");
        if (user == null || user.integer() == null || user.integer() != 0) {
            return;
        }
        reporter.report(user.value(), Headline.first("Container `" + c.name() + "` runs the rootless image `"
                + c.image().value() + "` as uid 0 (" + user.where() + ").", "Container `" + c.name() + "` runs the "
                + "rootless BuildKit image as uid 0 (" + user.where() + ")."), "`buildctl-daemonless.sh` then takes "
                + "its root path and starts buildkitd without rootlesskit and without privileges, which fails with "
                + "mount errors (`operation not permitted`). The rootless image is built for uid 1000.",
                new Fix("Set `runAsUser: 1000`.", "runAsUser: 1000",
                        List.of(YamlEdits.replace(user.value(), "1000"))));
    }
}
