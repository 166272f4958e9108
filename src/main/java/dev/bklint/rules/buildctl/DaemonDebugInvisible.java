package dev.bklint.rules.buildctl;

import dev.bklint.rules.Headline;
import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;

/** BK415: buildctl-daemonless.sh keeps the daemon's log to itself unless the daemon fails to start. */
public final class DaemonDebugInvisible implements Rule {
    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        if (!"buildctl-daemonless.sh".equals(daemon.daemon().how()) || !daemon.flags().has("--debug")
                || daemon.flags().span() == null) {
            return;
        }
        reporter.report(daemon.flags().span(), Headline.first("`--debug` in BUILDKITD_FLAGS of container `"
                + daemon.name() + "` adds daemon logs that stay hidden during the build.",
                "`--debug` in BUILDKITD_FLAGS adds daemon logs that stay hidden during the build."),
                "It makes buildkitd log more, but `buildctl-daemonless.sh` writes the daemon's log to a temporary "
                + "file that it prints only when the daemon fails to start, then deletes: during the build you see "
                + "none of it.",
                Fix.describe("Use buildctl's debug flag and plain progress.",
                        "buildctl-daemonless.sh --debug build --progress=plain ..."));
    }
}
