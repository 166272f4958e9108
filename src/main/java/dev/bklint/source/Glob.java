package dev.bklint.source;

import java.util.ArrayList;
import java.util.List;

/**
 * A path glob in the syntax of {@code FileSystem.getPathMatcher("glob:...")} ({@code *} within a folder name,
 * {@code **} across folders, {@code ?}, {@code [a-z]}, {@code [!a]}, {@code {a,b}}, {@code \} escapes), matched
 * without regular expressions. The JDK compiles a glob to a backtracking regular expression, so a pattern such as
 * {@code *a*a*a*a*b} from a pull request's own configuration takes exponential time against a long name. Here the
 * glob becomes a small automaton whose states are followed all at once: a match costs at most (name length + 1)
 * × (states), and states grow with the pattern, which is capped at {@value #MAX_LENGTH} characters.
 */
public final class Glob {
    public static final int MAX_LENGTH = 1024;

    private static final int LITERAL = 0;
    private static final int ONE = 1;
    private static final int CLASS = 2;
    private static final int STAR = 3;
    private static final int ANY = 4;
    private static final int SPLIT = 5;
    private static final int MATCH = 6;

    private final String text;
    private final int[] kind;
    private final int[] codePoint;
    private final int[][] ranges;
    private final boolean[] negated;
    private final int[] next;
    private final int[][] alternatives;
    private final int start;
    /** Moves that read no character: at most one per state plus one per group alternative (bounds the stack). */
    private final int edges;

    /** A glob that cannot be compiled: the message names the problem and the 1-based character it is at. */
    public static final class GlobError extends IllegalArgumentException {
        public GlobError(String message) {
            super(message, null);
        }
    }

    private Glob(String text, Builder b, int start) {
        this.text = text;
        int n = b.kind.size();
        kind = new int[n];
        codePoint = new int[n];
        ranges = new int[n][];
        negated = new boolean[n];
        next = new int[n];
        alternatives = new int[n][];
        for (int i = 0; i < n; i++) {
            kind[i] = b.kind.get(i);
            codePoint[i] = b.codePoint.get(i);
            ranges[i] = b.ranges.get(i);
            negated[i] = b.negated.get(i);
            next[i] = b.next.get(i);
            alternatives[i] = b.alternatives.get(i);
        }
        this.start = start;
        int count = n;
        for (int[] alts : alternatives) {
            count += alts == null ? 0 : alts.length;
        }
        this.edges = count;
    }

    public static Glob compile(String glob) {
        if (glob.length() > MAX_LENGTH) {
            throw new GlobError("the pattern is " + glob.length() + " characters long, over the " + MAX_LENGTH
                    + " limit");
        }
        List<Object> sequence = new Parser(glob).sequence(false);
        Builder b = new Builder();
        int match = b.add(MATCH, 0, null, false, -1, null);
        return new Glob(glob, b, b.build(sequence, match));
    }

    @Override
    public String toString() {
        return text;
    }

    /** True when the whole of {@code path} (folders separated by {@code /}) matches. */
    public boolean matches(String path) {
        return run(path, null);
    }

    /** The number of automaton steps a match of {@code path} takes: grows linearly with the path. */
    public long work(String path) {
        long[] work = new long[1];
        run(path, work);
        return work[0];
    }

    private boolean run(String path, long[] work) {
        int n = kind.length;
        int[] current = new int[n];
        int[] following = new int[n];
        int[] mark = new int[n];
        int[] stack = new int[edges + 1];
        int generation = 1;
        int size = close(start, current, 0, mark, generation, stack);
        for (int i = 0; i < path.length() && size > 0; ) {
            int c = path.codePointAt(i);
            i += Character.charCount(c);
            generation++;
            int nextSize = 0;
            for (int k = 0; k < size; k++) {
                int s = current[k];
                int target = step(s, c);
                if (target >= 0) {
                    nextSize = close(target, following, nextSize, mark, generation, stack);
                }
            }
            if (work != null) {
                work[0] += size;
            }
            int[] swap = current;
            current = following;
            following = swap;
            size = nextSize;
        }
        for (int k = 0; k < size; k++) {
            if (kind[current[k]] == MATCH) {
                return true;
            }
        }
        return false;
    }

    /** The state reached from {@code s} on character {@code c}, or -1. */
    private int step(int s, int c) {
        switch (kind[s]) {
            case LITERAL: return c == codePoint[s] ? next[s] : -1;
            case ONE: return c != '/' ? next[s] : -1;
            case CLASS: return c != '/' && inClass(s, c) ? next[s] : -1;
            case STAR: return c != '/' ? s : -1;
            case ANY: return s;
            default: return -1;
        }
    }

    private boolean inClass(int s, int c) {
        int[] r = ranges[s];
        boolean in = false;
        for (int i = 0; i < r.length && !in; i += 2) {
            in = c >= r[i] && c <= r[i + 1];
        }
        return in != negated[s];
    }

    /** Adds {@code s} and every state reachable from it without reading a character; returns the new size. */
    private int close(int s, int[] list, int size, int[] mark, int generation, int[] stack) {
        int top = 0;
        stack[top++] = s;
        while (top > 0) {
            int t = stack[--top];
            if (mark[t] == generation) {
                continue;
            }
            mark[t] = generation;
            list[size++] = t;
            if (kind[t] == SPLIT) {
                for (int a : alternatives[t]) {
                    if (mark[a] != generation) {
                        stack[top++] = a;
                    }
                }
            } else if ((kind[t] == STAR || kind[t] == ANY) && mark[next[t]] != generation) {
                stack[top++] = next[t];
            }
        }
        return size;
    }

