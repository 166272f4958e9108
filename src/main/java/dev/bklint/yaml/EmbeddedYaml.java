package dev.bklint.yaml;

import dev.bklint.source.SourceFile;
import dev.bklint.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * YAML (or JSON) written inside a string scalar, such as an Argo {@code podSpecPatch}, read with every node placed
 * where its text is written in the outer file, so that a finding about the embedded text points into the file.
 */
public final class EmbeddedYaml {
    private final SourceFile outer;
    private final SourceFile inner;
    private final int[] offsets;

    private EmbeddedYaml(YScalar scalar) {
        this.outer = scalar.source();
        this.inner = new SourceFile(outer.path(), scalar.value());
        this.offsets = ScalarPositions.map(outer, scalar);
    }

    /** The one document the scalar holds, placed in the outer file; null when it does not parse or is empty. */
    public static YNode parse(YScalar scalar) {
        if (scalar == null || scalar.isNull() || scalar.source() == null) {
            return null;
        }
        EmbeddedYaml e = new EmbeddedYaml(scalar);
        List<YamlDocument> documents;
        try {
            documents = YamlLoader.load(e.inner);
        } catch (YamlSyntaxError err) {
            return null;
        }
        if (documents.size() != 1 || documents.get(0).root() == null) {
            return null;
        }
        return e.place(documents.get(0).root());
    }

    private YNode place(YNode node) {
        if (node == null) {
            return null;
        }
        Span span = place(node.span());
        if (node instanceof YScalar s) {
            return new YScalar(s.value(), s.style(), s.tag(), outer, span, null);
        }
        if (node instanceof YSeq seq) {
            List<YNode> items = new ArrayList<>();
            for (YNode item : seq.items()) {
                items.add(place(item));
            }
            return new YSeq(items, seq.isFlow(), outer, span, null);
        }
        YMap map = (YMap) node;
        List<YEntry> entries = new ArrayList<>();
        for (YEntry entry : map.entries()) {
            entries.add(new YEntry(place(entry.key()), place(entry.value()), entry.merged()));
        }
        return new YMap(entries, map.isFlow(), outer, span, null);
    }

    /** An inner span (offsets into the scalar's value) as the outer span that writes those characters. */
    private Span place(Span span) {
        int last = offsets.length - 1;
        int from = Math.min(last, inner.offset(span.line(), span.column()));
        int to = Math.min(last, inner.offset(span.endLine(), span.endColumn()));
        int start = offsets[from];
        int end = to > from ? offsets[to - 1] + 1 : start;
        return outer.spanOf(start, Math.max(start, end));
    }
}
