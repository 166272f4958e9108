package dev.bklint.diagnose;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Matches the lines of one log against every known cause and ranks what matched. Lines arrive one at a time and are
 * not kept: only each cause's first match, a few lines that look like errors, and the short run of hard-wrapped
 * lines being joined.
 */
public final class Diagnoser implements Consumer<LogLine> {
    /** Lines a hard-wrapped paste is joined over at most. */
    static final int MAX_JOINED = 8;
    static final int ERROR_LINES_KEPT = 5;
    private static final Pattern ERROR_LOOKING =
            Pattern.compile("(?i)\\b(?:error|fatal|failed|failure|denied|not found|panic|exited with status)\\b");

    private final CauseMatcher matcher;
    private final Map<String, Match> firstMatch = new LinkedHashMap<>();
    private final Deque<LogLine> errorLines = new ArrayDeque<>();
    private final List<LogLine> wrapped = new ArrayList<>();
    private int seen;

    public Diagnoser(List<Cause> causes) {
        this.matcher = new CauseMatcher(causes);
    }

    /** A cause found on a line; {@code order} is when it was found, for ties (later failures explain more). */
    public record Match(Cause cause, LogLine line, int order) {
    }

    /** The ranked result: the headline cause first, then the other distinct causes; empty when none is known. */
    public record Diagnosis(List<Match> ranked, List<LogLine> errorLines) {
        public Match headline() {
            return ranked.isEmpty() ? null : ranked.get(0);
        }

        public List<Match> also() {
            return ranked.isEmpty() ? List.of() : ranked.subList(1, ranked.size());
        }
    }

    @Override
    public void accept(LogLine line) {
        seen++;
        matchAll(line);
        // A paste hard-wrapped by a terminal or a ticket leaves a space at each break: the lines since the first
        // such break are matched again as one logical line, reported at its first physical line.
        if (!wrapped.isEmpty()) {
            wrapped.add(line);
            StringBuilder joined = new StringBuilder();
            wrapped.forEach(l -> joined.append(l.text()));
            matchAll(new LogLine(line.path(), wrapped.get(0).number(), joined.toString()));
        }
        boolean breaks = line.text().endsWith(" ") && !line.text().isBlank();
        if (!breaks || wrapped.size() >= MAX_JOINED) {
            wrapped.clear();
        }
        if (breaks && wrapped.isEmpty()) {
            wrapped.add(line);
        }
        if (ERROR_LOOKING.matcher(line.text()).find()) {
            errorLines.addLast(line);
            if (errorLines.size() > ERROR_LINES_KEPT) {
                errorLines.removeFirst();
            }
        }
    }

    private void matchAll(LogLine line) {
        for (Cause c : matcher.matching(line.text())) {
            firstMatch.putIfAbsent(c.id(), new Match(c, line, seen));
        }
    }

    /**
     * The causes that matched, ranked: wrappers and cascades dropped (they only point at the real failure), causes
     * another matched cause supersedes dropped, then the highest priority first, a later match first among equals.
     */
    public Diagnosis result() {
        Set<String> superseded = new HashSet<>();
        firstMatch.values().forEach(m -> superseded.addAll(m.cause().supersedes()));
        List<Match> ranked = firstMatch.values().stream()
                .filter(m -> m.cause().canHeadline() && !superseded.contains(m.cause().id()))
                .sorted(Comparator.comparingInt((Match m) -> m.cause().priority()).reversed()
                        .thenComparing(Comparator.comparingInt(Match::order).reversed()))
                .toList();
        return new Diagnosis(ranked, List.copyOf(errorLines));
    }
}
