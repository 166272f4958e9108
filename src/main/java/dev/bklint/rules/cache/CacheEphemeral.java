package dev.bklint.rules.cache;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.Invocation;
import dev.bklint.buildkit.StateDirMounts;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.yaml.YEntry;
import java.util.Locale;

/**
 * BK303: the state directory is an emptyDir its author calls a cache, and no build of the step uses a remote
 * cache, so nothing is reused: the controller runs one pod per job and an emptyDir dies with it.
 */
public final class CacheEphemeral implements Rule {
    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        StateDirMounts m = daemon.stateDirMounts();
        if (daemon.step().step() == null) {
            return; // a long-lived manifest pod keeps its emptyDir across builds: only a job's pod loses it
        }
        if (m == null || m.atStateDir() == null || !"emptyDir".equals(m.atStateDir().volumeKind())) {
            return;
        }
        // An emptyDir at the state directory is what upstream recommends, for scratch space: only a volume the
        // author calls a cache (the original guide's `buildkit-cache`) shows the expectation of reuse that fails.
        String volume = m.atStateDir().volumeName();
        if (volume == null || !volume.toLowerCase(Locale.ROOT).contains("cache")) {
            return;
        }
        // The client may run in another container of the pod (a daemon container and a buildctl container): a
        // cache exported or imported by any build of the step is the reuse this finding asks for.
        for (BuildkitContainer c : daemon.step().containers()) {
            for (Invocation i : c.invocations()) {
                if (i.command().hasFlag("export-cache") || i.command().hasFlag("import-cache")) {
                    return;
                }
            }
        }
        YEntry emptyDir = m.atStateDir().volume().entry("emptyDir");
        String lines = "--export-cache type=registry,ref=<registry>/<repo>:buildcache,mode=max,ignore-error=true \\\n"
                + "--import-cache type=registry,ref=<registry>/<repo>:buildcache";
        reporter.report(emptyDir.key(), "BuildKit's state in container `" + daemon.name() + "` is the emptyDir `"
                + volume + "`, which no later build reuses.", "Agent Stack for Kubernetes runs one pod per job and "
                + "the emptyDir is deleted with it, so no layer is ever reused by the next build.", Fix.describe(
                "Add a registry cache to the buildctl build command.", lines));
    }
}
