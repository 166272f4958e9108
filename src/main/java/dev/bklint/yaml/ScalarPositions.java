package dev.bklint.yaml;

import dev.bklint.source.SourceFile;
import java.util.Arrays;

/**
 * Maps character offsets inside a scalar's value back to offsets in the source text, so that a finding about
 * one word of a multi-line command points at that word. It aligns the value with the written text, skipping
 * indentation, quotes and escape backslashes; where they cannot be aligned it falls back to the last match.
 */
public final class ScalarPositions {
    private static final int LOOKAHEAD = 6;

    private final String text;
    private final String value;
    private final int end;
    /** Source offsets of the value offsets below {@code next} (grown as they are aligned); the rest are not yet. */
    private int[] map;
    private int next;
    private int pos;

    private ScalarPositions(SourceFile source, YScalar scalar) {
        this.text = source.text();
        this.value = scalar.value();
        int start = source.offset(scalar.span().line(), scalar.span().column());
        this.end = Math.max(start, source.offset(scalar.span().endLine(), scalar.span().endColumn()));
        int p = start;
        if (scalar.isBlock()) {
            int nl = text.indexOf('\n', start);
            p = nl < 0 || nl >= end ? end : nl + 1;
        } else if (scalar.style() != YScalar.Style.PLAIN) {
            p = Math.min(end, start + 1);
        }
        this.pos = p;
        this.map = new int[Math.min(value.length() + 1, 64)];
    }

    /** Source offsets for value offsets 0..length (the last entry is the offset after the value). */
    public static int[] map(SourceFile source, YScalar scalar) {
        ScalarPositions positions = new ScalarPositions(source, scalar);
        positions.at(scalar.value().length());
        return positions.map; // grown to exactly length + 1 entries
    }

    /**
     * The same mapping, aligned only as far as it is asked for: a command's spans are mostly near its start, and
     * aligning a long script to its end for each of them costs more than the rest of the lint of the step.
     */
    public static ScalarPositions of(SourceFile source, YScalar scalar) {
        return new ScalarPositions(source, scalar);
    }

    /** The source offset of value offset {@code index} (0..length), as {@link #map} has it. */
    public int at(int index) {
        while (next <= index) {
            align();
        }
        return map[index];
    }

    /** Aligns the next value character (or, after the last, the end). */
    private void align() {
        int i = next++;
        if (i == map.length) {
            map = Arrays.copyOf(map, Math.min(value.length() + 1, map.length * 2));
        }
        if (i == value.length()) {
            map[i] = Math.min(pos, end);
            return;
        }
        char c = value.charAt(i);
        if (Character.isWhitespace(c)) {
            map[i] = Math.min(pos, end);
            if (pos < end && text.charAt(pos) == c) {
                pos++;
            }
            return;
        }
        int p = pos;
        while (p < end && text.charAt(p) != c && skippable(text.charAt(p))) {
            p++;
        }
        if (p >= end || text.charAt(p) != c) {
            p = lookAhead(text, pos, end, c);
        }
        if (p >= 0 && p < end && text.charAt(p) == c) {
            map[i] = p;
            pos = p + 1;
        } else {
            map[i] = Math.min(pos, end);
        }
    }

    private static boolean skippable(char c) {
        return Character.isWhitespace(c) || c == '\'' || c == '"' || c == '\\';
    }

    private static int lookAhead(String text, int from, int end, char c) {
        for (int p = from; p < Math.min(end, from + LOOKAHEAD); p++) {
            if (text.charAt(p) == c) {
                return p;
            }
        }
        return -1;
    }
}
