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

/** BK105: the rootless image's user, subuid ranges and directories are all for uid/gid 1000. */
public final class RootlessUidGidNot1000 implements Rule {
    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        PodContainer c = daemon.container();
        if (c == null || daemon.flavor() != ImageFlavor.ROOTLESS) {
            return;
        }
        for (String field : List.of("runAsUser", "runAsGroup")) {
            Setting s = c.security(field);
            Long id = s == null ? null : s.integer();
            if (id == null || id == 1000 || field.equals("runAsUser") && id == 0) {
                continue; // uid 0 is BK104's
            }
            reporter.report(s.value(), Headline.first("Container `" + c.name() + "` runs the rootless image `"
                    + c.image().value() + "` with `" + field + ": " + id + "` (" + s.where() + ").", "Container `"
                    + c.name() + "` runs the rootless image with `" + field + ": " + id + "` (" + s.where() + ")."),
                    "The image is built for user `user`, uid/gid 1000: `/etc/subuid` and `/etc/subgid`, `/home/user` "
                    + "and `/run/user/1000` belong to it, so rootlesskit or newuidmap fails (for example `No subuid "
                    + "ranges found for user …`) or the daemon hits permission denied. Upstream's Kubernetes "
                    + "examples: \"To change UID/GID, you need to rebuild the image\".",
                    new Fix("Set `" + field + ": 1000`.", field + ": 1000",
                            List.of(YamlEdits.replace(s.value(), "1000"))));
        }
    }
}
