package dev.bklint.rules.buildctl;

import dev.bklint.buildkit.BuildctlFlagTable;
import dev.bklint.buildkit.Flag;
import dev.bklint.buildkit.Invocation;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Headline;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;

/**
 * BK417: {@code --exporter}, {@code --exporter-opt}, {@code --frontend-opt} and {@code --export-cache-opt} were
 * removed from {@code buildctl build} in moby/buildkit 8b22fccf8 (first release without them v0.11.0), after being
 * hidden and deprecated since v0.4.0; buildctl now rejects them as undefined flags.
 */
public final class BuildctlFlagRemoved implements Rule {
    @Override
    public void visitBuildctl(Invocation invocation, Reporter reporter) {
        if (!invocation.command().isBuild()) {
            return;
        }
        for (Flag f : invocation.command().flags()) {
            String replacement = f.known() ? null : BuildctlFlagTable.REMOVED_BUILD_FLAGS.get(f.name());
            if (replacement == null || !f.written().startsWith("--")) {
                continue;
            }
            String written = f.value() == null ? f.written() : f.written() + " " + f.value();
            reporter.report(invocation.flagSpan(f), Headline.first(
                    "`" + written + "`: `" + f.written() + "` was removed from `buildctl build` in BuildKit v0.11.0.",
                    "`" + f.written() + "` was removed from `buildctl build` in BuildKit v0.11.0."),
                    "buildctl v0.11.0 and later fail with `flag provided but not defined: -" + f.name()
                            + "` before building; the flag had been deprecated since v0.4.0.",
                    Fix.describe("Write `" + replacement + "` instead.", suggestion(invocation, f, replacement)));
        }
    }

    /** {@code --exporter T --exporter-opt A --exporter-opt B} is one {@code --output type=T,A,B}. */
    private static String output(Invocation invocation) {
        Flag exporter = null;
        StringBuilder opts = new StringBuilder();
        for (Flag f : invocation.command().flags()) {
            if (!f.known() && f.value() != null && !f.value().isEmpty()) {
                if (f.name().equals("exporter")) {
                    exporter = f;
                } else if (f.name().equals("exporter-opt")) {
                    opts.append(',').append(f.value());
                }
            }
        }
        return "--output type=" + (exporter == null ? "<type>" : exporter.value()) + opts;
    }

    /** The replacement, with the flag's own value where it maps over directly. */
    private static String suggestion(Invocation invocation, Flag f, String replacement) {
        String v = f.value();
        if (v == null || v.isEmpty()) {
            return replacement;
        }
        return switch (f.name()) {
            case "exporter", "exporter-opt" -> output(invocation);
            case "frontend-opt" -> "--opt " + v;
            case "export-cache-opt" -> "--export-cache type=<type>," + v;
            default -> replacement;
        };
    }
}
