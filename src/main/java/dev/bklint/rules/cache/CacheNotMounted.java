package dev.bklint.rules.cache;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.StateDirMounts;
import dev.bklint.finding.Edit;
import dev.bklint.finding.Fix;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.rules.Fixes;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.yaml.YSeq;
import dev.bklint.yaml.YamlEdits;
import java.util.ArrayList;
import java.util.List;

/**
 * BK302: nothing is mounted at a rootless daemon's state directory. Upstream's rootless docs require an emptyDir
 * there (the image's VOLUME fails on nosuid,nodev hosts); upstream's rootful examples mount nothing, so the rule
 * does not ask it of the rootful modes. A writable volume mounted above the directory (a Tekton step's
 * {@code /tekton/home} when {@code HOME} points there) holds the state just as well, so it counts.
 */
public final class CacheNotMounted implements Rule {
    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        StateDirMounts m = daemon.stateDirMounts();
        if (m == null || !daemon.mode().isRootless() || m.atStateDir() != null || m.covering() != null
                || m.atOtherMode() != null || m.leftBehind() != null) {
            return;
        }
        PodContainer c = daemon.container();
        String dir = m.stateDir().path();
        String mount = "- name: buildkit-state\n  mountPath: " + dir;
        List<Edit> edits = new ArrayList<>();
        YSeq mounts = c.written() == null ? null : c.written().getSeq("volumeMounts");
        YSeq volumes = c.pod().plugin() == null || c.pod().plugin().podSpec() == null ? null
                : c.pod().plugin().podSpec().getSeq("volumes");
        if (mounts != null && volumes != null) {
            edits.addAll(YamlEdits.append(volumes, "- name: buildkit-state\n  emptyDir: {}"));
            edits.addAll(YamlEdits.append(mounts, mount));
            if (edits.size() != 2) {
                edits.clear();
            }
        }
        reporter.report(c.anchor(), "Container `" + c.name() + "` mounts nothing at the daemon's state directory `"
                + dir + "`.", "The " + daemon.mode().label() + " daemon keeps its state there. BuildKit's rootless "
                + "docs say to mount an emptyDir there: the image's own VOLUME fails on hosts that mount it "
                + "`nosuid,nodev` (Container-Optimized OS) with `operation not permitted`.", new Fix("Mount an emptyDir at `" + dir + "`.",
                "# in podSpec:\nvolumes:\n  - name: buildkit-state\n    emptyDir: {}\n# in the container:\nvolumeMounts:\n"
                        + Fixes.indent(mount),
                edits));
    }
}
