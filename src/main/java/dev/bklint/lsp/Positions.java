package dev.bklint.lsp;

import dev.bklint.source.Span;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * bklint's spans are 1-based with an exclusive end column, counted in UTF-16 code units; the protocol's positions
 * are 0-based, also in UTF-16 code units (its default encoding), so the conversion is a shift by one.
 */
final class Positions {
    private Positions() {
    }

    static Range range(Span span) {
        return new Range(new Position(span.line() - 1, span.column() - 1),
                new Position(span.endLine() - 1, span.endColumn() - 1));
    }

    /** Whether the protocol range {@code r} and {@code span} share a character, or touch at an empty range. */
    static boolean overlaps(Span span, Range r) {
        Range s = range(span);
        return !before(s.getEnd(), r.getStart()) && !before(r.getEnd(), s.getStart());
    }

    static boolean contains(Span span, Position p) {
        Range s = range(span);
        return !before(p, s.getStart()) && before(p, s.getEnd()) || s.getStart().equals(p);
    }

    private static boolean before(Position a, Position b) {
        return a.getLine() < b.getLine() || a.getLine() == b.getLine() && a.getCharacter() < b.getCharacter();
    }
}
