package dev.bklint.rules.buildctl;

import dev.bklint.rules.Headline;
import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * BK416: buildctl-daemonless.sh splits BUILDKITD_FLAGS unquoted, so quotes in the value reach buildkitd as text. A
 * word that starts with a quote does not start with {@code -}, so buildkitd's argument parser takes it for a
 * positional argument, which buildkitd never reads: the flag is silently ignored, nothing rejects it. A quote
 * inside a flag's value stays part of the value.
 */
public final class BuildkitdFlagsQuoted implements Rule {
    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        String value = daemon.flags() == null ? null : daemon.flags().value();
        if (!"buildctl-daemonless.sh".equals(daemon.daemon().how()) || value == null || daemon.flags().span() == null
                || value.indexOf('"') < 0 && value.indexOf('\'') < 0) {
            return;
        }
        List<String> ignored = new ArrayList<>();
        List<String> quotedValues = new ArrayList<>();
        for (String word : value.trim().split("\\s+")) {
            if (word.startsWith("\"") || word.startsWith("'")) {
                ignored.add(word);
            } else if (word.indexOf('"') >= 0 || word.indexOf('\'') >= 0) {
                quotedValues.add(word);
            }
        }
        String clean = value.replace("\"", "").replace("'", "");
        reporter.report(daemon.flags().span(), Headline.first("BUILDKITD_FLAGS in container `" + daemon.name()
                + "` holds quotes, which reach buildkitd as literal text.",
                "BUILDKITD_FLAGS holds quotes, which reach buildkitd as literal text."),
                "`buildctl-daemonless.sh` passes them to buildkitd literally (it expands the variable unquoted): "
                + effect(ignored, quotedValues),
                Fix.describe("Remove the quotes from the value.", "BUILDKITD_FLAGS: " + clean));
    }

    /** What the quotes do, from the words that carry them. */
    static String effect(List<String> ignored, List<String> quotedValues) {
        StringBuilder s = new StringBuilder();
        if (!ignored.isEmpty()) {
            s.append("`").append(String.join("`, `", ignored)).append("` ")
                    .append(ignored.size() == 1 ? "does" : "do").append(" not start with `-`, so buildkitd takes ")
                    .append(ignored.size() == 1 ? "it for a positional argument" : "them for positional arguments")
                    .append(" and silently ignores ").append(ignored.size() == 1 ? "it" : "them")
                    .append(" (up to v0.30 it also stops reading flags there, ignoring the rest)");
            if (ignored.stream().anyMatch(w -> w.contains("oci-worker-no-process-sandbox"))) {
                s.append("; the process sandbox stays on and the first `RUN` fails as in BK201");
            }
            s.append('.');
        }
        if (!quotedValues.isEmpty()) {
            s.append(s.length() == 0 ? "" : " ").append("`").append(String.join("`, `", quotedValues))
                    .append("` keeps its quote characters in the value.");
        }
        return s.toString();
    }
}
