package dev.bklint;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact text and JSON output for every fixture, approved beside the fixture. A changed output fails until the
 * new {@code .received} file is reviewed and moved over the {@code .approved} one.
 */
class FixtureApprovalTest {
    static List<Path> fixtures() throws IOException {
        return Fixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void textOutput(Path fixture) throws IOException {
        Fixtures.Run run = Fixtures.lint(fixture, "--color=never");
        String text = run.out() + run.err() + "[exit " + run.exit() + "]\n";
        Approvals.verify(text, options(fixture).forFile().withExtension(".txt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void jsonOutput(Path fixture) throws IOException {
        Fixtures.Run run = Fixtures.lint(fixture, "--format=json", "--fail-on=never");
        Approvals.verify(run.out() + run.err(), options(fixture).forFile().withExtension(".json"));
    }

    static List<Path> firesFixtures() throws IOException {
        return Fixtures.all().stream().filter(p -> p.getFileName().toString().matches("fires(-[a-z0-9-]+)?\\.yml"))
                .toList();
    }

    /**
     * What {@code --fix --unsafe-fixes} would write to each rule's fires fixture, as the diff {@code --diff} prints,
     * then what remains (standard error): the reviewer sees the repaired text, not only that the finding went away.
     * A fixture without edits has no such file.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("firesFixtures")
    void fixedOutput(Path fixture) throws IOException {
        Fixtures.Run run = Fixtures.lint(fixture, "--diff", "--unsafe-fixes", "--concise", "--color=never",
                "--fail-on=never");
        String name = fixture.getFileName().toString();
        Path approved = fixture.resolveSibling(name.substring(0, name.length() - ".yml".length())
                + ".approved.fixed.diff");
        if (run.out().isEmpty()) {
            assertFalse(Files.exists(approved), approved + " is left from edits the rule no longer makes");
            return;
        }
        Approvals.verify(run.out() + "---- standard error\n" + run.err(),
                options(fixture).forFile().withExtension(".fixed.diff"));
    }

    private static Options options(Path fixture) {
        return new Options().withReporter(new QuietReporter()).forFile().withNamer(new FixtureNamer(fixture));
    }
}
