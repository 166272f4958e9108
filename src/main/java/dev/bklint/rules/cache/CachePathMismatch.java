package dev.bklint.rules.cache;

import dev.bklint.rules.Headline;
import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.StateDirMounts;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YamlEdits;
import java.util.List;

/** BK301: the cache volume is mounted at the other mode's state directory, so the daemon never uses it. */
public final class CachePathMismatch implements Rule {
    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        StateDirMounts m = daemon.stateDirMounts();
        if (m == null || m.atStateDir() != null || m.atOtherMode() == null) {
            return;
        }
        YNode path = m.atOtherMode().node().get("mountPath");
        String right = m.stateDir().path();
        String headline = "Volume `" + m.atOtherMode().volumeName() + "` at `" + m.atOtherMode().mountPath()
                + "` is not the state directory of the daemon in container `" + daemon.name() + "`.";
        reporter.report(path, Headline.first(headline, "Volume `"
                + m.atOtherMode().volumeName() + "` at `" + m.atOtherMode().mountPath() + "` is not the daemon's "
                + "state directory."), "The " + daemon.mode().label() + " daemon in container `" + daemon.name()
                + "` keeps its state in `" + right + "` (" + m.stateDir().reason() + "), so the volume is never "
                + "used and the state lands in the container's writable layer.",
                new Fix("Mount the volume at `" + right + "`.", "mountPath: " + right,
                        List.of(YamlEdits.replace(path, right))));
    }
}
