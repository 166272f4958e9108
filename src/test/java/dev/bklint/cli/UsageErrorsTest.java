package dev.bklint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.Fixtures;
import dev.bklint.Fixtures.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options that cannot mean what was written are usage errors (exit 2, one line), not quietly something else. */
class UsageErrorsTest {
    private static final String GUIDE = "fixtures/guide/privileged.yml";

    @Test
    void aProjectDirThatDoesNotExistIsAUsageError(@TempDir Path dir) {
        Path missing = dir.resolve("nonexistent");
        Run run = Fixtures.run("--no-config", "--project-dir", missing.toString(), GUIDE);
        assertEquals(2, run.exit(), run.out());
        assertEquals("bklint: --project-dir: " + missing + ": no such folder\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void stdinFilenameWithoutADashIsAUsageError() {
        Run run = Fixtures.run("--no-config", "--stdin-filename", "x.yml", GUIDE);
        assertEquals(2, run.exit(), run.out());
        assertEquals("bklint: --stdin-filename names what `-` reads: add `-` to lint standard input\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void helpFollowsColor() {
        Run always = Fixtures.run("--color", "always", "--help");
        assertEquals(0, always.exit());
        assertTrue(always.out().contains("\u001b["), always.out());
        Run never = Fixtures.run("--color=never", "--help");
        assertFalse(never.out().contains("\u001b["), never.out());
        Run sub = Fixtures.run("inspect", "--help", "--color", "always");
        assertTrue(sub.out().contains("\u001b["), sub.out());
    }
}
