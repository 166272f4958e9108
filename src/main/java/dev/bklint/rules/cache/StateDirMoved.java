package dev.bklint.rules.cache;

import dev.bklint.rules.Headline;
import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.StateDirMounts;
import dev.bklint.buildkit.StateDir;
import dev.bklint.finding.Fix;
import dev.bklint.finding.Severity;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;

/**
 * BK304: XDG_DATA_HOME or HOME moves the rootless state directory away from the volume mounted for it. When the
 * new directory is still on a writable volume (Shipwright's buildkit sample sets {@code HOME=/tekton/home}, Tekton's
 * emptyDir), the build works and only the mounted volume goes unused: info. Where no writable volume holds it, the
 * state loses what the volume was for: a warning.
 */
public final class StateDirMoved implements Rule {
    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        StateDirMounts m = daemon.stateDirMounts();
        if (m == null || m.leftBehind() == null || m.atStateDir() != null) {
            return;
        }
        StateDir dir = m.stateDir();
        String unused = m.leftBehind().volumeName();
        String headline = dir.reason() + " moves the rootless daemon's state away from volume `" + unused + "`.";
        Fix fix = Fix.describe("Remove the variable, or mount the volume at `" + dir.path() + "`.",
                "mountPath: " + dir.path());
        String shorter = dir.reason() + " moves the rootless daemon's state away from its volume.";
        StateDirMounts.Holder holder = m.covering();
        if (holder != null) {
            reporter.report(Severity.INFO, dir.span(), Headline.first(headline, shorter), "The daemon in container `"
                    + daemon.name() + "` keeps its state in `" + dir.path() + "`, on " + holder.description()
                    + " mounted at `" + holder.mountPath() + "`, so the build still works, but the volume `" + unused
                    + "` mounted at `" + StateDir.ROOTLESS_DEFAULT + "` is never used.", fix);
            return;
        }
        reporter.report(dir.span(), Headline.first(headline, shorter), "The daemon in container `" + daemon.name()
                + "` keeps its state in `" + dir.path() + "`, where no writable volume is mounted (BuildKit's rootless "
                + "docs ask for an emptyDir at the state directory), while the volume `" + unused + "` mounted at `"
                + StateDir.ROOTLESS_DEFAULT + "` goes unused.", fix);
    }
}
