package dev.bklint.rules.controller;

import dev.bklint.kubernetes.Mount;
import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.EnvValue;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.kubernetes.Setting;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BK611: with {@code readOnlyRootFilesystem: true}, every directory BuildKit writes must be a writable mount:
 * {@code /tmp} (buildctl-daemonless.sh's {@code mktemp -d}), the socket directory, for rootless the rootlesskit
 * temp dir ({@code TMPDIR}), and the daemon's state directory. A mount above a directory counts only where something
 * creates the directory inside it: buildkitd creates its state directory ({@code os.MkdirAll}), but rootlesskit's
 * {@code os.MkdirTemp("", ...)} needs {@code $TMPDIR} to exist, and a volume mounted above it starts empty and
 * hides the image's {@code /home/user/.local/tmp}.
 */
public final class ReadOnlyRootUnmounted implements Rule {
    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        PodContainer c = daemon.container();
        Setting ro = c == null ? null : c.security("readOnlyRootFilesystem");
        if (ro == null || !ro.isTrue()) {
            return;
        }
        Map<String, String> needed = new LinkedHashMap<>();
        String tmpdir = null;
        boolean script = daemon.daemon().how().equals("buildctl-daemonless.sh");
        if (script) {
            needed.put("/tmp", "buildctl-daemonless.sh's `mktemp -d`");
        }
        if (daemon.mode().isRootless()) {
            if (script) {
                String runtime = value(daemon, "XDG_RUNTIME_DIR", "/run/user/1000");
                needed.put(runtime, "the daemon's socket, `$XDG_RUNTIME_DIR`");
            }
            tmpdir = value(daemon, "TMPDIR", "/home/user/.local/tmp");
            needed.putIfAbsent(tmpdir, "rootlesskit's temporary state, `$TMPDIR`");
        } else if (daemon.mode().isRootful() && script) {
            needed.put("/run/buildkit", "the daemon's socket");
        }
        if (daemon.stateDir() != null) {
            needed.putIfAbsent(daemon.stateDir().path(), "the daemon's state directory");
        }
        List<String> missing = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Map.Entry<String, String> e : needed.entrySet()) {
            String path = e.getKey();
            boolean mustExist = path.equals(tmpdir) && !path.equals("/tmp");
            if (!mustExist && ControllerFacts.writableMountCovering(c, path) != null
                    || mustExist && ControllerFacts.writableMountAt(c, path) != null) {
                continue;
            }
            missing.add(path);
            var above = mustExist ? ControllerFacts.writableMountCovering(c, path) : null;
            reasons.add("`" + path + "` for " + e.getValue() + (above == null ? "" : " (the volume at `"
                    + above.mountPath() + "` starts empty and hides it, and rootlesskit does not create a missing "
                    + "`$TMPDIR`)"));
        }
        if (missing.isEmpty()) {
            return;
        }
        StringBuilder volumes = new StringBuilder("# in podSpec:\nvolumes:");
        StringBuilder mounts = new StringBuilder("\n# in the container:\nvolumeMounts:");
        for (int i = 0; i < missing.size(); i++) {
            String name = volumeName(missing.get(i));
            volumes.append("\n  - name: ").append(name).append("\n    emptyDir: {}");
            mounts.append("\n  - name: ").append(name).append("\n    mountPath: ").append(missing.get(i));
        }
        reporter.report(ro.value(), "Container `" + c.name() + "` runs BuildKit on a read-only root filesystem "
                + "without the writable mounts it needs.", "Nothing writable is mounted at " + String.join("; ",
                reasons) + ". The " + daemon.mode().label() + " BuildKit daemon cannot create its files there and the "
                + "build fails before it starts.",
                Fix.describe("Mount a writable emptyDir at " + String.join(", ", missing) + ".",
                        volumes.toString() + mounts));
    }

    private static String value(BuildkitContainer daemon, String name, String fallback) {
        EnvValue v = daemon.env() == null ? null : daemon.env().get(name);
        return v == null || v.value().isBlank() || ControllerFacts.templated(v.value()) ? fallback
                : Mount.normalise(v.value());
    }

    private static String volumeName(String path) {
        String n = path.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return n.isEmpty() ? "scratch" : n;
    }
}
