package dev.bklint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.Fixtures;
import dev.bklint.Fixtures.Run;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as users and CI see it: exit codes, one-line errors, formats and subcommands. */
class CliTest {
    private static final String BK101 = "fixtures/rules/BK101/fires.yml";
    private static final String BK205 = "fixtures/rules/BK205/fires.yml";

    @Test
    void findingsAtOrAboveTheThresholdExitOne() {
        assertEquals(1, Fixtures.run(BK101).exit());
        assertEquals(1, Fixtures.run("--fail-on", "error", BK101).exit());
        assertEquals(0, Fixtures.run("--fail-on", "never", BK101).exit());
    }

    @Test
    void warningsPassWhenOnlyErrorsFail() {
        Run run = Fixtures.run("--fail-on=error", BK205);
        assertTrue(run.out().contains("warning[BK205"), run.out());
        assertEquals(0, run.exit());
        assertEquals(1, Fixtures.run(BK205).exit());
    }

    @Test
    void infoFindingsDoNotFailByDefault() {
        // the guide's privileged example has only advice: an ephemeral cache and a floating tag
        Run run = Fixtures.run("fixtures/guide/privileged.yml");
        assertTrue(run.out().contains("info[BK303") && run.out().contains("0 errors, 0 warnings, 2 info"), run.out());
        assertEquals(0, run.exit());
        assertEquals(1, Fixtures.run("--fail-on=info", "fixtures/guide/privileged.yml").exit());
    }

    @Test
    void missingFileIsOneLineAndExitTwo() {
        Run run = Fixtures.run("no/such/pipeline.yml");
        assertEquals(2, run.exit());
        assertEquals("bklint: no/such/pipeline.yml: no such file\n", run.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run run = Fixtures.run("--no-such-flag", BK101);
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("bklint: Unknown option: '--no-such-flag'"), run.err());
        assertEquals(1, run.err().lines().count());
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertEquals(2, Fixtures.run("--format=xml", BK101).exit());
        assertEquals(2, Fixtures.run("--fail-on=sometimes", BK101).exit());
        Run run = Fixtures.run("--kubernetes-version", "latest", BK101);
        assertEquals(2, run.exit());
        assertEquals("bklint: not a Kubernetes version: 'latest' (expected e.g. 1.30)\n", run.err());
        assertEquals(2, Fixtures.run("--pod-security-level", "strict", BK101).exit());
    }

    @Test
    void brokenYamlIsAFindingWithItsPosition() {
        Run run = Fixtures.run("--color=never", "fixtures/rules/BK001/fires.yml");
        assertEquals(1, run.exit());
        assertTrue(run.out().startsWith("fixtures/rules/BK001/fires.yml:28:18: error[BK001 yaml-syntax]"), run.out());
    }

