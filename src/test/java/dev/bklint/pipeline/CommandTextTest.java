package dev.bklint.pipeline;

import static dev.bklint.TestPipelines.onlyStep;
import static dev.bklint.TestPipelines.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.source.Span;
import dev.bklint.yaml.YSeq;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CommandTextTest {

    /** The source span of the {@code occurrence}-th (0-based) whitespace-delimited {@code word} of the script. */
    private static Span spanOf(CommandText command, String word, int occurrence) {
        Matcher m = Pattern.compile("(?<!\\S)" + Pattern.quote(word) + "(?!\\S)").matcher(command.text());
        for (int i = 0; i <= occurrence; i++) {
            assertTrue(m.find(), word + " #" + occurrence + " not in " + command.text());
        }
        return command.span(m.start(), m.end());
    }

    @Test
    void wordInALiteralBlock() {
        CommandText command = onlyStep("""
                steps:
                  - label: build
                    command: |
                      echo start
                      buildctl-daemonless.sh build \\
                        --progress=plain
                """).command();
        assertEquals("echo start\nbuildctl-daemonless.sh build \\\n  --progress=plain\n", command.text());
        assertEquals(span(5, 7, 5, 29), spanOf(command, "buildctl-daemonless.sh", 0));
        assertEquals(span(6, 9, 6, 25), spanOf(command, "--progress=plain", 0));
        assertEquals(span(4, 7, 4, 11), spanOf(command, "echo", 0));
    }

    @Test
    void wordInAPlainOneLineCommand() {
        CommandText command = onlyStep("""
                steps:
                  - command: docker build -t app .
                """).command();
        assertEquals(span(2, 30, 2, 33), spanOf(command, "app", 0));
        assertEquals(span(2, 14, 2, 20), spanOf(command, "docker", 0));
    }

    @Test
    void wordInADoubleQuotedCommandWithEscapes() {
        CommandText command = onlyStep("""
                steps:
                  - command: "echo \\"hi\\" && buildctl build"
                """).command();
        assertEquals("echo \"hi\" && buildctl build", command.text());
        assertEquals(span(2, 30, 2, 38), spanOf(command, "buildctl", 0));
        assertEquals(span(2, 39, 2, 44), spanOf(command, "build", 0));
        int hi = command.text().indexOf("hi");
        assertEquals(span(2, 22, 2, 24), command.span(hi, hi + 2), "between the escaped quotes");
    }

    @Test
    void wordInTheSecondItemOfACommandsList() {
        CommandText command = onlyStep("""
                steps:
                  - commands:
                      - echo build one
                      - buildctl build --output type=image
                """).command();
        assertEquals("echo build one\nbuildctl build --output type=image", command.text());
        assertEquals(span(4, 18, 4, 23), spanOf(command, "build", 1));
        assertEquals(span(4, 33, 4, 43), spanOf(command, "type=image", 0));
        assertEquals(span(3, 14, 3, 19), spanOf(command, "build", 0));
        int second = command.text().indexOf("buildctl");
        assertSame(((YSeq) command.node()).items().get(1), command.pieceHolding(second));
    }

    @Test
    void emptyRangeIsAPointAtItsStart() {
        CommandText command = onlyStep("""
                steps:
                  - command: make all
                """).command();
        assertEquals(Span.point(2, 19), command.span(5, 5));
    }
}
