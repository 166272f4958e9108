package dev.bklint.fix;

import dev.bklint.finding.Edit;
import dev.bklint.finding.Finding;
import dev.bklint.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The edits one pass of {@code --fix} applies to one file: each chosen finding's edits are taken all together or
 * not at all. A finding whose edits collide with ones already taken is deferred: the next pass lints the fixed text
 * again, and the rule then computes its edits against it. Two block insertions at the same end of line are merged
 * rather than deferred (see {@link #mergeable}), which is how two rules fixing one anchored container both land in
 * one pass.
 */
final class EditPlan {
    /** An edit as character offsets into the file's text, its inserted text in the file's line ending. */
    record Change(int start, int end, String text) {
        boolean isInsertion() {
            return start == end;
        }
    }

    private final TreeMap<Integer, List<Change>> byStart = new TreeMap<>();
    private final List<Finding> fixed = new ArrayList<>();
    private int deferred;

    private EditPlan() {
    }

    /** The plan for {@code source}'s findings, taking fixes at the level {@code unsafeToo} allows. */
    static EditPlan of(SourceFile source, List<Finding> findings, boolean unsafeToo) {
        EditPlan plan = new EditPlan();
        String lineEnd = LineEnding.of(source.text());
        for (Finding f : findings) {
            if (f.fix() == null || f.fix().edits().isEmpty() || !f.fix().appliedWith(unsafeToo)
                    || !f.path().equals(source.path())) {
                continue;
            }
            List<Change> changes = new ArrayList<>();
            // Findings in content shared through an anchor carry the same edit once per use.
            for (Edit e : new LinkedHashSet<>(f.fix().edits())) {
                int start = source.offset(e.range().line(), e.range().column());
                int end = source.offset(e.range().endLine(), e.range().endColumn());
                changes.add(new Change(start, end, LineEnding.adapt(e.text(), lineEnd)));
            }
            plan.offer(f, changes, source.text());
        }
        return plan;
    }

    private void offer(Finding finding, List<Change> changes, String text) {
        List<Change> fresh = new ArrayList<>();
        for (Change c : changes) {
            if (c.start() > c.end()) {
                deferred++;
                return;
            }
            if (taken(c)) {
                continue;
            }
            if (collides(c, text) || collidesWithin(c, fresh)) {
                deferred++;
                return;
            }
            fresh.add(c);
        }
        for (Change c : fresh) {
            byStart.computeIfAbsent(c.start(), k -> new ArrayList<>()).add(c);
        }
        fixed.add(finding);
    }

    private boolean taken(Change c) {
        List<Change> same = byStart.get(c.start());
        return same != null && same.contains(c);
    }

    /** Does {@code c} overlap a change already taken (other than a mergeable insertion at the same place)? */
    private boolean collides(Change c, String text) {
        // Taken changes never overlap one another, so only the nearest ones on either side can overlap c.
        Map.Entry<Integer, List<Change>> before = byStart.floorEntry(c.start());
        if (before != null) {
            for (Change t : before.getValue()) {
                if (overlaps(t, c) && !mergeable(t, c, text)) {
                    return true;
                }
            }
        }
        Map.Entry<Integer, List<Change>> after = byStart.higherEntry(c.start());
        return after != null && after.getValue().stream().anyMatch(t -> overlaps(t, c));
    }

    private static boolean collidesWithin(Change c, List<Change> fresh) {
        return fresh.stream().anyMatch(t -> overlaps(t, c));
    }

    /** Overlapping ranges, or two changes touching at one offset where their order would matter. */
    private static boolean overlaps(Change a, Change b) {
        if (a.isInsertion() || b.isInsertion()) {
            return a.start() == b.start() || a.start() < b.end() && b.start() < a.end();
        }
        return a.start() < b.end() && b.start() < a.end();
    }

    /**
     * Two insertions of whole indented lines at the end of the same line can both be applied: the more deeply
     * indented block goes first, so it still closes the inner mapping before the outer block begins (the other order
     * would put, say, {@code appArmorProfile:} under a just-inserted {@code env:} list). Two blocks that open the
     * same key at the same indentation are not merged: that would write the key twice (several rules each add a
     * {@code securityContext:} to a container that has none); the second waits for the next pass, which adds to
     * the key the first wrote.
     */
    private static boolean mergeable(Change a, Change b, String text) {
        return a.isInsertion() && b.isInsertion() && a.start() == b.start() && isBlock(a.text()) && isBlock(b.text())
                && (a.start() == text.length() || text.charAt(a.start()) == '\n' || text.charAt(a.start()) == '\r')
                && !firstLine(a.text()).equals(firstLine(b.text()));
    }

    /** The first inserted line up to its key's colon, indentation included: {@code "  securityContext:"}. */
    private static String firstLine(String block) {
        String line = block.substring(block.indexOf('\n') + 1);
        int end = line.indexOf('\n');
        line = end < 0 ? line : line.substring(0, end);
        int colon = line.indexOf(':');
        return (colon < 0 ? line : line.substring(0, colon + 1)).stripTrailing();
    }

    private static boolean isBlock(String inserted) {
        return inserted.startsWith("\n") || inserted.startsWith("\r\n");
    }

    private static int indent(String block) {
        int i = block.indexOf('\n') + 1;
        int n = 0;
        while (i + n < block.length() && block.charAt(i + n) == ' ') {
            n++;
        }
        return n;
    }

    boolean isEmpty() {
        return fixed.isEmpty();
    }

    /** The findings whose fixes this plan applies. */
    List<Finding> fixed() {
        return fixed;
    }

    /** The changes taken, in the order of the text. */
    List<Change> changes() {
        List<Change> all = new ArrayList<>();
        byStart.values().forEach(all::addAll);
        return all;
    }

    /** How many findings' fixes wait for a later pass. */
    int deferred() {
        return deferred;
    }

    /** The text with every taken change applied, last first so that earlier offsets stay valid. */
    String apply(String text) {
        StringBuilder b = new StringBuilder(text);
        for (Map.Entry<Integer, List<Change>> e : byStart.descendingMap().entrySet()) {
            List<Change> here = new ArrayList<>(e.getValue());
            if (here.size() == 1) {
                Change c = here.get(0);
                b.replace(c.start(), c.end(), c.text());
                continue;
            }
            here.sort((x, y) -> Integer.compare(indent(y.text()), indent(x.text())));
            StringBuilder merged = new StringBuilder();
            here.forEach(c -> merged.append(c.text()));
            b.insert(e.getKey(), merged);
        }
        return b.toString();
    }
}
