package dev.bklint.suppression;

import dev.bklint.finding.Finding;
import dev.bklint.source.SourceFile;
import dev.bklint.source.Span;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import dev.bklint.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code # bklint-ignore BKnnn[,BKnnn] reason} comments: on the line above a key, or at the end of its line, they
 * suppress those rules for that YAML node and everything under it; {@code # bklint-ignore-file} for the whole
 * file. Only real YAML comments count: a {@code #} inside a scalar (a command block, a quoted string) is text.
 */
public final class Suppressions {
    /** Text that every directive contains. */
    private static final String MARKER = "bklint-ignore";

    /** One suppression comment, where it applies, and whether it was used. */
    public static final class Suppression {
        private final List<String> rules;
        private final String reason;
        private final Span comment;
        private final Span scope;
        private boolean used;

        Suppression(List<String> rules, String reason, Span comment, Span scope) {
            this.rules = rules;
            this.reason = reason;
            this.comment = comment;
            this.scope = scope;
        }

        public List<String> rules() {
            return rules;
        }

        public String reason() {
            return reason;
        }

        public Span comment() {
            return comment;
        }

        /** Null for a whole-file suppression. */
        public Span scope() {
            return scope;
        }

        public boolean used() {
            return used;
        }
    }

    private final List<Suppression> all;

    private Suppressions(List<Suppression> all) {
        this.all = all;
    }

    public List<Suppression> all() {
        return all;
    }

    public static Suppressions find(SourceFile source, List<YamlDocument> documents) {
        List<Suppression> found = new ArrayList<>();
        // A directive is on a line that says bklint-ignore: only those lines are read, and only when there are
        // any are the spans of the YAML nodes collected.
        String all = source.text();
        int at = all.indexOf(MARKER);
        if (at < 0) {
            return new Suppressions(found);
        }
        List<Span> scalars = new ArrayList<>();
        Map<Integer, Span> widest = new HashMap<>();
        for (YamlDocument d : documents) {
            collect(d.root(), scalars, widest);
        }
        Intervals inScalars = new Intervals(scalars);
        int[] nextContent = null;
        for (int previous = 0; at >= 0; at = all.indexOf(MARKER, at + MARKER.length())) {
            int line = source.lineOf(at);
            if (line == previous) {
                continue;
            }
            previous = line;
            String text = source.line(line);
            int hash = commentStart(text, line, inScalars);
            if (hash < 0) {
                continue;
            }
            Directive directive = Directive.parse(text, hash);
            if (directive == null) {
                continue;
            }
            Span comment = new Span(line, hash + 1, line, text.length() + 1);
            Span scope = null;
            if (!directive.wholeFile()) {
                boolean trailing = !text.substring(0, hash).isBlank();
                if (!trailing && nextContent == null) {
                    nextContent = nextContentLines(source, inScalars);
                }
                int target = trailing ? line : nextContent[line];
                scope = target < 0 ? null : widest.get(target);
                if (scope == null) {
                    continue;
                }
            }
            found.add(new Suppression(directive.rules(), directive.reason(), comment, scope));
        }
        return new Suppressions(found);
    }

    /**
     * {@code # bklint-ignore[-file] BKnnn[, BKnnn]... reason}, read by hand: a regular expression with a repeated
     * group recurses once per rule id, so a comment listing thousands of them overflowed the stack.
     */
    private record Directive(boolean wholeFile, List<String> rules, String reason) {
        private static final Pattern HEAD = Pattern.compile("#\\s*bklint-ignore(-file)?\\s+");

        static Directive parse(String line, int hash) {
            Matcher m = HEAD.matcher(line).region(hash, line.length());
            if (!m.lookingAt() || !isRule(line, m.end())) {
                return null;
            }
            List<String> rules = new ArrayList<>();
            int at = m.end();
            int end;
            while (true) {
                rules.add(line.substring(at, at + 5));
                end = at + 5;
                int comma = skipSpaces(line, end);
                if (comma >= line.length() || line.charAt(comma) != ',' || !isRule(line, skipSpaces(line, comma + 1))) {
                    break;
                }
                at = skipSpaces(line, comma + 1);
            }
            return new Directive(m.group(1) != null, List.copyOf(rules), line.substring(end).strip());
        }

        private static boolean isRule(String line, int at) {
            return line.startsWith("BK", at) && at + 5 <= line.length() && digit(line.charAt(at + 2))
                    && digit(line.charAt(at + 3)) && digit(line.charAt(at + 4));
        }

        private static boolean digit(char c) {
            return c >= '0' && c <= '9';
        }

        private static int skipSpaces(String line, int at) {
            while (at < line.length() && Character.isWhitespace(line.charAt(at))) {
                at++;
            }
            return at;
        }
    }

    /**
     * Drops suppressed findings, marking the suppressions that did something. Per rule, findings and scopes are
     * sorted once, so each finding and each suppression is a binary search: thousands of both stay fast.
     */
    public List<Finding> apply(List<Finding> findings) {
        Map<String, List<Suppression>> byRule = new HashMap<>();
        for (Suppression s : all) {
            for (String rule : s.rules) {
                byRule.computeIfAbsent(rule, r -> new ArrayList<>()).add(s);
            }
        }
        Map<String, List<Long>> pointsByRule = new HashMap<>();
        for (Finding f : findings) {
            if (byRule.containsKey(f.rule())) {
                pointsByRule.computeIfAbsent(f.rule(), r -> new ArrayList<>()).add(pointOf(f));
            }
        }
        Map<String, Intervals> scopes = new HashMap<>();
        for (Map.Entry<String, List<Suppression>> e : byRule.entrySet()) {
            List<Span> spans = new ArrayList<>();
            for (Suppression s : e.getValue()) {
                spans.add(s.scope == null ? WHOLE_FILE : s.scope);
            }
            scopes.put(e.getKey(), new Intervals(spans));
            long[] points = pointsByRule.getOrDefault(e.getKey(), List.of()).stream().mapToLong(Long::longValue)
                    .sorted().toArray();
            for (Suppression s : e.getValue()) {
                Span scope = s.scope == null ? WHOLE_FILE : s.scope;
                int i = lowerBound(points, position(scope.line(), scope.column()));
                if (i < points.length && points[i] <= position(scope.endLine(), scope.endColumn())) {
                    s.used = true;
                }
            }
        }
        List<Finding> kept = new ArrayList<>();
        for (Finding f : findings) {
            Intervals in = scopes.get(f.rule());
            if (in == null || !in.containsInclusive(pointOf(f))) {
                kept.add(f);
            }
        }
        return kept;
    }

    private static final Span WHOLE_FILE = new Span(0, 0, Integer.MAX_VALUE, Integer.MAX_VALUE);

    private static long pointOf(Finding f) {
        return position(f.span().line(), f.span().column());
    }

    static long position(int line, int column) {
        return ((long) line << 32) | (column & 0xffffffffL);
    }

    private static int lowerBound(long[] sorted, long key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Spans sorted by start with the furthest end so far, answering "does any span hold this point" with one
     * binary search, however the spans nest or overlap.
     */
    private static final class Intervals {
        private final long[] starts;
        private final long[] furthestEnd;

        Intervals(List<Span> spans) {
            List<Span> sorted = new ArrayList<>(spans);
            sorted.sort(null);
            starts = new long[sorted.size()];
            furthestEnd = new long[sorted.size()];
            long furthest = Long.MIN_VALUE;
            for (int i = 0; i < sorted.size(); i++) {
                Span s = sorted.get(i);
                starts[i] = position(s.line(), s.column());
                furthest = Math.max(furthest, position(s.endLine(), s.endColumn()));
                furthestEnd[i] = furthest;
            }
        }

        /** Some span starts at or before the point and ends after it (a span ending at the point does not hold it). */
        boolean containsStrictly(long point) {
            int i = lowerBound(starts, point + 1) - 1;
            return i >= 0 && furthestEnd[i] > point;
        }

        /** Some span starts at or before the point and ends at or after it, as {@link Span#contains} counts. */
        boolean containsInclusive(long point) {
            int i = lowerBound(starts, point + 1) - 1;
            return i >= 0 && furthestEnd[i] >= point;
        }
    }

    /** The column (0-based) of a comment's {@code #} on a line, or -1; a # inside a scalar is not a comment. */
    private static int commentStart(String text, int line, Intervals scalars) {
        for (int i = text.indexOf('#'); i >= 0; i = text.indexOf('#', i + 1)) {
            if (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
                continue;
            }
            if (!scalars.containsStrictly(position(line, i + 1))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * For each line, the first line from it on with content (not blank, not only a comment), or -1: one pass from
     * the end, so that a run of thousands of directive lines does not rescan the run for each.
     */
    private static int[] nextContentLines(SourceFile source, Intervals scalars) {
        int[] next = new int[source.lineCount() + 2];
        next[source.lineCount() + 1] = -1;
        for (int l = source.lineCount(); l >= 1; l--) {
            String t = source.line(l).strip();
            boolean content = !t.isEmpty() && !(t.startsWith("#") && commentStart(source.line(l), l, scalars) >= 0);
            next[l] = content ? l : next[l + 1];
        }
        // nextContent[line] is asked for the line of a directive itself, which is a comment: start after it.
        int[] after = new int[next.length];
        for (int l = 0; l < next.length - 1; l++) {
            after[l] = next[l + 1];
        }
        after[next.length - 1] = -1;
        return after;
    }

    /** Records the widest node (an entry from its key, or a list item) starting on a line, leftmost first. */
    private static void widest(Map<Integer, Span> widest, Span s) {
        Span best = widest.get(s.line());
        if (best == null || s.column() < best.column() || s.column() == best.column() && endsAfter(s, best)) {
            widest.put(s.line(), s);
        }
    }

    private static boolean endsAfter(Span a, Span b) {
        return a.endLine() > b.endLine() || a.endLine() == b.endLine() && a.endColumn() > b.endColumn();
    }

    private static void collect(YNode node, List<Span> scalars, Map<Integer, Span> nodes) {
        if (node == null || node.via() != null) {
            return; // alias copies repeat what is written elsewhere
        }
        if (node instanceof YScalar) {
            scalars.add(node.span());
            widest(nodes, node.span());
        } else if (node instanceof YSeq seq) {
            for (YNode item : seq.items()) {
                widest(nodes, item.span());
                collect(item, scalars, nodes);
            }
        } else if (node instanceof YMap map) {
            for (YEntry e : map.entries()) {
                if (e.merged()) {
                    continue;
                }
                Span k = e.key().span();
                Span v = e.value().span();
                widest(nodes, new Span(k.line(), k.column(), v.endLine(), v.endColumn()));
                collect(e.key(), scalars, nodes);
                collect(e.value(), scalars, nodes);
            }
        }
    }
}
