package dev.bklint.config;

import dev.bklint.schema.JsonView;
import dev.bklint.source.Span;
import dev.bklint.yaml.YNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;

/**
 * Checks a configuration against the JSON Schema shipped in the jar (published as docs/bklint-config.schema.json
 * for editors). The first violation becomes an error naming the file, line and column of the offending key or value.
 */
final class ConfigSchema {
    static final String RESOURCE = "/dev/bklint/config/bklint-config.schema.json";

    private ConfigSchema() {
    }

    private static final class Holder {
        static final Schema SCHEMA = load();
    }

    private static Schema load() {
        try (InputStream in = ConfigSchema.class.getResourceAsStream(RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaLoader.builder().schemaJson(new JSONObject(text)).draftV7Support().build().load().build();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the configuration schema is missing from the jar", e);
        }
    }

    static void check(Path path, YNode root) throws ConfigFile.ConfigError {
        if (root.asMap() == null) {
            throw new ConfigFile.ConfigError(where(path, root.span()) + "the configuration must be a mapping, not "
                    + root.kindName());
        }
        JsonView view = JsonView.of(root, Map.of());
        try {
            Holder.SCHEMA.validate(view.json());
        } catch (ValidationException e) {
            List<ValidationException> leaves = new ArrayList<>();
            leaves(e, leaves);
            ValidationException first = leaves.get(0);
            JsonView.Origin origin = view.at(first.getPointerToViolation());
            String message = first.getErrorMessage();
            Span span = origin == null ? root.span() : origin.node().span();
            if ("additionalProperties".equals(first.getKeyword()) && origin != null && origin.node().asMap() != null) {
                String key = message.replaceFirst("^extraneous key \\[(.*)\\] is not permitted$", "$1");
                var entry = origin.node().asMap().entry(key);
                if (entry != null) {
                    span = entry.key().span();
                    message = "unknown key `" + key + "` (known: kubernetes-version, pod-security-level, fail-on, "
                            + "controller-config, project-dir, rules, ignore)";
                }
            }
            String at = origin == null || origin.path().isEmpty() ? "" : "`" + origin.path() + "`: ";
            throw new ConfigFile.ConfigError(where(path, span) + at + message);
        }
    }

    private static void leaves(ValidationException e, List<ValidationException> into) {
        if (e.getCausingExceptions().isEmpty()) {
            into.add(e);
            return;
        }
        for (ValidationException cause : e.getCausingExceptions()) {
            leaves(cause, into);
        }
    }

    private static String where(Path path, Span span) {
        return path + ":" + span.line() + ":" + span.column() + ": ";
    }
}