    @Test
    void binaryAndNonUtf8InputAreRefusedWithExitTwo(@TempDir Path dir) throws IOException {
        Path binary = dir.resolve("binary.yml");
        Files.write(binary, new byte[] {'a', 0, 'b'});
        Run run = Fixtures.run(binary.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("binary file (NUL byte at offset 1)"), run.err());
        Path latin = dir.resolve("latin.yml");
        Files.write(latin, "steps:\n  - label: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        run = Fixtures.run(latin.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("latin.yml:2:15: not UTF-8 text (invalid byte 0xe9)"), run.err());
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndingsKeepPositions(@TempDir Path dir) throws IOException {
        String text = Files.readString(Path.of(BK101)).replace("\n", "\r\n");
        Path crlf = dir.resolve("crlf.yml");
        Files.writeString(crlf, "\uFEFF" + text);
        Run plain = Fixtures.run("--format=json", "--fail-on=never", BK101);
        Run windows = Fixtures.run("--format=json", "--fail-on=never", crlf.toString());
        assertEquals(plain.out().replace(BK101, "X"), windows.out().replace(crlf.toString(), "X"));
    }

    @Test
    void stdinUsesTheGivenName() throws IOException {
        InputStream original = System.in;
        try {
            System.setIn(new ByteArrayInputStream(Files.readAllBytes(Path.of(BK101))));
            Run run = Fixtures.run("--color=never", "--stdin-filename", ".buildkite/pipeline.yml", "-");
            assertEquals(1, run.exit());
            assertTrue(run.out().contains(".buildkite/pipeline.yml:35:31: error[BK101"), run.out());
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void jsonHasToolFindingsAndSteps() {
        Run run = Fixtures.run("--format=json", BK101);
        assertEquals(1, run.exit());
        String out = run.out();
        assertTrue(out.startsWith("{\n  \"tool\": {"), out);
        assertTrue(out.contains("\"rule\": \"BK101\""), out);
        assertTrue(out.contains("\"name\": \"root-image-not-privileged\""), out);
        assertTrue(out.contains("\"mode\": \"privileged\""), out);
        assertTrue(out.contains("\"signal\": \"image\""), out);
    }

    @Test
    void colourOnlyWhenAsked() {
        assertFalse(Fixtures.run("--color=never", BK101).out().contains("\u001b["));
        assertTrue(Fixtures.run("--color=always", BK101).out().contains("\u001b["));
    }

    @Test
    void versionNamesTheJavaRuntime() {
        Run run = Fixtures.run("--version");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("bklint "), run.out());
        assertTrue(run.out().contains("Java " + System.getProperty("java.runtime.version")), run.out());
    }

    @Test
    void explainPrintsTheRuleOffline() {
        Run run = Fixtures.run("explain", "BK301");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("BK301 cache-path-mismatch (error)\n"), run.out());
        assertTrue(run.out().contains("/home/user/.local/share/buildkit"), run.out());
        assertEquals(run.out(), Fixtures.run("explain", "cache-path-mismatch").out());
        Run unknown = Fixtures.run("explain", "BK999");
        assertEquals(2, unknown.exit());
        assertEquals("bklint: no rule or cause 'BK999' (bklint rules and bklint diagnose --list-causes list them)\n",
                unknown.err());
    }

    @Test
    void explainPrintsACauseThatDiagnoseNames() {
        Run run = Fixtures.run("explain", "userns-blocked-by-seccomp");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("userns-blocked-by-seccomp (cause, found by bklint diagnose)\n"), run.out());
        assertTrue(run.out().contains("\nWhy\n") && run.out().contains("\nFix\n"), run.out());
        assertTrue(run.out().contains("\nPrevented by BK202 (bklint explain BK202); the why and fix above are that "
                + "rule's.\n"), run.out());
        String ruleFix = dev.bklint.rules.RuleRegistry.get().find("BK202").fix().strip().lines().findFirst().orElseThrow();
        assertTrue(run.out().contains(ruleFix), "the rule's own fix text: " + run.out());
        assertTrue(run.out().contains("https://"), "its sources: " + run.out());
    }

    @Test
    void rulesListsEveryRuleInEachFormat() {
        Run text = Fixtures.run("rules");
        assertEquals(dev.bklint.rules.RuleRegistry.get().metas().size(), text.out().lines().count());
        assertTrue(text.out().lines().anyMatch(l -> l.startsWith("BK201  error    rootless-process-sandbox")));
        String json = Fixtures.run("rules", "--format=json").out();
        assertTrue(json.contains("\"id\": \"BK601\""));
        assertTrue(json.contains("\"id\": \"BK201\",") && json.contains("\"fixApplicability\": \"safe\""), json);
        assertTrue(json.contains("\"fixApplicability\": \"unsafe\"") && json.contains("\"fixApplicability\": null"),
                json);
        assertTrue(Fixtures.run("rules", "--format=markdown").out().startsWith("| id | name | severity | summary |"));
    }

    @Test
    void inspectShowsModeEvidenceAndAssumedVersion() {
        Run run = Fixtures.run("inspect", "fixtures/guide/rootless-strict.yml");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("Kubernetes version: 1.36 (assumed; set --kubernetes-version)\n"), run.out());
        assertTrue(run.out().contains("mode:      rootless-strict"), run.out());
        assertTrue(run.out().contains("sandbox: --oci-worker-no-process-sandbox (an inline prefix of the command)"
                + " (line 9, column 7)"), run.out());
    }

    @Test
    void inspectShowsEachStepsInterposerAndWhereItWasSet() {
        Run run = Fixtures.run("inspect", "fixtures/rules/BK614/fires.yml");
        assertTrue(run.out().contains("interposer: buildkite (from the plugin's `commandParams.interposer`)"),
                run.out());
        Run plain = Fixtures.run("inspect", "fixtures/rules/BK209/fires.yml");
        assertTrue(!plain.out().contains("interposer:"), plain.out()); // a manifest pod has no interposer
    }
}
