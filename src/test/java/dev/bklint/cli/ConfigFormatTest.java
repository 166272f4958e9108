package dev.bklint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.Fixtures;
import dev.bklint.Fixtures.Run;
import dev.bklint.source.SourceFile;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YamlLoader;
import org.junit.jupiter.api.Test;

/** {@code bklint config --format json}: the same settings as the text, for scripts. */
class ConfigFormatTest {
    @Test
    void jsonHasEachSettingWithItsValueAndOrigin() throws Exception {
        Run run = Fixtures.run("config", "--no-config", "--format", "json", "--fail-on", "error");
        assertEquals(0, run.exit(), run.err());
        // JSON is YAML: bklint's own loader reads it back
        YMap settings = YamlLoader.load(new SourceFile("config.json", run.out())).get(0).root().asMap();
        assertEquals("error", settings.getMap("fail-on").string("value"));
        assertEquals("--fail-on", settings.getMap("fail-on").string("origin"));
        assertEquals("default", settings.getMap("pod-security-level").string("origin"));
        assertNull(settings.getMap("pod-security-level").string("value"), "not set is null, not a sentence");
        Run text = Fixtures.run("config", "--no-config", "--fail-on", "error");
        assertEquals(text.out().lines().count(), settings.entries().size(), "the same settings as the text");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Run run = Fixtures.run("config", "--format", "yaml");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("bklint: ") && run.err().contains("json"), run.err());
    }
}
