package dev.bklint.yaml;

import dev.bklint.finding.Edit;
import dev.bklint.source.SourceFile;
import dev.bklint.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds text edits that change a YAML file the way a person would: replacing a value in place, or adding
 * keys to a block mapping with that mapping's indentation. Flow-style mappings are not edited (the fix is
 * then described, not applied).
 */
public final class YamlEdits {
    private YamlEdits() {
    }

    /** Replaces a node's text. */
    public static Edit replace(YNode node, String text) {
        return new Edit(node.span(), text);
    }

    /**
     * Deletes a whole entry with its lines; null when the entry shares a line with other content (a flow
     * mapping, or a list item's first key) and so cannot be cut out by lines.
     */
    public static Edit deleteEntry(YEntry entry) {
        SourceFile source = entry.key().source();
        Span k = entry.key().span();
        Span v = entry.value().span();
        String before = source.line(k.line()).substring(0, Math.min(k.column() - 1, source.line(k.line()).length()));
        String afterLine = source.line(v.endLine());
        String after = afterLine.substring(Math.min(v.endColumn() - 1, afterLine.length())).strip();
        if (!before.isBlank() || !(after.isEmpty() || after.startsWith("#"))) {
            return null;
        }
        int from = source.offset(k.line(), 1);
        int to = source.offset(v.endLine() + 1, 1);
        return new Edit(source.spanOf(from, to), "");
    }

    /**
     * Sets {@code path} (keys, outermost first) to {@code value} under a block mapping: walks the keys that
     * exist and inserts the rest as nested lines, or replaces the value when the whole path exists.
     * Returns an empty list when the text cannot be edited safely.
     */
    public static List<Edit> set(YMap map, List<String> path, String value) {
        YMap current = map;
        for (int i = 0; i < path.size(); i++) {
            YEntry e = current.entry(path.get(i));
            if (e == null || e.merged()) {
                return insertBlock(current, snippet(path.subList(i, path.size()), value));
            }
            if (i == path.size() - 1) {
                return List.of(replace(e.value(), value));
            }
            if (!(e.value() instanceof YMap next) || next.isEmpty() || next.isFlow()) {
                return List.of();
            }
            current = next;
        }
        return List.of();
    }

    /** Lines that {@link #set} would add below a mapping whose keys sit at column 0, for messages. */
    public static String snippet(List<String> path, String value) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < path.size(); i++) {
            b.append("  ".repeat(i)).append(path.get(i)).append(':');
            if (i == path.size() - 1) {
                b.append(' ').append(value);
            } else {
                b.append('\n');
            }
        }
        return b.toString();
    }

    /**
     * Inserts lines (written as if the mapping's keys sat at column 0) after a block mapping's last entry,
     * indented like its keys. Returns an empty list when the mapping cannot be edited safely.
     */
    public static List<Edit> insertBlock(YMap map, String block) {
        if (map.isFlow() || map.isEmpty()) {
            return List.of();
        }
        YEntry first = null;
        YEntry last = null;
        for (YEntry e : map.entries()) {
            if (e.merged()) {
                continue;
            }
            if (first == null) {
                first = e;
            }
            last = e;
        }
        if (first == null) {
            return List.of();
        }
        int indent = first.key().span().column() - 1;
        Span end = last.value().span();
        StringBuilder b = new StringBuilder();
        String[] lines = block.split("\n");
        for (String line : lines) {
            b.append('\n').append(" ".repeat(indent)).append(line);
        }
        List<Edit> edits = new ArrayList<>();
        edits.add(new Edit(Span.point(end.endLine(), end.endColumn()), b.toString()));
        return edits;
    }

    /** Appends an item (written as if its dash sat at column 0) to a block sequence, at the items' indentation. */
    public static List<Edit> append(YSeq seq, String item) {
        if (seq.isFlow() || seq.size() == 0) {
            return List.of();
        }
        YNode last = seq.items().get(seq.size() - 1);
        YNode first = seq.items().get(0);
        SourceFile source = first.source();
        String line = source.line(first.span().line());
        int dash = line.lastIndexOf('-', first.span().column() - 1);
        if (dash < 0) {
            return List.of();
        }
        StringBuilder b = new StringBuilder();
        for (String l : item.split("\n")) {
            b.append('\n').append(" ".repeat(dash)).append(l);
        }
        return List.of(new Edit(Span.point(last.span().endLine(), last.span().endColumn()), b.toString()));
    }
}
