package dev.bklint.rules;

import dev.bklint.finding.RuleMeta;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.Fixtures;
import dev.bklint.cli.DocsGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every rule must have: complete metadata, a class, a triggering fixture where it fires at the marked line,
 * a close look-alike where it stays silent, and a doc page generated from all of that.
 */
class RuleContractTest {
    /**
     * A marker names the line of the finding it expects: the next line that is not a comment, or {@code +K} lines
     * below the marker (a finding inside the command block the next line starts).
     */
    private static final Pattern EXPECT = Pattern.compile("^\\s*# expect: (BK\\d{3})(?: \\+(\\d+))?\\s*$");
    private static final Pattern FINDING = Pattern.compile("\"rule\": \"(BK\\d{3})\"[^}]*?\"line\": (\\d+)",
            Pattern.DOTALL);

    static List<RuleMeta> rules() {
        return RuleRegistry.get().metas();
    }

    @Test
    void everyMetadataFileHasItsRuleAndNamesAreUnique() throws IOException {
        List<RuleMeta> metas = rules();
        long files;
        try (var list = Files.list(Path.of("rules"))) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).count();
        }
        assertEquals(files, metas.size());
        assertEquals(metas.size(), metas.stream().map(RuleMeta::name).distinct().count());
        for (RuleMeta m : metas) {
            assertTrue(m.id().matches("BK\\d{3}"), m.id());
            assertTrue(m.name().matches("[a-z0-9]+(-[a-z0-9]+)*"), m.name());
            assertFalse(m.references().isEmpty(), m.id() + " has no references");
            assertTrue(m.fix().contains("```"), m.id() + " fix has no example");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void firesWhereTheFixtureSays(RuleMeta rule) throws IOException {
        Path fires = DocsGenerator.firesFixture(rule);
        assertTrue(Files.exists(fires), "missing " + fires);
        List<Integer> expected = new ArrayList<>();
        List<String> lines = Files.readAllLines(fires);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EXPECT.matcher(lines.get(i));
            if (m.matches()) {
                assertEquals(rule.id(), m.group(1), fires + ":" + (i + 1) + " expects another rule");
                expected.add(m.group(2) != null ? i + 1 + Integer.parseInt(m.group(2)) : nextNonComment(lines, i));
            }
        }
        assertFalse(expected.isEmpty(), fires + " has no `# expect: " + rule.id() + "` line");
        List<Integer> found = lines(Fixtures.lint(fires, "--format=json", "--fail-on=never").out(), rule.id());
        for (int line : expected) {
            assertTrue(found.contains(line), rule.id() + " should fire at " + fires + ":" + line + " but fired at "
                    + found);
        }
    }

    /** The 1-based number of the first line after index {@code marker} that is not a comment. */
    private static int nextNonComment(List<String> lines, int marker) {
        int i = marker + 1;
        while (i < lines.size() && lines.get(i).strip().startsWith("#")) {
            i++;
        }
        return i + 1;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void silentOnTheLookAlike(RuleMeta rule) throws IOException {
        Path silent = DocsGenerator.silentFixture(rule);
        assertTrue(Files.exists(silent), "missing " + silent);
        Fixtures.Run run = Fixtures.lint(silent, "--format=json", "--fail-on=never");
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of(), lines(run.out(), rule.id()), rule.id() + " fired on " + silent);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void docPageIsCurrent(RuleMeta rule) throws IOException {
        Path page = Path.of(rule.docPath());
        assertTrue(Files.exists(page), "missing " + page + " (run ./bklint docs docs/rules)");
        assertEquals(new DocsGenerator(Path.of("")).page(rule), Files.readString(page),
                page + " is out of date: run ./bklint docs docs/rules");
    }

    @Test
    void theQuickHeaderReadAgreesWithTheYamlReader() {
        List<RuleMeta> full = RuleRegistry.get().metas();
        List<RuleMeta> quick = RuleRegistry.get().metas();
        assertEquals(full.size(), quick.size());
        for (int i = 0; i < full.size(); i++) {
            RuleMeta f = full.get(i);
            RuleMeta q = quick.get(i);
            assertEquals(List.of(f.id(), f.name(), f.severity(), String.valueOf(f.severityNote()), f.family(),
                    f.summary()), List.of(q.id(), q.name(), q.severity(), String.valueOf(q.severityNote()), q.family(),
                    q.summary()), f.id());
        }
    }

    @Test
    void cliReferenceIsCurrent() throws IOException {
        assertEquals(DocsGenerator.cliReference(), Files.readString(Path.of("docs/cli.md")),
                "docs/cli.md is out of date: run ./bklint docs docs/rules");
    }

    @Test
    void ruleIndexIsCurrent() throws IOException {
        assertEquals(new DocsGenerator(Path.of("")).index(rules()), Files.readString(Path.of("docs/rules/README.md")));
    }

    private static List<Integer> lines(String json, String rule) {
        List<Integer> found = new ArrayList<>();
        Matcher m = FINDING.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(rule)) {
                found.add(Integer.parseInt(m.group(2)));
            }
        }
        return found;
    }
}
