package dev.bklint.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.FixtureNamer;
import dev.bklint.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@code bklint diagnose} on each sample job log (with {@code --pipeline} when its header names one): the
 * headline cause must be the header's first {@code # expect:} id and the pipeline line its
 * {@code # expect-pipeline-line:}, its confidence {@code # expect-confidence:}; every other {@code # expect:} id is reported too (another failure); inputs named by
 * {@code # with:} are read as the same incident; the full text and JSON outputs are approved beside the sample.
 */
class DiagnoseSamplesTest {
    static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.DIAGNOSE)) {
            List<Path> logs = files.filter(p -> p.toString().endsWith(".log")).sorted().toList();
            assertFalse(logs.isEmpty(), "no sample under " + Fixtures.DIAGNOSE);
            return logs;
        }
    }

    /** The sample's {@code # key: value} header lines with this key, in order. */
    private static List<String> header(Path sample, String key) throws IOException {
        List<String> values = new ArrayList<>();
        for (String line : Files.readAllLines(sample)) {
            if (!line.startsWith("# ")) {
                break;
            }
            if (line.startsWith("# " + key + ": ")) {
                values.add(line.substring(key.length() + 4).strip());
            }
        }
        return values;
    }

    private static List<String> args(Path sample, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("diagnose"));
        args.addAll(List.of(extra));
        List<String> pipelines = header(sample, "pipeline");
        for (String pipeline : pipelines) {
            args.add("--pipeline");
            args.add(path(sample.resolveSibling(pipeline)));
        }
        if (pipelines.isEmpty()) {
            args.add("--no-pipeline"); // the sample's log alone, not linked to whatever pipeline the tests run beside
        }
        args.add(path(sample));
        for (String other : header(sample, "with")) {
            args.add(path(sample.resolveSibling(other))); // another input of the same incident (kubectl output)
        }
        return args;
    }

    private static String path(Path p) {
        return p.toString().replace('\\', '/');
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void headlineIsTheExpectedCause(Path sample) throws IOException {
        Fixtures.Run run = Fixtures.run(args(sample, "--format=json").toArray(new String[0]));
        assertEquals(0, run.exit(), run.err());
        String expected = header(sample, "expect").get(0).split("\\s+")[0];
        assertEquals(expected, jsonField(run.out(), "\"id\": \""), run.out());
        for (String also : header(sample, "expect")) {
            String id = also.split("\\s+")[0];
            assertTrue(run.out().contains("\"id\": \"" + id + "\""), id + " not reported:\n" + run.out());
        }
        for (String confidence : header(sample, "expect-confidence")) {
            assertEquals(confidence, jsonField(run.out(), "\"confidence\": \""), run.out());
        }
        List<String> pipelineLine = header(sample, "expect-pipeline-line");
        if (!pipelineLine.isEmpty()) {
            String first = pipelineLine.get(0).split("-")[0];
            int at = run.out().indexOf("\"pipeline\": {");
            assertFalse(at < 0, "no pipeline link in " + run.out());
            assertEquals(first, jsonNumber(run.out().substring(at), "\"line\": "), run.out());
        }
    }

    private static String jsonField(String json, String key) {
        int at = json.indexOf(key);
        return at < 0 ? null : json.substring(at + key.length(), json.indexOf('"', at + key.length()));
    }

    private static String jsonNumber(String json, String key) {
        int at = json.indexOf(key) + key.length();
        int end = at;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return json.substring(at, end);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void textOutput(Path sample) throws IOException {
        Fixtures.Run run = Fixtures.run(args(sample).toArray(new String[0]));
        Approvals.verify(run.out() + run.err() + "[exit " + run.exit() + "]\n", options(sample).forFile().withExtension(".txt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void jsonOutput(Path sample) throws IOException {
        Fixtures.Run run = Fixtures.run(args(sample, "--format=json").toArray(new String[0]));
        Approvals.verify(run.out() + run.err(), options(sample).forFile().withExtension(".json"));
    }

    private static Options options(Path sample) {
        return new Options().withReporter(new QuietReporter()).forFile().withNamer(new FixtureNamer(sample));
    }
}
