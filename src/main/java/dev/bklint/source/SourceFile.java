package dev.bklint.source;

import java.util.ArrayList;
import java.util.List;

/** The text of one input, with the name it is reported under and an index of its lines. */
public final class SourceFile {
    private final String path;
    private final String text;
    private final List<Integer> lineStarts = new ArrayList<>();

    public SourceFile(String path, String text) {
        this.path = path;
        this.text = text;
        lineStarts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lineStarts.add(i + 1);
            } else if (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                lineStarts.add(i + 1);
            }
        }
    }

    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.size();
    }

    /** The text of a 1-based line without its line break; empty when out of range. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.size()) {
            return "";
        }
        int start = lineStarts.get(line - 1);
        int end = line < lineStarts.size() ? lineStarts.get(line) : text.length();
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
        if (line > lineStarts.size()) {
            return text.length();
        }
        return Math.min(text.length(), lineStarts.get(line - 1) + Math.max(0, column - 1));
    }

    /** 1-based line of a character offset. */
    public int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts.get(mid) <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** 1-based column of a character offset. */
    public int columnOf(int offset) {
        return offset - lineStarts.get(lineOf(offset) - 1) + 1;
    }

    public Span spanOf(int startOffset, int endOffset) {
        return new Span(lineOf(startOffset), columnOf(startOffset), lineOf(endOffset), columnOf(endOffset));
    }
}
