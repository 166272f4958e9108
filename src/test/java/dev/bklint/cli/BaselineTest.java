package dev.bklint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.Fixtures;
import dev.bklint.Fixtures.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A baseline keeps today's findings quiet, even when they move, and lets new ones through. */
class BaselineTest {
    @Test
    void onlyNewFindingsFail(@TempDir Path dir) throws IOException {
        Path pipeline = dir.resolve("pipeline.yml");
        Files.copy(Path.of("fixtures/guide/rootless.yml"), pipeline);
        Path baseline = dir.resolve("baseline.json");
        Run write = Fixtures.run("--write-baseline", baseline.toString(), pipeline.toString());
        assertEquals(1, write.exit(), "writing a baseline still reports today's findings");
        assertTrue(Files.readString(baseline).contains("\"rule\": \"BK201\""));

        String moved = "# a comment and a blank line move every finding down\n\n" + Files.readString(pipeline);
        Files.writeString(pipeline, moved);
        Run quiet = Fixtures.run("--baseline", baseline.toString(), pipeline.toString());
        assertEquals(0, quiet.exit(), quiet.out());
        assertTrue(quiet.out().startsWith("No findings"), quiet.out());

        Files.writeString(pipeline, moved.replace("runAsGroup: 1000", "runAsGroup: 1001"));
        Run fresh = Fixtures.run("--color=never", "--baseline", baseline.toString(), pipeline.toString());
        assertEquals(1, fresh.exit());
        assertTrue(fresh.out().contains("error[BK105 rootless-uid-gid-not-1000]"), fresh.out());
        assertTrue(fresh.out().contains("1 finding in 1 file"), fresh.out());
    }

    @Test
    void aMissingBaselineIsAUsageError(@TempDir Path dir) {
        Run run = Fixtures.run("--baseline", dir.resolve("nope.json").toString(), "fixtures/guide/rootless.yml");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("bklint: --baseline: cannot read "), run.err());
    }
}
