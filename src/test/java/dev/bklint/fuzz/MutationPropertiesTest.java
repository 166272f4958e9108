package dev.bklint.fuzz;

import dev.bklint.Fixtures;
import dev.bklint.engine.FileResult;
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
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties over mutated fixtures: whatever the bytes, linting never throws, every reported position lies inside
 * the file, and a second run gives the same findings.
 */
class MutationPropertiesTest {
    private static final Linter LINTER = new Linter(RuleRegistry.get(), Options.defaults());
    private static final List<String> FIXTURES = load();

    private static List<String> load() {
        try (Stream<Path> walk = Files.walk(Path.of("fixtures"))) {
            List<String> texts = new ArrayList<>();
            for (Path p : walk.filter(p -> p.toString().endsWith(".yml") && !p.startsWith(Fixtures.CORPUS)).sorted().toList()) {
                texts.add(Files.readString(p));
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture with one mutation: a line deleted, duplicated or re-indented, or characters inserted. */
    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> fixture = Arbitraries.of(FIXTURES);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 4);
        Arbitrary<Integer> where = Arbitraries.integers().between(0, 10_000);
        Arbitrary<String> noise = Arbitraries.strings().withChars(":-[]{}&*<>|#'\"\\\t\n $!%@`,?")
                .alpha().numeric().ofMinLength(1).ofMaxLength(8);
        return Combinators.combine(fixture, kind, where, noise).as(MutationPropertiesTest::mutate);
    }

    static String mutate(String text, int kind, int where, String noise) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int i = where % lines.size();
        switch (kind) {
            case 0: lines.remove(i); break;
            case 1: lines.add(i, lines.get(i)); break;
            case 2: lines.set(i, " " + lines.get(i)); break;
            case 3: lines.set(i, lines.get(i).replaceFirst("^  ", "")); break;
            default:
                String line = lines.get(i);
                int at = line.isEmpty() ? 0 : where % line.length();
                lines.set(i, line.substring(0, at) + noise + line.substring(at));
        }
        return String.join("\n", lines);
    }

    @Property(tries = 300)
    void lintingNeverThrowsAndPositionsStayInTheFile(@ForAll("mutated") String text) {
        SourceFile source = new SourceFile("mutated.yml", text);
        FileResult result = LINTER.lint(source);
        for (Finding f : result.findings()) {
            if (!f.path().equals("mutated.yml")) {
                continue;
            }
            int lines = source.lineCount();
            if (f.span().line() < 1 || f.span().line() > lines || f.span().endLine() > lines
                    || f.span().column() < 1 || f.span().column() > source.line(f.span().line()).length() + 1) {
                throw new AssertionError("position outside the file: " + f);
            }
        }
        List<Finding> again = LINTER.lint(new SourceFile("mutated.yml", text)).findings();
        if (!again.equals(result.findings())) {
            throw new AssertionError("a second run differs");
        }
    }
}
