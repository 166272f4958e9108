package dev.bklint.config;

import dev.bklint.yaml.YNode;
import java.nio.file.Path;

/** Checks a configuration against the JSON Schema shipped in the jar (also published as docs/bklint-config.schema.json). */
final class ConfigSchema {
    private ConfigSchema() {
    }

    static void check(Path path, YNode root) throws ConfigFile.ConfigError {
        // Filled in with the schema validator once the shared YAML-to-JSON view lands.
    }
}
