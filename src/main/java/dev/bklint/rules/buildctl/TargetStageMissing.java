package dev.bklint.rules.buildctl;

import dev.bklint.rules.Headline;
import dev.bklint.buildkit.Flag;
import dev.bklint.buildkit.Invocation;
import dev.bklint.dockerfile.Project;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.text.Suggestions;
import dev.bklint.text.Quoted;
import java.util.Locale;

/** BK413: {@code --opt target=T} names a stage the Dockerfile does not have. */
public final class TargetStageMissing implements Rule {
    @Override
    public void visitBuildctl(Invocation invocation, Reporter reporter) {
        Project.Resolved d = reporter.dockerfile(invocation);
        if (d == null || d.dockerfile() == null) {
            return;
        }
        for (Flag f : invocation.command().flags("opt")) {
            if (f.value() == null || !f.value().startsWith("target=")) {
                continue;
            }
            String target = f.value().substring("target=".length());
            if (target.isEmpty() || target.contains("$") || d.dockerfile().stageNames()
                    .contains(target.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String suggestion = Suggestions.closest(target, d.dockerfile().stageNames());
            String stages = d.dockerfile().stageNames().isEmpty() ? "it names no stage (no `FROM ... AS name`)"
                    : "its stages are " + Quoted.list(d.dockerfile().stageNames(), ", ", ", ");
            String path = d.path().toString().replace('\\', '/');
            reporter.report(invocation.valueSpan(f), Headline.first("`--opt target=" + target + "`, but `" + path
                    + "` has no stage `" + target + "`.", "`--opt target=" + target + "` names no stage of `" + path
                    + "`."), "The build fails with `target stage \"" + target + "\" could not be found`: " + stages
                    + "." + (suggestion == null ? "" : " Did you mean `" + suggestion + "`?"),
                    Fix.describe("Name an existing stage.", "--opt target=" + (suggestion == null ? "<stage>" : suggestion)));
        }
    }
}
