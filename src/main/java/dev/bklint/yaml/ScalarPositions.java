package dev.bklint.yaml;

import dev.bklint.source.SourceFile;

/**
 * Maps character offsets inside a scalar's value back to offsets in the source text, so that a finding about
 * one word of a multi-line command points at that word. It aligns the value with the written text, skipping
 * indentation, quotes and escape backslashes; where they cannot be aligned it falls back to the last match.
 */
public final class ScalarPositions {
    private static final int LOOKAHEAD = 6;

    private ScalarPositions() {
    }

    /** Source offsets for value offsets 0..length (the last entry is the offset after the value). */
    public static int[] map(SourceFile source, YScalar scalar) {
        String text = source.text();
        String value = scalar.value();
        int start = source.offset(scalar.span().line(), scalar.span().column());
        int end = Math.max(start, source.offset(scalar.span().endLine(), scalar.span().endColumn()));
        int pos = start;
        if (scalar.isBlock()) {
            int nl = text.indexOf('\n', start);
            pos = nl < 0 || nl >= end ? end : nl + 1;
        } else if (scalar.style() != YScalar.Style.PLAIN) {
            pos = Math.min(end, start + 1);
        }
        int[] map = new int[value.length() + 1];
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c)) {
                map[i] = Math.min(pos, end);
                if (pos < end && text.charAt(pos) == c) {
                    pos++;
                }
                continue;
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
        map[value.length()] = Math.min(pos, end);
        return map;
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
