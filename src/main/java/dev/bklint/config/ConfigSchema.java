package dev.bklint.config;

import dev.bklint.schema.JsonView;
import dev.bklint.source.Span;
import dev.bklint.text.Suggestions;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import java.math.BigDecimal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everit.json.schema.EnumSchema;
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
            throw new ConfigFile.ConfigError(path, root.span(), "the configuration must be a mapping, not "
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
            if (origin != null) {
                message = inUsersWords(first, origin.node(), origin.path(), message);
            }
            String at = origin == null || origin.path().isEmpty() ? "" : "`" + origin.path() + "`: ";
            throw new ConfigFile.ConfigError(path, span, at + message);
        }
    }

    private static final Pattern TYPE = Pattern.compile("expected type: (\\w+), found: (\\w+)");
    private static final Pattern NAME = Pattern.compile("string \\[(.*)\\] does not match pattern .*");

    /**
     * The schema library's message in the words of the YAML the user wrote: "a list", not JSONArray; the valid
     * values of a choice; and for an unquoted {@code 1.30}, which YAML reads as the number 1.3, "quote it".
     */
    private static String inUsersWords(ValidationException e, YNode node, String path, String message) {
        Matcher type = TYPE.matcher(message);
        if ("type".equals(e.getKeyword()) && type.matches()) {
            if (type.group(1).equals("String") && node instanceof YScalar s && s.style() == YScalar.Style.PLAIN) {
                return "quote it: `\"" + s.value() + "\"`" + readAs(s.value());
            }
            return "expected " + kind(type.group(1)) + ", found " + kind(type.group(2));
        }
        if (e.getViolatedSchema() instanceof EnumSchema choice) {
            List<String> valid = choice.getPossibleValuesAsList().stream().map(String::valueOf).toList();
            String written = node instanceof YScalar s ? s.value() : node.kindName();
            List<String> near = Suggestions.nearest(written, valid);
            return "`" + written + "` is not one of " + String.join(", ", valid)
                    + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?");
        }
        Matcher name = NAME.matcher(message);
        if (name.matches()) {
            // Only the version and rule keys have a pattern.
            return path.equals("kubernetes-version")
                    ? "`" + name.group(1) + "` is not a version like \"1.30\""
                    : "`" + name.group(1) + "` is not a rule id (BK301) or name (cache-path-mismatch)";
        }
        return message;
    }

    /** What YAML makes of an unquoted number, when that differs from what was written. */
    private static String readAs(String written) {
        try {
            String number = new BigDecimal(written).stripTrailingZeros().toPlainString();
            return number.equals(written) ? " (unquoted, YAML reads it as a number)"
                    : " (unquoted, YAML reads " + written + " as the number " + number + ")";
        } catch (NumberFormatException e) {
            return " (unquoted, YAML does not read it as text)";
        }
    }

    /** A JSON type, as the schema library names it, as YAML calls it. */
    private static String kind(String jsonType) {
        return switch (jsonType) {
            case "String" -> "text";
            case "JSONObject" -> "a mapping";
            case "JSONArray" -> "a list";
            case "Boolean" -> "true or false";
            case "BigDecimal", "BigInteger", "Integer", "Long", "Double", "Float", "Number" -> "a number";
            default -> "nothing".equals(jsonType.toLowerCase(Locale.ROOT)) || jsonType.startsWith("Null")
                    ? "nothing (null)" : jsonType;
        };
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

}
