package dev.bklint.rules.security;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.Flag;
import dev.bklint.buildkit.Invocation;
import dev.bklint.buildkit.Launcher;
import dev.bklint.buildkit.SimpleCommand;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.kubernetes.Setting;
import dev.bklint.pipeline.EnvVar;
import dev.bklint.rules.Fixes;
import dev.bklint.rules.Headline;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;
import java.util.List;
import java.util.Set;

/**
 * BK210: a privileged container that runs only the {@code buildctl} client, against a daemon in another container or
 * elsewhere. buildctl only dials the daemon's gRPC API (moby/buildkit@73ed6825c4b7:cmd/buildctl/common/common.go:21-75);
 * the builds, and the privilege they need, are the daemon's.
 */
public final class PrivilegedClientOnly implements Rule {
    /** Programs that may themselves need the privilege: another builder, a container runtime, kernel settings. */
    private static final Set<String> PRIVILEGED_TOOLS = Set.of("buildkitd", "rootlesskit", "buildctl-daemonless.sh",
            "dockerd", "docker", "podman", "buildah", "nerdctl", "containerd", "runc", "img", "kaniko", "executor",
            "mount", "umount", "unshare", "nsenter", "modprobe", "sysctl", "iptables", "ip", "losetup", "chroot");

    @Override
    public void visitStep(StepAnalysis step, Reporter reporter) {
        for (BuildkitContainer client : step.buildkitContainers()) {
            PodContainer c = client.container();
            if (c == null || client.runsDaemon() || client.invocations().isEmpty() || othersNeedPrivilege(client)) {
                continue;
            }
            Setting privileged = c.security("privileged");
            if (privileged == null || !privileged.isTrue()) {
                continue;
            }
            String daemon = daemonOf(client, step);
            if (daemon == null) {
                continue; // the daemon it talks to cannot be told, so it may yet be started here
            }
            reporter.report(privileged.value(), Headline.first("Container `" + c.name() + "` is privileged but only "
                    + "runs the `buildctl` client, against " + daemon + ".", "Container `" + c.name() + "` is "
                    + "privileged but only runs the `buildctl` client."),
                    "buildctl only sends the build to the daemon's API; the builds run in the daemon, which needs the "
                    + "privilege if anything does. Here it gives the client every capability and the host's devices, "
                    + "and fails the Baseline Pod Security Standard, for nothing.",
                    Fixes.remove(privileged.entry(), "Remove `privileged: true` from container `" + c.name() + "`."));
        }
    }

    /** True when the container's script runs something besides buildctl that may use the privilege. */
    private static boolean othersNeedPrivilege(BuildkitContainer client) {
        if (client.shell() == null) {
            return false;
        }
        for (SimpleCommand command : client.shell().commands()) {
            String program = command.programName();
            if (program != null && (PRIVILEGED_TOOLS.contains(program) || program.equals("sudo"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The daemon the client talks to, described, when it is not in this container: a non-unix {@code --addr} or
     * {@code BUILDKIT_HOST}, or a unix socket with a daemon started in another container of the pod; else null.
     */
    private static String daemonOf(BuildkitContainer client, StepAnalysis step) {
        String address = null;
        for (Invocation i : client.invocations()) {
            if (i.command().launcher() != Launcher.BUILDCTL) {
                return null;
            }
            Flag addr = i.command().flag("addr");
            if (addr != null && addr.value() != null) {
                address = addr.value();
            }
        }
        if (address == null) {
            EnvVar host = client.container().env().get("BUILDKIT_HOST");
            address = host == null ? null : host.value();
        }
        if (address != null && !address.isEmpty() && !address.startsWith("unix://") && !address.startsWith("$")) {
            return "`" + address + "`";
        }
        List<BuildkitContainer> daemons = step.buildkit() == null ? List.of() : step.buildkit().daemons();
        return daemons.isEmpty() ? null : "the daemon in container `" + daemons.get(0).name() + "`";
    }
}
