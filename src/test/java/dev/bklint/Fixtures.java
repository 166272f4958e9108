package dev.bklint;

import dev.bklint.cli.FixtureArgs;
import dev.bklint.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds the fixture pipelines and runs the real command line on them, as a user would. */
public final class Fixtures {
    public static final Path ROOT = Path.of("fixtures");
    /** Real files other people wrote, checked against hand verdicts by CorpusVerdictTest, not approved here. */
    public static final Path CORPUS = ROOT.resolve("corpus");
    /** Job logs (and a pipeline) for {@code bklint diagnose}, approved by DiagnoseSamplesTest, not linted here. */
    public static final Path DIAGNOSE = ROOT.resolve("diagnose");

    private Fixtures() {
    }

    public static List<Path> all() throws IOException {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .filter(p -> !p.startsWith(CORPUS) && !p.startsWith(DIAGNOSE)).sorted().toList();
        }
    }

    /** The result of one run of the CLI. */
    public record Run(int exit, String out, String err) {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** Lints a fixture with its own {@code # bklint-args:} and the given extra arguments. */
    public static Run lint(Path fixture, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of(extra));
        args.addAll(FixtureArgs.forFixture(fixture, Files.readString(fixture)));
        args.add(fixture.toString().replace('\\', '/'));
        return run(args.toArray(new String[0]));
    }
}
