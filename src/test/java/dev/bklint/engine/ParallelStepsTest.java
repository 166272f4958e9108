package dev.bklint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.Fixtures;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Linting the steps of a pipeline in parallel finds exactly what linting them one after the other finds. */
class ParallelStepsTest {
    private static final RuleRegistry REGISTRY = RuleRegistry.get();
    /** With a Pod Security level given, so that BK504 runs as well: every rule takes part in the comparison. */
    private static final Options OPTIONS = new Options(Options.CURRENT, true, "baseline");
    private static final Linter SEQUENTIAL = new Linter(REGISTRY, OPTIONS, Integer.MAX_VALUE);
    private static final Linter PARALLEL = new Linter(REGISTRY, OPTIONS, 1);

    @Test
    void everyFixtureLintsTheSameInParallel() throws IOException {
        for (Path fixture : Fixtures.all()) {
            SourceFile source = new SourceFile(fixture.toString(), Files.readString(fixture));
            assertSame(SEQUENTIAL.lint(source), PARALLEL.lint(source), fixture.toString());
        }
    }

    @Test
    void aLongPipelineLintsTheSameInParallel() throws IOException {
        // The steps of the fixture pipelines whose steps come last and use no aliases, five times over.
        StringBuilder steps = new StringBuilder();
        for (Path fixture : Fixtures.all()) {
            String text = Files.readString(fixture);
            int at = text.indexOf("\nsteps:\n");
            String body = at < 0 ? "" : text.substring(at + "\nsteps:\n".length());
            if (fixture.startsWith(Fixtures.ROOT.resolve("pipelines")) && body.startsWith("  - ")
                    && !Pattern.compile("\n[^ #\n]|[:-]\\s+\\*|<<").matcher(body).find()) {
                steps.append(body).append('\n');
            }
        }
        String yaml = "env:\n  REGISTRY: registry.example.com\nsteps:\n" + String.valueOf(steps).repeat(5);
        SourceFile source = new SourceFile("long.yml", yaml);
        FileResult sequential = SEQUENTIAL.lint(source);
        assertTrue(sequential.steps().size() >= Linter.PARALLEL_STEPS, "steps: " + sequential.steps().size());
        assertTrue(sequential.findings().size() > 100, "findings: " + sequential.findings().size());
        assertSame(sequential, new Linter(REGISTRY, OPTIONS).lint(source), "long.yml");
    }

    private static void assertSame(FileResult expected, FileResult actual, String what) {
        assertEquals(expected.findings(), actual.findings(), what);
        List<StepSummary> summaries = Summaries.of(expected);
        assertEquals(summaries, Summaries.of(actual), what);
        assertEquals(expected.steps().stream().map(s -> s.label() + "@" + s.line()).toList(),
                actual.steps().stream().map(s -> s.label() + "@" + s.line()).toList(), what);
    }
}
