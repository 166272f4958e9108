package dev.bklint.rules.yaml;

import dev.bklint.finding.Finding;
import dev.bklint.finding.Severity;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import java.text.NumberFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BK000: a file has more findings than bklint reports for one file. One finding, at the first of those left out,
 * counts them by severity and is as severe as the worst of them, so the exit status is what it would have been.
 */
public final class FindingsNotShown implements Rule {
    @Override
    public void visitNotShown(List<Finding> notShown, int limit, Reporter reporter) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        Severity worst = Severity.INFO;
        for (Finding f : notShown) {
            counts.merge(f.severity(), 1, Integer::sum);
            worst = f.severity().compareTo(worst) > 0 ? f.severity() : worst;
        }
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.ROOT);
        int hidden = notShown.size();
        String headline = n.format(hidden) + (hidden == 1 ? " more finding in this file is" : " more findings in "
                + "this file are") + " not shown ("
                + count(n, counts.get(Severity.ERROR), "error") + ", " + count(n, counts.get(Severity.WARNING),
                "warning") + ", " + n.format(counts.getOrDefault(Severity.INFO, 0)) + " info).";
        String why = "bklint reports the first " + n.format(limit) + " of a file. Fix those, or switch off a rule "
                + "that reports one problem many times, to see the rest.";
        reporter.report(worst, notShown.get(0).span(), headline, why, null);
    }

    private static String count(NumberFormat n, Integer count, String noun) {
        int c = count == null ? 0 : count;
        return n.format(c) + " " + noun + (c == 1 ? "" : "s");
    }
}
