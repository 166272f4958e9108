package dev.bklint.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bklint.Fixtures;
import dev.bklint.engine.Linter;
import dev.bklint.finding.Finding;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Findings depend on what a pipeline says, not on how it is written: the same fixture written with its mapping
 * keys in another order, or with every anchor and alias spelled out as copies, gets the same findings (compared
 * by rule and by the offending text, since positions move).
 */
class StructurePropertiesTest {
    private static final Linter LINTER = new Linter(RuleRegistry.get(), Options.defaults());
    /** Each fixture that loads as plain YAML data (no duplicate keys, no syntax error), as loaded data. */
    private static final List<Object> FIXTURES = load();

    private static List<Object> load() {
        List<Object> data = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("fixtures"))) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".yml") && !p.startsWith(Fixtures.CORPUS)).sorted().toList()) {
                try {
                    List<Object> documents = new ArrayList<>();
                    new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(p))
                            .forEach(documents::add);
                    if (documents.size() == 1 && documents.get(0) instanceof Map) {
                        data.add(documents.get(0));
                    }
                } catch (RuntimeException e) {
                    // Deliberately broken fixtures (syntax errors, duplicate keys) have no data to rewrite.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return data;
    }

    @org.junit.jupiter.api.Test
    void mostFixturesAreRewritten() {
        // Only deliberately broken fixtures are left out; if loading went wrong, the properties would test little.
        org.junit.jupiter.api.Assertions.assertTrue(FIXTURES.size() >= 120, "fixtures loaded: " + FIXTURES.size());
    }

    @Property(tries = 150)
    void keyOrderDoesNotChangeFindings(@ForAll @IntRange(min = 0, max = 10_000) int which, @ForAll long seed) {
        Object data = FIXTURES.get(which % FIXTURES.size());
        String inOrder = dump(copy(data, null, new IdentityHashMap<>(), null));
        String shuffled = dump(copy(data, new Random(seed), new IdentityHashMap<>(), null));
        // By rule and severity only: a finding about a whole mapping points at its first key, which moves.
        assertEquals(findings(inOrder, false), findings(shuffled, false),
                () -> inOrder + "\n---- shuffled:\n" + shuffled);
    }

    @Property(tries = 60)
    void anchorsAndCopiesGetTheSameFindings(@ForAll @IntRange(min = 0, max = 10_000) int which) {
        Object data = FIXTURES.get(which % FIXTURES.size());
        // Shared objects are written once with an anchor and then as aliases; deep copies are written out in full.
        String withAnchors = dump(copy(data, null, new IdentityHashMap<>(), null));
        String copies = dump(copy(data, null, null, null));
        Map<String, Integer> anchored = findings(withAnchors, true);
        // A file whose aliases copy more than bklint lints is, by design, not linted (BK009), unlike its copies.
        net.jqwik.api.Assume.that(anchored.keySet().stream().noneMatch(k -> k.startsWith("BK009 ")));
        // Distinct findings only: a mistake written once in an anchor is one finding naming its uses, while the
        // copies written out are one finding each.
        assertEquals(anchored.keySet(), findings(copies, true).keySet(),
                () -> withAnchors + "\n---- copies:\n" + copies);
    }

    /**
     * A copy of loaded data: keys shuffled when {@code random} is given; objects shared in the original stay
     * shared when {@code seen} is given (so they are written with anchors), else each use gets its own copy.
     * An {@code env} mapping keeps its order: Buildkite interpolates it in order at upload, so a variable can use
     * the ones defined before it, and order is meaning there.
     */
    @SuppressWarnings("unchecked")
    private static Object copy(Object value, Random random, IdentityHashMap<Object, Object> seen, Object key) {
        if (seen != null && seen.containsKey(value)) {
            return seen.get(value);
        }
        Object result;
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            if (seen != null) {
                seen.put(value, out);
            }
            List<Object> keys = new ArrayList<>(map.keySet());
            if (random != null && !"env".equals(key)) {
                Collections.shuffle(keys, random);
            }
            for (Object k : keys) {
                out.put(k, copy(((Map<Object, Object>) map).get(k), random, seen, k));
            }
            result = out;
        } else if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            if (seen != null) {
                seen.put(value, out);
            }
            for (Object item : list) {
                out.add(copy(item, random, seen, null));
            }
            result = out;
        } else {
            result = value;
        }
        return result;
    }

    private static String dump(Object data) {
        return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(100_000).build())
                .dumpToString(data);
    }

    /** Rule, severity and (with {@code text}) offending text, whitespace collapsed and anchors dropped, counted. */
    private static Map<String, Integer> findings(String yaml, boolean text) {
        SourceFile source = new SourceFile("fixtures/pipelines/rewritten.yml", yaml);
        Map<String, Integer> counts = new TreeMap<>();
        for (Finding f : LINTER.lint(source).findings()) {
            int start = source.offset(f.span().line(), f.span().column());
            int end = Math.max(start, source.offset(f.span().endLine(), f.span().endColumn()));
            String at = !text ? "" : yaml.substring(start, end).replaceAll("[&*]id\\d+", "")
                    .replaceAll("\\s+", " ").strip();
            counts.merge(f.rule() + " " + f.severity() + " " + at, 1, Integer::sum);
        }
        return counts;
    }
}
