package dev.bklint.report;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bounds on what one file can make bklint print, so that every report grows linearly with the input and by a small
 * constant per finding: at most {@link #MAX_FINDINGS_PER_FILE} findings per file (the first ones, in position
 * order, then one {@link #NOT_SHOWN_RULE} finding that counts the rest), and messages and fix texts of at most
 * {@link #MAX_MESSAGE} characters (a value the pipeline repeats, quoted in each of many findings, is cut in the
 * middle). Source text is bounded where it is quoted ({@link SourceWindow}, SARIF's snippets).
 *
 * <p>Why 1,000: no one reads further in a log; a Buildkite annotation holds 1 MiB (about 1,000 table rows); GitHub
 * code scanning keeps 5,000 results of a run and an Actions step shows 10 annotations of each kind; and a
 * thousand findings at most a few KiB each keep the report of a file to a few MiB.
 */
public final class ReportLimits {
    public static final int MAX_FINDINGS_PER_FILE = 1000;
    public static final int MAX_MESSAGE = 2000;
    /** The rule id and name of the finding that stands for those not shown. */
    public static final String NOT_SHOWN_RULE = "BK000";
    public static final String NOT_SHOWN_NAME = "findings-not-shown";
    /** Of a message cut in the middle, the characters kept at its end (where a rule's advice is). */
    private static final int KEPT_TAIL = 400;

    private ReportLimits() {
    }

    /**
     * {@code findings} (sorted by path and position) with long texts shortened and at most
     * {@link #MAX_FINDINGS_PER_FILE} per path; the rest of a path are counted in one finding at the first of them,
     * as severe as the worst, so the exit status does not change.
     */
    public static List<Finding> apply(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(Math.min(findings.size(), MAX_FINDINGS_PER_FILE + 1));
        int i = 0;
        while (i < findings.size()) {
            String path = findings.get(i).path();
            int end = i;
            while (end < findings.size() && findings.get(end).path().equals(path)) {
                end++;
            }
            int shown = Math.min(end, i + MAX_FINDINGS_PER_FILE);
            for (int k = i; k < shown; k++) {
                out.add(shortened(findings.get(k)));
            }
            if (shown < end) {
                out.add(notShown(findings.subList(shown, end)));
            }
            i = end;
        }
        return out;
    }

    static Finding notShown(List<Finding> rest) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        Severity worst = Severity.INFO;
        for (Finding f : rest) {
            counts.merge(f.severity(), 1, Integer::sum);
            worst = f.severity().compareTo(worst) > 0 ? f.severity() : worst;
        }
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.ROOT);
        n.setGroupingUsed(true);
        int errors = counts.getOrDefault(Severity.ERROR, 0);
        int warnings = counts.getOrDefault(Severity.WARNING, 0);
        int infos = counts.getOrDefault(Severity.INFO, 0);
        String message = n.format(rest.size()) + " more findings in this file are not shown (" + n.format(errors)
                + (errors == 1 ? " error, " : " errors, ") + n.format(warnings)
                + (warnings == 1 ? " warning, " : " warnings, ") + n.format(infos) + " info): bklint reports the first "
                + n.format(MAX_FINDINGS_PER_FILE) + " of a file. Fix those, or switch off a rule that reports one "
                + "problem many times, to see the rest.";
        Finding first = rest.get(0);
        return new Finding(NOT_SHOWN_RULE, NOT_SHOWN_NAME, worst, first.path(), first.span(), message, null);
    }

    /** The finding with its message and fix texts cut to {@link #MAX_MESSAGE}; the same object when none is long. */
    static Finding shortened(Finding f) {
        Fix fix = f.fix();
        Fix shortFix = fix == null ? null : new Fix(shorten(fix.description()), shorten(fix.snippet()), fix.edits());
        String message = shorten(f.message());
        if (message == f.message() && (fix == null || shortFix.description() == fix.description()
                && shortFix.snippet() == fix.snippet())) {
            return f;
        }
        return new Finding(f.rule(), f.name(), f.severity(), f.path(), f.span(), message, shortFix);
    }

    /** {@code s} when at most {@link #MAX_MESSAGE} long, else its head and tail around a note of what was cut. */
    public static String shorten(String s) {
        return shorten(s, MAX_MESSAGE);
    }

    /** {@code s} when at most {@code max} (100 or more) long, else its head and tail around a note of the cut. */
    public static String shorten(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int tail = Math.min(KEPT_TAIL, max / 5);
        int tailStart = SourceWindow.pairStart(s, s.length() - tail);
        int headEnd = SourceWindow.pairStart(s, max - tail - 40);
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.ROOT);
        return s.substring(0, headEnd) + "…[" + n.format(tailStart - headEnd) + " characters not shown]…"
                + s.substring(tailStart);
    }
}
