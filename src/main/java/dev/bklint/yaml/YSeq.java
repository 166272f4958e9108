package dev.bklint.yaml;

import dev.bklint.source.SourceFile;
import dev.bklint.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A YAML sequence. */
public final class YSeq extends YNode {
    private final List<YNode> items;
    private final boolean flow;

    public YSeq(List<YNode> items, boolean flow, SourceFile source, Span span, Span via) {
        super(source, span, via);
        this.items = Collections.unmodifiableList(items);
        this.flow = flow;
    }

    public List<YNode> items() {
        return items;
    }

    public boolean isFlow() {
        return flow;
    }

    public int size() {
        return items.size();
    }

    @Override
    YNode copyVia(Span usedAt, NodeBudget budget) {
        budget.copied(0);
        List<YNode> copies = new ArrayList<>(items.size());
        for (YNode item : items) {
            copies.add(item.copyVia(usedAt, budget));
        }
        return new YSeq(copies, flow, source(), span(), usedAt);
    }

    @Override
    public String kindName() {
        return "a list";
    }
}
