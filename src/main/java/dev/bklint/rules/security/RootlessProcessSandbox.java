package dev.bklint.rules.security;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.DaemonFlags;
import dev.bklint.buildkit.Mode;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.kubernetes.Setting;
import dev.bklint.report.Fix;
import dev.bklint.rules.Fixes;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.source.Span;

/**
 * BK201: rootless BuildKit with its process sandbox on needs an unmasked /proc, which Kubernetes gives only with
 * {@code hostUsers: false} and {@code procMount: Unmasked}; otherwise the first RUN fails.
 */
public final class RootlessProcessSandbox implements Rule {
    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        PodContainer c = daemon.container();
        if (c == null || daemon.mode() != Mode.ROOTLESS) {
            return;
        }
        Setting procMount = c.security("procMount");
        if (c.pod().inUserNamespace() && procMount != null && procMount.scalar() != null
                && "Unmasked".equals(procMount.scalar().value())) {
            return;
        }
        DaemonFlags flags = daemon.flags();
        Span at = flags.span() != null ? flags.span() : daemon.daemon().span();
        Fix fix = flags.span() == null || "container env".equals(flags.origin())
                ? Fixes.setEnv(c, "Set `BUILDKITD_FLAGS` to `" + DaemonFlags.NO_PROCESS_SANDBOX + "` in container `"
                        + c.name() + "`.", "BUILDKITD_FLAGS", DaemonFlags.NO_PROCESS_SANDBOX)
                : Fix.describe("Add `" + DaemonFlags.NO_PROCESS_SANDBOX + "` to `BUILDKITD_FLAGS` where it is set ("
                        + flags.origin() + ").", "BUILDKITD_FLAGS=" + DaemonFlags.NO_PROCESS_SANDBOX);
        reporter.report(at, "Rootless BuildKit in container `" + c.name() + "` keeps its process sandbox: each `RUN` "
                + "mounts a fresh /proc, which Kubernetes masks, so the first `RUN` fails with `mount proc:/proc "
                + "(via /proc/self/fd/6), flags: 0xe: operation not permitted` (builds without `RUN` pass, so it "
                + "breaks late). The original guide's rootless non-privileged mode does this; every upstream "
                + "Kubernetes rootless example sets `" + DaemonFlags.NO_PROCESS_SANDBOX + "`. Set `BUILDKITD_FLAGS="
                + DaemonFlags.NO_PROCESS_SANDBOX + "` and a step `timeout_in_minutes`.", fix);
    }
}
