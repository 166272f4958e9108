package dev.bklint.rules.buildctl;

import dev.bklint.rules.Headline;
import dev.bklint.buildkit.Flag;
import dev.bklint.buildkit.Invocation;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;

/** BK410: {@code --opt} and {@code --local} take {@code KEY=VALUE}; without {@code =} buildctl stops. */
public final class OptWithoutValue implements Rule {
    @Override
    public void visitBuildctl(Invocation invocation, Reporter reporter) {
        if (!invocation.command().isBuild()) {
            return;
        }
        for (Flag f : invocation.command().flags()) {
            if (!(f.name().equals("opt") || f.name().equals("local")) || f.value() == null || f.value().contains("=")
                    || f.value().contains("$")) {
                continue;
            }
            String example = f.name().equals("local") ? "--local " + f.value() + "=." : "--opt " + f.value() + "=<value>";
            reporter.report(invocation.flagSpan(f), Headline.first("`" + f.written() + " " + f.value() + "` has no "
                    + "`=`: buildctl expects `KEY=VALUE`.", "The value of `" + f.written() + "` has no `=`: buildctl "
                    + "expects `KEY=VALUE`."), "buildctl fails with `invalid value " + f.value() + "` before "
                    + "building (only unreleased BuildKit reads `--opt build-arg:NAME` from the environment).",
                    Fix.describe("Give the value.", example));
        }
    }
}
