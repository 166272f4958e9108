package dev.bklint.finding;

import dev.bklint.text.Surrogates;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bounds on the text of one finding, so that every report grows by a small constant per finding: messages and fix
 * texts of at most {@link #MAX_MESSAGE} characters (a value the pipeline repeats, quoted in each of many findings,
 * is cut in the middle). Source text is bounded where it is quoted ({@link SourceWindow}, SARIF's snippets); the
 * number of findings per file, by the linter (BK000 counts those not shown).
 */
public final class ReportLimits {
    public static final int MAX_MESSAGE = 2000;
    /** Of a message cut in the middle, the characters kept at its end (where a rule's advice is). */
    private static final int KEPT_TAIL = 400;

    private ReportLimits() {
    }

    /** Each finding with its headline, why and fix texts cut to {@link #MAX_MESSAGE}. */
    public static List<Finding> shortened(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(shortened(f));
        }
        return out;
    }

    /** The finding with its headline, why and fix texts cut to {@link #MAX_MESSAGE}; the same object when none is long. */
    @SuppressWarnings("ReferenceEquality") // shorten returns its argument itself when it cuts nothing
    static Finding shortened(Finding f) {
        Fix fix = f.fix();
        Fix shortFix = fix == null ? null : fix.withTexts(shorten(fix.description()), shorten(fix.snippet()));
        String message = shorten(f.message());
        String why = shorten(f.why());
        if (message == f.message() && why == f.why() && (fix == null || shortFix.description() == fix.description()
                && shortFix.snippet() == fix.snippet())) {
            return f;
        }
        return new Finding(f.rule(), f.name(), f.severity(), f.path(), f.span(), message, why, shortFix, f.uses());
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
        int tailStart = Surrogates.pairStart(s, s.length() - tail);
        int headEnd = Surrogates.pairStart(s, max - tail - 40);
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.ROOT);
        return s.substring(0, headEnd) + "…[" + n.format(tailStart - headEnd) + " characters not shown]…"
                + s.substring(tailStart);
    }
}
