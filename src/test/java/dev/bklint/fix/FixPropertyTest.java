package dev.bklint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.Fixtures;
import dev.bklint.cli.FixtureArgs;
import dev.bklint.engine.FileResult;
import dev.bklint.engine.Linter;
import dev.bklint.rules.FixEditsTest;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.events.CommentEvent;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Over every fixture, with every fix bklint has (safe and unsafe): fixing is idempotent, the result parses, and each
 * pass changes the YAML data only inside the nodes whose text its edits touch; and every comment is kept.
 */
class FixPropertyTest {
    static List<Path> fixtures() throws IOException {
        return Fixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixingIsIdempotentParsesAndChangesOnlyTheEditedNodes(Path fixture) throws IOException {
        String text = Files.readString(fixture);
        Linter linter = new Linter(RuleRegistry.get(), FixEditsTest.optionsOf(FixtureArgs.of(text)));
        FileFixer fixer = new FileFixer(linter, true);
        SourceFile source = new SourceFile(fixture.toString(), text);
        FixOutcome once = fixer.fix(source);
        assertEquals(null, once.refusal(), fixture.toString());
        FixOutcome twice = fixer.fix(once.fixed());
        assertEquals(once.fixedText(), twice.fixedText(), "fix(fix(x)) differs from fix(x)");
        if (text.startsWith("#")) {
            assertTrue(!comments(text).isEmpty(), "the comment reader sees the fixture's first line");
        }
        if (once.changed()) {
            compose(once.fixedText()); // throws if it does not parse
            List<String> lost = new ArrayList<>(comments(text));
            comments(once.fixedText()).forEach(lost::remove);
            assertTrue(lost.isEmpty(), "comments lost by the fix: " + lost);
        }
        // Pass by pass, as FileFixer runs them: compare the data before and after each pass.
        SourceFile current = source;
        FileResult result = linter.lint(current);
        for (int pass = 0; pass < FileFixer.MAX_PASSES; pass++) {
            EditPlan plan = EditPlan.of(current, result.findings(), true);
            if (plan.isEmpty()) {
                break;
            }
            String next = plan.apply(current.text());
            List<EditPlan.Change> changes = plan.changes();
            List<String> outside = new ArrayList<>();
            compare(compose(current.text()), compose(next), "", changes, current, outside);
            assertTrue(outside.isEmpty(), "pass " + (pass + 1) + " changed data outside its edits: " + outside);
            current = new SourceFile(current.path(), next);
            result = linter.lint(current);
        }
        assertEquals(once.fixedText(), current.text());
    }

    /** Every comment's text, in order, as the YAML parser reads them (full-line and end-of-line alike). */
    private static List<String> comments(String text) {
        LoadSettings settings = LoadSettings.builder().setParseComments(true).build();
        List<String> out = new ArrayList<>();
        new ParserImpl(settings, new StreamReader(settings, text)).forEachRemaining(e -> {
            if (e instanceof CommentEvent c && c.getCommentType() != CommentType.BLANK_LINE) {
                out.add(c.getValue());
            }
        });
        return out;
    }

    private static Node compose(String text) {
        Composer composer = new Composer(LoadSettings.builder().build(),
                new ParserImpl(LoadSettings.builder().build(), new StreamReader(LoadSettings.builder().build(), text)));
        Node first = null;
        while (composer.hasNext()) {
            Node n = composer.next();
            first = first == null ? n : first;
        }
        return first;
    }

    /**
     * Walks both trees together. Where they differ, the old node's text must touch a change: a scalar replaced, or
     * an entry added to or removed from a mapping or sequence whose text an insertion or deletion touches.
     */
    private static void compare(Node before, Node after, String path, List<EditPlan.Change> changes,
                                SourceFile source, List<String> outside) {
        if (before == null || after == null) {
            if (before != after) {
                outside.add(path + " (document)");
            }
            return;
        }
        if (touched(before, changes, source)) {
            // The edit is here: entries may come and go; the entries both sides still have must stay the same.
            if (before instanceof MappingNode b && after instanceof MappingNode a) {
                for (NodeTuple t : b.getValue()) {
                    Node other = value(a, key(t));
                    if (other != null) {
                        compare(t.getValueNode(), other, path + "." + key(t), changes, source, outside);
                    }
                }
            }
            return;
        }
        if (before instanceof ScalarNode b && after instanceof ScalarNode a) {
            if (!b.getValue().equals(a.getValue())) {
                outside.add(path + ": `" + b.getValue() + "` became `" + a.getValue() + "`");
            }
        } else if (before instanceof MappingNode b && after instanceof MappingNode a) {
            if (b.getValue().size() != a.getValue().size()) {
                outside.add(path + ": " + b.getValue().size() + " keys became " + a.getValue().size());
                return;
            }
            for (NodeTuple t : b.getValue()) {
                Node other = value(a, key(t));
                if (other == null) {
                    outside.add(path + "." + key(t) + " is gone");
                } else {
                    compare(t.getValueNode(), other, path + "." + key(t), changes, source, outside);
                }
            }
        } else if (before instanceof SequenceNode b && after instanceof SequenceNode a) {
            if (b.getValue().size() != a.getValue().size()) {
                outside.add(path + ": " + b.getValue().size() + " items became " + a.getValue().size());
                return;
            }
            for (int i = 0; i < b.getValue().size(); i++) {
                compare(b.getValue().get(i), a.getValue().get(i), path + "[" + i + "]", changes, source, outside);
            }
        } else {
            outside.add(path + ": a " + before.getNodeType() + " became a " + after.getNodeType());
        }
    }

    /**
     * Whether a change lies within the node's text. A collection counts its ends (an insertion after a mapping's
     * last line adds to it, and to every collection around it); a scalar only text replaced inside it, or an
     * insertion into it that does not start a new line.
     */
    private static boolean touched(Node node, List<EditPlan.Change> changes, SourceFile source) {
        int start = offset(node.getStartMark().orElseThrow(), source);
        int end = offset(node.getEndMark().orElseThrow(), source);
        for (EditPlan.Change c : changes) {
            boolean inside = node instanceof ScalarNode
                    ? c.start() < end && c.end() > start || c.isInsertion() && c.start() >= start
                            && c.start() <= end && !c.text().startsWith("\n") && !c.text().startsWith("\r\n")
                    : c.start() <= end && c.end() >= start;
            if (inside) {
                return true;
            }
        }
        return false;
    }

    private static int offset(Mark mark, SourceFile source) {
        return source.offset(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String key(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode().getNodeType());
    }

    private static Node value(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (key(t).equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }
}
