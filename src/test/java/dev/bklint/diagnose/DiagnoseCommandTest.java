package dev.bklint.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit statuses of {@code bklint diagnose} and what it says when it knows no cause. */
class DiagnoseCommandTest {
    @TempDir
    Path dir;

    @Test
    void anUnreadableLogIsBadInput() {
        Fixtures.Run run = Fixtures.run("diagnose", dir.resolve("missing.log").toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("missing.log: no such file"), run.err());
    }

    @Test
    void anUnknownFailureExitsOneWithTheLastErrorLinesAndTheHint() throws IOException {
        Path log = Files.writeString(dir.resolve("job.log"), "make test\n\u001B[31mFAILED\u001B[0m 3 tests\nok\n");
        Fixtures.Run run = Fixtures.run("diagnose", log.toString());
        assertEquals(1, run.exit());
        assertTrue(run.out().contains(" 2 | FAILED 3 tests\n"), run.out());
        assertTrue(run.out().contains("--progress=plain") && run.out().contains("--debug before build"), run.out());
    }

    @Test
    void anEmptyOrBinaryLogIsNamedAndStillRead() throws IOException {
        Path log = Files.write(dir.resolve("job.log"), new byte[] {0, 1, 2, (byte) 0xFE});
        Fixtures.Run run = Fixtures.run("diagnose", log.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("looks binary"), run.err());
        Path empty = Files.write(dir.resolve("empty.log"), new byte[0]);
        assertTrue(Fixtures.run("diagnose", empty.toString()).err().contains("the log is empty"));
    }

    @Test
    void severalInputsAreOneIncidentReportedOnceUnderTheirOwnPaths() throws IOException {
        Path job = Files.writeString(dir.resolve("job.log"),
                "~~~ Running commands\nError running job: timed out waiting 5m0s for all containers to connect\n");
        Path events = Files.writeString(dir.resolve("events.txt"),
                "LAST SEEN   TYPE      REASON         OBJECT        MESSAGE\n"
                        + "41s         Warning   FailedCreate   job/bk-0190   Error creating: pods \"bk-0190-x\" is "
                        + "forbidden: violates PodSecurity \"baseline:latest\": privileged\n");
        Fixtures.Run run = Fixtures.run("diagnose", "--no-pipeline", job.toString(), events.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(1, run.out().lines().filter(l -> l.contains(": cause[")).count(), run.out());
        assertTrue(run.out().startsWith(events + ":2: cause[psa-baseline-violation, medium]"), run.out());
        assertEquals(2, Fixtures.run("diagnose", job.toString(), dir.resolve("missing.txt").toString()).exit());
    }

    @Test
    void withoutPipelineTheOneLintWouldDiscoverHereIsLinkedAndNoPipelineTurnsThatOff() {
        // The tests run in bklint's clone, whose own .buildkite/pipeline.yml has one BuildKit step.
        String log = "fixtures/diagnose/s06-buildctl-without-daemon.log";
        Fixtures.Run discovered = Fixtures.run("diagnose", log);
        assertTrue(discovered.out().contains("  pipeline: .buildkite/pipeline.yml:"), discovered.out());
        Fixtures.Run alone = Fixtures.run("diagnose", "--no-pipeline", log);
        assertEquals(0, alone.exit(), alone.err());
        assertTrue(!alone.out().contains("pipeline:") && alone.out().contains("no pipeline to check it against"),
                alone.out());
        Fixtures.Run both = Fixtures.run("diagnose", "--no-pipeline", "--pipeline", ".buildkite/pipeline.yml", log);
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("--pipeline and --no-pipeline contradict each other"), both.err());
    }

    @Test
    void aBadFormatIsAUsageError() {
        assertEquals(2, Fixtures.run("diagnose", "--format=sarif", "x.log").exit());
    }

    @Test
    void listCausesNamesEveryCause() {
        Fixtures.Run run = Fixtures.run("diagnose", "--list-causes");
        assertEquals(0, run.exit());
        assertEquals(CauseCatalog.get().causes().size(), run.out().lines().count());
        assertTrue(run.out().contains("state-dir-nosuid  cause  BK302  "), run.out());
    }

    @Test
    void theBuildkiteAnnotationIsOneEscapedRowPerLog() throws IOException {
        Path log = dir.resolve("job.log");
        Files.writeString(log, "$ buildkitd &\n"
                + "buildkitd: rootless mode requires to be executed as the mapped root in a user namespace; "
                + "[x](https://evil.example) | <b>\n");
        Fixtures.Run run = Fixtures.run("diagnose", "--format", "buildkite", log.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("**bklint diagnose**: a known cause found."), run.out());
        assertTrue(run.out().contains(" | **buildkitd-without-rootlesskit**: "), run.out());
        assertTrue(run.out().contains("`buildkitd: rootless mode requires to be executed as the mapped root in a "
                + "user namespace; [x](https://evil.example) \\| <b>`"), "the log line is a code span, its | "
                + "escaped:\n" + run.out());
        assertEquals(3, run.out().lines().filter(l -> l.startsWith("|")).count(), "header, rule, one row");
    }
}
