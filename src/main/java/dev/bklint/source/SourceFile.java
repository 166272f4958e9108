package dev.bklint.source;

import java.util.Arrays;

/** The text of one input, with the name it is reported under and an index of its lines. */
public final class SourceFile {
    private final String path;
    private final String text;
    /** The offset each line starts at, in order; only the first {@code lines} entries are used. */
    private final int[] lineStarts;
    private final int lines;

    public SourceFile(String path, String text) {
        this.path = path;
        this.text = text;
        int[] starts = new int[16];
        int count = 1;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= length || text.charAt(i + 1) != '\n')) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = starts;
        this.lines = count;
    }

    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lines;
    }

    /** The text of a 1-based line without its line break; empty when out of range. */
    public String line(int line) {
        if (line < 1 || line > lines) {
            return "";
        }
        int start = lineStarts[line - 1];
        int end = line < lines ? lineStarts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Character offset of a 1-based line and column (column counted in UTF-16 units). */
    public int offset(int line, int column) {
        if (line < 1) {
            return 0;
        }
        if (line > lines) {
            return text.length();
        }
        return Math.min(text.length(), lineStarts[line - 1] + Math.max(0, column - 1));
    }

    /** 1-based line of a character offset. */
    public int lineOf(int offset) {
        int lo = 0;
        int hi = lines - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** 1-based column of a character offset. */
    public int columnOf(int offset) {
        return offset - lineStarts[lineOf(offset) - 1] + 1;
    }

    public Span spanOf(int startOffset, int endOffset) {
        int line = lineOf(startOffset);
        int endLine = endOffset == startOffset ? line : lineOf(endOffset);
        return new Span(line, startOffset - lineStarts[line - 1] + 1, endLine, endOffset - lineStarts[endLine - 1] + 1);
    }
}
