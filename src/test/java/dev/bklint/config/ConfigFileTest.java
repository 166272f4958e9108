package dev.bklint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    void aProjectDirThatIsNotAFolderIsAnErrorAtItsValue(@TempDir Path dir) throws IOException {
        Files.createDirectory(dir.resolve(".git"));
        Path config = write(dir, "kubernetes-version: \"1.30\"\nproject-dir: checkout\n");
        Run missing = Fixtures.run("--config", config.toString(), GUIDE);
        assertEquals(2, missing.exit());
        assertEquals("bklint: configuration: " + config + ":2:14: `project-dir`: checkout: no such folder\n",
                missing.err());
        Files.writeString(dir.resolve("checkout"), "a file\n");
        assertTrue(Fixtures.run("--config", config.toString(), GUIDE).err().endsWith("checkout: not a folder\n"));
        Files.delete(dir.resolve("checkout"));
        Files.createDirectory(dir.resolve("checkout"));
        assertEquals(1, Fixtures.run("--config", config.toString(), GUIDE).exit(), "a folder: the lint runs");
        Path loud = write(dir, "rules:\n  BK201: loud\n");
        ConfigFile.ConfigError e = assertThrows(ConfigFile.ConfigError.class, () -> ConfigFile.load(loud));
        assertEquals(2, e.span().line(), "the position, apart from the words: " + e.getMessage());
        assertEquals(10, e.span().column(), e.getMessage());
        assertEquals(loud + ":2:10: " + e.detail(), e.getMessage(), "the message is the position, then the detail");
        assertTrue(e.detail().startsWith("`rules.BK201`: "), e.detail());
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
    void anUnquotedVersionIsAskedToBeQuoted(@TempDir Path dir) throws IOException {
        Path config = write(dir, "kubernetes-version: 1.30\n");
        Run run = Fixtures.run("--config", config.toString(), GUIDE);
        assertEquals(2, run.exit());
        assertEquals("bklint: configuration: " + config + ":1:21: `kubernetes-version`: quote it: `\"1.30\"` "
                + "(unquoted, YAML reads 1.30 as the number 1.3)\n", run.err());
    }

    @Test
    void wrongValuesAreNamedInTheUsersWords(@TempDir Path dir) throws IOException {
        Path failOn = write(dir, "fail-on: warnings\n");
        assertEquals("bklint: configuration: " + failOn + ":1:10: `fail-on`: `warnings` is not one of error, warning, "
                + "info, never; did you mean warning?\n", Fixtures.run("--config", failOn.toString(), GUIDE).err());
        Path list = write(dir, "rules: [BK303]\n");
        assertEquals("bklint: configuration: " + list + ":1:8: `rules`: expected a mapping, found a list\n",
                Fixtures.run("--config", list.toString(), GUIDE).err());
    }

    @Test
    void rulesAreNamedByIdOrNameAndAnUnknownOneIsAnError(@TempDir Path dir) throws IOException {
        Path byName = write(dir, "rules:\n  cache-ephemeral: off\n");
        Run named = Fixtures.run("--config", byName.toString(), "--format=json", "--fail-on=never", GUIDE);
        assertEquals(0, named.exit(), named.err());
        assertFalse(named.out().contains("\"rule\": \"BK303\""), named.out());
        Path unknown = write(dir, "rules:\n  BK999: off\n");
        Run run = Fixtures.run("--config", unknown.toString(), GUIDE);
        assertEquals(2, run.exit());
        assertEquals("bklint: configuration: " + unknown + ":2:3: `rules`: no rule `BK999` (bklint rules lists "
                + "them)\n", run.err());
        Path typo = write(dir, "ignore:\n  cache-ephemerl:\n    - ci/*.yml\n");
        assertEquals("bklint: configuration: " + typo + ":2:3: `ignore`: no rule `cache-ephemerl`; did you mean "
                + "cache-ephemeral? (bklint rules lists them)\n", Fixtures.run("--config", typo.toString(), GUIDE).err());
    }

    @Test
    void oneIgnoreListHoldsBothForms(@TempDir Path dir) throws IOException {
        Path pipelines = Files.createDirectories(dir.resolve("ci"));
        Files.copy(Path.of(GUIDE), pipelines.resolve("old.yml"));
        Files.copy(Path.of(GUIDE), pipelines.resolve("new.yml"));
        Path config = write(dir, "ignore:\n  - ci/old.yml\n  - BK109: [ci/*.yml]\n");
        Run run = Fixtures.run("--config", config.toString(), "--format=json", "--fail-on=never", pipelines.toString());
        assertEquals(0, run.exit(), run.err());
        assertFalse(run.out().contains("old.yml"), run.out());
        assertFalse(run.out().contains("\"rule\": \"BK109\""), run.out());
        assertTrue(run.out().contains("\"rule\": \"BK303\""), run.out());
    }

    @Test
    void bothSpellingsInOneFolderAreAnError(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".bklint.yaml"), "fail-on: error\n");
        Files.writeString(dir.resolve(".bklint.yml"), "fail-on: info\n");
        ConfigFile.ConfigError e = assertThrows(ConfigFile.ConfigError.class, () -> ConfigFile.discover(dir));
        assertEquals(dir.toAbsolutePath().normalize() + ": both .bklint.yaml and .bklint.yml; keep one",
                e.getMessage());
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