    /** Pieces of a parsed glob: a code point (Integer) is a literal; the rest are these records. */
    private record One() {
    }

    private record Star(boolean crossesFolders) {
    }

    @SuppressWarnings("ArrayRecordComponent") // never compared or hashed
    private record CharClass(int[] ranges, boolean negated) {
    }

    private record Group(List<List<Object>> alternatives) {
    }

    private static final class Parser {
        private final String glob;
        private int i;

        Parser(String glob) {
            this.glob = glob;
        }

        List<Object> sequence(boolean inGroup) {
            List<Object> items = new ArrayList<>();
            while (i < glob.length()) {
                int c = glob.codePointAt(i);
                if (inGroup && (c == ',' || c == '}')) {
                    return items;
                }
                i += Character.charCount(c);
                switch (c) {
                    case '\\' -> {
                        if (i >= glob.length()) {
                            throw error("nothing after the escape `\\`", i);
                        }
                        int e = glob.codePointAt(i);
                        i += Character.charCount(e);
                        items.add(e);
                    }
                    case '*' -> {
                        boolean twice = i < glob.length() && glob.charAt(i) == '*';
                        if (twice) {
                            i++;
                        }
                        items.add(new Star(twice));
                    }
                    case '?' -> items.add(new One());
                    case '[' -> items.add(charClass());
                    case '{' -> {
                        if (inGroup) {
                            throw error("a `{` group inside another", i);
                        }
                        items.add(group());
                    }
                    default -> items.add(c);
                }
            }
            return items;
        }

        private Group group() {
            int open = i;
            List<List<Object>> alternatives = new ArrayList<>();
            while (true) {
                alternatives.add(sequence(true));
                if (i >= glob.length()) {
                    throw error("`{` is never closed with `}`", open);
                }
                char c = glob.charAt(i++);
                if (c == '}') {
                    return new Group(alternatives);
                }
            }
        }

        /** {@code [...]} after its {@code [}: pairs of first and last code point, as the JDK reads a class. */
        private CharClass charClass() {
            int open = i;
            boolean negated = i < glob.length() && glob.charAt(i) == '!';
            if (negated) {
                i++;
            }
            List<int[]> pairs = new ArrayList<>();
            int rangeStart = -1; // the last single character, which a following `-` turns into a range
            while (i < glob.length()) {
                int c = glob.codePointAt(i);
                i += Character.charCount(c);
                if (c == ']') {
                    if (pairs.isEmpty()) {
                        throw error("`[]` matches no character", open);
                    }
                    int[] flat = new int[pairs.size() * 2];
                    for (int k = 0; k < pairs.size(); k++) {
                        flat[2 * k] = pairs.get(k)[0];
                        flat[2 * k + 1] = pairs.get(k)[1];
                    }
                    return new CharClass(flat, negated);
                }
                if (c == '/') {
                    throw error("`/` inside `[...]` (a class matches within one folder name)", i);
                }
                if (c != '-') {
                    pairs.add(new int[] {c, c});
                    rangeStart = c;
                    continue;
                }
                if (rangeStart < 0) {
                    throw error("`-` with no start of a range in `[...]`", i);
                }
                if (i >= glob.length() || glob.charAt(i) == ']') {
                    pairs.add(new int[] {'-', '-'}); // `[a-]`: a literal `-` before the end
                    rangeStart = -1;
                    continue;
                }
                int end = glob.codePointAt(i);
                i += Character.charCount(end);
                if (end < rangeStart) {
                    throw error("range `" + Character.toString(rangeStart) + "-" + Character.toString(end)
                            + "` runs backwards", i);
                }
                pairs.get(pairs.size() - 1)[1] = end;
                rangeStart = -1;
            }
            throw error("`[` is never closed with `]`", open);
        }

        private GlobError error(String what, int at) {
            return new GlobError(what + " at character " + at);
        }
    }

    /** The automaton, built back to front: each piece gets the state that follows it. */
    private static final class Builder {
        final List<Integer> kind = new ArrayList<>();
        final List<Integer> codePoint = new ArrayList<>();
        final List<int[]> ranges = new ArrayList<>();
        final List<Boolean> negated = new ArrayList<>();
        final List<Integer> next = new ArrayList<>();
        final List<int[]> alternatives = new ArrayList<>();

        int add(int k, int c, int[] r, boolean neg, int nxt, int[] alts) {
            kind.add(k);
            codePoint.add(c);
            ranges.add(r);
            negated.add(neg);
            next.add(nxt);
            alternatives.add(alts);
            return kind.size() - 1;
        }

        int build(List<Object> sequence, int follow) {
            int state = follow;
            for (int k = sequence.size() - 1; k >= 0; k--) {
                Object item = sequence.get(k);
                if (item instanceof Integer c) {
                    state = add(LITERAL, c, null, false, state, null);
                } else if (item instanceof One) {
                    state = add(ONE, 0, null, false, state, null);
                } else if (item instanceof CharClass cc) {
                    state = add(CLASS, 0, cc.ranges(), cc.negated(), state, null);
                } else if (item instanceof Star s) {
                    state = add(s.crossesFolders() ? ANY : STAR, 0, null, false, state, null);
                } else if (item instanceof Group g) {
                    int[] starts = new int[g.alternatives().size()];
                    for (int a = 0; a < starts.length; a++) {
                        starts[a] = build(g.alternatives().get(a), state);
                    }
                    state = add(SPLIT, 0, null, false, -1, starts);
                }
            }
            return state;
        }
    }
}
