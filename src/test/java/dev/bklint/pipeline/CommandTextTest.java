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

    /** The script of the pod's only command container, as the controller's interposer builds it. */
    private static CommandText containerScript(String plugin) {
        return dev.bklint.TestPipelines.pod("""
                steps:
                  - command: echo unused
                    plugins:
                      - kubernetes:
                """ + plugin.indent(10)).containers().get(0).script();
    }

    @Test
    void buildkiteInterposerJoinsCommandItemsWithNewlinesAndQuotesArgsOnTheLastLine() {
        // The example in agent-stack-k8s@a5d56d1 internal/controller/config/command_params.go:70-81.
        CommandText script = containerScript("""
                podSpec:
                  containers:
                    - image: alpine
                      command:
                        - echo 'hello world'
                        - ls -halt
                        - touch
                      args:
                        - example file.txt
                """);
        assertEquals("echo 'hello world'\nls -halt\ntouch 'example file.txt'", script.text());
        int arg = script.text().indexOf("'example");
        Span scalar = script.pieceHolding(arg).span();
        assertEquals(scalar, script.span(arg, arg + "'example file.txt'".length()),
                "the quoted arg maps to its scalar, quotes and all");
        int file = script.text().indexOf("file.txt");
        assertEquals(span(scalar.line(), scalar.column() + 8, scalar.line(), scalar.column() + 16),
                script.span(file, file + "file.txt".length()));
    }

    @Test
    void vectorInterposerQuotesCommandAndArgsIntoOneLine() {
        CommandText script = containerScript("""
                commandParams:
                  interposer: vector
                podSpec:
                  containers:
                    - image: alpine
                      command: [echo]
                      args: [hello world, "$HOME", "it's", "a'b c"]
                """);
        assertEquals("echo 'hello world' \\$HOME it\\'s 'a'\\''b c'", script.text());
    }

    @Test
    void legacyInterposerJoinsWithSpacesUnquoted() {
        CommandText script = containerScript("""
                commandParams:
                  interposer: legacy
                podSpec:
                  containers:
                    - image: alpine
                      command: [echo, a]
                      args: [hello world]
                """);
        assertEquals("echo a hello world", script.text());
    }

    @Test
    void shellQuoteMatchesGoShellquote() {
        // kballard/go-shellquote@95032a8 quote.go: backslashes unless a space, tab or newline forces single quotes.
        assertEquals("''", ShellQuote.quote("").text());
        assertEquals("plain-word=1,2", ShellQuote.quote("plain-word=1,2").text());
        assertEquals("\\~/x\\*", ShellQuote.quote("~/x*").text());
        assertEquals("a~b", ShellQuote.quote("a~b").text());
        assertEquals("'a b'\\''c'", ShellQuote.quote("a b'c").text());
        assertEquals("\\''a b'", ShellQuote.quote("'a b").text());
        assertEquals("'$x y'", ShellQuote.quote("$x y").text());
    }

    @Test
    void aShellsScriptIsReadWhereTheInterposerKeepsItOneWord() {
        String container = """
                podSpec:
                  containers:
                    - image: moby/buildkit:v0.32.2-rootless
                      command: %s
                      args: [-c, "buildctl-daemonless.sh build --progress=plain"]
                """;
        assertEquals("buildctl-daemonless.sh build --progress=plain",
                containerScript(container.formatted("[sh]")).text(), "buildkite: sh -c 'SCRIPT' runs SCRIPT");
        assertEquals("echo hi\nbuildctl-daemonless.sh build --progress=plain",
                containerScript(container.formatted("[echo hi, sh]")).text());
        assertEquals("buildctl-daemonless.sh build --progress=plain",
                containerScript("commandParams:\n  interposer: vector\n" + container.formatted("[sh]")).text());
        assertEquals("sh -c buildctl-daemonless.sh build --progress=plain",
                containerScript("commandParams:\n  interposer: legacy\n" + container.formatted("[sh]")).text(),
                "legacy splits the script: sh runs `buildctl-daemonless.sh` alone");
    }
}
