package dev.bklint.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Finds which causes' patterns a line's text holds, with the same answer as running every pattern's {@code find()}
 * but in about the time of one pass over the line: at load, each pattern gives a literal every match of it contains
 * ({@link RequiredLiteral}); one scan finds which literals a line holds ({@link LiteralScanner}), and only those
 * patterns (and the few without a literal) run. Most log lines hold none, so most lines run no regex at all.
 *
 * <p>Every regex run is bounded ({@link BoundedText}): a pattern may read {@link #STEPS_PER_CHAR} characters per
 * character of the line (plus {@link #STEPS_BASE}); one that needs more on a line counts as not matching that line,
 * and {@link #notes()} says so once per pattern. One instance serves one run; it keeps no per-line state.
 */
public final class CauseMatcher {
    /**
     * Reads allowed per character of a line. The catalogue's patterns read one to three characters per character on
     * real lines (CauseMatcherTest measures it); 64 leaves them ample room while a quadratic pattern on a full 8 KiB
     * line (some 32 million reads) stops after half a million.
     */
    static final int STEPS_PER_CHAR = 64;
    static final int STEPS_BASE = 4096;

    private final List<Cause> causes;
    /** For each cause, its patterns, and for each pattern the ids of the literals it needs one of, or null. */
    private final Pattern[][] patterns;
    private final int[][][] literalsOf;
    private final boolean anyWithoutLiteral;
    private final LiteralScanner scanner;
    private final Map<String, AtomicInteger> overBudget = new ConcurrentHashMap<>();
    /** For patterns given to {@link #find}: the literals one of which every match holds (empty: none known). */
    private final Map<Pattern, Optional<List<String>>> requiredOf = new ConcurrentHashMap<>();

    public CauseMatcher(List<Cause> causes) {
        this.causes = List.copyOf(causes);
        List<String> literals = new ArrayList<>();
        patterns = new Pattern[this.causes.size()][];
        literalsOf = new int[this.causes.size()][][];
        boolean without = false;
        for (int c = 0; c < this.causes.size(); c++) {
            List<Pattern> own = this.causes.get(c).patterns();
            patterns[c] = own.toArray(new Pattern[0]);
            literalsOf[c] = new int[own.size()][];
            for (int p = 0; p < own.size(); p++) {
                List<String> any = RequiredLiteral.of(own.get(p));
                if (any == null) {
                    without = true;
                    continue;
                }
                literalsOf[c][p] = new int[any.size()];
                for (int k = 0; k < any.size(); k++) {
                    int id = literals.indexOf(any.get(k));
                    if (id < 0) {
                        id = literals.size();
                        literals.add(any.get(k));
                    }
                    literalsOf[c][p][k] = id;
                }
            }
        }
        anyWithoutLiteral = without;
        scanner = new LiteralScanner(literals);
    }

    /** The causes, in catalogue order, with a pattern found in {@code text}. */
    public List<Cause> matching(String text) {
        int[] found = scanner.find(text);
        if (found.length == 0 && !anyWithoutLiteral) {
            return List.of();
        }
        List<Cause> out = new ArrayList<>(2);
        for (int c = 0; c < patterns.length; c++) {
            for (int p = 0; p < patterns[c].length; p++) {
                int[] any = literalsOf[c][p];
                if ((any == null || containsAny(found, any)) && run(patterns[c][p], text)) {
                    out.add(causes.get(c));
                    break;
                }
            }
        }
        return out;
    }

    private static boolean containsAny(int[] found, int[] ids) {
        for (int f : found) {
            for (int id : ids) {
                if (f == id) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code pattern} (any pattern, such as a cause's near and unless-near evidence) is found in {@code text}:
     * the regex runs only when the line holds one of the literals every match needs, and then within the line's
     * budget, as for the causes' own patterns.
     */
    public boolean find(Pattern pattern, String text) {
        List<String> any = requiredOf.computeIfAbsent(pattern, p -> Optional.ofNullable(RequiredLiteral.of(p)))
                .orElse(null);
        if (any != null && any.stream().noneMatch(text::contains)) {
            return false;
        }
        return run(pattern, text);
    }

    /** Whether {@code pattern} is found in {@code text} within the line's budget; over budget is no match, noted. */
    private boolean run(Pattern pattern, String text) {
        try {
            return pattern.matcher(new BoundedText(text, budget(text.length()))).find();
        } catch (BoundedText.OverBudget e) {
            overBudget.computeIfAbsent(pattern.pattern(), k -> new AtomicInteger()).incrementAndGet();
            return false;
        }
    }

    static long budget(int length) {
        return (long) STEPS_PER_CHAR * length + STEPS_BASE;
    }

    /** One line per pattern that gave up on some line, for the reader of the report; empty when none did. */
    public List<String> notes() {
        List<String> out = new ArrayList<>();
        overBudget.forEach((pattern, lines) -> out.add("pattern `" + pattern + "` took too long on " + lines.get()
                + (lines.get() == 1 ? " line" : " lines") + "; it counts as not matching there"));
        out.sort(null);
        return out;
    }
}
