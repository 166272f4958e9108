package dev.bklint.rules.buildctl;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.report.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;

/** BK416: buildctl-daemonless.sh splits BUILDKITD_FLAGS unquoted, so quotes in the value reach buildkitd as text. */
public final class BuildkitdFlagsQuoted implements Rule {
    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        String value = daemon.flags() == null ? null : daemon.flags().value();
        if (!"buildctl-daemonless.sh".equals(daemon.daemon().how()) || value == null || daemon.flags().span() == null
                || value.indexOf('"') < 0 && value.indexOf('\'') < 0) {
            return;
        }
        String clean = value.replace("\"", "").replace("'", "");
        reporter.report(daemon.flags().span(), "BUILDKITD_FLAGS holds quotes (`" + value + "`). "
                + "`buildctl-daemonless.sh` expands the variable unquoted, so it is split on spaces and the quote "
                + "characters reach buildkitd literally (for example as part of a flag name or path), which it "
                + "rejects or misreads. Write the flags without quotes: `" + clean + "`.",
                Fix.describe("Remove the quotes from the value.", "BUILDKITD_FLAGS: " + clean));
    }
}
