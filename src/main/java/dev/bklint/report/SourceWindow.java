package dev.bklint.report;

import dev.bklint.text.Surrogates;
/**
 * A source line as the text report quotes it: at most {@link #MAX_UNITS} characters around the span (a longer line,
 * such as generated YAML or a 1 MB key, is cut with {@code …} at either end), unsafe characters shown as
 * {@link SafeText} escapes, tabs as one space, and where the caret line must start and how wide it is, in terminal
 * columns: an escape takes as many columns as it has characters, an East Asian wide character or an emoji two, a
 * combining mark none. A cut never splits a surrogate pair.
 *
 * @param text        what to print after the gutter
 * @param caretColumn how many columns to indent the carets
 * @param caretWidth  how many carets (at least one)
 */
public record SourceWindow(String text, int caretColumn, int caretWidth) {
    /** Source characters quoted at most; a quarter of them before the span. */
    public static final int MAX_UNITS = 160;
    private static final String CUT = "…";

    /**
     * The window of {@code line} for a span from {@code column} to {@code endColumn} (1-based, end exclusive, UTF-16
     * units); {@code endColumn} past the line (a span that goes on to later lines) marks to the line's end.
     */
    public static SourceWindow of(String line, int column, int endColumn) {
        int length = line.length();
        int start = Math.min(length, Math.max(0, column - 1));
        int end = Math.min(length, Math.max(start, endColumn - 1));
        int from = 0;
        int to = length;
        if (length > MAX_UNITS) {
            from = Surrogates.pairStart(line, Math.max(0, Math.min(start - MAX_UNITS / 4, length - MAX_UNITS)));
            to = Surrogates.pairStart(line, Math.min(length, from + MAX_UNITS));
        }
        StringBuilder text = new StringBuilder(Math.min(length, MAX_UNITS) + 8);
        int width = 0;
        if (from > 0) {
            text.append(CUT);
            width++;
        }
        int caretStart = -1;
        int caretEnd = -1;
        int i = from;
        while (i < to) {
            int cp = line.codePointAt(i);
            int units = Character.charCount(cp);
            if (units == 2 && i + 1 >= to) {
                units = 1; // a lone high surrogate at the very end
                cp = line.charAt(i);
            }
            if (caretStart < 0 && start < i + units) {
                caretStart = width; // also a span that starts before the window, or inside this code point
            }
            if (caretEnd < 0 && end <= i) {
                caretEnd = width;
            }
            if (cp == '\t') {
                text.append(' ');
                width++;
            } else if (cp < 0x10000 && (SafeText.isUnsafe((char) cp) || Character.isSurrogate((char) cp))) {
                String escaped = SafeText.escape((char) cp);
                text.append(escaped);
                width += escaped.length();
            } else {
                text.appendCodePoint(cp);
                width += columns(cp);
            }
            i += units;
        }
        int lineEnd = width;
        if (to < length) {
            text.append(CUT);
        }
        if (caretStart < 0) {
            caretStart = lineEnd;
        }
        if (caretEnd < 0) {
            caretEnd = end > to ? lineEnd + 1 : lineEnd; // under the closing … when the span goes on past it
        }
        return new SourceWindow(text.toString(), caretStart, Math.max(1, caretEnd - caretStart));
    }

    /**
     * Terminal columns of a printable code point, after Markus Kuhn's wcwidth: none for combining marks and
     * zero-width format characters, two for East Asian wide and full-width characters and emoji, else one.
     */
    static int columns(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || cp >= 0x1160 && cp <= 0x11FF) {
            return 0;
        }
        boolean wide = cp >= 0x1100 && (cp <= 0x115F || cp == 0x2329 || cp == 0x232A
                || cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F
                || cp >= 0xAC00 && cp <= 0xD7A3
                || cp >= 0xF900 && cp <= 0xFAFF
                || cp >= 0xFE30 && cp <= 0xFE6F
                || cp >= 0xFF00 && cp <= 0xFF60
                || cp >= 0xFFE0 && cp <= 0xFFE6
                || cp >= 0x1F300 && cp <= 0x1F64F
                || cp >= 0x1F680 && cp <= 0x1F6FF
                || cp >= 0x1F900 && cp <= 0x1F9FF
                || cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
