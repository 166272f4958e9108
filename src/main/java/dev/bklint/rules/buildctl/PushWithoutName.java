package dev.bklint.rules.buildctl;

import dev.bklint.rules.Headline;
import dev.bklint.buildkit.Invocation;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;

/** BK406: the image exporter pushes only the names given by {@code name=} or {@code dangling-name-prefix}; without one it pushes nothing, silently. */
public final class PushWithoutName implements Rule {
    @Override
    public void visitBuildctl(Invocation invocation, Reporter reporter) {
        for (Invocation.CsvFlag out : invocation.csvFlags("output")) {
            var csv = out.options();
            if (!"image".equals(csv.get("type")) || !csv.has("push") || csv.has("name")
                    || namedByDanglingPrefix(csv.get("dangling-name-prefix"))) {
                continue;
            }
            String push = csv.get("push");
            if (push != null && !push.isEmpty() && !push.equalsIgnoreCase("true") && !push.equals("1")) {
                continue;
            }
            reporter.report(invocation.entrySpan(out.flag(), csv.entry("push")), Headline.first("`"
                    + out.flag().value() + "` asks the image exporter to push but gives no `name=` (nor "
                    + "`dangling-name-prefix`).", "This `--output` asks the image exporter to push but gives no "
                    + "`name=` (nor `dangling-name-prefix`)."), "BuildKit pushes only the names these give, so the "
                    + "build succeeds and nothing is pushed, without any error.", Fix.describe("Name the image to push.",
                    "--output type=image,name=registry.example.com/app:$${BUILDKITE_BUILD_NUMBER},push=true"));
        }
    }

    /** A non-empty {@code dangling-name-prefix} gives the image a name ({@code <prefix>@<digest>}), which is pushed. */
    private static boolean namedByDanglingPrefix(String prefix) {
        return prefix != null && !prefix.isEmpty();
    }
}
