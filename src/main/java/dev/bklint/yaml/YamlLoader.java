package dev.bklint.yaml;

import dev.bklint.source.SourceFile;
import dev.bklint.source.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Loads a YAML 1.2 stream into positioned {@link YNode} trees. It composes the parser's events itself so
 * that it can keep where aliases and merge keys are used, report repeated keys instead of failing, and
 * bound nesting depth and alias expansion.
 */
public final class YamlLoader {
    public static final int MAX_DEPTH = 512;
    public static final long MAX_NODES = 2_000_000;
    /** Code points snakeyaml-engine may read; its default (3 Mi) is below what a generated pipeline can reach. */
    public static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

    private final SourceFile source;
    /**
     * The code point index of each character outside the BMP, in order (empty for most files): the parser's marks
     * count code points, the source counts UTF-16 chars, and each such character is one of the first but two of the
     * second. A binary search over this turns a mark into an offset; walking the text from its start for every mark
     * was quadratic.
     */
    private final int[] supplementary;
    private final NodeBudget budget;
    private Parser parser;
    private Map<String, YNode> anchors;
    /** How many levels each anchored node has below it, so that an alias cannot nest deeper than the limit. */
    private Map<String, Integer> heights;
    /** The height of the node {@link #compose} returned last (0 for a scalar). */
    private int height;
    private List<DuplicateKey> duplicates;

    private YamlLoader(SourceFile source) {
        this.source = source;
        this.supplementary = supplementaryIndexes(source.text());
        this.budget = new NodeBudget(MAX_NODES, source.text().length());
    }

