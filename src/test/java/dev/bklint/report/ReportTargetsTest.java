package dev.bklint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bklint.report.ReportTargets.Arg;
import dev.bklint.report.ReportTargets.Target;
import dev.bklint.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How --format and --output pair: an --output belongs to the --format just before it. */
class ReportTargetsTest {
    @Test
    void noFormatIsTextOnStandardOutput() {
        assertEquals(List.of(new Target("text", null)), ReportTargets.pair(List.of()));
    }

    @Test
    void eachOutputBelongsToTheFormatBeforeIt() {
        assertEquals(List.of(new Target("text", null), new Target("sarif", "bklint.sarif"),
                        new Target("junit", "junit.xml")),
                ReportTargets.pair(List.of(Arg.format("text"), Arg.format("SARIF"), Arg.output("bklint.sarif"),
                        Arg.format("junit"), Arg.output("junit.xml"))));
        assertEquals(List.of(new Target("sarif", "a.sarif"), new Target("gnu", null)),
                ReportTargets.pair(List.of(Arg.format("sarif"), Arg.output("a.sarif"), Arg.format("gnu"))));
    }

    @Test
    void dashIsStandardOutput() {
        assertEquals(List.of(new Target("json", null), new Target("text", "t.txt")),
                ReportTargets.pair(List.of(Arg.format("json"), Arg.output("-"), Arg.format("text"),
                        Arg.output("t.txt"))));
    }

    @Test
    void mismatchesAreUsageErrors() {
        assertEquals("--output x.sarif must follow the --format it writes (e.g. --format sarif --output x.sarif)",
                message(List.of(Arg.output("x.sarif"), Arg.format("sarif"))));
        assertEquals("--output b: --format sarif already writes to a; put a --format before each --output",
                message(List.of(Arg.format("sarif"), Arg.output("a"), Arg.output("b"))));
        assertEquals("--format text and --format json would both write to standard output; give all but one an "
                + "--output FILE after it", message(List.of(Arg.format("text"), Arg.format("json"))));
        assertEquals("--format gnu and --format github would both write to standard output; give all but one an "
                + "--output FILE after it",
                message(List.of(Arg.format("gnu"), Arg.output("-"), Arg.format("github"))));
        assertEquals("--output a.xml is given twice; each report needs its own file",
                message(List.of(Arg.format("junit"), Arg.output("a.xml"), Arg.format("sarif"), Arg.output("a.xml"))));
        assertEquals("--output r.xml and --output ./r.xml name the same file; each report needs its own file",
                message(List.of(Arg.format("junit"), Arg.output("r.xml"), Arg.format("checkstyle"),
                        Arg.output("./r.xml"))));
        assertEquals("unknown --format 'xml' (one of text, json, sarif, github, gnu, checkstyle, junit, buildkite)",
                message(List.of(Arg.format("xml"))));
    }

    @Test
    void aReportMayNotOverwriteAnInput() {
        List<Target> targets = ReportTargets.pair(List.of(Arg.format("sarif"), Arg.output("ci/../pipeline.yml")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportTargets.checkNotAnInput(targets, List.of(new SourceFile("pipeline.yml", ""))));
        assertEquals("--output ci/../pipeline.yml is an input pipeline; refusing to overwrite it", e.getMessage());
    }

    private static String message(List<Arg> args) {
        return assertThrows(IllegalArgumentException.class, () -> ReportTargets.pair(args)).getMessage();
    }
}
