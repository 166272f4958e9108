package dev.bklint.rules.security;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.kubernetes.Setting;
import dev.bklint.rules.Fixes;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;

/** BK206: {@code allowPrivilegeEscalation: false} sets no_new_privs, which defeats setuid newuidmap. */
public final class RootlessNoNewPrivileges implements Rule {
    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        PodContainer c = daemon.container();
        if (c == null || !daemon.mode().isRootless()) {
            return;
        }
        Setting ape = c.security("allowPrivilegeEscalation");
        if (ape == null || !ape.isFalse()) {
            return;
        }
        reporter.report(ape.value(), "Rootless BuildKit in container `" + c.name() + "` has "
                + "`allowPrivilegeEscalation: false`.", "That sets no_new_privs: the setuid `newuidmap`/`newgidmap` "
                + "that rootlesskit needs then lose their privileges and the daemon cannot start "
                + "(`newuidmap: Could not set caps`). Rootless BuildKit needs escalation for those two helpers only.",
                Fixes.remove(ape.entry(), "Remove `allowPrivilegeEscalation: false`."));
    }
}
