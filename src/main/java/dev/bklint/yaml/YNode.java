package dev.bklint.yaml;

import dev.bklint.source.SourceFile;
import dev.bklint.source.Span;

/**
 * A node of a loaded YAML document. {@link #span()} is where the node is written; when the node was
 * reached through an alias or a merge key, {@link #via()} is where it is used.
 */
public abstract sealed class YNode permits YScalar, YMap, YSeq {
    private final SourceFile source;
    private final Span span;
    private final Span via;

    protected YNode(SourceFile source, Span span, Span via) {
        this.source = source;
        this.span = span;
        this.via = via;
    }

    /** The file the node is written in (a pipeline, or another file such as the controller's configuration). */
    public SourceFile source() {
        return source;
    }

    public Span span() {
        return span;
    }

    /** The alias (or merge key) through which this copy was reached, or null when read in place. */
    public Span via() {
        return via;
    }

    /** A copy of this subtree marked as used at {@code usedAt}. */
    abstract YNode copyVia(Span usedAt, NodeBudget budget);

    public YMap asMap() {
        return this instanceof YMap m ? m : null;
    }

    public YSeq asSeq() {
        return this instanceof YSeq s ? s : null;
    }

    public YScalar asScalar() {
        return this instanceof YScalar s ? s : null;
    }

    /** A short name of the node's kind, for messages ("a mapping", "a list", "a string"...). */
    public abstract String kindName();
}
