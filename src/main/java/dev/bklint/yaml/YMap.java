package dev.bklint.yaml;

import dev.bklint.source.SourceFile;
import dev.bklint.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;

/**
 * A YAML mapping after merge keys are applied: the entries written in the mapping first (for a repeated
 * key, the last value at the first key's place, as Buildkite keeps it), then merged entries whose keys
 * the mapping does not set.
 */
public final class YMap extends YNode {
    private final List<YEntry> entries;
    /** The list the entries were given in, read by index for key lookups (no iterator to allocate). */
    private final List<YEntry> given;
    private final boolean flow;

    public YMap(List<YEntry> entries, boolean flow, SourceFile source, Span span, Span via) {
        super(source, span, via);
        this.entries = Collections.unmodifiableList(entries);
        this.given = entries instanceof RandomAccess ? entries : this.entries;
        this.flow = flow;
    }

    public List<YEntry> entries() {
        return entries;
    }

    public boolean isFlow() {
        return flow;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public YEntry entry(String key) {
        List<YEntry> list = given;
        for (int i = 0, n = list.size(); i < n; i++) {
            YEntry e = list.get(i);
            if (key.equals(e.keyText())) {
                return e;
            }
        }
        return null;
    }

    public YNode get(String key) {
        YEntry e = entry(key);
        return e == null ? null : e.value();
    }

    public boolean has(String key) {
        return entry(key) != null;
    }

    public YMap getMap(String key) {
        YNode n = get(key);
        return n == null ? null : n.asMap();
    }

    public YSeq getSeq(String key) {
        YNode n = get(key);
        return n == null ? null : n.asSeq();
    }

    public YScalar getScalar(String key) {
        YNode n = get(key);
        return n == null ? null : n.asScalar();
    }

    /** The value of a scalar entry as text; null when absent, null-valued or not a scalar. */
    public String string(String key) {
        YScalar s = getScalar(key);
        return s == null || s.isNull() ? null : s.value();
    }

    @Override
    YNode copyVia(Span usedAt, NodeBudget budget) {
        budget.copied(0);
        List<YEntry> copies = new ArrayList<>(entries.size());
        for (YEntry e : entries) {
            copies.add(new YEntry(e.key().copyVia(usedAt, budget), e.value().copyVia(usedAt, budget), e.merged()));
        }
        return new YMap(copies, flow, source(), span(), usedAt);
    }

    @Override
    public String kindName() {
        return "a mapping";
    }
}
