package dev.bklint.rules.security;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.DaemonFlags;
import dev.bklint.buildkit.Mode;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.kubernetes.Setting;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Fixes;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.buildkit.Invocation;
import dev.bklint.dockerfile.Project;
import dev.bklint.finding.Severity;
import dev.bklint.source.Span;
import java.util.ArrayList;
import dev.bklint.yaml.YSeq;
import dev.bklint.yaml.YamlEdits;
import dev.bklint.text.Quoted;
import java.util.List;

/**
 * BK201: rootless BuildKit with its process sandbox on needs an unmasked /proc, which Kubernetes gives only with
 * {@code hostUsers: false} and {@code procMount: Unmasked}; otherwise the first RUN fails.
 */
public final class RootlessProcessSandbox implements Rule {
    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        PodContainer c = daemon.container();
        if (c == null || daemon.mode() != Mode.ROOTLESS || UnconfinedProfiles.privileged(c)) {
            return; // a privileged container's /proc is not masked, so the sandbox can mount its own
        }
        Setting procMount = c.security("procMount");
        if (c.pod().inUserNamespace() && procMount != null && procMount.scalar() != null
                && "Unmasked".equals(procMount.scalar().value())) {
            return;
        }
        DaemonFlags flags = daemon.flags();
        Span at = flags.span() != null ? flags.span() : daemon.daemon().span();
        boolean viaScript = daemon.daemon().how().equals("buildctl-daemonless.sh");
        Fix fix = !viaScript ? argsFix(c)
                : flags.span() == null || "container env".equals(flags.origin())
                ? Fixes.setEnv(c, "Set `BUILDKITD_FLAGS` to `" + DaemonFlags.NO_PROCESS_SANDBOX + "` in container `"
                        + c.name() + "`.", "BUILDKITD_FLAGS", DaemonFlags.NO_PROCESS_SANDBOX)
                : Fix.describe("Add `" + DaemonFlags.NO_PROCESS_SANDBOX + "` to `BUILDKITD_FLAGS` where it is set ("
                        + flags.origin() + ").", "BUILDKITD_FLAGS=" + DaemonFlags.NO_PROCESS_SANDBOX);
        // Without the sandbox a hung process lives until the job's deadline (BK205): a step needs a timeout too.
        String timeout = viaScript && daemon.step().step() != null ? " Turning the sandbox off calls for a step "
                + "`timeout_in_minutes` as well (BK205)." : "";
        String noRun = withoutRun(daemon, reporter.project());
        if (noRun != null) {
            reporter.report(Severity.INFO, at, "Rootless BuildKit in container `" + c.name() + "` keeps its process "
                    + "sandbox, which breaks `RUN` on Kubernetes.", "Every `RUN` would fail (`mount proc:/proc ... "
                    + "operation not permitted`); " + noRun + " has no `RUN`, so it cannot bite yet." + timeout,
                    fix);
            return;
        }
        reporter.report(at, "Rootless BuildKit in container `" + c.name() + "` keeps its process sandbox, so the first "
                + "`RUN` fails.", "Each `RUN` mounts a fresh /proc, which Kubernetes masks: `mount proc:/proc (via "
                + "/proc/self/fd/6), flags: 0xe: operation not permitted` (builds without `RUN` pass, so it breaks "
                + "late). The original guide's rootless non-privileged mode does this; every upstream Kubernetes "
                + "rootless example sets `" + DaemonFlags.NO_PROCESS_SANDBOX + "`." + timeout, fix);
    }

    /** The Dockerfile(s) the daemon builds when all are known and none has a RUN, else null. */
    private static String withoutRun(BuildkitContainer daemon, Project project) {
        if (project == null) {
            return null;
        }
        List<String> files = new ArrayList<>();
        for (Invocation i : daemon.invocations()) {
            if (!i.command().isBuild()) {
                continue;
            }
            Project.Resolved d = project.resolve(i);
            if (d == null || d.dockerfile() == null || d.dockerfile().hasRun()) {
                return null;
            }
            files.add("`" + d.path().toString().replace('\\', '/') + "`");
        }
        return files.isEmpty() ? null : Quoted.list(files, ", ", ", ");
    }

    /** buildkitd started directly (or by the image entrypoint) reads flags from its arguments, not the env. */
    private static Fix argsFix(PodContainer c) {
        YSeq args = c.node() == null ? null : c.node().getSeq("args");
        String item = "- " + DaemonFlags.NO_PROCESS_SANDBOX;
        return new Fix("Add `" + DaemonFlags.NO_PROCESS_SANDBOX + "` to the daemon's arguments.", "args:\n  " + item,
                args != null && !c.ownCommand() ? YamlEdits.append(args, item) : List.of());
    }
}