    /** The code point indexes of the text's characters outside the BMP (surrogate pairs), in order. */
    private static int[] supplementaryIndexes(String text) {
        int[] found = new int[0];
        int count = 0;
        int codePoint = 0;
        for (int i = 0, n = text.length(); i < n; i++, codePoint++) {
            if (i + 1 < n && Character.isHighSurrogate(text.charAt(i)) && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, Math.max(16, count * 2));
                }
                found[count++] = codePoint;
                i++;
            }
        }
        return Arrays.copyOf(found, count);
    }

    public static List<YamlDocument> load(SourceFile source) throws YamlSyntaxError {
        return new YamlLoader(source).loadAll();
    }

    private List<YamlDocument> loadAll() throws YamlSyntaxError {
        LoadSettings settings = LoadSettings.builder()
                .setCodePointLimit(MAX_CODE_POINTS)
                .setLabel(source.path())
                .build();
        parser = new ParserImpl(settings, new StreamReader(settings, source.text()));
        List<YamlDocument> documents = new ArrayList<>();
        try {
            expect(Event.ID.StreamStart);
            while (!parser.checkEvent(Event.ID.StreamEnd)) {
                expect(Event.ID.DocumentStart);
                anchors = new HashMap<>();
                heights = new HashMap<>();
                duplicates = new ArrayList<>();
                YNode root = parser.checkEvent(Event.ID.DocumentEnd) ? null : compose(0);
                expect(Event.ID.DocumentEnd);
                if (root instanceof YScalar s && s.isNull()) {
                    root = null;
                }
                documents.add(new YamlDocument(source, documents.size(), root, List.copyOf(duplicates)));
            }
            budget.checkRelative();
        } catch (MarkedYamlEngineException e) {
            YamlSyntaxError unclosed = unclosedBracket(e);
            if (unclosed != null) {
                throw unclosed;
            }
            throw new YamlSyntaxError(describe(e), pointAt(e.getProblemMark().or(e::getContextMark)));
        } catch (YamlEngineException e) {
            throw new YamlSyntaxError(firstLine(e.getMessage()), Span.point(1, 1));
        } catch (NodeBudget.LimitExceeded e) {
            throw YamlSyntaxError.overLimit(e.getMessage(), e.at() != null ? e.at() : Span.point(1, 1));
        }
        return documents;
    }

    /**
     * A flow sequence or mapping (its opening bracket or brace) still open at the end of the file: the parser
     * stops on the empty last line, so the error is placed on the bracket left open instead (the context mark).
     * Null for any other error.
     */
    private YamlSyntaxError unclosedBracket(MarkedYamlEngineException e) {
        String problem = e.getProblem();
        if (problem == null || !problem.contains("<stream end>") || e.getContextMark().isEmpty()) {
            return null;
        }
        int at = offsetOf(e.getContextMark());
        char open = at < source.text().length() ? source.text().charAt(at) : 0;
        if (open != '[' && open != '{') {
            return null;
        }
        return new YamlSyntaxError("'" + open + "' is never closed (" + describe(e) + ")",
                pointAt(e.getContextMark()));
    }

    private static String describe(MarkedYamlEngineException e) {
        StringBuilder b = new StringBuilder();
        if (e.getContext() != null) {
            b.append(e.getContext());
        }
        if (e.getProblem() != null) {
            if (b.length() > 0) {
                b.append(": ");
            }
            b.append(e.getProblem());
        }
        String text = b.toString();
        if (text.contains("found character '\\t") || text.contains("found character '\t")) {
            // snakeyaml-engine spells the tab out twice; say it once, plainly.
            text = (e.getContext() == null ? "" : e.getContext() + ": ")
                    + "found a tab character (YAML indentation must use spaces, not tabs)";
        }
        return firstLine(text.isEmpty() ? "invalid YAML" : text);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "invalid YAML";
        }
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }

    private Event expect(Event.ID id) {
        Event e = parser.next();
        if (e.getEventId() != id) {
            throw new IllegalStateException("expected " + id + " but got " + e.getEventId());
        }
        return e;
    }

    private YNode compose(int depth) throws YamlSyntaxError {
        Event event = parser.next();
        if (depth > MAX_DEPTH) {
            throw YamlSyntaxError.overLimit("nesting is deeper than " + MAX_DEPTH + " levels", startOf(event));
        }
        switch (event.getEventId()) {
            case Alias:
                return resolveAlias((AliasEvent) event, depth);
            case Scalar:
                height = 0;
                return remember(event, scalar((ScalarEvent) event, null));
            case SequenceStart:
                return remember(event, sequence((CollectionStartEvent) event, depth));
            case MappingStart:
                return remember(event, mapping((CollectionStartEvent) event, depth));
            default:
                throw new YamlSyntaxError("unexpected " + event.getEventId(), startOf(event));
        }
    }

    private YNode resolveAlias(AliasEvent event, int depth) throws YamlSyntaxError {
        String name = event.getAlias().getValue();
        Span at = spanOf(event);
        if (!anchors.containsKey(name)) {
            throw new YamlSyntaxError("alias *" + name + " refers to no anchor defined before it", at);
        }
        YNode target = anchors.get(name);
        if (target == null) {
            throw new YamlSyntaxError("alias *" + name + " refers to the node that contains it (a cycle)", at);
        }
        // A copy nests as deep as where it is used plus its own levels: chained aliases could otherwise build
        // a tree far deeper than anything written, and every walk over the tree would overflow the stack.
        height = heights.getOrDefault(name, 0);
        if (depth + height > MAX_DEPTH) {
            throw YamlSyntaxError.overLimit("nesting is deeper than " + MAX_DEPTH + " levels (through alias *" + name
                    + ")", at);
        }
        budget.aliasStart();
        YNode copy = target.copyVia(at, budget);
        budget.aliasEnd(at);
        return copy;
    }

    private YNode remember(Event event, YNode node) {
        if (event instanceof NodeEvent ne) {
            int h = height;
            ne.getAnchor().map(Anchor::getValue).ifPresent(a -> {
                anchors.put(a, node);
                heights.put(a, h);
            });
        }
        return node;
    }

    private YScalar scalar(ScalarEvent e, Span via) {
        budget.written();
        String tag = e.getTag().filter(t -> !t.equals("!")).orElse(null);
        int from = offsetOf(e.getStartMark());
        if (e.getAnchor().isPresent() || e.getTag().isPresent()) {
            from = afterProperties(from, offsetOf(e.getEndMark()));
        }
        return new YScalar(e.getValue(), style(e.getScalarStyle()), tag, source, trimmed(from, offsetOf(e.getEndMark())), via);
    }

    /** Skips a node's {@code &anchor} and {@code !tag} so that its span covers only the value. */
    private int afterProperties(int from, int to) {
        String text = source.text();
        int i = from;
        while (i < to && (text.charAt(i) == '&' || text.charAt(i) == '!')) {
            while (i < to && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            while (i < to && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
        }
        return i < to ? i : from;
    }

    private static YScalar.Style style(ScalarStyle s) {
        switch (s) {
            case SINGLE_QUOTED: return YScalar.Style.SINGLE_QUOTED;
            case DOUBLE_QUOTED: case JSON_SCALAR_STYLE: return YScalar.Style.DOUBLE_QUOTED;
            case LITERAL: return YScalar.Style.LITERAL;
            case FOLDED: return YScalar.Style.FOLDED;
            default: return YScalar.Style.PLAIN;
        }
    }

    private YSeq sequence(CollectionStartEvent start, int depth) throws YamlSyntaxError {
        markInProgress(start);
        budget.written();
        List<YNode> items = new ArrayList<>();
        int below = 0;
        while (!parser.checkEvent(Event.ID.SequenceEnd)) {
            items.add(compose(depth + 1));
            below = Math.max(below, height);
        }
        height = below + 1;
        Event end = parser.next();
        return new YSeq(items, start.getFlowStyle() == FlowStyle.FLOW, source, between(start, end), null);
    }

    private YMap mapping(CollectionStartEvent start, int depth) throws YamlSyntaxError {
        markInProgress(start);
        budget.written();
        Map<String, Integer> index = new LinkedHashMap<>();
        List<YEntry> own = new ArrayList<>();
        List<YNode> merges = new ArrayList<>();
        int below = 0;
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            YNode key = compose(depth + 1);
            below = Math.max(below, height);
            if (!(key instanceof YScalar)) {
                // YAML allows `? [a]: b`, but Buildkite and Kubernetes read every key as a string; refusing it here
                // means no reader of the tree ever meets a key without text.
                throw new YamlSyntaxError("a mapping key must be a string, not " + key.kindName()
                        + " (a `?` complex key): Buildkite and Kubernetes accept only string keys", key.span());
            }
            YNode value = compose(depth + 1);
            below = Math.max(below, height);
            if (key instanceof YScalar k && k.style() == YScalar.Style.PLAIN && k.value().equals("<<")) {
                merges.add(value);
                continue;
            }
            String text = key instanceof YScalar k ? k.value() : null;
            Integer seen = text == null ? null : index.get(text);
            if (seen != null) {
                YEntry earlier = own.get(seen);
                duplicates.add(new DuplicateKey(text, earlier.key().span(), key.span()));
                own.set(seen, new YEntry(earlier.key(), value, false));
            } else {
                if (text != null) {
                    index.put(text, own.size());
                }
                own.add(new YEntry(key, value, false));
            }
        }
        height = below + 1;
        Event end = parser.next();
        for (YNode merge : merges) {
            mergeInto(own, index, merge);
        }
        return new YMap(own, start.getFlowStyle() == FlowStyle.FLOW, source, between(start, end), null);
    }

    /** Adds merged entries whose keys are not set yet: outer keys win, earlier merges win. */
    private void mergeInto(List<YEntry> own, Map<String, Integer> index, YNode merge) throws YamlSyntaxError {
        if (merge instanceof YSeq seq) {
            for (YNode item : seq.items()) {
                mergeInto(own, index, item);
            }
            return;
        }
        if (!(merge instanceof YMap map)) {
            throw new YamlSyntaxError("a merge key (<<) needs a mapping or a list of mappings, not "
                    + merge.kindName(), merge.span());
        }
        for (YEntry e : map.entries()) {
            String text = e.keyText();
            if (text != null && index.containsKey(text)) {
                continue;
            }
            if (text != null) {
                index.put(text, own.size());
            }
            own.add(new YEntry(e.key(), e.value(), true));
        }
    }

    private void markInProgress(CollectionStartEvent start) {
        start.getAnchor().map(Anchor::getValue).ifPresent(a -> anchors.put(a, null));
    }

    private Span startOf(Event e) {
        return pointAt(e.getStartMark());
    }

    private Span spanOf(Event e) {
        return trimmed(offsetOf(e.getStartMark()), offsetOf(e.getEndMark()));
    }

    private Span between(Event start, Event end) {
        return trimmed(offsetOf(start.getStartMark()), offsetOf(end.getEndMark()));
    }

    /** A span that ends on the last character written, not at the start of the next line. */
    private Span trimmed(int from, int to) {
        String text = source.text();
        to = Math.max(from, Math.min(to, text.length()));
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return source.spanOf(from, to);
    }

    private Span pointAt(Optional<Mark> mark) {
        int offset = offsetOf(mark);
        return source.spanOf(offset, Math.min(offset + 1, source.text().length()));
    }

    private int offsetOf(Optional<Mark> mark) {
        if (mark.isEmpty()) {
            return 0;
        }
        int index = mark.get().getIndex();
        String text = source.text();
        // each character outside the BMP before the mark adds one char to the offset
        int before = Arrays.binarySearch(supplementary, index);
        before = before >= 0 ? before : -before - 1;
        return Math.min(index + before, text.length());
    }
}
