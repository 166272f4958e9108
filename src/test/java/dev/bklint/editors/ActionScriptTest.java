package dev.bklint.editors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Action's step script (tools/github/run-action.sh, which action.yml runs with its inputs in the
 * environment), with a stand-in bklint that records the words it was given and the JAVA_HOME it saw: inputs
 * become plain words that nothing evaluates, and Java is chosen for bklint's process alone.
 */
class ActionScriptTest {
    private static final Path SCRIPT = Path.of("tools/github/run-action.sh").toAbsolutePath();

    private record Ran(int exit, String output, List<String> args, String javaHome, String githubOutput) {
    }

    private static Ran run(Path dir, Map<String, String> env) throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("action"));
        Path bklint = home.resolve("bklint");
        Files.writeString(bklint, """
                #!/bin/sh
                if [ "$1" = --version ]; then echo "bklint 0.1.0 (Java 21)"; exit 0; fi
                printf '%s\\n' "$@" > "$RECORD/args"
                printf '%s' "${JAVA_HOME-}" > "$RECORD/java-home"
                exit 1
                """);
        Files.setPosixFilePermissions(bklint, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jdk = Files.createDirectories(dir.resolve("jdk21/bin"));
        Files.writeString(jdk.resolve("java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(jdk.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path output = dir.resolve("github-output");
        Files.writeString(output, "");
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("JAVA_HOME") || k.startsWith("BKLINT_"));
        e.put("RECORD", dir.toString());
        e.put("BKLINT_HOME", home.toString());
        e.put("JAVA_HOME", "/callers/own/jdk");
        e.put("JAVA_HOME_21_X64", dir.resolve("jdk21").toString());
        e.put("GITHUB_OUTPUT", output.toString());
        e.putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        Path args = dir.resolve("args");
        return new Ran(p.exitValue(), out, Files.exists(args) ? Files.readAllLines(args) : List.of(),
                Files.exists(dir.resolve("java-home")) ? Files.readString(dir.resolve("java-home")) : null,
                Files.readString(output));
    }

    @Test
    void inputsArePlainWordsThatNoShellEvaluatesOrGlobs(@TempDir Path dir) throws Exception {
        Ran ran = run(dir, Map.of(
                "BKLINT_ARGS", "--kubernetes-version 1.30 $(touch pwned1) `touch pwned2` ;touch pwned3",
                "BKLINT_PATHS", ".buildkite/*.yml $HOME",
                "BKLINT_FAIL_ON", "warning",
                "BKLINT_SARIF", "out/bklint.sarif"));
        assertEquals(1, ran.exit(), "bklint's own exit status is the step's: " + ran.output());
        assertEquals(List.of("--format", "github", "--fail-on", "warning", "--format", "sarif", "--output",
                "out/bklint.sarif", "--kubernetes-version", "1.30", "$(touch", "pwned1)", "`touch", "pwned2`",
                ";touch", "pwned3", ".buildkite/*.yml", "$HOME"), ran.args());
        for (String f : List.of("pwned1", "pwned2", "pwned3")) {
            assertFalse(Files.exists(dir.resolve(f)), f + " was created: an input ran as a command");
        }
    }

    @Test
    void javaIsChosenForBklintAloneFromTheRunnersInstalledJdks(@TempDir Path dir) throws Exception {
        Ran ran = run(dir, Map.of());
        assertEquals(dir.resolve("jdk21").toString(), ran.javaHome(), ran.output());
        assertEquals(List.of("--format", "github"), ran.args(), "no SARIF and no paths asked for");
    }

    @Test
    void theSarifOutputIsSetOnlyWhenTheReportExists(@TempDir Path dir) throws Exception {
        assertEquals("", run(dir, Map.of("BKLINT_SARIF", "bklint.sarif")).githubOutput());
        Files.writeString(dir.resolve("bklint.sarif"), "{}");
        assertEquals("sarif=bklint.sarif\n", run(dir, Map.of("BKLINT_SARIF", "bklint.sarif")).githubOutput());
    }

    @Test
    void anInputWithALineBreakIsRefusedBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Ran ran = run(dir, Map.of("BKLINT_SARIF", "x.sarif\nsarif=/etc/passwd"));
        assertEquals(2, ran.exit());
        assertTrue(ran.output().contains("::error title=bklint action::input SARIF holds a line break"), ran.output());
        assertTrue(ran.args().isEmpty() && ran.githubOutput().isEmpty());
    }

    @Test
    void aVersionOtherThanTheExpectedOneFailsTheStep(@TempDir Path dir) throws Exception {
        Ran wrong = run(dir, Map.of("BKLINT_VERSION", "0.2.0"));
        assertEquals(2, wrong.exit());
        assertTrue(wrong.output().contains("expected bklint 0.2.0, but the action's checkout is: bklint 0.1.0"),
                wrong.output());
        assertEquals(1, run(dir, Map.of("BKLINT_VERSION", "0.1.0")).exit(), "the right version lints");
    }
}
