package dev.bklint.source;

/**
 * A region of a source file. Lines and columns are 1-based; the end column is exclusive
 * (it names the character after the last one), as in SARIF.
 */
public record Span(int line, int column, int endLine, int endColumn) implements Comparable<Span> {

    public static Span point(int line, int column) {
        return new Span(line, column, line, column);
    }

    public boolean contains(Span other) {
        return compare(line, column, other.line, other.column) <= 0
                && compare(endLine, endColumn, other.endLine, other.endColumn) >= 0;
    }

    private static int compare(int l1, int c1, int l2, int c2) {
        return l1 != l2 ? Integer.compare(l1, l2) : Integer.compare(c1, c2);
    }

    @Override
    public int compareTo(Span o) {
        int c = compare(line, column, o.line, o.column);
        return c != 0 ? c : compare(endLine, endColumn, o.endLine, o.endColumn);
    }

    @Override
    public String toString() {
        return line + ":" + column + "-" + endLine + ":" + endColumn;
    }
}
