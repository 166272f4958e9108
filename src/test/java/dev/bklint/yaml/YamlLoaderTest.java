package dev.bklint.yaml;

import static dev.bklint.TestPipelines.documents;
import static dev.bklint.TestPipelines.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.TestPipelines;
import dev.bklint.source.Span;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlLoaderTest {

    private static YNode root(String yaml) {
        List<YamlDocument> docs = documents(yaml);
        assertEquals(1, docs.size());
        return docs.get(0).root();
    }

    private static YamlSyntaxError error(String yaml) {
        return assertThrows(YamlSyntaxError.class, () -> YamlLoader.load(TestPipelines.source(yaml)));
    }

    @Test
    void keysAndScalarsAreAtTheirWrittenPositions() {
        YMap map = root("""
                steps:
                  - label: "Build"
                    command: make all
                """).asMap();
        assertEquals(span(1, 1, 1, 6), map.entry("steps").key().span());
        YMap step = map.getSeq("steps").items().get(0).asMap();
        assertEquals(span(2, 5, 2, 10), step.entry("label").key().span());
        YScalar label = step.getScalar("label");
        assertEquals("Build", label.value());
        assertEquals(YScalar.Style.DOUBLE_QUOTED, label.style());
        assertEquals(span(2, 12, 2, 19), label.span(), "a quoted scalar's span includes its quotes");
        assertEquals(span(3, 14, 3, 22), step.getScalar("command").span());
        assertNull(step.getScalar("command").via());
        assertEquals(span(2, 5, 3, 22), step.span());
    }

    @Test
    void blockScalarSpanEndsOnItsLastWrittenCharacter() {
        YMap map = root("""
                run: |
                  echo one
                  echo two


                folded: >
                  a
                  b
                after: 1
                """).asMap();
        YScalar run = map.getScalar("run");
        assertEquals(YScalar.Style.LITERAL, run.style());
        assertTrue(run.isBlock());
        assertEquals("echo one\necho two\n", run.value());
        assertEquals(span(1, 6, 3, 11), run.span(), "not the blank lines nor the next key's line");
        YScalar folded = map.getScalar("folded");
        assertEquals(YScalar.Style.FOLDED, folded.style());
        assertEquals("a b\n", folded.value());
        assertEquals(span(6, 9, 8, 4), folded.span());
    }

    @Test
    void blockMappingSpanEndsOnItsLastWrittenCharacter() {
        YMap map = root("""
                outer:
                  a: 1
                  b: two

                next: 3
                """).asMap();
        assertEquals(span(2, 3, 3, 9), map.get("outer").span());
        assertEquals(span(1, 1, 5, 8), map.span());
    }

    @Test
    void aliasCopyKeepsTheAnchorSpanAndIsMarkedViaTheAlias() {
        YMap map = root("""
                base: &img moby/buildkit:v0.20.0
                other: *img
                tree: &tree
                  name: x
                copy: *tree
                """).asMap();
        YScalar base = map.getScalar("base");
        YScalar other = map.getScalar("other");
        assertEquals("moby/buildkit:v0.20.0", other.value());
        assertNull(base.via());
        assertEquals(base.span(), other.span());
        assertEquals(1, other.span().line());
        assertEquals(33, other.span().endColumn());
        assertEquals(span(2, 8, 2, 12), other.via());

        YMap tree = map.getMap("tree");
        YMap copy = map.getMap("copy");
        assertEquals(tree.span(), copy.span());
        assertEquals(span(5, 7, 5, 12), copy.via());
        YScalar name = copy.getScalar("name");
        assertEquals(span(4, 9, 4, 10), name.span());
        assertEquals(span(5, 7, 5, 12), name.via(), "children of an alias copy are reached via the alias too");
        assertEquals(span(4, 3, 4, 7), copy.entry("name").key().span());
        assertNull(tree.getScalar("name").via());
    }

    @Test
    void anchoredScalarSpanCoversOnlyItsValue() {
        YMap map = root("""
                base: &img moby/buildkit:v0.20.0
                other: *img
                """).asMap();
        assertEquals(span(1, 12, 1, 33), map.getScalar("base").span());
    }

    @Test
    void mergedEntryKeepsItsWrittenSpanAndOuterKeysWin() {
        YMap step = root("""
                defaults: &defaults
                  image: alpine
                  timeout: 5
                step:
                  <<: *defaults
                  timeout: 10
                """).asMap().getMap("step");
        assertEquals(List.of("timeout", "image"), step.entries().stream().map(YEntry::keyText).toList(),
                "own entries first, then merged ones; `<<` itself is not an entry");
        YEntry timeout = step.entry("timeout");
        assertFalse(timeout.merged());
        assertEquals("10", step.string("timeout"));
        assertEquals(span(6, 12, 6, 14), timeout.value().span());

        YEntry image = step.entry("image");
        assertTrue(image.merged());
        assertEquals("alpine", step.string("image"));
        assertEquals(span(2, 3, 2, 8), image.key().span());
        assertEquals(span(2, 10, 2, 16), image.value().span());
        assertEquals(span(5, 7, 5, 16), image.value().via());
    }

    @Test
    void earlierMergesWinOverLaterOnes() {
        YMap c = root("""
                a: &a {x: 1, y: 1}
                b: &b {y: 2, z: 2}
                c:
                  <<: [*a, *b]
                """).asMap().getMap("c");
        assertEquals("1", c.string("x"));
        assertEquals("1", c.string("y"));
        assertEquals("2", c.string("z"));
        assertEquals(span(1, 17, 1, 18), c.get("y").span(), "y comes from *a on line 1");
        assertEquals(span(4, 8, 4, 10), c.get("y").via());
        assertEquals(span(2, 17, 2, 18), c.get("z").span());
        assertEquals(span(4, 12, 4, 14), c.get("z").via());
        assertTrue(c.entries().stream().allMatch(YEntry::merged));
    }

    @Test
    void duplicateKeyKeepsTheLastValueAtTheFirstKeyAndIsRecorded() {
        YamlDocument doc = documents("""
                env:
                  A: one
                  B: two
                  A: three
                """).get(0);
        YMap env = doc.root().asMap().getMap("env");
        assertEquals(List.of("A", "B"), env.entries().stream().map(YEntry::keyText).toList());
        assertEquals("three", env.string("A"));
        assertEquals(span(2, 3, 2, 4), env.entry("A").key().span());
        assertEquals(span(4, 6, 4, 11), env.get("A").span());
        assertEquals(List.of(new DuplicateKey("A", span(2, 3, 2, 4), span(4, 3, 4, 4))), doc.duplicateKeys());
    }

    @Test
    void scalarsResolveWithTheYaml12CoreSchema() {
        YMap m = root("""
                a: yes
                b: on
                c: "true"
                d: true
                e: True
                f: ~
                g:
                h: 0x1F
                i: 'no'
                j: 1.5
                k: Off
                """).asMap();
        YScalar yes = m.getScalar("a");
        assertEquals(YScalar.Type.STRING, yes.type());
        assertTrue(yes.isYaml11Boolean());
        assertTrue(yes.yaml11Meaning());
        assertFalse(yes.isTrue());

        YScalar on = m.getScalar("b");
        assertEquals(YScalar.Type.STRING, on.type());
        assertTrue(on.isYaml11Boolean());
        assertTrue(on.yaml11Meaning());

        YScalar quoted = m.getScalar("c");
        assertEquals(YScalar.Type.STRING, quoted.type());
        assertTrue(quoted.isQuotedBoolean());
        assertFalse(quoted.isYaml11Boolean());
        assertFalse(quoted.isTrue());

        assertEquals(YScalar.Type.BOOL, m.getScalar("d").type());
        assertTrue(m.getScalar("d").isTrue());
        assertFalse(m.getScalar("d").isYaml11Boolean());
        assertEquals(YScalar.Type.BOOL, m.getScalar("e").type());
        assertTrue(m.getScalar("e").isTrue());

        assertEquals(YScalar.Type.NULL, m.getScalar("f").type());
        assertEquals(YScalar.Type.NULL, m.getScalar("g").type());
        assertNull(m.string("g"));
        assertEquals(YScalar.Type.INT, m.getScalar("h").type());
        assertEquals(YScalar.Type.STRING, m.getScalar("i").type());
        assertFalse(m.getScalar("i").isYaml11Boolean(), "a quoted 'no' is no YAML 1.1 boolean");
        assertEquals(YScalar.Type.FLOAT, m.getScalar("j").type());
        assertTrue(m.getScalar("k").isYaml11Boolean());
        assertFalse(m.getScalar("k").yaml11Meaning());
    }

    @Test
    void eachDocumentOfAStreamIsLoadedSeparately() {
        List<YamlDocument> docs = documents("""
                steps:
                  - command: a
                ---
                ---
                - command: b
                  x: 1
                  x: 2
                """);
        assertEquals(3, docs.size());
        assertEquals(List.of(0, 1, 2), docs.stream().map(YamlDocument::index).toList());
        assertInstanceOf(YMap.class, docs.get(0).root());
        assertNull(docs.get(1).root(), "an empty document has no root");
        YSeq third = assertInstanceOf(YSeq.class, docs.get(2).root());
        assertEquals(span(5, 3, 7, 7), third.items().get(0).span());
        assertEquals(List.of(), docs.get(0).duplicateKeys());
        assertEquals(1, docs.get(2).duplicateKeys().size());
        assertEquals(6, docs.get(2).duplicateKeys().get(0).first().line());
    }

    @Test
    void unclosedFlowSequenceIsASyntaxErrorWhereTheParserStops() {
        YamlSyntaxError e = error("""
                steps:
                  - command: [echo, hi
                  - label: x
                """);
        assertEquals(span(3, 10, 3, 11), e.span());
        assertTrue(e.getMessage().contains("flow sequence"), e.getMessage());
    }

    /** At end of file the parser's own position is an empty line; the bracket left open is what to fix. */
    @Test
    void bracketLeftOpenToTheEndIsReportedAtTheBracket() {
        YamlSyntaxError seq = error("steps:\n  - label: [unclosed\n");
        assertEquals(span(2, 12, 2, 13), seq.span());
        assertTrue(seq.getMessage().contains("'[' is never closed"), seq.getMessage());

        YamlSyntaxError map = error("steps:\n  - plugins: {docker: x\n\n");
        assertEquals(span(2, 14, 2, 15), map.span());
        assertTrue(map.getMessage().contains("'{' is never closed"), map.getMessage());
    }

    @Test
    void tabIndentationIsASyntaxErrorOnItsLine() {
        YamlSyntaxError e = error("steps:\n  - command: x\n\t  label: y\n");
        assertEquals(span(3, 1, 3, 2), e.span());
        assertTrue(e.getMessage().contains("found a tab character"), e.getMessage());
    }

    @Test
    void tabIndentationErrorExplainsThatYamlNeedsSpaces() {
        YamlSyntaxError e = error("steps:\n\t- command: x\n");
        assertEquals(2, e.span().line());
        assertTrue(e.getMessage().contains("(YAML indentation must use spaces, not tabs)"), e.getMessage());
    }

    @Test
    void undefinedAliasIsAnErrorAtTheAlias() {
        YamlSyntaxError e = error("""
                a: 1
                b: *nope
                """);
        assertEquals(span(2, 4, 2, 9), e.span());
        assertTrue(e.getMessage().contains("*nope"), e.getMessage());
    }

    @Test
    void aliasToItsOwnContainerIsAnError() {
        YamlSyntaxError e = error("a: &x [1, *x]\n");
        assertEquals(span(1, 11, 1, 13), e.span());
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    }

    @Test
    void nestingUpToTheLimitLoads() {
        int n = YamlLoader.MAX_DEPTH;
        YNode node = root("[".repeat(n) + "]".repeat(n));
        int depth = 0;
        while (node instanceof YSeq seq && seq.size() == 1) {
            node = seq.items().get(0);
            depth++;
        }
        assertEquals(n - 1, depth);
    }

    @Test
    void nestingDeeperThanTheLimitIsAnErrorNotAStackOverflow() {
        int n = 10_000;
        YamlSyntaxError e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> error("[".repeat(n) + "]".repeat(n)));
        assertTrue(e.getMessage().contains("deeper than " + YamlLoader.MAX_DEPTH), e.getMessage());
        assertEquals(1, e.span().line());
        assertTrue(e.span().column() > YamlLoader.MAX_DEPTH && e.span().column() <= YamlLoader.MAX_DEPTH + 2,
                "points at the first bracket past the limit: " + e.span());
    }

    @Test
    void aliasBombEndsWithAnErrorQuickly() {
        StringBuilder b = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            String alias = "*l" + (level - 1);
            b.append("l").append(level).append(": &l").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, alias))).append("]\n");
        }
        String yaml = b.toString();
        YamlSyntaxError e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> error(yaml));
        assertTrue(e.getMessage().contains("alias"), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(YamlLoader.MAX_NODES)), e.getMessage());
    }

    @Test
    void spanOfAScalarAtTheEndOfAFileWithoutNewline() {
        YMap map = root("key: value").asMap();
        Span s = map.getScalar("key").span();
        assertEquals(span(1, 6, 1, 11), s);
    }
}
