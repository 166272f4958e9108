package dev.bklint;

import java.io.IOException;
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

    private static Options options(Path fixture) {
        return new Options().withReporter(new QuietReporter()).forFile().withNamer(new FixtureNamer(fixture));
    }
}
