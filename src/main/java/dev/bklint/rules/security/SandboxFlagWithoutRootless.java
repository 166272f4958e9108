package dev.bklint.rules.security;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.DaemonFlags;
import dev.bklint.buildkit.ImageFlavor;
import dev.bklint.buildkit.Mode;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;

/** BK204: buildkitd refuses {@code --oci-worker-no-process-sandbox} unless it runs in a user namespace. */
public final class SandboxFlagWithoutRootless implements Rule {
    /** True when buildkitd will refuse the daemon's flags: the flag on real root outside a user namespace. */
    static boolean refused(BuildkitContainer daemon) {
        return daemon.container() != null && daemon.sandboxDisabled() && daemon.mode() == Mode.PRIVILEGED
                && daemon.flavor() == ImageFlavor.ROOTFUL;
    }

    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        if (!refused(daemon)) {
            return;
        }
        reporter.report(daemon.flags().span() != null ? daemon.flags().span() : daemon.daemon().span(),
                "`" + DaemonFlags.NO_PROCESS_SANDBOX + "` is set for the rootful daemon in container `"
                + daemon.name() + "`.", "The flag (from " + daemon.flags().origin() + ") reaches a daemon that runs "
                + "as real root outside a user namespace: buildkitd exits with `can't enable NoProcessSandbox without "
                + "Rootless`, which shows up as `could not connect to unix:///run/buildkit/buildkitd.sock after 10 "
                + "trials`. The privileged mode keeps its sandbox; the flag belongs with the rootless image, or with "
                + "pod `hostUsers: false` (userns mode).",
                Fix.describe("Remove `" + DaemonFlags.NO_PROCESS_SANDBOX + "` from BUILDKITD_FLAGS.", null));
    }
}
