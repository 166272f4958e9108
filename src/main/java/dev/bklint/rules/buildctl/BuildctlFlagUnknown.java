package dev.bklint.rules.buildctl;

import dev.bklint.buildkit.BuildctlFlagTable;
import dev.bklint.buildkit.Flag;
import dev.bklint.buildkit.Invocation;
import dev.bklint.finding.Edit;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Headline;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.text.Suggestions;
import java.util.List;

/**
 * BK418: a flag that {@code buildctl build} does not define (moby/buildkit@73ed6825c4b7 cmd/buildctl/build.go:44-123
 * and the global flags of main.go:50-105), with the nearest real flag. docker/buildx flags (BK402) and removed
 * flags (BK417) have their own rules and are left to them.
 */
public final class BuildctlFlagUnknown implements Rule {
    private static final List<String> NAMES = BuildctlFlagTable.buildFlagNames();

    @Override
    public void visitBuildctl(Invocation invocation, Reporter reporter) {
        if (!invocation.command().isBuild()) {
            return;
        }
        boolean push = invocation.command().hasFlag("push");
        for (Flag f : invocation.command().flags()) {
            if (f.known() || BuildctlFlagTable.REMOVED_BUILD_FLAGS.containsKey(f.name())
                    || BuildxFlagInBuildctl.spelling(f, push) != null || unknowable(f.name())) {
                continue;
            }
            // One- and two-letter names are too short to guess from.
            String near = f.name().length() <= 2 ? null : Suggestions.closest(f.name(), NAMES);
            String suggestion = near == null ? null : (near.length() == 1 ? "-" : "--") + near;
            String headline = suggestion == null
                    ? "`" + f.written() + "` is not a `buildctl build` flag."
                    : Headline.first("`" + f.written() + "` is not a `buildctl build` flag; did you mean `"
                            + suggestion + "`?", "`" + f.written() + "` is not a `buildctl build` flag.");
            String why = "buildctl fails with `flag provided but not defined: -" + f.name() + "` before building.";
            Fix fix = suggestion == null
                    ? Fix.describe("Use one of buildctl build's flags (`buildctl build --help`).",
                            "--" + String.join(" --", List.of("output", "opt", "local", "frontend", "progress")))
                    : new Fix("Write `" + suggestion + "`.", suggestion, invocation.isPlain(f) && f.value() == null
                            ? List.of(new Edit(invocation.span(f.word()), suggestion)) : List.of());
            reporter.report(invocation.flagSpan(f), headline, why, fix);
        }
    }

    /** A flag name that is a shell expansion or empty cannot be judged. */
    private static boolean unknowable(String name) {
        return name.isEmpty() || name.contains("$") || name.contains("`") || name.contains("{");
    }
}
