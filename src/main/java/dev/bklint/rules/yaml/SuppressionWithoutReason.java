package dev.bklint.rules.yaml;

import dev.bklint.rules.Headline;
import dev.bklint.suppression.Suppressions;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.text.Quoted;

/** BK008: a suppression must say why, so that the next reader can tell whether it still holds. */
public final class SuppressionWithoutReason implements Rule {
    @Override
    public void visitSuppressions(Suppressions suppressions, Reporter reporter) {
        for (Suppressions.Suppression s : suppressions.all()) {
            if (s.reason().isEmpty()) {
                reporter.report(s.comment(), Headline.first("This `bklint-ignore` for "
                        + Quoted.list(s.rules(), ", ", ", ") + " gives no reason.",
                        "This `bklint-ignore` gives no reason."), "Unless it says, after the rule ids, why the "
                        + "finding does not apply here, the next reader cannot tell whether it still holds.",
                        Fix.describe("Add a reason.",
                        "# bklint-ignore " + String.join(",", s.rules()) + " <why this does not apply here>"));
            }
        }
    }
}
