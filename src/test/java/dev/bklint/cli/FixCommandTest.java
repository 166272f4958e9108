package dev.bklint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bklint --fix}, {@code --unsafe-fixes} and {@code --diff} on real files, as a user runs them. */
class FixCommandTest {
    private static final Path ANCHORED = Path.of("fixtures/pipelines/anchored-two-fixes.yml");
    private static final Path FLOATING = Path.of("fixtures/rules/BK109/fires.yml");

    @TempDir
    Path dir;

    @Test
    void fixRepairsBothAnchoredFindingsInOneRunAndKeepsBomCrlfCommentsAndMode() throws Exception {
        Path file = dir.resolve("pipeline.yml");
        String crlf = Files.readString(ANCHORED).replace("\n", "\r\n");
        Files.write(file, ("\uFEFF" + crlf).getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        Fixtures.Run run = Fixtures.run("--fix", "--color=never", file.toString());

        byte[] bytes = Files.readAllBytes(file);
        String fixed = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(fixed.startsWith("\uFEFF# The newcomer's anchored container"), fixed);
        assertFalse(fixed.replace("\r\n", "").contains("\n"), "a line break lost its CR:\n" + fixed);
        assertTrue(fixed.contains("          appArmorProfile:\r\n            type: Unconfined\r\n        env:\r\n"),
                fixed);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(run.out().contains("BK201") || run.out().contains("BK203"), run.out());
        assertTrue(run.err().contains("bklint: fixed 4 findings in 1 file."), run.err());
        // Only BK303 (info, advice) remains, which the default --fail-on warning does not count.
        assertEquals(0, run.exit(), run.out() + run.err());
        Fixtures.Run again = Fixtures.run("--fix", "--color=never", file.toString());
        assertEquals(fixed, Files.readString(file));
        assertTrue(again.err().contains("bklint: fixed 0 findings in 0 files."), again.err());
    }

    @Test
    void unsafeFixesNeedTheirFlag() throws Exception {
        Path file = dir.resolve("floating.yml");
        Files.copy(FLOATING, file);
        String before = Files.readString(file);

        Fixtures.Run safe = Fixtures.run("--fix", "--fail-on=info", "--color=never", file.toString());
        assertEquals(before, Files.readString(file));
        assertTrue(safe.out().contains("fix (unsafe): Pin `moby/buildkit:v0.32.2-rootless`."), safe.out());
        assertEquals(1, safe.exit());

        Fixtures.Run unsafe = Fixtures.run("--fix", "--unsafe-fixes", "--fail-on=info", "--color=never",
                file.toString());
        assertEquals(before.replace("image: moby/buildkit:rootless", "image: moby/buildkit:v0.32.2-rootless"),
                Files.readString(file));
        assertFalse(unsafe.out().contains("BK109"), unsafe.out());
        assertEquals(0, unsafe.exit(), unsafe.out());
    }

    @Test
    void diffPrintsTheChangeWritesNothingAndExitsOnWhatRemains() throws Exception {
        Path file = dir.resolve("pipeline.yml");
        Files.copy(ANCHORED, file);
        String before = Files.readString(file);

        Fixtures.Run run = Fixtures.run("--diff", "--color=never", file.toString());

        assertEquals(before, Files.readString(file));
        assertTrue(run.out().startsWith("--- " + file + "\n+++ " + file + "\n@@ -17,6 +17,11 @@\n"), run.out());
        assertTrue(run.out().contains("+          appArmorProfile:\n+            type: Unconfined\n+        env:\n"),
                run.out());
        assertTrue(run.err().contains("BK303") && run.err().contains("bklint: would fix 4 findings in 1 file."),
                run.err());
        assertEquals(0, run.exit());
        assertEquals(2, Fixtures.run("--diff", "--fix", file.toString()).exit());
        assertEquals(2, Fixtures.run("--unsafe-fixes", file.toString()).exit());
    }

    @Test
    void standardInputGetsTheFixedTextOnStandardOutput() throws Exception {
        InputStream original = System.in;
        try {
            System.setIn(new ByteArrayInputStream(Files.readAllBytes(ANCHORED)));
            Fixtures.Run run = Fixtures.run("--fix", "--color=never", "-");
            assertTrue(run.out().startsWith("# The newcomer's anchored container"), run.out());
            assertTrue(run.out().contains("        env:\n          - name: BUILDKITD_FLAGS\n"), run.out());
            assertTrue(run.err().contains("No findings") || run.err().contains("BK303"), run.err());
        } finally {
            System.setIn(original);
        }
    }

    /**
     * Over 1,000 findings, more than a report shows: fixing still sees them all (a finding cut from one pass and
     * shown in the next once made the fix look as if it had failed).
     */
    @Test
    void aFileWithMoreFindingsThanAReportShowsIsFixedWhole() throws Exception {
        String step = """
                  - label: "build %d"
                    agents:
                      queue: kubernetes
                    timeout_in_minutes: 30
                    command: buildctl-daemonless.sh build --frontend dockerfile.v0 --local context=. --local dockerfile=.
                    plugins:
                      - kubernetes:
                          podSpec:
                            containers:
                              - name: main
                                image: moby/buildkit:v0.32.2-rootless
                                securityContext:
                                  runAsUser: 1000
                                  runAsGroup: 1000
                """;
        StringBuilder text = new StringBuilder("steps:\n");
        for (int i = 0; i < 260; i++) {
            text.append(String.format(step, i));
        }
        Path file = dir.resolve("many.yml");
        Files.writeString(file, text);
        Fixtures.Run before = Fixtures.run("--concise", "--fail-on=never", file.toString());
        assertTrue(before.out().contains("[BK000 "), "the report is cut: " + before.out().lines().count());

        Fixtures.Run run = Fixtures.run("--fix", "--concise", file.toString());

        assertFalse(run.err().contains("not fixed"), run.err());
        assertTrue(run.err().contains("bklint: fixed 1040 findings in 1 file."), run.err());
        assertFalse(Files.readString(file).equals(text.toString()));
        assertFalse(run.out().contains("[*]"), run.out());
    }

    @Test
    void aLinkIsNotWrittenThroughAndIsReported() throws Exception {
        Path target = dir.resolve("real.yml");
        Files.copy(ANCHORED, target);
        Path link = Files.createSymbolicLink(dir.resolve("link.yml"), target);

        Fixtures.Run run = Fixtures.run("--fix", link.toString());

        assertEquals(Files.readString(ANCHORED), Files.readString(target));
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(run.err().contains(link + ": not fixed: it is a symbolic link"), run.err());
        assertEquals(2, run.exit());
    }
}
