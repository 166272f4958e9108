package dev.bklint.rules.yaml;

import dev.bklint.rules.Headline;
import dev.bklint.suppression.Suppressions;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.RuleRegistry;
import java.util.List;
import dev.bklint.text.Quoted;

/** BK007: a {@code # bklint-ignore} comment that suppresses nothing hides nothing and misleads readers. */
public final class UnusedSuppression implements Rule {
    @Override
    public void visitSuppressions(Suppressions suppressions, Reporter reporter) {
        RuleRegistry registry = RuleRegistry.get();
        for (Suppressions.Suppression s : suppressions.all()) {
            List<String> unknown = s.rules().stream().filter(id -> registry.find(id) == null).toList();
            if (!unknown.isEmpty()) {
                // A mistyped id suppresses nothing even when its neighbours in the comment do: say which one.
                String ids = Quoted.list(unknown, ", ", ", ");
                reporter.report(s.comment(), Headline.first("This `bklint-ignore` names " + ids + ", which "
                        + (unknown.size() == 1 ? "is no bklint rule" : "are no bklint rules") + ".",
                        "This `bklint-ignore` names an id that is no bklint rule."), "A rule id that does not "
                        + "exist suppresses nothing; it is usually a typo for the rule the comment was meant for "
                        + "(bklint rules lists them).", Fix.describe("Correct or remove the id.", null));
                if (unknown.size() == s.rules().size()) {
                    continue;
                }
            }
            if (!s.used() && anyRan(s, reporter)) {
                String where = s.scope() == null ? " in this file." : " on the node below it.";
                reporter.report(s.comment(), Headline.first("This `bklint-ignore` for "
                        + Quoted.list(s.rules(), ", ", ", ") + " suppresses nothing" + where,
                        "This `bklint-ignore` suppresses nothing" + where), "The finding it was written for is gone "
                        + "(or the rule id or placement is wrong), and the comment would hide a future finding.",
                        Fix.describe("Remove the comment.", null));
            }
        }
    }

    /**
     * Whether a rule the comment names ran on this file: a comment for rules that are all switched off (in the
     * configuration, or not in --select) could not have suppressed anything, so it tells nothing.
     */
    private static boolean anyRan(Suppressions.Suppression s, Reporter reporter) {
        var settings = reporter.options().settings();
        for (String rule : s.rules()) {
            if (!settings.isOff(rule) && !settings.ignores(rule, reporter.path())) {
                return true;
            }
        }
        return false;
    }
}
