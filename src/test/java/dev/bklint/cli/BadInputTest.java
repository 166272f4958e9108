package dev.bklint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.Fixtures;
import dev.bklint.Fixtures.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input table (docs/bad-input.md): every input gets its exit code and a clear message, in bounded time,
 * with no stack trace.
 */
class BadInputTest {
    @TempDir
    static Path dir;

    static Stream<Arguments> inputs() throws IOException {
        return Stream.of(
                row("unclosed flow sequence", "steps: [\n", 1, ":2:1: error[BK001 yaml-syntax]"),
                row("bad indentation", "steps:\n  - command: x\n   label: y\n", 1, ":3:4: error[BK001 yaml-syntax]"),
                row("tab indentation", "steps:\n\t- command: x\n", 1, "found a tab character"),
                row("empty file", "", 0, "No findings in 1 file."),
                row("steps is a string", "steps: build\n", 1, "`steps` must be a list of steps, not a string"),
                row("podSpec is a list", "steps:\n  - command: make\n    plugins:\n      - kubernetes:\n"
                        + "          podSpec: [a, b]\n", 1, "error[BK005 wrong-type]"),
                row("merge-key cycle", "a: &a\n  <<: *a\n", 1, "refers to the node that contains it (a cycle)"),
                row("undefined alias", "steps: *nope\n", 1, "alias *nope refers to no anchor"),
                row("100,000 nested sequences", "[".repeat(100_000) + "]".repeat(100_000), 1,
                        "error[BK009 file-too-complex] bklint did not lint this file: nesting is deeper than 512 levels"),
                row("alias bomb", bomb(), 1, "error[BK009 file-too-complex] bklint did not lint this file: aliases "),
                row("key of 1 MB", "a".repeat(1 << 20) + ": 1\n", 1, "error[BK001 yaml-syntax]"),
                row("windows line endings", "steps:\r\n  - command: make\r\n", 0, "No findings"),
                row("byte-order mark", "\uFEFFsteps:\n  - command: make\n", 0, "No findings"),
                bytes("binary file", new byte[] {'P', 'K', 3, 4, 0, 0}, 2, "binary file (NUL byte at offset 4)"),
                bytes("not UTF-8", "steps:\n  - label: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1), 2,
                        ":2:15: not UTF-8 text (invalid byte 0xe9)"),
                bytes("over the size limit", new byte[17 * 1024 * 1024], 2, "over the 16 MiB limit"));
    }

    private static Arguments row(String name, String text, int exit, String expected) throws IOException {
        return bytes(name, text.getBytes(StandardCharsets.UTF_8), exit, expected);
    }

    private static Arguments bytes(String name, byte[] content, int exit, String expected) throws IOException {
        Path file = dir.resolve(name.replaceAll("[^a-z0-9]+", "-") + ".yml");
        if (name.equals("over the size limit")) {
            java.util.Arrays.fill(content, (byte) 'a');
        }
        Files.write(file, content);
        return Arguments.of(name, file, exit, expected);
    }

    private static String bomb() {
        StringBuilder b = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        String prev = "a";
        for (char c = 'b'; c <= 'j'; c++) {
            b.append(c).append(": &").append(c).append(" [").append(String.join(", ",
                    java.util.Collections.nCopies(10, "*" + prev))).append("]\n");
            prev = String.valueOf(c);
        }
        return b.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void answersClearlyInBoundedTime(String name, Path file, int exit, String expected) {
        Run run = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Fixtures.run("--color=never", file.toString()));
        assertEquals(exit, run.exit(), run.out() + run.err());
        assertTrue((run.out() + run.err()).contains(expected), run.out() + run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        assertTrue(run.err().lines().count() <= 1, run.err());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void unreadablePathsExitTwo(String name, String path, String expected) throws IOException {
        Run run = Fixtures.run(path);
        assertEquals(2, run.exit(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(expected), run.err());
    }

    static Stream<Arguments> paths() throws IOException {
        Path loop = dir.resolve("loop.yml");
        Files.deleteIfExists(loop);
        Files.createSymbolicLink(loop, loop);
        Path empty = Files.createDirectories(dir.resolve("no-pipelines"));
        Path notADir = Files.writeString(dir.resolve("plain.yml"), "steps: []\n");
        return Stream.of(
                Arguments.of("missing path", dir.resolve("missing.yml").toString(), "missing.yml: no such file"),
                Arguments.of("symlink loop", loop.toString(), "loop.yml: cannot read"),
                Arguments.of("directory with no pipelines", empty.toString(), "directory has no .yml, .yaml or pipeline*.json files"),
                Arguments.of("path below a file", notADir.resolve("x.yml").toString(), "x.yml"));
    }
}
