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
        assertTrue(run.err().startsWith("bklint: --baseline: "), run.err());
        String path = dir.resolve("nope.json").toString();
        assertEquals(run.err().indexOf(path), run.err().lastIndexOf(path), "the path is named once: " + run.err());
        assertTrue(run.err().contains("no such file"), run.err());
    }

    /** Writing says what was written; a later run says how much the baseline hid and which entries went stale. */
    @Test
    void baselineRunsSayWhatTheyDid(@TempDir Path dir) throws IOException {
        Path pipeline = dir.resolve("pipeline.yml");
        Files.copy(Path.of("fixtures/guide/rootless.yml"), pipeline);
        Path baseline = dir.resolve("baseline.json");
        Run write = Fixtures.run("--write-baseline", baseline.toString(), pipeline.toString());
        int recorded = Files.readString(baseline).split("\"rule\": \"", -1).length - 1;
        assertTrue(recorded > 1, "the fixture has findings");
        assertTrue(write.err().contains("wrote " + recorded + " findings to " + baseline), write.err());

        Run quiet = Fixtures.run("--baseline", baseline.toString(), pipeline.toString());
        assertTrue(quiet.err().contains("--baseline hid " + recorded + " findings"), quiet.err());
        assertTrue(!quiet.err().contains("stale"), quiet.err());

        // An entry that no finding matches any more (fixed since) is stale: the run names it, with its rule and line.
        String gone = "{\"path\": \"" + pipeline.toString().replace("\\", "\\\\")
                + "\", \"rule\": \"BK201\", \"fingerprint\": \"0000\", \"line\": 7},";
        Files.writeString(baseline, Files.readString(baseline).replaceFirst("\"findings\": \\[", "$0" + gone));
        Run stale = Fixtures.run("--baseline", baseline.toString(), pipeline.toString());
        assertTrue(stale.err().contains("stale"), stale.err());
        assertTrue(stale.err().contains("1 baseline entry is stale"), stale.err());
        assertTrue(stale.err().contains(pipeline + ":7: BK201"), stale.err());
        assertTrue(stale.err().contains("--baseline hid " + recorded + " findings"), stale.err());
    }
}
