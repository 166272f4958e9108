package dev.bklint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.Fixtures;
import dev.bklint.Fixtures.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .bklint.yaml: its settings take effect, a bad one is refused with its position, `bklint config` explains. */
class ConfigFileTest {
    private static final String GUIDE = "fixtures/guide/privileged.yml";

    @Test
    void rulesCanBeTurnedOffAndReSeveritied(@TempDir Path dir) throws IOException {
        Path config = write(dir, "rules:\n  BK303: off\n  BK109: error\n");
        Run plain = Fixtures.run("--format=json", "--fail-on=never", GUIDE);
        assertTrue(plain.out().contains("\"rule\": \"BK303\""), plain.out());
        Run configured = Fixtures.run("--config", config.toString(), "--format=json", "--fail-on=never", GUIDE);
        assertFalse(configured.out().contains("\"rule\": \"BK303\""), configured.out());
        assertTrue(configured.out().matches("(?s).*\"rule\": \"BK109\",\\s*\"name\": \"[a-z-]+\",\\s*"
                + "\"severity\": \"error\".*"), configured.out());
        assertEquals(1, Fixtures.run("--config", config.toString(), GUIDE).exit());
    }

    @Test
    void failOnComesFromTheFileUnlessTheFlagSaysOtherwise(@TempDir Path dir) throws IOException {
        Path config = write(dir, "fail-on: info\n");
        assertEquals(1, Fixtures.run("--config", config.toString(), GUIDE).exit());
        assertEquals(0, Fixtures.run("--config", config.toString(), "--fail-on=error", GUIDE).exit());
    }

    @Test
    void ignoredPathsAreSkippedRelativeToTheFile(@TempDir Path dir) throws IOException {
        Path pipelines = Files.createDirectories(dir.resolve("ci"));
        Files.copy(Path.of(GUIDE), pipelines.resolve("old.yml"));
        Files.copy(Path.of(GUIDE), pipelines.resolve("new.yml"));
        Path config = write(dir, "ignore:\n  - ci/old.yml\n");
        Run run = Fixtures.run("--config", config.toString(), "--format=json", "--fail-on=never", pipelines.toString());
        assertFalse(run.out().contains("old.yml"), run.out());
        assertTrue(run.out().contains("new.yml"), run.out());
        Path byRule = write(dir, "ignore:\n  BK109:\n    - ci/*.yml\n");
        Run perRule = Fixtures.run("--config", byRule.toString(), "--format=json", "--fail-on=never", pipelines.toString());
        assertFalse(perRule.out().contains("\"rule\": \"BK109\""), perRule.out());
        assertTrue(perRule.out().contains("\"rule\": \"BK303\""), perRule.out());
    }

    @Test
    void unknownKeysAndBadValuesAreErrorsWithAPosition(@TempDir Path dir) throws IOException {
        Path config = write(dir, "kubernetes-version: \"1.30\"\nfail_on: error\n");
        Run run = Fixtures.run("--config", config.toString(), GUIDE);
        assertEquals(2, run.exit());
        assertEquals("bklint: configuration: " + config + ":2:1: unknown key `fail_on` (known: kubernetes-version, "
                + "pod-security-level, fail-on, controller-config, project-dir, rules, ignore)\n", run.err());
        Path badValue = write(dir, "rules:\n  BK301: sometimes\n");
        Run bad = Fixtures.run("--config", badValue.toString(), GUIDE);
        assertEquals(2, bad.exit());
        assertTrue(bad.err().startsWith("bklint: configuration: " + badValue + ":2:10: `rules.BK301`: "), bad.err());
        Path broken = write(dir, "rules: [\n");
        Run yaml = Fixtures.run("--config", broken.toString(), GUIDE);
        assertEquals(2, yaml.exit());
        assertTrue(yaml.err().startsWith("bklint: configuration: " + broken + ":2:1: "), yaml.err());
    }

    @Test
    void configCommandSaysWhereEachValueCameFrom(@TempDir Path dir) throws IOException {
        Path config = write(dir, "kubernetes-version: \"1.29\"\nrules:\n  BK303: off\n");
        Run run = Fixtures.run("config", "--config", config.toString(), "--pod-security-level", "baseline");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("kubernetes-version:    1.29  (" + config + ")"), run.out());
        assertTrue(run.out().contains("pod-security-level:    baseline  (--pod-security-level)"), run.out());
        assertTrue(run.out().contains("fail-on:               warning  (default)"), run.out());
        assertTrue(run.out().contains("rules.BK303:           off  (" + config + ")"), run.out());
    }

    @Test
    void publishedSchemaIsTheOneInTheJar() throws IOException {
        assertEquals(Files.readString(Path.of("docs/bklint-config.schema.json")),
                Files.readString(Path.of("src/main/resources/dev/bklint/config/bklint-config.schema.json")));
    }

    private static Path write(Path dir, String text) throws IOException {
        Path file = Files.createTempFile(dir, "bklint", ".yaml");
        Files.writeString(file, text);
        return file;
    }
}
