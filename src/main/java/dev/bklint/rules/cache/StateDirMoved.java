package dev.bklint.rules.cache;

import dev.bklint.rules.Headline;
import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.StateDir;
import dev.bklint.report.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;

/** BK304: XDG_DATA_HOME or HOME moves the rootless state directory away from the volume mounted for it. */
public final class StateDirMoved implements Rule {
    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        StateDirMounts m = StateDirMounts.of(daemon);
        if (m == null || m.leftBehind() == null || m.atStateDir() != null) {
            return;
        }
        StateDir dir = m.stateDir();
        String headline = dir.reason() + " moves the rootless daemon's state away from volume `"
                + m.leftBehind().volumeName() + "`.";
        reporter.report(dir.span(), Headline.first(headline,
                dir.reason() + " moves the rootless daemon's state away from its volume."), "The daemon in "
                + "container `" + daemon.name() + "` keeps its state in `" + dir.path() + "`, away from the "
                + "volume `" + m.leftBehind().volumeName() + "` mounted at `" + StateDir.ROOTLESS_DEFAULT
                + "`, which is then unused.", Fix.describe("Remove the variable, or mount the "
                + "volume at `" + dir.path() + "`.", "mountPath: " + dir.path()));
    }
}
