package dev.bklint.buildkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellParserTest {

    static final String GUIDE = """
            BUILDKITD_FLAGS="--oci-worker-no-process-sandbox" \\
            buildctl-daemonless.sh build \\
              --frontend dockerfile.v0 \\
              --local context=. \\
              --local dockerfile=. \\
              --opt filename=Dockerfile \\
              --progress=plain
            """;

    private static List<String> values(SimpleCommand command) {
        return command.words().stream().map(Word::value).toList();
    }

    private static SimpleCommand only(String script) {
        List<SimpleCommand> commands = ShellParser.parse(script);
        assertEquals(1, commands.size(), () -> "commands of: " + script + " -> " + commands);
        return commands.get(0);
    }

    @Test
    void guideCommandIsOneCommandWithAPrefixAssignment() {
        SimpleCommand command = only(GUIDE);

        assertEquals(1, command.assignments().size());
        Assignment flags = command.assignments().get(0);
        assertEquals("BUILDKITD_FLAGS", flags.name());
        assertEquals("--oci-worker-no-process-sandbox", flags.value());
        assertFalse(flags.exported());
        assertEquals(0, flags.start());
        assertEquals(GUIDE.indexOf('"'), flags.valueStart());
        assertEquals(GUIDE.indexOf(" \\"), flags.end());

        assertEquals("buildctl-daemonless.sh", command.program());
        assertEquals(List.of("buildctl-daemonless.sh", "build", "--frontend", "dockerfile.v0", "--local",
                "context=.", "--local", "dockerfile=.", "--opt", "filename=Dockerfile", "--progress=plain"),
                values(command));
        assertEquals(0, command.start());
        assertEquals(GUIDE.indexOf("--progress=plain") + "--progress=plain".length(), command.end());
    }

    @Test
    void wordOffsetsCoverTheRawTextIncludingQuotes() {
        String script = "echo 'a b' \"c\\\"d\" e\\ f";
        SimpleCommand command = only(script);
        assertEquals(List.of("echo", "a b", "c\"d", "e f"), values(command));
        Word quoted = command.words().get(2);
        assertEquals("\"c\\\"d\"", script.substring(quoted.start(), quoted.end()));
        Word escaped = command.words().get(3);
        assertEquals("e\\ f", script.substring(escaped.start(), escaped.end()));
    }

    @Test
    void splitsOnEveryControlOperator() {
        List<SimpleCommand> commands = ShellParser.parse("a 1; b 2 && c || d | e & f\ng");
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"),
                commands.stream().map(SimpleCommand::program).toList());
        assertEquals(List.of("a", "1"), values(commands.get(0)));
    }

    @Test
    void operatorsInsideQuotesDoNotSplit() {
        SimpleCommand command = only("echo 'a; b' \"c && d\" e\\;f");
        assertEquals(List.of("echo", "a; b", "c && d", "e;f"), values(command));
    }

    @Test
    void lineContinuationJoinsLinesIncludingCrLf() {
        SimpleCommand command = only("buildctl \\\r\n  build \\\n  --opt x=y");
        assertEquals(List.of("buildctl", "build", "--opt", "x=y"), values(command));
    }

    @Test
    void adjacentQuotedPartsFormOneWord() {
        String script = "buildctl build --opt=build-arg:X=\"a b\" --opt 'build-arg:Y'=\"$HOME\"";
        SimpleCommand command = only(script);
        assertEquals("--opt=build-arg:X=a b", command.words().get(2).value());
        assertEquals("build-arg:Y=$HOME", command.words().get(4).value());
        Word first = command.words().get(2);
        assertEquals("--opt=build-arg:X=\"a b\"", script.substring(first.start(), first.end()));
    }

    @Test
    void expansionsStayLiteralAndCommandSubstitutionStaysOneWord() {
        String script = "buildctl build --opt build-arg:DATE=$(date -u +\"%Y %m\" | tr -d ')') ${TAG:-x y} `echo a b` \"$V\"";
        SimpleCommand command = only(script);
        assertEquals(List.of("buildctl", "build", "--opt",
                "build-arg:DATE=$(date -u +\"%Y %m\" | tr -d ')')", "${TAG:-x y}", "`echo a b`", "$V"),
                values(command));
        assertEquals(script.indexOf("$(date"), command.words().get(3).start() + "build-arg:DATE=".length());
    }

    @Test
    void commentsRunToEndOfLineOnlyAtWordStart() {
        List<SimpleCommand> commands = ShellParser.parse(
                "# buildctl build --push\necho a#b # trailing; comment\n  # indented\nls");
        assertEquals(2, commands.size());
        assertEquals(List.of("echo", "a#b"), values(commands.get(0)));
        assertEquals("ls", commands.get(1).program());
    }

    @Test
    void bareAssignmentIsACommandWithoutWords() {
        SimpleCommand command = only("FOO=bar");
        assertNull(command.program());
        assertTrue(command.words().isEmpty());
        assertEquals("FOO", command.assignments().get(0).name());
        assertEquals("bar", command.assignments().get(0).value());
        assertEquals(4, command.assignments().get(0).valueStart());
    }

    @Test
    void quotedNameIsNotAnAssignment() {
        SimpleCommand command = only("\"FOO\"=bar");
        assertEquals("FOO=bar", command.program());
        assertTrue(command.assignments().isEmpty());
    }

    @Test
    void exportRecordsExportedAssignmentsAndNoWords() {
        String script = "export A=1 B=\"two words\" C";
        SimpleCommand command = only(script);
        assertTrue(command.words().isEmpty());
        assertEquals(2, command.assignments().size());
        Assignment b = command.assignments().get(1);
        assertEquals("B", b.name());
        assertEquals("two words", b.value());
        assertTrue(b.exported());
        assertEquals(script.indexOf("\"two"), b.valueStart());
        assertEquals(script.indexOf("B="), b.start());
        assertEquals(script.indexOf(" C"), b.end());
    }

    @Test
    void exportWithoutValueRecordsNothing() {
        assertTrue(ShellParser.parse("export FOO").isEmpty());
    }

    @Test
    void envAndPlainWrappersAreUnwrapped() {
        SimpleCommand command = only("sudo env A=1 B=2 nohup buildctl build");
        assertEquals("buildctl", command.program());
        assertEquals(List.of("A", "B"), command.assignments().stream().map(Assignment::name).toList());
        assertEquals(0, command.start());
    }

    @Test
    void wrapperWithOptionsIsTheProgram() {
        assertEquals("sudo", only("sudo -E buildctl build").program());
        assertEquals("env", only("env -i A=1 buildctl").program());
        assertEquals("env", only("env A=1").program());
    }

    @Test
    void controlWordsAreSkipped() {
        List<SimpleCommand> commands = ShellParser.parse("if buildctl build --frontend x; then echo ok; fi");
        assertEquals(2, commands.size());
        assertEquals(List.of("buildctl", "build", "--frontend", "x"), values(commands.get(0)));
        assertEquals(List.of("echo", "ok"), values(commands.get(1)));
    }

    @Test
    void loopAndCaseHeadersAreNotCommands() {
        List<SimpleCommand> commands = ShellParser.parse("""
                for arch in amd64 arm64; do
                  buildctl build --opt platform=linux/$arch
                done
                case "$BRANCH" in
                  main) buildctl build --output type=image,push=true ;;
                  *) echo skip ;;
                esac
                ( cd sub && make )
                """);
        assertEquals(List.of("buildctl", "buildctl", "echo", "cd", "make"),
                commands.stream().map(SimpleCommand::program).toList());
    }

    @Test
    void quotedProgramTextIsNotACommand() {
        SimpleCommand command = only("echo \"buildctl build\"");
        assertEquals("echo", command.program());
        assertEquals("buildctl build", command.words().get(1).value());
    }

    @Test
    void redirectionsAreNotWords() {
        SimpleCommand command = only("buildctl build --opt a=b 2>&1 >/tmp/log < in");
        assertEquals(List.of("buildctl", "build", "--opt", "a=b"), values(command));
        assertEquals("buildctl build --opt a=b".length(), command.end());
    }

    @Test
    void heredocBodyIsSkipped() {
        List<SimpleCommand> commands = ShellParser.parse("cat <<EOF > Dockerfile\nbuildctl build\nEOF\nls\n");
        assertEquals(List.of("cat", "ls"), commands.stream().map(SimpleCommand::program).toList());
    }

    @Test
    void unterminatedQuotesEndAtEndOfInput() {
        SimpleCommand command = only("buildctl build --opt \"a b");
        assertEquals("a b", command.words().get(3).value());
        assertEquals("buildctl build --opt \"a b".length(), command.words().get(3).end());
        assertEquals("x$(y", only("echo 'x$(y").words().get(1).value());
        assertEquals("$(echo a", only("echo $(echo a").words().get(1).value());
    }

    @Test
    void programNameIsTheBasename() {
        assertEquals("buildctl-daemonless.sh", only("/usr/bin/buildctl-daemonless.sh build").programName());
        assertNull(only("A=1").programName());
    }
}
